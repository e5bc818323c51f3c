package dev.monotable.runtime.internal;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How values of one Java type are written into key templates: the order-preserving encoding of
 * {@link KeyEncoding}, and what every encoding looks like — its characters, its pattern and its
 * fewest UTF-8 bytes — which the processor's build-time key checks assume (a test holds the two
 * together). Generated key builders pass the constant of their field's type: {@code
 * SORT_KEY.encode("orderDate", KeyTypes.INSTANT, orderDate)}.
 *
 * @param <V> the Java type
 */
public final class KeyType<V> {
  private final String name;
  private final Function<V, String> encoding;
  private final String characters;
  private final Pattern pattern;
  private final int minimumBytes;

  /**
   * A key type named {@code name} (for messages), encoded by {@code encoding}, whose encodings use
   * only {@code characters} (null for any), match {@code pattern} and take at least
   * {@code minimumBytes} bytes in UTF-8.
   */
  KeyType(String name, Function<V, String> encoding, String characters, String pattern, int minimumBytes) {
    this.name = name;
    this.encoding = encoding;
    this.characters = characters;
    this.pattern = Pattern.compile(pattern);
    this.minimumBytes = minimumBytes;
  }

  /**
   * The encoding of {@code value}, not null.
   *
   * @throws IllegalArgumentException or {@link java.time.DateTimeException} for a value outside the
   *     encoding's range
   */
  public String encode(V value) {
    return encoding.apply(value);
  }

  /** The type's name, for messages. */
  public String name() {
    return name;
  }

  /** The characters an encoding may use, or null when any may appear (strings). */
  public String characters() {
    return characters;
  }

  /** What every encoding of a value matches. */
  public Pattern pattern() {
    return pattern;
  }

  /** The fewest UTF-8 bytes an encoding takes (a fixed width for numbers and times). */
  public int minimumBytes() {
    return minimumBytes;
  }

  @Override
  public String toString() {
    return "KeyType[" + name + "]";
  }
}
