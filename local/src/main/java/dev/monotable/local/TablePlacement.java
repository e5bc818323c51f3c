package dev.monotable.local;

import dev.monotable.local.value.Bytes;
import dev.monotable.local.value.Value;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Where DynamoDB places an item by its key: the MD5 digest of {@code "Outliers"} followed by the
 * bytes of the partition key and, if any, of the sort key. A Scan visits partitions in the order of
 * the digest of their partition key (and a parallel scan's segments are slices of it), and a global
 * secondary index returns the entries of equal index keys in the order of the digest of the table's
 * key; the public emulator suite's recordings of live DynamoDB show both, and this digest
 * reproduces them.
 * Numbers are hashed in DynamoDB's internal number encoding (a sign and exponent byte, then the
 * digits two to a byte).
 */
final class TablePlacement {
  private static final byte[] SALT = "Outliers".getBytes(StandardCharsets.US_ASCII);

  private TablePlacement() {
  }

  private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JDK", e);
    }
  });

  /** The digest of the key, as a binary value that orders as DynamoDB orders the keys. */
  static Value of(Value partition, Value sort) {
    return new Value.B(Bytes.of(digest(partition, sort)));
  }

  /** The MD5 digest of {@code "Outliers"}, the partition key's bytes and, unless null, the sort key's. */
  static byte[] digest(Value partition, Value sort) {
    MessageDigest md5 = MD5.get();
    md5.reset();
    md5.update(SALT);
    md5.update(bytes(partition));
    if (sort != null) {
      md5.update(bytes(sort));
    }
    return md5.digest();
  }

  private static byte[] bytes(Value value) {
    if (value instanceof Value.S s) {
      return s.value().getBytes(StandardCharsets.UTF_8);
    } else if (value instanceof Value.B b) {
      return b.value().toArray();
    } else if (value instanceof Value.N n) {
      return numberBytes(n.value());
    }
    return new byte[0];
  }

  /** DynamoDB's bytes for a number: a sign and exponent byte, then two digits to a byte, complemented when negative. */
  static byte[] numberBytes(BigDecimal number) {
    if (number.signum() == 0) {
      return new byte[] {(byte) 0x80};
    }
    BigDecimal stripped = number.stripTrailingZeros();
    String digits = stripped.unscaledValue().abs().toString();
    int exponent = stripped.precision() - stripped.scale();
    boolean negative = stripped.signum() < 0;
    int appendZero = exponent % 2 != 0 ? 1 : 0;
    int length = (digits.length() + appendZero + 1) / 2;
    boolean terminated = length < 20 && negative;
    int[] out = new int[terminated ? length + 2 : length + 1];
    if (terminated) {
      out[length + 1] = 102;
    }
    out[0] = Math.floorDiv(exponent + appendZero, 2) - 64;
    if (negative) {
      out[0] ^= 0xffffffff;
    }
    boolean appended = false;
    for (int m = 0; m < digits.length(); m++) {
      int index = Math.floorDiv(m + appendZero, 2) + 1;
      if (appendZero == 1 && m == 0 && !appended) {
        out[index] = 0;
        appended = true;
        m--;
      } else if ((m + appendZero) % 2 == 0) {
        out[index] = (digits.charAt(m) - '0') * 10;
      } else {
        out[index] += digits.charAt(m) - '0';
      }
      if ((m + appendZero) % 2 != 0 || m == digits.length() - 1) {
        out[index] = negative ? 101 - out[index] : out[index] + 1;
      }
    }
    byte[] bytes = new byte[out.length];
    for (int i = 0; i < out.length; i++) {
      bytes[i] = (byte) out[i];
    }
    return bytes;
  }
}
