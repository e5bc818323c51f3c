package dev.monotable.runtime.internal;

import dev.monotable.runtime.MappingException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What DynamoDB refuses in the shape of a value, checked before anything is sent: lists and maps
 * nested more than 32 levels deep, and maps with an empty key. Levels are counted as DynamoDB (and
 * monotable-local) counts them: an item attribute that is a list or map is level 1, a list or map in
 * it level 2, and so on; sets and scalars are no level. A refusal is a {@link MappingException}
 * that the writers place at its attribute path ({@code Tree.root.next.next}).
 *
 * <p>Values the codecs build are counted as they are written, so a document that nests itself
 * 5,000 times is refused at level 33 rather than overflowing the stack. Generated schemas pass no
 * context from one level to the next, so the number of levels being written is kept per thread,
 * and always restored on the way out. Values from user converters are walked once written, with
 * an explicit stack, not recursion.
 */
final class ValueShape {
  /** The deepest DynamoDB nests lists and maps. */
  static final int MAX_LEVELS = 32;

  /** How many lists and maps, one inside the other, this thread is writing. */
  private static final ThreadLocal<int[]> LEVELS = ThreadLocal.withInitial(() -> new int[1]);

  private ValueShape() {}

  /**
   * Enters a list or map the codecs are writing; pass what it returns to {@link #exit} in a
   * {@code finally}.
   *
   * @throws MappingException when it would be level 33
   */
  static int[] enter() {
    int[] levels = LEVELS.get();
    if (levels[0] >= MAX_LEVELS) {
      throw tooDeep();
    }
    levels[0]++;
    return levels;
  }

  /** Leaves the list or map {@link #enter} entered. */
  static void exit(int[] levels) {
    levels[0]--;
  }

  /**
   * Checks a map key.
   *
   * @throws MappingException for a null or empty key
   */
  static void checkKey(String key) {
    if (key == null) {
      throw new MappingException("a map key is null; DynamoDB map keys are non-empty strings");
    }
    if (key.isEmpty()) {
      throw new MappingException("a map key is empty (\"\"); DynamoDB refuses empty map keys");
    }
  }

  /**
   * Checks a value a user converter wrote, at the level being written: its nesting and its map keys.
   *
   * @throws MappingException whose attribute is the path inside the value ({@code a.b[2]})
   */
  static void check(AttributeValue value) {
    if (!isContainer(value)) {
      return;
    }
    Deque<Node> pending = new ArrayDeque<>();
    pending.push(new Node(value, LEVELS.get()[0], null, null));
    while (!pending.isEmpty()) {
      Node node = pending.pop();
      if (node.level >= MAX_LEVELS) {
        throw placed(node, tooDeep());
      }
      if (node.value.hasL()) {
        List<AttributeValue> elements = node.value.l();
        for (int i = 0; i < elements.size(); i++) {
          if (isContainer(elements.get(i))) {
            pending.push(new Node(elements.get(i), node.level + 1, node, "[" + i + "]"));
          }
        }
      } else {
        for (Map.Entry<String, AttributeValue> entry : node.value.m().entrySet()) {
          try {
            checkKey(entry.getKey());
          } catch (MappingException e) {
            throw placed(node, e);
          }
          if (isContainer(entry.getValue())) {
            pending.push(new Node(entry.getValue(), node.level + 1, node, entry.getKey()));
          }
        }
      }
    }
  }

  private static boolean isContainer(AttributeValue value) {
    return value != null && (value.hasM() || value.hasL());
  }

  private static MappingException tooDeep() {
    return new MappingException("lists and maps are nested more than " + MAX_LEVELS
        + " levels deep, which DynamoDB refuses");
  }

  /** The failure placed at the node's path inside the converter's value. */
  private static MappingException placed(Node node, MappingException failure) {
    List<String> segments = new ArrayList<>();
    for (Node at = node; at.parent != null; at = at.parent) {
      segments.add(at.segment);
    }
    StringBuilder path = new StringBuilder();
    for (int i = segments.size() - 1; i >= 0; i--) {
      String segment = segments.get(i);
      if (path.length() > 0 && !segment.startsWith("[")) {
        path.append('.');
      }
      path.append(segment);
    }
    return path.length() == 0 ? failure : new MappingException(null, path.toString(), failure.detail(), null);
  }

  /** A list or map still to check: its value, its level, and how it was reached. */
  private record Node(AttributeValue value, int level, Node parent, String segment) {}
}
