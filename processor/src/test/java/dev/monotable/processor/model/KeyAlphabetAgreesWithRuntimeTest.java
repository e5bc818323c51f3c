package dev.monotable.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.runtime.internal.KeyFormat;
import dev.monotable.runtime.internal.KeyType;
import dev.monotable.runtime.internal.KeyTypes;
import dev.monotable.runtime.internal.Shards;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The build-time key checks assume what the runtime's encodings produce: {@link KeyAlphabet}'s
 * characters, patterns and fewest bytes per key type must be the runtime's {@link KeyTypes}, and
 * every value the runtime encodes must be one the processor knows the type can produce.
 */
class KeyAlphabetAgreesWithRuntimeTest {
  /** Values at the edges of each key type and in between, by the runtime's constant name. */
  private static final Map<String, List<?>> SAMPLES = Map.ofEntries(
      Map.entry("BOOLEAN", List.of(true, false)),
      Map.entry("BYTE", List.of(Byte.MIN_VALUE, (byte) 0, Byte.MAX_VALUE)),
      Map.entry("SHORT", List.of(Short.MIN_VALUE, (short) -1, Short.MAX_VALUE)),
      Map.entry("INT", List.of(Integer.MIN_VALUE, 0, 42, Integer.MAX_VALUE)),
      Map.entry("LONG", List.of(Long.MIN_VALUE, -1L, Long.MAX_VALUE)),
      Map.entry("BIG_INTEGER", List.of(BigInteger.ZERO, BigInteger.TEN.pow(37).negate(), BigInteger.TEN.pow(37))),
      Map.entry("BIG_DECIMAL", List.of(BigDecimal.ZERO, new BigDecimal("-1.50"), new BigDecimal("12345.678"))),
      Map.entry("INSTANT", List.of(Instant.parse("0000-01-01T00:00:00Z"), Instant.EPOCH,
          Instant.parse("9999-12-31T23:59:59.999999999Z"))),
      Map.entry("OFFSET_DATE_TIME", List.of(OffsetDateTime.parse("2024-03-01T10:15:30+02:00"),
          OffsetDateTime.parse("1970-01-01T00:00:00-18:00"))),
      Map.entry("LOCAL_DATE_TIME", List.of(LocalDateTime.parse("0000-01-01T00:00"),
          LocalDateTime.parse("9999-12-31T23:59:59.999999999"))),
      Map.entry("LOCAL_DATE", List.of(LocalDate.parse("0000-01-01"), LocalDate.parse("9999-12-31"))),
      Map.entry("UUID", List.of(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), new UUID(0, 0),
          new UUID(-1, -1))));

  @Test
  void everyKeyableScalar_hasTheRuntimesCharactersPatternAndFewestBytes() throws ReflectiveOperationException {
    List<String> checked = new ArrayList<>();
    for (ScalarKind kind : ScalarKind.values()) {
      if (!kind.keyable() || kind == ScalarKind.STRING) {
        continue;
      }
      KeyType<?> runtime = (KeyType<?>) KeyTypes.class.getField(kind.name()).get(null);
      ValueType type = new ValueType.Scalar(kind, false);
      assertEquals(runtime.characters(), KeyAlphabet.characters(type), kind + " characters");
      assertEquals(runtime.pattern().pattern(), KeyAlphabet.pattern(kind), kind + " pattern");
      assertEquals(runtime.minimumBytes(), KeyAlphabet.minimumBytes(type), kind + " fewest bytes");
      checked.add(kind.name());
    }
    assertEquals(SAMPLES.keySet().stream().sorted().toList(), checked.stream().sorted().toList(),
        "every keyable type but strings is checked, and has samples");
  }

  @Test
  void everyValueTheRuntimeEncodes_isOneTheProcessorKnowsItsTypeProduces() throws ReflectiveOperationException {
    for (Map.Entry<String, List<?>> samples : SAMPLES.entrySet()) {
      @SuppressWarnings("unchecked")
      KeyType<Object> runtime = (KeyType<Object>) KeyTypes.class.getField(samples.getKey()).get(null);
      ValueType type = new ValueType.Scalar(ScalarKind.valueOf(samples.getKey()), false);
      for (Object value : samples.getValue()) {
        String encoded = runtime.encode(value);
        assertTrue(KeyAlphabet.canProduce(type, encoded), samples.getKey() + " " + value + " -> " + encoded);
        assertTrue(encoded.getBytes(StandardCharsets.UTF_8).length >= KeyAlphabet.minimumBytes(type),
            samples.getKey() + " " + encoded);
        String characters = KeyAlphabet.characters(type);
        assertTrue(encoded.chars().allMatch(c -> characters.indexOf(c) >= 0), samples.getKey() + " " + encoded);
      }
    }
  }

  @Test
  void keyLimits_areTheRuntimes() {
    assertEquals(KeyFormat.MAX_PARTITION_KEY_BYTES, KeyLimits.MAX_PARTITION_KEY_BYTES);
    assertEquals(KeyFormat.MAX_SORT_KEY_BYTES, KeyLimits.MAX_SORT_KEY_BYTES);
    assertEquals(Shards.MAX, KeyLimits.MAX_SHARDS);
  }
}
