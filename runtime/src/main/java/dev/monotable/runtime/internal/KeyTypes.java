package dev.monotable.runtime.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The key type of each Java type a key template may hold: what generated key builders pass. */
public final class KeyTypes {
  private static final String DIGITS = "0123456789";

  public static final KeyType<String> STRING = new KeyType<>("String", value -> value, null, "(?s).+", 1);
  public static final KeyType<Boolean> BOOLEAN = new KeyType<>("boolean", KeyEncoding::encode, "truefals",
      "true|false", 4);
  public static final KeyType<Byte> BYTE = new KeyType<>("byte", KeyEncoding::encode, DIGITS + "-",
      "-?\\d{" + KeyEncoding.BYTE_WIDTH + "}", KeyEncoding.BYTE_WIDTH);
  public static final KeyType<Short> SHORT = new KeyType<>("short", KeyEncoding::encode, DIGITS + "-",
      "-?\\d{" + KeyEncoding.SHORT_WIDTH + "}", KeyEncoding.SHORT_WIDTH);
  public static final KeyType<Integer> INT = new KeyType<>("int", KeyEncoding::encode, DIGITS + "-",
      "-?\\d{" + KeyEncoding.INT_WIDTH + "}", KeyEncoding.INT_WIDTH);
  public static final KeyType<Long> LONG = new KeyType<>("long", KeyEncoding::encode, DIGITS + "-",
      "-?\\d{" + KeyEncoding.LONG_WIDTH + "}", KeyEncoding.LONG_WIDTH);
  public static final KeyType<BigInteger> BIG_INTEGER = new KeyType<>("BigInteger", KeyEncoding::encode,
      DIGITS + "-", "-?\\d{" + KeyEncoding.BIG_INTEGER_WIDTH + "}", KeyEncoding.BIG_INTEGER_WIDTH);
  public static final KeyType<BigDecimal> BIG_DECIMAL = new KeyType<>("BigDecimal", KeyEncoding::encode,
      DIGITS + "~", "1|2\\d{3}\\d+|0\\d{3}\\d+~", 1);
  public static final KeyType<Instant> INSTANT = new KeyType<>("Instant", KeyEncoding::encode, DIGITS + "-T:.Z",
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z", KeyEncoding.INSTANT_WIDTH);
  public static final KeyType<OffsetDateTime> OFFSET_DATE_TIME = new KeyType<>("OffsetDateTime",
      KeyEncoding::encode, DIGITS + "-T:.Z",
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z\\d{6}", KeyEncoding.OFFSET_DATE_TIME_WIDTH);
  public static final KeyType<LocalDateTime> LOCAL_DATE_TIME = new KeyType<>("LocalDateTime", KeyEncoding::encode,
      DIGITS + "-T:.", "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}", KeyEncoding.LOCAL_DATE_TIME_WIDTH);
  public static final KeyType<LocalDate> LOCAL_DATE = new KeyType<>("LocalDate", KeyEncoding::encode,
      DIGITS + "-", "\\d{4}-\\d{2}-\\d{2}", 10);
  public static final KeyType<UUID> UUID = new KeyType<>("UUID", KeyEncoding::encode, DIGITS + "abcdef-",
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", 36);
  /** Enum constants, by name: their characters and shortest name depend on the enum. */
  public static final KeyType<Enum<?>> ENUM = new KeyType<>("enum", KeyEncoding::encode, null, "(?s).+", 1);

  private KeyTypes() {}
}
