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
}
