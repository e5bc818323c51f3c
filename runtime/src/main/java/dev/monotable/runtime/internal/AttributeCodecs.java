package dev.monotable.runtime.internal;

import dev.monotable.runtime.AttributeConverter;
import dev.monotable.runtime.MappingException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The codecs of every supported attribute type (DESIGN §6) and the combinators generated schemas
 * compose them with.
 *
 * <p>Storage: strings, enums (by name), UUIDs, URIs, dates and times as S; numbers as N; binary as
 * B; {@code List} as L; {@code Set} of strings, numbers or binary as SS, NS or BS (an empty set is
 * not written and reads back empty); {@code Map<String, T>} and documents as M. A null element of a
 * list or value of a map is NULL and reads back null, whatever its type; an empty set there, where
 * it cannot be left out, is an empty list (L). {@code Instant} and
 * {@code LocalDateTime} are written in a fixed-width form with nanoseconds
 * ({@code 2024-05-01T09:30:00.000000000Z}) so that a raw index sort key on them sorts in time
 * order; years outside 0000–9999 fall back to ISO-8601, which still reads back exactly.
 *
 * <p>Lists, maps and documents nested more than 32 levels deep, and maps with an empty key, are
 * refused with a {@link MappingException} as they are written, before anything is sent (DynamoDB
 * would refuse them); so are such values from converters.
 */
public final class AttributeCodecs {
  private AttributeCodecs() {}

  /** An empty set where one cannot be left out. */
  private static final AttributeValue EMPTY_LIST = AttributeValue.fromL(List.of());

  /** {@code String} as S; the empty string is stored as it is. */
  public static final AttributeCodec<String> STRING = new AttributeCodec<>() {
    @Override public AttributeValue write(String value) {
      return AttributeValue.fromS(value);
    }

    @Override public String read(AttributeValue value) {
      return string(value);
    }
  };

  /** {@code Boolean} as BOOL. */
  public static final AttributeCodec<Boolean> BOOLEAN = new AttributeCodec<>() {
    @Override public AttributeValue write(Boolean value) {
      return AttributeValue.fromBool(value);
    }

    @Override public Boolean read(AttributeValue value) {
      if (value.bool() == null) {
        throw mismatch("a boolean (BOOL)", value);
      }
      return value.bool();
    }
  };

