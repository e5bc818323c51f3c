package dev.monotable.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Which sort keys a key condition admits, compared as DynamoDB compares them. */
class SortKeyConditionTest {
  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  private static AttributeValue b(int... bytes) {
    byte[] value = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      value[i] = (byte) bytes[i];
    }
    return AttributeValue.fromB(SdkBytes.fromByteArray(value));
  }

  @Test
  void strings_compareByCodePoint_notByUtf16Unit() {
    String replacement = "\uFFFD";
    String emoji = "\uD83D\uDE00"; // U+1F600: below U+FFFD in UTF-16 units, above it in UTF-8 bytes
    assertTrue(emoji.compareTo(replacement) < 0, "Java's compareTo orders by UTF-16 unit");
    assertTrue(SortKeyCondition.compare("<", s(emoji)).admits(s(replacement)));
    assertFalse(SortKeyCondition.compare(">", s(emoji)).admits(s(replacement)));
    assertTrue(SortKeyCondition.between(s("A"), s(emoji)).admits(s("B" + replacement)));
    assertTrue(SortKeyCondition.beginsWith(s("ORDER#")).admits(s("ORDER#2024")));
    assertFalse(SortKeyCondition.beginsWith(s("ORDER#")).admits(s("ORDER")));
    assertTrue(SortKeyCondition.equalTo(s("X")).admits(s("X")));
    assertFalse(SortKeyCondition.equalTo(s("X")).admits(s("x")));
  }

  @Test
  void numbers_compareByValue_whateverTheirText() {
    assertTrue(SortKeyCondition.compare(">=", n("10")).admits(n("10.00")));
    assertFalse(SortKeyCondition.compare(">=", n("10")).admits(n("9")), "as text \"9\" >= \"10\"");
    assertTrue(SortKeyCondition.compare("<=", n("100")).admits(n("9")), "as text \"9\" > \"100\"");
    assertTrue(SortKeyCondition.between(n("-5"), n("1E2")).admits(n("-4.5")));
    assertFalse(SortKeyCondition.between(n("-5"), n("1E2")).admits(n("-6")));
    assertTrue(SortKeyCondition.equalTo(n("1.50")).admits(n("1.5")));
  }

  @Test
  void binaryValues_compareAsUnsignedBytes() {
    assertTrue(SortKeyCondition.compare("<", b(0x80)).admits(b(0x7f)), "signed, 0x80 is -128");
    assertFalse(SortKeyCondition.compare(">=", b(0x80)).admits(b(0x7f)));
    assertTrue(SortKeyCondition.compare("<", b(0x01, 0x00)).admits(b(0x01)), "a prefix sorts first");
    assertTrue(SortKeyCondition.beginsWith(b(0xff)).admits(b(0xff, 0x00)));
    assertFalse(SortKeyCondition.beginsWith(b(0xff, 0x00)).admits(b(0xff)));
  }

  @Test
  void aMissingKey_orAKeyOfAnotherType_isNotAdmitted_andNoConditionAdmitsAll() {
    assertFalse(SortKeyCondition.compare(">", n("1")).admits(s("2")));
    assertFalse(SortKeyCondition.beginsWith(s("A")).admits(null));
    assertTrue(SortKeyCondition.none().admits(null));
    assertTrue(SortKeyCondition.none().admits(s("anything")));
  }

  @Test
  void expression_andValues_areWhatTheRequestCarries() {
    SortKeyCondition between = SortKeyCondition.between(s("a"), s("b")).excluding(s("b"));
    assertEquals("#pk = :pk AND #sk BETWEEN :sk AND :sk2", between.keyCondition());
    Map<String, String> names = new java.util.HashMap<>();
    Map<String, AttributeValue> values = new java.util.HashMap<>();
    between.addTo(names, "SK", values);
    assertEquals(Map.of("#sk", "SK"), names);
    assertEquals(Map.of(":sk", s("a"), ":sk2", s("b")), values);
    assertEquals("#pk = :pk AND #sk <= :sk", SortKeyCondition.compare("<=", n("3")).keyCondition());
    assertEquals("#pk = :pk AND #sk < :sk", SortKeyCondition.compare("<", n("3")).keyCondition());
    assertEquals("#pk = :pk AND #sk > :sk", SortKeyCondition.compare(">", n("3")).keyCondition());
    assertEquals("#pk = :pk AND #sk >= :sk", SortKeyCondition.compare(">=", n("3")).keyCondition());
    assertEquals("#pk = :pk AND #sk = :sk", SortKeyCondition.equalTo(n("3")).keyCondition());
    assertEquals("#pk = :pk AND begins_with(#sk, :sk)", SortKeyCondition.beginsWith(s("P")).keyCondition());
    assertEquals("#pk = :pk", SortKeyCondition.none().keyCondition());
    Map<String, String> noNames = new java.util.HashMap<>();
    SortKeyCondition.none().addTo(noNames, "SK", values);
    assertTrue(noNames.isEmpty());
    assertEquals("SK between \"a\" and \"b\"", between.describe("SK"));
    assertEquals("badge >= 0x7f80", SortKeyCondition.compare(">=", b(0x7f, 0x80)).describe("badge"));
    assertThrows(IllegalArgumentException.class, () -> SortKeyCondition.compare("<>", n("1")));
  }
}
