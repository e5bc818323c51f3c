package dev.monotable.local.expression;

import dev.monotable.local.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A parsed projection expression: the document paths to return. */
public final class Projection {
  private final List<DocumentPath> paths;
  private final Node root = new Node();

  /** One level of the projection tree: either the whole value, or some of its keys or indexes. */
  private static final class Node {
    boolean whole;
    final Map<String, Node> keys = new LinkedHashMap<>();
    final TreeMap<Integer, Node> indexes = new TreeMap<>();
  }

  Projection(List<DocumentPath> paths) {
    this.paths = List.copyOf(paths);
    for (DocumentPath path : this.paths) {
      Node node = root;
      for (Object element : path.elements()) {
        node = element instanceof Integer index
            ? node.indexes.computeIfAbsent(index, i -> new Node())
            : node.keys.computeIfAbsent((String) element, k -> new Node());
      }
      node.whole = true;
    }
  }

  /** A projection of {@code paths}, such as the paths an update writes (UpdateItem's UPDATED_OLD and UPDATED_NEW). */
  public static Projection of(List<DocumentPath> paths) {
    return new Projection(paths);
  }

  /** The projected paths, in the order written. */
  public List<DocumentPath> paths() {
    return paths;
  }

  /**
   * The projected copy of {@code item}: nested paths keep their structure, list elements keep their
   * relative order, paths that are not there are left out. The input is not changed.
   */
  public Map<String, Value> apply(Map<String, Value> item) {
    Map<String, Value> result = new LinkedHashMap<>();
    for (Map.Entry<String, Node> entry : root.keys.entrySet()) {
      Value value = item.get(entry.getKey());
      Value projected = value == null ? null : project(value, entry.getValue());
      if (projected != null) {
        result.put(entry.getKey(), projected);
      }
    }
    return result;
  }

  private static Value project(Value value, Node node) {
    if (node.whole) {
      return value;
    }
    if (!node.keys.isEmpty() && value instanceof Value.M map) {
      Map<String, Value> kept = new LinkedHashMap<>();
      for (Map.Entry<String, Node> entry : node.keys.entrySet()) {
        Value child = map.values().get(entry.getKey());
        Value projected = child == null ? null : project(child, entry.getValue());
        if (projected != null) {
          kept.put(entry.getKey(), projected);
        }
      }
      return kept.isEmpty() ? null : new Value.M(kept);
    }
    if (!node.indexes.isEmpty() && value instanceof Value.L list) {
      List<Value> kept = new ArrayList<>();
      for (Map.Entry<Integer, Node> entry : node.indexes.entrySet()) {
        if (entry.getKey() < list.values().size()) {
          Value projected = project(list.values().get(entry.getKey()), entry.getValue());
          if (projected != null) {
            kept.add(projected);
          }
        }
      }
      return kept.isEmpty() ? null : new Value.L(kept);
    }
    return null;
  }

  @Override
  public String toString() {
    return paths.toString();
  }
}