  /** {@code Byte} as N. */
  public static final AttributeCodec<Byte> BYTE = new AttributeCodec<>() {
    @Override public AttributeValue write(Byte value) {
      return AttributeValue.fromN(value.toString());
    }

    @Override public Byte read(AttributeValue value) {
      return (byte) integral(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
    }
  };

  /** {@code Short} as N. */
  public static final AttributeCodec<Short> SHORT = new AttributeCodec<>() {
    @Override public AttributeValue write(Short value) {
      return AttributeValue.fromN(value.toString());
    }

    @Override public Short read(AttributeValue value) {
      return (short) integral(value, Short.MIN_VALUE, Short.MAX_VALUE, "short");
    }
  };

  /** {@code Integer} as N. */
  public static final AttributeCodec<Integer> INTEGER = new AttributeCodec<>() {
    @Override public AttributeValue write(Integer value) {
      return AttributeValue.fromN(value.toString());
    }

    @Override public Integer read(AttributeValue value) {
      return (int) integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
    }
  };

  /** {@code Long} as N. */
  public static final AttributeCodec<Long> LONG = new AttributeCodec<>() {
    @Override public AttributeValue write(Long value) {
      return AttributeValue.fromN(value.toString());
    }

    @Override public Long read(AttributeValue value) {
      return integral(value, Long.MIN_VALUE, Long.MAX_VALUE, "long");
    }
  };

  /** {@code Float} as N; NaN and infinities are refused. */
  public static final AttributeCodec<Float> FLOAT = new AttributeCodec<>() {
    @Override public AttributeValue write(Float value) {
      if (value.isNaN() || value.isInfinite()) {
        throw new MappingException("cannot store " + value + ": DynamoDB numbers are finite");
      }
      // a float has at most 9 digits and lies within 1E-45 and 4E+38: DynamoDB stores every finite one
      return AttributeValue.fromN(value.toString());
    }

    @Override public Float read(AttributeValue value) {
      return decimal(value).floatValue();
    }
  };

  /** {@code Double} as N; NaN and infinities are refused. */
  public static final AttributeCodec<Double> DOUBLE = new AttributeCodec<>() {
    @Override public AttributeValue write(Double value) {
      if (value.isNaN() || value.isInfinite()) {
        throw new MappingException("cannot store " + value + ": DynamoDB numbers are finite");
      }
      double magnitude = Math.abs(value);
      // Double.toString gives at most 17 digits and rises with the value: only the exponent can be out of range
      if (magnitude != 0 && (magnitude < 1e-130 || magnitude >= 1e126)) {
        Numbers.checked(BigDecimal.valueOf(value));
      }
      return AttributeValue.fromN(value.toString());
    }

    @Override public Double read(AttributeValue value) {
      return decimal(value).doubleValue();
    }
  };

  /**
   * {@code BigDecimal} as N. DynamoDB keeps the value, not the scale: {@code 1.50} reads back as
   * {@code 1.5}.
   */
  public static final AttributeCodec<BigDecimal> BIG_DECIMAL = new AttributeCodec<>() {
    @Override public AttributeValue write(BigDecimal value) {
      return AttributeValue.fromN(Numbers.checked(value));
    }

    @Override public BigDecimal read(AttributeValue value) {
      return decimal(value);
    }
  };

  /** {@code BigInteger} as N. */
  public static final AttributeCodec<BigInteger> BIG_INTEGER = new AttributeCodec<>() {
    @Override public AttributeValue write(BigInteger value) {
      if (value.bitLength() > 126) {
        // below 2^126 a value has at most 38 digits, all of which DynamoDB keeps
        Numbers.checked(new BigDecimal(value));
      }
      return AttributeValue.fromN(value.toString());
    }

    @Override public BigInteger read(AttributeValue value) {
      try {
        return decimal(value).toBigIntegerExact();
      } catch (ArithmeticException e) {
        throw new MappingException("expected an integer but found N " + value.n());
      }
    }
  };

  /** {@code Instant} as S in a fixed-width UTC form with nanoseconds. */
  public static final AttributeCodec<Instant> INSTANT = new AttributeCodec<>() {
    @Override public AttributeValue write(Instant value) {
      return AttributeValue.fromS(FixedWidthTime.covers(value) ? FixedWidthTime.instant(value) : value.toString());
    }

    @Override public Instant read(AttributeValue value) {
      String text = string(value);
      Instant fixedWidth = FixedWidthTime.parseInstant(text);
      if (fixedWidth != null) {
        return fixedWidth;
      }
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw unparsable("an instant", text);
      }
    }
  };

  /** An {@code Instant} as N epoch seconds, as DynamoDB's time to live reads it (sub-second parts are cut). */
  public static final AttributeCodec<Instant> EPOCH_SECONDS = new AttributeCodec<>() {
    @Override public AttributeValue write(Instant value) {
      return AttributeValue.fromN(Long.toString(value.getEpochSecond()));
    }

    @Override public Instant read(AttributeValue value) {
      return Instant.ofEpochSecond(integral(value, Long.MIN_VALUE, Long.MAX_VALUE, "long"));
    }
  };

