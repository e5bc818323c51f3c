package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Attribute values, items and assertions shared by the conformance tests. */
public final class Values {
  private Values() {}

  /** A ValidationException whose message is exactly {@code message}. */
  public static void assertValidation(String message, Executable call) {
    DynamoDbException e = assertThrows(DynamoDbException.class, call);
    assertEquals("ValidationException", e.awsErrorDetails().errorCode(), e.getMessage());
    assertEquals(message, e.awsErrorDetails().errorMessage());
  }

  /**
   * A ValidationException whose message starts with {@code start} and ends with {@code end}: for a
   * message that shows a list the way DynamoDB's Java objects print ({@code …WriteRequest@5f2c0a1b}),
   * hash codes and all.
   */
  public static void assertValidation(String start, String end, Executable call) {
    DynamoDbException e = assertThrows(DynamoDbException.class, call);
    assertEquals("ValidationException", e.awsErrorDetails().errorCode(), e.getMessage());
    String message = e.awsErrorDetails().errorMessage();
    assertTrue(message.startsWith(start) && message.endsWith(end), message);
  }

  public static void assertItem(Map<String, AttributeValue> expected, Map<String, AttributeValue> actual) {
    assertEquals(canon(expected), canon(actual));
  }

  public static Map<String, Object> canon(Map<String, AttributeValue> item) {
    Map<String, Object> out = new TreeMap<>();
    item.forEach((k, v) -> out.put(k, canon(v)));
    return out;
  }

  static Object canon(AttributeValue v) {
    if (v.s() != null) {
      return "S:" + v.s();
    } else if (v.n() != null) {
      return "N:" + v.n();
    } else if (v.b() != null) {
      return "B:" + Base64.getEncoder().encodeToString(v.b().asByteArray());
    } else if (v.bool() != null) {
      return "BOOL:" + v.bool();
    } else if (v.nul() != null) {
      return "NULL:" + v.nul();
    } else if (v.hasSs()) {
      return "SS:" + new TreeSet<>(v.ss());
    } else if (v.hasNs()) {
      return "NS:" + new TreeSet<>(v.ns());
    } else if (v.hasBs()) {
      TreeSet<String> set = new TreeSet<>();
      v.bs().forEach(x -> set.add(Base64.getEncoder().encodeToString(x.asByteArray())));
      return "BS:" + set;
    } else if (v.hasL()) {
      List<Object> list = new ArrayList<>();
      v.l().forEach(x -> list.add(canon(x)));
      return list;
    } else if (v.hasM()) {
      return canon(v.m());
    }
    return "EMPTY";
  }

  public static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  public static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  public static AttributeValue b(int... bytes) {
    byte[] raw = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      raw[i] = (byte) bytes[i];
    }
    return AttributeValue.fromB(SdkBytes.fromByteArray(raw));
  }

  public static AttributeValue bool(boolean value) {
    return AttributeValue.fromBool(value);
  }

  public static AttributeValue nul() {
    return AttributeValue.fromNul(true);
  }

  public static AttributeValue l(AttributeValue... values) {
    return AttributeValue.fromL(List.of(values));
  }

  public static AttributeValue m(Object... pairs) {
    return AttributeValue.fromM(item(pairs));
  }

  public static AttributeValue ss(String... values) {
    return AttributeValue.fromSs(List.of(values));
  }

  public static AttributeValue ns(String... values) {
    return AttributeValue.fromNs(List.of(values));
  }

  public static AttributeValue bs(byte[]... values) {
    List<SdkBytes> list = new ArrayList<>();
    for (byte[] value : values) {
      list.add(SdkBytes.fromByteArray(value));
    }
    return AttributeValue.fromBs(list);
  }

  public static Map<String, AttributeValue> item(Object... pairs) {
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (AttributeValue) pairs[i + 1]);
    }
    return map;
  }
}
