package dev.monotable.runtime.internal;

import dev.monotable.runtime.InvalidKeyException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyFormatTest {
  private final KeyFormat format = KeyFormat.partitionKey("User", "USER#<id>", "#");

  @Test
  void componentWithTheDelimiter_isRefused_namingEntityFieldAndTemplate() {
    InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> format.encode("id", KeyTypes.STRING, "victim#ORDER"));
    assertEquals("Invalid key for User, field 'id' of template \"USER#<id>\": contains the key delimiter '#'"
        + " (value: \"victim#ORDER\")", e.getMessage());
  }

  @Test
  void nullBoxedAndTypedComponents_areRefusedNotThrownAsNullPointers() {
    assertThrows(InvalidKeyException.class, () -> format.encode("n", KeyTypes.INT, null));
    assertThrows(InvalidKeyException.class, () -> format.encode("n", KeyTypes.LONG, null));
    assertThrows(InvalidKeyException.class, () -> format.encode("n", KeyTypes.BOOLEAN, null));
    assertThrows(InvalidKeyException.class, () -> format.encode("at", KeyTypes.INSTANT, null));
    assertThrows(InvalidKeyException.class, () -> format.encode("id", KeyTypes.STRING, null));
  }

  @Test
  void everyKeyType_encodesAsKeyEncodingDoes_andItsEncodingsMatchWhatTheTypeSays() {
    UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    Instant at = Instant.parse("2024-03-01T10:15:30.5Z");
    OffsetDateTime offset = OffsetDateTime.parse("2024-03-01T10:15:30+02:00");
    LocalDate date = LocalDate.of(2024, 3, 1);
    LocalDateTime dateTime = LocalDateTime.of(2024, 3, 1, 10, 15);
    assertEncodes("ada", KeyTypes.STRING, "ada");
    assertEncodes(KeyEncoding.encode(-42), KeyTypes.INT, -42);
    assertEncodes(KeyEncoding.encode(42L), KeyTypes.LONG, 42L);
    assertEncodes(KeyEncoding.encode((short) 7), KeyTypes.SHORT, (short) 7);
    assertEncodes(KeyEncoding.encode((byte) -3), KeyTypes.BYTE, (byte) -3);
    assertEncodes(KeyEncoding.encode(true), KeyTypes.BOOLEAN, true);
    assertEncodes(KeyEncoding.encode(new BigDecimal("-1.50")), KeyTypes.BIG_DECIMAL, new BigDecimal("-1.50"));
    assertEncodes(KeyEncoding.encode(BigInteger.TEN), KeyTypes.BIG_INTEGER, BigInteger.TEN);
    assertEncodes("MONDAY", KeyTypes.ENUM, DayOfWeek.MONDAY);
    assertEncodes(KeyEncoding.encode(uuid), KeyTypes.UUID, uuid);
    assertEncodes(KeyEncoding.encode(at), KeyTypes.INSTANT, at);
    assertEncodes(KeyEncoding.encode(date), KeyTypes.LOCAL_DATE, date);
    assertEncodes(KeyEncoding.encode(dateTime), KeyTypes.LOCAL_DATE_TIME, dateTime);
    assertEncodes(KeyEncoding.encode(offset), KeyTypes.OFFSET_DATE_TIME, offset);
    // refusals: null and the delimiter
    assertThrows(InvalidKeyException.class, () -> format.encode("f", KeyTypes.ENUM, null));
    assertThrows(InvalidKeyException.class, () -> format.encode("f", KeyTypes.STRING, "a#b"));
  }

  private <V> void assertEncodes(String expected, KeyType<? super V> type, V value) {
    String encoded = format.encode("f", type, value);
    assertEquals(expected, encoded, type.name());
    assertTrue(type.pattern().matcher(encoded).matches(), type.name() + " pattern " + type.pattern() + ": " + encoded);
    assertTrue(encoded.length() >= type.minimumBytes(), type.name() + " is at least " + type.minimumBytes() + " bytes");
    if (type.characters() != null) {
      assertTrue(encoded.chars().allMatch(c -> type.characters().indexOf(c) >= 0), type.name() + ": " + encoded);
    }
  }

  @Test
  void outOfRangeTimestamp_isAnInvalidKey() {
    InvalidKeyException e = assertThrows(InvalidKeyException.class,
        () -> format.encode("at", KeyTypes.INSTANT, Instant.parse("+12000-01-01T00:00:00Z")));
    assertTrue(e.getMessage().contains("years 0 to 9999"), e.getMessage());
  }

  @Test
  void multiCharacterDelimiter_isFoundAnywhere() {
    KeyFormat pipes = KeyFormat.sortKey("Item", "A||<id>", "||");
    assertEquals("x|y", pipes.encode("id", KeyTypes.STRING, "x|y"));
    assertThrows(InvalidKeyException.class, () -> pipes.encode("id", KeyTypes.STRING, "x||y"));
  }

  @Test
  void sortKeyLimit_is1024Bytes() {
    KeyFormat sort = KeyFormat.sortKey("Item", "<id>", "#");
    assertEquals(1024, sort.complete("a".repeat(1024)).length());
    assertThrows(InvalidKeyException.class, () -> sort.complete("a".repeat(1025)));
  }

  @Test
  void component_readsAFieldsTextBackFromAKeyTheTemplateBuilt() {
    KeyFormat sort = KeyFormat.sortKey("Order", "ORDER#<orderDate>#<orderId>", "#");
    Instant date = Instant.parse("2024-05-01T09:30:00Z");
    String key = "ORDER#" + sort.encode("orderDate", KeyTypes.INSTANT, date) + "#" + sort.encode("orderId", KeyTypes.STRING, "o-1");
    assertEquals("o-1", sort.component(key, "orderId"));
    assertEquals(sort.encode("orderDate", KeyTypes.INSTANT, date), sort.component(key, "orderDate"));
    assertEquals(null, sort.component("USER#ada", "orderId"), "another template's key");
    assertEquals(null, sort.component(key, "status"), "no such field");

    KeyFormat sharded = KeyFormat.shardedPartitionKey("Visit", "PAGE#<page>", "#", 4);
    assertEquals("home", sharded.component("PAGE#home#3", "page"), "the shard suffix is not the field's");
    assertEquals(null, KeyFormat.partitionKey("X", "<a><b>", "#").component("ab", "a"), "no end to tell");
  }
}
