package dev.monotable.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyMapsTest {
  @Test
  void nullListOfBatchKeys_isRefused_namingTheEntity() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyMaps.checkBatch("Order", null));
    assertEquals("the list of Order keys is null; nothing was sent", e.getMessage());
  }

  @Test
  void nullBatchKey_isRefused_namingItsPosition() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KeyMaps.checkBatch("Order", Arrays.asList("k0", "k1", null)));
    assertEquals("key 2 of the 3 Order keys is null; nothing was sent", e.getMessage());
  }

  @Test
  void presentKeys_pass() {
    KeyMaps.checkBatch("Order", List.of("k0", "k1"));
    KeyMaps.checkBatch("Order", List.of());
  }
}
