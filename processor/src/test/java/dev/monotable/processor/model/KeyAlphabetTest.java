package dev.monotable.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monotable.runtime.internal.KeyEncoding;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The processor's idea of the key encodings agrees with the runtime's, which it cannot call. */
class KeyAlphabetTest {

  @Test
  void minimumBytes_isTheLengthOfTheShortestRuntimeEncoding() {
    Map<ScalarKind, String> shortest = Map.ofEntries(
        Map.entry(ScalarKind.STRING, "x"),
        Map.entry(ScalarKind.BYTE, KeyEncoding.encode((byte) 0)),
        Map.entry(ScalarKind.SHORT, KeyEncoding.encode((short) 0)),
        Map.entry(ScalarKind.INT, KeyEncoding.encode(0)),
        Map.entry(ScalarKind.LONG, KeyEncoding.encode(0L)),
        Map.entry(ScalarKind.BIG_INTEGER, KeyEncoding.encode(BigInteger.ZERO)),
        Map.entry(ScalarKind.BIG_DECIMAL, KeyEncoding.encode(BigDecimal.ZERO)),
        Map.entry(ScalarKind.BOOLEAN, KeyEncoding.encode(true)),
        Map.entry(ScalarKind.INSTANT, KeyEncoding.encode(Instant.EPOCH)),
        Map.entry(ScalarKind.OFFSET_DATE_TIME, KeyEncoding.encode(OffsetDateTime.of(2024, 5, 1, 9, 30, 0, 0, ZoneOffset.UTC))),
        Map.entry(ScalarKind.LOCAL_DATE_TIME, KeyEncoding.encode(LocalDateTime.of(2024, 5, 1, 9, 30))),
        Map.entry(ScalarKind.LOCAL_DATE, KeyEncoding.encode(LocalDate.of(2024, 5, 1))),
        Map.entry(ScalarKind.UUID, KeyEncoding.encode(new UUID(0, 0))));
    shortest.forEach((kind, encoded) -> assertEquals(encoded.getBytes(StandardCharsets.UTF_8).length,
        KeyAlphabet.minimumBytes(new ValueType.Scalar(kind, false)), kind.name()));
  }

  @Test
  void minimumBytes_ofAnEnum_isItsShortestConstant() {
    ValueType state = new ValueType.EnumValue(TypeRef.of("test", "State"), List.of("OPEN", "ON", "CLOSED"));
    assertEquals(2, KeyAlphabet.minimumBytes(state));
  }
}
