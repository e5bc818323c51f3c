package dev.monotable.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Whether a sort key lies before everything a key condition admits, in the direction a query
 * reads: what a fan-out decides when a shard's cursor position lies outside a narrowing.
 */
class SortKeyPrecedenceTest {
  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  @Test
  void aRange_isPrecededBelowAscending_andAboveDescending() {
    SortKeyCondition range = SortKeyCondition.between(s("B"), s("D"));
    assertTrue(range.precedes(s("A"), false));
    assertFalse(range.precedes(s("A"), true));
    assertTrue(range.precedes(s("E"), true));
    assertFalse(range.precedes(s("E"), false));
    for (String inside : List.of("B", "C", "D")) {
      assertFalse(range.precedes(s(inside), false), inside);
      assertFalse(range.precedes(s(inside), true), inside);
    }
  }

  @Test
  void openComparisons_arePrecededOnlyFromTheirOpenSide() {
    assertTrue(SortKeyCondition.compare(">", n("10")).precedes(n("10"), false));
    assertTrue(SortKeyCondition.compare(">", n("10")).precedes(n("9"), false));
    assertFalse(SortKeyCondition.compare(">", n("10")).precedes(n("9"), true), "nothing is above everything");
    assertFalse(SortKeyCondition.compare(">=", n("10")).precedes(n("10"), false));
    assertTrue(SortKeyCondition.compare(">=", n("10")).precedes(n("9.5"), false));
    assertTrue(SortKeyCondition.compare("<", n("10")).precedes(n("10"), true));
    assertFalse(SortKeyCondition.compare("<", n("10")).precedes(n("-1"), false), "nothing is below everything");
    assertFalse(SortKeyCondition.compare("<=", n("10")).precedes(n("10"), true));
    assertTrue(SortKeyCondition.compare("<=", n("10")).precedes(n("11"), true));
    // numbers by value, not as text: "9" is below "10"
    assertTrue(SortKeyCondition.compare(">=", n("10")).precedes(n("9"), false));
  }

  @Test
  void aPrefix_isPrecededByWhatSortsBeforeIt_orAfterEverythingItBegins() {
    SortKeyCondition prefix = SortKeyCondition.beginsWith(s("ORDER#"));
    assertTrue(prefix.precedes(s("ORDER"), false));
    assertFalse(prefix.precedes(s("ORDER#2024"), false));
    assertFalse(prefix.precedes(s("ORDER#2024"), true));
    assertTrue(prefix.precedes(s("ORDER$"), true));
    assertTrue(prefix.precedes(s("PAYMENT#1"), true));
    assertFalse(prefix.precedes(s("ORDER"), true));
  }

  @Test
  void anEquality_isPrecededOnEitherSide_byTheDirection() {
    SortKeyCondition equal = SortKeyCondition.equalTo(s("M"));
    assertTrue(equal.precedes(s("L"), false));
    assertTrue(equal.precedes(s("N"), true));
    assertFalse(equal.precedes(s("N"), false));
    assertFalse(equal.precedes(s("M"), false));
  }

  @Test
  void binaryKeys_compareUnsigned_andOtherTypesNeverPrecede() {
    AttributeValue low = AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0x7f}));
    AttributeValue high = AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) 0x80}));
    assertTrue(SortKeyCondition.compare(">=", high).precedes(low, false));
    assertFalse(SortKeyCondition.compare(">=", low).precedes(high, false));
    assertFalse(SortKeyCondition.compare(">=", n("1")).precedes(s("0"), false));
    assertFalse(SortKeyCondition.none().precedes(s("A"), false));
    assertEquals(-1, Integer.signum(SortKeyCondition.compare(low, high)));
  }
}
