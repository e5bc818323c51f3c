package dev.monotable.local.value;

import java.util.Arrays;
import java.util.Base64;

/** An immutable byte string ordered as DynamoDB orders binary values: unsigned, byte by byte. */
public final class Bytes implements Comparable<Bytes> {
  private final byte[] bytes;

  private Bytes(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps a copy of {@code bytes}. */
  public static Bytes of(byte[] bytes) {
    return new Bytes(bytes.clone());
  }

  /** Decodes standard base64, as the wire protocol carries binary values. */
  public static Bytes fromBase64(String base64) {
    try {
      return new Bytes(Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException e) {
      throw DynamoError.validation("Invalid Base64 value for a binary attribute: " + base64);
    }
  }

  public String toBase64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  public int length() {
    return bytes.length;
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  /** Whether this byte string starts with {@code prefix}. */
  public boolean startsWith(Bytes prefix) {
    return prefix.bytes.length <= bytes.length
        && Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
  }

  /** Whether {@code part} occurs anywhere in this byte string. */
  public boolean contains(Bytes part) {
    outer:
    for (int i = 0; i + part.bytes.length <= bytes.length; i++) {
      for (int j = 0; j < part.bytes.length; j++) {
        if (bytes[i + j] != part.bytes[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  @Override
  public int compareTo(Bytes other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Bytes that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return toBase64();
  }
}
