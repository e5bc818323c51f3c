package dev.monotable.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.runtime.InvalidKeyException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Keys joined with a one-character delimiter are injective: two different component pairs never
 * give one key, because a component holding the delimiter is refused. Components are generated from
 * an adversarial alphabet (the delimiter, its neighbours, other separators, empty strings) with a
 * fixed seed that failures report.
 */
class KeyDelimiterInjectivityTest {
  private static final long SEED = 8_800_001L;
  private static final int PAIRS = 20_000;

  @ParameterizedTest(name = "delimiter {0}")
  @ValueSource(strings = {"#", ":", "|", "_", "\u00e9"})
  void distinctComponents_giveDistinctKeys(String delimiter) {
    KeyFormat format = KeyFormat.sortKey("Item", "B" + delimiter + "<a>" + delimiter + "<b>", delimiter);
    char d = delimiter.charAt(0);
    List<String> alphabet = List.of(delimiter, "a", ":", "#", String.valueOf((char) (d + 1)),
        String.valueOf((char) (d - 1)), "\u0000", "b");
    Random random = new Random(SEED);
    Map<String, List<String>> seen = new HashMap<>();
    int accepted = 0;
    for (int i = 0; i < PAIRS; i++) {
      String a = component(random, alphabet);
      String b = component(random, alphabet);
      String key;
      try {
        key = "B" + delimiter + format.encode("a", KeyTypes.STRING, a) + delimiter + format.encode("b", KeyTypes.STRING, b);
      } catch (InvalidKeyException refused) {
        assertTrue(a.contains(delimiter) || b.contains(delimiter) || a.isEmpty() || b.isEmpty(),
            "seed " + SEED + ", pair " + i + ": refused (" + a + ", " + b + ") without a reason: " + refused.getMessage());
        continue;
      }
      accepted++;
      List<String> pair = List.of(a, b);
      List<String> before = seen.putIfAbsent(key, pair);
      if (before != null) {
        assertEquals(before, pair, "seed " + SEED + ", pair " + i + ": two component pairs give the key " + key);
      }
    }
    assertTrue(accepted > PAIRS / 10, "the generator must reach accepted keys, not only refusals: " + accepted);
  }

  private static String component(Random random, List<String> alphabet) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(5);
    for (int i = 0; i < length; i++) {
      text.append(alphabet.get(random.nextInt(alphabet.size())));
    }
    return text.toString();
  }

  /** Why the processor refuses longer delimiters: with "::" two pairs can join into one key. */
  @Test
  void aTwoCharacterDelimiter_wouldNotBeInjective() {
    KeyFormat format = KeyFormat.sortKey("Item", "B::<a>::<b>", "::");
    String first = "B::" + format.encode("a", KeyTypes.STRING, "a:") + "::" + format.encode("b", KeyTypes.STRING, "b");
    String second = "B::" + format.encode("a", KeyTypes.STRING, "a") + "::" + format.encode("b", KeyTypes.STRING, ":b");
    assertEquals(first, second);
    assertNotEquals(List.of("a:", "b"), List.of("a", ":b"));
  }
}
