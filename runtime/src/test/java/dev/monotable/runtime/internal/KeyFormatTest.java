package dev.monotable.runtime.internal;

import dev.monotable.runtime.InvalidKeyException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyFormatTest {
  private final KeyFormat format = KeyFormat.partitionKey("User", "USER#<id>", "#");

  @Test
  void componentWithTheDelimiter_isRefused_namingEntityFieldAndTemplate() {
    InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> format.encode("id", "victim#ORDER"));
    assertEquals("Invalid key for User, field 'id' of template \"USER#<id>\": contains the key delimiter '#'"
        + " (value: \"victim#ORDER\")", e.getMessage());
  }

  @Test
  void nullBoxedAndTypedComponents_areRefusedNotThrownAsNullPointers() {
    assertThrows(InvalidKeyException.class, () -> format.encode("n", (Integer) null));
    assertThrows(InvalidKeyException.class, () -> format.encode("n", (Long) null));
    assertThrows(InvalidKeyException.class, () -> format.encode("n", (Boolean) null));
    assertThrows(InvalidKeyException.class, () -> format.encode("at", (Instant) null));
    assertThrows(InvalidKeyException.class, () -> format.encode("id", (String) null));
  }

  @Test
  void encodeValue_encodesEveryKeyType_asItsTypedEncodeDoes() {
    java.util.UUID uuid = java.util.UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    assertEquals(format.encode("f", "ada"), format.encodeValue("f", "ada"));
    assertEquals(format.encode("f", -42), format.encodeValue("f", -42));
    assertEquals(format.encode("f", 42L), format.encodeValue("f", 42L));
    assertEquals(format.encode("f", (short) 7), format.encodeValue("f", (short) 7));
    assertEquals(format.encode("f", (byte) -3), format.encodeValue("f", (byte) -3));
    assertEquals(format.encode("f", true), format.encodeValue("f", true));
    assertEquals(format.encode("f", new java.math.BigDecimal("-1.50")),
        format.encodeValue("f", new java.math.BigDecimal("-1.50")));
    assertEquals(format.encode("f", java.math.BigInteger.TEN), format.encodeValue("f", java.math.BigInteger.TEN));
    assertEquals(format.encode("f", java.time.DayOfWeek.MONDAY), format.encodeValue("f", java.time.DayOfWeek.MONDAY));
    assertEquals(format.encode("f", uuid), format.encodeValue("f", uuid));
    Instant at = Instant.parse("2024-03-01T10:15:30.5Z");
    assertEquals(format.encode("f", at), format.encodeValue("f", at));
    assertEquals(format.encode("f", java.time.LocalDate.of(2024, 3, 1)),
        format.encodeValue("f", java.time.LocalDate.of(2024, 3, 1)));
    assertEquals(format.encode("f", java.time.LocalDateTime.of(2024, 3, 1, 10, 15)),
        format.encodeValue("f", java.time.LocalDateTime.of(2024, 3, 1, 10, 15)));
    java.time.OffsetDateTime offset = java.time.OffsetDateTime.parse("2024-03-01T10:15:30+02:00");
    assertEquals(format.encode("f", offset), format.encodeValue("f", offset));
    // refusals are the typed encodes' refusals: null, the delimiter, a type no template encodes
    assertThrows(InvalidKeyException.class, () -> format.encodeValue("f", null));
    assertThrows(InvalidKeyException.class, () -> format.encodeValue("f", "a#b"));
    InvalidKeyException unknown = assertThrows(InvalidKeyException.class, () -> format.encodeValue("f", 1.5d));
    assertTrue(unknown.getMessage().contains("java.lang.Double"), unknown.getMessage());
  }

  @Test
  void outOfRangeTimestamp_isAnInvalidKey() {
    InvalidKeyException e = assertThrows(InvalidKeyException.class,
        () -> format.encode("at", Instant.parse("+12000-01-01T00:00:00Z")));
    assertTrue(e.getMessage().contains("years 0 to 9999"), e.getMessage());
  }

  @Test
  void multiCharacterDelimiter_isFoundAnywhere() {
    KeyFormat pipes = KeyFormat.sortKey("Item", "A||<id>", "||");
    assertEquals("x|y", pipes.encode("id", "x|y"));
    assertThrows(InvalidKeyException.class, () -> pipes.encode("id", "x||y"));
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
    String key = "ORDER#" + sort.encode("orderDate", date) + "#" + sort.encode("orderId", "o-1");
    assertEquals("o-1", sort.component(key, "orderId"));
    assertEquals(sort.encode("orderDate", date), sort.component(key, "orderDate"));
    assertEquals(null, sort.component("USER#ada", "orderId"), "another template's key");
    assertEquals(null, sort.component(key, "status"), "no such field");

    KeyFormat sharded = KeyFormat.shardedPartitionKey("Visit", "PAGE#<page>", "#", 4);
    assertEquals("home", sharded.component("PAGE#home#3", "page"), "the shard suffix is not the field's");
    assertEquals(null, KeyFormat.partitionKey("X", "<a><b>", "#").component("ab", "a"), "no end to tell");
  }
}
