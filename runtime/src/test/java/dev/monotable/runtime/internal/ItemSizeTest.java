package dev.monotable.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemSizeTest {
  private static final long SEED = 4_0960L;

  @Test
  void utf8Length_isWhatGetBytesEncodes_includingSurrogatePairsAndLoneSurrogates() {
    Random random = new Random(SEED);
    char[] alphabet = {'a', 'é', 'ß', '€', '中', '\uD83D', '\uDE00', '\u007F', '\u0080', '\u07FF', '\u0800', '\uFFFF', '\uDBFF', '\uDC00'};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        text.append(random.nextBoolean() ? alphabet[random.nextInt(alphabet.length)] : (char) random.nextInt(0x10000));
      }
      String s = text.toString();
      assertEquals(s.getBytes(StandardCharsets.UTF_8).length, ItemSize.utf8(s), "seed " + SEED + ": " + s);
      assertTrue(ItemSize.utf8(s) <= 3L * s.length());
    }
    assertEquals(4, ItemSize.utf8("\uD83D\uDE00"));
    assertEquals(1, ItemSize.utf8("\uD83D"));
  }

  @Test
  void numberSize_isOneBytePerTwoSignificantDigitsPlusOne_asBigDecimalCountsThem() {
    Random random = new Random(SEED);
    for (int i = 0; i < 20_000; i++) {
      BigDecimal value = new BigDecimal(new java.math.BigInteger(random.nextInt(130), random), random.nextInt(80) - 40);
      if (random.nextBoolean()) {
        value = value.negate();
      }
      for (String text : List.of(value.toString(), value.toPlainString(), value.toEngineeringString())) {
        assertEquals(referenceNumberSize(text), ItemSize.number(text), "seed " + SEED + ": " + text);
      }
    }
    for (String text : List.of("0", "-0", "0.000", "0E+5", "100", "1.500", "0.0012", "+7", ".5", "5.", "1e5", "1E-3",
        "-12.340e+2", "00012", "1E999999999", "٣")) {
      assertEquals(referenceNumberSize(text), ItemSize.number(text), text);
    }
  }

  @Test
  void numberThatIsNotOne_isRefusedAsBefore() {
    for (String text : List.of("abc", "", ".", "1e", "1e+", "--1", "1.2.3", "1E9999999999")) {
      assertThrows(NumberFormatException.class, () -> ItemSize.number(text), text);
      assertThrows(NumberFormatException.class, () -> ItemSize.overLimit(Map.of("n", AttributeValue.fromN(text))), text);
    }
  }

  @Test
  void overLimit_refusesExactlyWhatIsOver400Kb_withMultiByteCharacters() {
    Map<String, AttributeValue> base = new HashMap<>();
    base.put("PK", AttributeValue.fromS("LOG#big"));
    base.put("n", AttributeValue.fromN("12.50"));
    base.put("tags", AttributeValue.fromSs(List.of("é", "€")));
    base.put("l", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("k", AttributeValue.fromBool(true))))));
    base.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[10])));
    long empty = ItemSize.of(withPayload(base, ""));
    for (String unit : List.of("a", "é", "€", "\uD83D\uDE00")) {
      int unitBytes = unit.getBytes(StandardCharsets.UTF_8).length;
      long room = ItemSize.MAX_BYTES - empty;
      String fits = unit.repeat((int) (room / unitBytes)) + "a".repeat((int) (room % unitBytes));
      Map<String, AttributeValue> atLimit = withPayload(base, fits);
      assertEquals(ItemSize.MAX_BYTES, ItemSize.of(atLimit), unit);
      assertEquals(0, ItemSize.overLimit(atLimit), unit);
      Map<String, AttributeValue> over = withPayload(base, fits + "a");
      assertEquals(ItemSize.MAX_BYTES + 1, ItemSize.overLimit(over), unit);
      Map<String, AttributeValue> overByAName = withPayload(base, fits);
      overByAName.put("x", AttributeValue.fromNul(true));
      assertEquals(ItemSize.MAX_BYTES + 2, ItemSize.overLimit(overByAName), unit);
    }
  }

  @Test
  void overLimit_isZeroForSmallItems_whateverTheirCharacters() {
    Map<String, AttributeValue> item = Map.of("名前", AttributeValue.fromS("\uD83D\uDE00".repeat(1000)),
        "ns", AttributeValue.fromNs(List.of("1", "2.5")), "bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"))));
    assertEquals(0, ItemSize.overLimit(item));
    assertEquals(6 + 4000 + 2 + 2 + 2 + 2 + 1, ItemSize.of(item));
  }

  private static Map<String, AttributeValue> withPayload(Map<String, AttributeValue> base, String payload) {
    Map<String, AttributeValue> item = new HashMap<>(base);
    item.put("payload", AttributeValue.fromS(payload));
    return item;
  }

  /** How the size was counted before: through BigDecimal. */
  private static long referenceNumberSize(String text) {
    BigDecimal value = new BigDecimal(text).stripTrailingZeros();
    int digits = value.signum() == 0 ? 1 : value.precision();
    return (digits + 1) / 2 + 1;
  }
}