  /** {@code LocalDate} as S, ISO-8601. */
  public static final AttributeCodec<LocalDate> LOCAL_DATE = new AttributeCodec<>() {
    @Override public AttributeValue write(LocalDate value) {
      return AttributeValue.fromS(value.toString());
    }

    @Override public LocalDate read(AttributeValue value) {
      String text = string(value);
      LocalDate plain = FixedWidthTime.parseLocalDate(text);
      if (plain != null) {
        return plain;
      }
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw unparsable("a date", text);
      }
    }
  };

  /** {@code LocalDateTime} as S in a fixed-width form with nanoseconds. */
  public static final AttributeCodec<LocalDateTime> LOCAL_DATE_TIME = new AttributeCodec<>() {
    @Override public AttributeValue write(LocalDateTime value) {
      return AttributeValue.fromS(FixedWidthTime.covers(value.getYear())
          ? FixedWidthTime.localDateTime(value) : value.toString());
    }

    @Override public LocalDateTime read(AttributeValue value) {
      String text = string(value);
      LocalDateTime fixedWidth = FixedWidthTime.parseLocalDateTime(text);
      if (fixedWidth != null) {
        return fixedWidth;
      }
      try {
        return LocalDateTime.parse(text);
      } catch (DateTimeParseException e) {
        throw unparsable("a local date-time", text);
      }
    }
  };

  /** {@code OffsetDateTime} as S, ISO-8601 with its offset (kept, so the value reads back equal). */
  public static final AttributeCodec<OffsetDateTime> OFFSET_DATE_TIME = new AttributeCodec<>() {
    @Override public AttributeValue write(OffsetDateTime value) {
      return AttributeValue.fromS(value.toString());
    }

    @Override public OffsetDateTime read(AttributeValue value) {
      String text = string(value);
      try {
        return OffsetDateTime.parse(text);
      } catch (DateTimeParseException e) {
        throw unparsable("an offset date-time", text);
      }
    }
  };

  /** {@code ZonedDateTime} as S, ISO-8601 with offset and zone. */
  public static final AttributeCodec<ZonedDateTime> ZONED_DATE_TIME = new AttributeCodec<>() {
    @Override public AttributeValue write(ZonedDateTime value) {
      return AttributeValue.fromS(value.toString());
    }

    @Override public ZonedDateTime read(AttributeValue value) {
      String text = string(value);
      try {
        return ZonedDateTime.parse(text);
      } catch (DateTimeParseException e) {
        throw unparsable("a zoned date-time", text);
      }
    }
  };

  /** {@code Duration} as S, ISO-8601 ({@code PT1H30M}). */
  public static final AttributeCodec<Duration> DURATION = new AttributeCodec<>() {
    @Override public AttributeValue write(Duration value) {
      return AttributeValue.fromS(value.toString());
    }

    @Override public Duration read(AttributeValue value) {
      String text = string(value);
      try {
        return Duration.parse(text);
      } catch (DateTimeParseException e) {
        throw unparsable("a duration", text);
      }
    }
  };

  /** {@code UUID} as S. */
  public static final AttributeCodec<UUID> UUID_CODEC = new AttributeCodec<>() {
    @Override public AttributeValue write(UUID value) {
      return AttributeValue.fromS(value.toString());
    }

    @Override public UUID read(AttributeValue value) {
      String text = string(value);
      try {
        return UUID.fromString(text);
      } catch (IllegalArgumentException e) {
        throw unparsable("a UUID", text);
      }
    }
  };

  /** {@code URI} as S. */
  public static final AttributeCodec<URI> URI_CODEC = new AttributeCodec<>() {
    @Override public AttributeValue write(URI value) {
      return AttributeValue.fromS(value.toString());
    }

    @Override public URI read(AttributeValue value) {
      String text = string(value);
      try {
        return new URI(text);
      } catch (URISyntaxException e) {
        throw unparsable("a URI", text);
      }
    }
  };

  /** {@code byte[]} as B. */
  public static final AttributeCodec<byte[]> BYTE_ARRAY = new AttributeCodec<>() {
    @Override public AttributeValue write(byte[] value) {
      return AttributeValue.fromB(SdkBytes.fromByteArray(value));
    }

    @Override public byte[] read(AttributeValue value) {
      return binary(value).asByteArray();
    }
  };

  /** {@code SdkBytes} as B. */
  public static final AttributeCodec<SdkBytes> SDK_BYTES = new AttributeCodec<>() {
    @Override public AttributeValue write(SdkBytes value) {
      return AttributeValue.fromB(value);
    }

    @Override public SdkBytes read(AttributeValue value) {
      return binary(value);
    }
  };

  /** {@code ByteBuffer} as B; the buffer's remaining bytes are stored, its position is not moved. */
  public static final AttributeCodec<ByteBuffer> BYTE_BUFFER = new AttributeCodec<>() {
    @Override public AttributeValue write(ByteBuffer value) {
      return AttributeValue.fromB(SdkBytes.fromByteBuffer(value.duplicate()));
    }

    @Override public ByteBuffer read(AttributeValue value) {
      return ByteBuffer.wrap(binary(value).asByteArray());
    }
  };

  /** An enum as S, by constant name; an unknown name is a {@link MappingException}. */
  public static <E extends Enum<E>> AttributeCodec<E> enumOf(Class<E> type) {
    return new AttributeCodec<>() {
      @Override public AttributeValue write(E value) {
        return AttributeValue.fromS(value.name());
      }

      @Override public E read(AttributeValue value) {
        String name = string(value);
        try {
          return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
          throw new MappingException(
              "\"" + name + "\" is not a constant of " + type.getSimpleName());
        }
      }
    };
  }

  /** A value through a user converter. */
  public static <T> AttributeCodec<T> converted(AttributeConverter<T> converter) {
    return new AttributeCodec<>() {
      @Override public AttributeValue write(T value) {
        AttributeValue written = converter.toAttributeValue(value);
        ValueShape.check(written);
        return written;
      }

      @Override public T read(AttributeValue value) {
        return converter.fromAttributeValue(value);
      }
    };
  }

  /** A nested document as M. */
  public static <T> AttributeCodec<T> document(DocumentSchema<T> schema) {
    return new AttributeCodec<>() {
      @Override public AttributeValue write(T value) {
        int[] levels = ValueShape.enter();
        try {
          return AttributeValue.fromM(schema.toAttributes(value));
        } finally {
          ValueShape.exit(levels);
        }
      }

      @Override public T read(AttributeValue value) {
        if (!value.hasM()) {
          throw mismatch("a map (M)", value);
        }
        return schema.fromAttributes(value.m());
      }
    };
  }

  /**
   * An {@code Optional}: empty is stored by leaving the attribute out (NULL in a list or map), and
   * reads back empty; a present value is stored even when its type would leave it out, so that
   * {@code Optional.of(emptySet)} reads back present. A null {@code Optional} in a list or map is
   * stored as an empty one, and reads back empty.
   */
  public static <T> AttributeCodec<Optional<T>> optional(AttributeCodec<T> element) {
    return new AttributeCodec<>() {
      @Override public AttributeValue write(Optional<T> value) {
        return value.isPresent() ? element.writeWithin(value.get()) : null;
      }

      @Override public Optional<T> read(AttributeValue value) {
        return Optional.ofNullable(element.read(value));
      }

      @Override public Optional<T> absent() {
        return Optional.empty();
      }

      @Override public Optional<T> ofNull() {
        return Optional.empty();
      }
    };
  }

  /** A {@code List} as L; null elements are stored as NULL and read back null. */
  public static <T> AttributeCodec<List<T>> list(AttributeCodec<T> element) {
    return new AttributeCodec<>() {
      @Override public AttributeValue write(List<T> value) {
        int[] levels = ValueShape.enter();
        try {
          List<AttributeValue> values = new ArrayList<>(value.size());
          for (int i = 0; i < value.size(); i++) {
            T item = value.get(i);
            try {
              values.add(elementValue(element, item));
            } catch (MappingException e) {
              throw ItemReader.within(e, e.type(), "[" + i + "]");
            }
          }
          return AttributeValue.fromL(values);
        } finally {
          ValueShape.exit(levels);
        }
      }

      @Override public List<T> read(AttributeValue value) {
        if (!value.hasL()) {
          throw mismatch("a list (L)", value);
        }
        List<AttributeValue> values = value.l();
        List<T> items = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
          try {
            items.add(elementOf(element, values.get(i)));
          } catch (MappingException e) {
            throw ItemReader.within(e, e.type(), "[" + i + "]");
          }
        }
        return items;
      }
    };
  }

  /**
   * A {@code Map<String, T>} as M; null values are stored as NULL and read back null. A null or
   * empty key is refused, as DynamoDB refuses it.
   */
  public static <T> AttributeCodec<Map<String, T>> map(AttributeCodec<T> element) {
    return new AttributeCodec<>() {
      @Override public AttributeValue write(Map<String, T> value) {
        int[] levels = ValueShape.enter();
        try {
          Map<String, AttributeValue> values = new LinkedHashMap<>();
          for (Map.Entry<String, T> entry : value.entrySet()) {
            ValueShape.checkKey(entry.getKey());
            try {
              values.put(entry.getKey(), elementValue(element, entry.getValue()));
            } catch (MappingException e) {
              throw ItemReader.within(e, e.type(), "[" + entry.getKey() + "]");
            }
          }
          return AttributeValue.fromM(values);
        } finally {
          ValueShape.exit(levels);
        }
      }

      @Override public Map<String, T> read(AttributeValue value) {
        if (!value.hasM()) {
          throw mismatch("a map (M)", value);
        }
        Map<String, T> entries = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
          try {
            entries.put(entry.getKey(), elementOf(element, entry.getValue()));
          } catch (MappingException e) {
            throw ItemReader.within(e, e.type(), "[" + entry.getKey() + "]");
          }
        }
        return entries;
      }
    };
  }

  /**
   * A {@code Set} as SS, NS or BS, after what its element codec writes (strings, enums and UUIDs
   * as SS; numbers as NS; binary as BS). An empty set is not written and reads back empty; in a
   * list, a map or an {@code Optional}, where leaving it out would read back as something else, it
   * is an empty list (L), as DynamoDB has no empty sets. DynamoDB keeps no order, so the set read
   * back has the stored order.
   *
   * <p>DynamoDB refuses a set with two equal members, and its equality is not always Java's:
   * numbers are equal by value ({@code 1.0} and {@code 1.00}, {@code 2} and {@code 2E0}, {@code 0.0}
   * and {@code -0.0}), binaries by content (two {@code byte[]} of the same bytes). Such members are
   * written once, the first in iteration order, as DynamoDB would hold them anyway: a number is
   * stored by value, not by scale or sign of zero, for a set member as for a single value.
   */
  public static <T> AttributeCodec<Set<T>> set(AttributeCodec<T> element) {
    return new AttributeCodec<>() {
      @Override public AttributeValue write(Set<T> value) {
        if (value.isEmpty()) {
          return null;
        }
        Set<String> strings = null;
        Map<Object, String> numbers = null;
        Set<SdkBytes> binaries = null;
        for (T item : value) {
          if (item == null) {
            throw new MappingException("a set cannot hold null");
          }
          AttributeValue written = element.write(item);
          if (written != null && written.s() != null) {
            if (numbers != null || binaries != null) {
              throw mixedSet();
            }
            strings = strings == null ? new LinkedHashSet<>() : strings;
            strings.add(written.s());
          } else if (written != null && written.n() != null) {
            if (strings != null || binaries != null) {
              throw mixedSet();
            }
            numbers = numbers == null ? new LinkedHashMap<>() : numbers;
            numbers.putIfAbsent(numberValue(written.n()), written.n());
          } else if (written != null && written.b() != null) {
            if (strings != null || numbers != null) {
              throw mixedSet();
            }
            // SdkBytes are equal by content, as DynamoDB compares binary members
            binaries = binaries == null ? new LinkedHashSet<>() : binaries;
            binaries.add(written.b());
          } else {
            throw new MappingException("a set element must be a string, number or binary, not "
                + (written == null ? "absent" : written.type()));
          }
        }
        if (strings != null) {
          return AttributeValue.fromSs(new ArrayList<>(strings));
        }
        if (numbers != null) {
          return AttributeValue.fromNs(new ArrayList<>(numbers.values()));
        }
        return AttributeValue.fromBs(new ArrayList<>(binaries));
      }

      @Override public AttributeValue writeWithin(Set<T> value) {
        return value.isEmpty() ? EMPTY_LIST : write(value);
      }

      @Override public Set<T> read(AttributeValue value) {
        Set<T> items = new LinkedHashSet<>();
        if (value.hasSs()) {
          for (String s : value.ss()) {
            items.add(element.read(AttributeValue.fromS(s)));
          }
        } else if (value.hasNs()) {
          for (String n : value.ns()) {
            items.add(element.read(AttributeValue.fromN(n)));
          }
        } else if (value.hasBs()) {
          for (SdkBytes b : value.bs()) {
            items.add(element.read(AttributeValue.fromB(b)));
          }
        } else if (!value.hasL() || !value.l().isEmpty()) {
          // an empty list is an empty set where it could not be left out
          throw mismatch("a set (SS, NS or BS)", value);
        }
        return items;
      }

      @Override public Set<T> absent() {
        return new LinkedHashSet<>();
      }
    };
  }

  /**
   * The numeric value of an N text, as a key equal for equal numbers whatever their form:
   * {@code 10}, {@code 10.0} and {@code 1E+1} give one key. Integers as Monotable writes them are
   * read without a {@code BigDecimal}.
   */
  static Object numberValue(String text) {
    long plain = plainInteger(text);
    if (plain != NOT_PLAIN) {
      return plain;
    }
    BigDecimal number;
    try {
      number = new BigDecimal(text);
    } catch (NumberFormatException e) {
      // not a number: DynamoDB will refuse it, as it refuses a single one
      return text;
    }
    if (number.signum() == 0) {
      return 0L;
    }
    number = number.stripTrailingZeros();
    if (number.scale() <= 0 && number.precision() - number.scale() <= 18) {
      return number.longValueExact();
    }
    // stripped of trailing zeros, equal values have equal unscaled values and scales
    return number;
  }

  private static <T> AttributeValue elementValue(AttributeCodec<T> element, T item) {
    return item == null ? AttributeCodec.NULL : element.writeWithin(item);
  }

  private static <T> T elementOf(AttributeCodec<T> element, AttributeValue value) {
    // a NULL element was written from null (or from an empty Optional): not the absent value of
    // an attribute, which for a set is an empty set
    return isNull(value) ? element.ofNull() : element.read(value);
  }

  /** True for a NULL attribute value. */
  static boolean isNull(AttributeValue value) {
    Boolean nul = value.nul();
    return nul != null && nul;
  }

  private static String string(AttributeValue value) {
    if (value.s() == null) {
      throw mismatch("a string (S)", value);
    }
    return value.s();
  }

  private static SdkBytes binary(AttributeValue value) {
    if (value.b() == null) {
      throw mismatch("binary (B)", value);
    }
    return value.b();
  }

  private static BigDecimal decimal(AttributeValue value) {
    if (value.n() == null) {
      throw mismatch("a number (N)", value);
    }
    try {
      return new BigDecimal(value.n());
    } catch (NumberFormatException e) {
      throw unparsable("a number", value.n());
    }
  }

  private static long integral(AttributeValue value, long min, long max, String type) {
    long plain = value.n() == null ? NOT_PLAIN : plainInteger(value.n());
    if (plain != NOT_PLAIN && plain >= min && plain <= max) {
      return plain;
    }
    BigDecimal number = decimal(value);
    try {
      long integral = number.longValueExact();
      if (integral < min || integral > max) {
        throw new ArithmeticException();
      }
      return integral;
    } catch (ArithmeticException e) {
      throw new MappingException("N " + value.n() + " does not fit in a " + type);
    }
  }

  /** What {@link #plainInteger} gives for other text; no text of 18 digits or fewer has this value. */
  static final long NOT_PLAIN = Long.MIN_VALUE;

  /**
   * The value of an optional minus and 1 to 18 digits (as N values written from integers are),
   * read without a {@code BigDecimal}; {@link #NOT_PLAIN} for any other text.
   */
  static long plainInteger(String text) {
    int length = text.length();
    int start = length > 0 && text.charAt(0) == '-' ? 1 : 0;
    if (length == start || length - start > 18) {
      return NOT_PLAIN;
    }
    long value = 0;
    for (int i = start; i < length; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return NOT_PLAIN;
      }
      value = value * 10 + (c - '0');
    }
    return start == 1 ? -value : value;
  }

  private static MappingException mixedSet() {
    return new MappingException("a set's elements must all be strings, numbers or binary");
  }

  private static MappingException mismatch(String expected, AttributeValue value) {
    return new MappingException("expected " + expected + " but found " + describe(value));
  }

  private static MappingException unparsable(String expected, String text) {
    return new MappingException("\"" + text + "\" is not " + expected);
  }

  /** A short description of a stored value for error messages: its type and a bounded preview. */
  static String describe(AttributeValue value) {
    String text = value.toString();
    if (text.length() > 120) {
      text = text.substring(0, 120) + "…";
    }
    return value.type() + " " + text;
  }

}
