package dev.monotable.runtime.internal;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the typed paths of generated {@code <Type>Fields} classes, each with the codec of its
 * field, so that values compare exactly as they are stored. Users continue them with
 * {@link Path#then(Path)} and compare them; they never name a codec.
 *
 * <pre>{@code
 * public static final Path<String> EMAIL = AttributePaths.of("email", AttributeCodecs.STRING);
 * }</pre>
 */
public final class AttributePaths {
  private AttributePaths() {}

  /** The top-level attribute {@code name}, whose values {@code codec} converts. */
  public static <V> Path<V> of(String name, AttributeCodec<V> codec) {
    return TypedPath.of(List.of(name), codec);
  }

  /** The attribute {@code name} of the document (map) at {@code document}. */
  public static <W> Path<W> attribute(Path<?> document, String name, AttributeCodec<W> codec) {
    List<Object> longer = new ArrayList<>(TypedPath.of(document).segments());
    longer.add(name);
    return TypedPath.of(longer, codec);
  }

  /** The element at {@code position} of the list at {@code list}. */
  public static <E> Path<E> index(Path<?> list, int position, AttributeCodec<E> elementCodec) {
    if (position < 0) {
      throw new IllegalArgumentException("a list position is not negative: " + position);
    }
    List<Object> longer = new ArrayList<>(TypedPath.of(list).segments());
    longer.add(position);
    return TypedPath.of(longer, elementCodec);
  }

  /** The string at {@code path} contains {@code element}, or the set or list there contains it. */
  public static <E> Condition contains(Path<?> path, E element, AttributeCodec<E> elementCodec) {
    return TypedPath.of(path).contains(elementCodec.write(element));
  }
}
