package dev.monotable.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.runtime.MappingException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The typed reads: their fast paths for values as Monotable writes them, and the hand-over of every
 * other form (NULL, another text form, another type) to the codec, which reads or refuses it.
 */
class ItemReaderTest {
  /** The reads of a row of one attribute. */
  private record Row(Map<String, AttributeValue> attributes) {
    String getString(String name) {
      return ItemReader.getString(attributes.get(name), name, "Row");
    }

    Instant getInstant(String name) {
      return ItemReader.getInstant(attributes.get(name), name, "Row");
    }

    int getInt(String name) {
      return ItemReader.getInt(attributes.get(name), name, "Row");
    }

    long getLong(String name) {
      return ItemReader.getLong(attributes.get(name), name, "Row");
    }

    BigDecimal getBigDecimal(String name) {
      return ItemReader.getBigDecimal(attributes.get(name), name, "Row");
    }
  }

  private static Row reader(String name, AttributeValue value) {
    return new Row(Map.of(name, value));
  }

  private static MappingException refused(org.junit.jupiter.api.function.Executable read) {
    return assertThrows(MappingException.class, read);
  }

  @Test
  void getString_readsS_nullForAbsentOrNull_andRefusesOtherTypes() {
    assertEquals("ada", reader("s", AttributeValue.fromS("ada")).getString("s"));
    assertNull(reader("s", AttributeValue.fromS("ada")).getString("other"));
    assertNull(reader("s", AttributeValue.fromNul(true)).getString("s"));
    MappingException e = refused(() -> reader("s", AttributeValue.fromN("1")).getString("s"));
    assertEquals("s", e.attribute());
    assertEquals("Row", e.type());
  }

  @Test
  void getInstant_readsFixedWidth_andOtherIsoForms_throughTheCodec() {
    assertEquals(Instant.parse("2024-03-01T10:15:30.123Z"),
        reader("t", AttributeValue.fromS("2024-03-01T10:15:30.123000000Z")).getInstant("t"));
    assertEquals(Instant.parse("2024-03-01T10:15:30Z"),
        reader("t", AttributeValue.fromS("2024-03-01T10:15:30Z")).getInstant("t"));
    assertNull(reader("t", AttributeValue.fromNul(true)).getInstant("t"));
    assertNull(reader("t", AttributeValue.fromS("x")).getInstant("absent"));
    assertEquals("t", refused(() -> reader("t", AttributeValue.fromS("yesterday")).getInstant("t")).attribute());
    assertEquals("t", refused(() -> reader("t", AttributeValue.fromN("5")).getInstant("t")).attribute());
  }

  @Test
  void getInt_readsPlainDigits_otherNumberForms_andRefusesWhatDoesNotFit() {
    assertEquals(42, reader("n", AttributeValue.fromN("42")).getInt("n"));
    assertEquals(-7, reader("n", AttributeValue.fromN("-7")).getInt("n"));
    assertEquals(Integer.MIN_VALUE, reader("n", AttributeValue.fromN("-2147483648")).getInt("n"));
    assertEquals(1, reader("n", AttributeValue.fromN("1.0")).getInt("n"));
    assertEquals(100, reader("n", AttributeValue.fromN("1E2")).getInt("n"));
    assertEquals(0, reader("n", AttributeValue.fromNul(true)).getInt("n"));
    assertEquals(0, reader("n", AttributeValue.fromN("1")).getInt("absent"));
    assertTrue(refused(() -> reader("n", AttributeValue.fromN("2147483648")).getInt("n")).getMessage()
        .contains("does not fit in a int"));
    assertEquals("n", refused(() -> reader("n", AttributeValue.fromN("1.5")).getInt("n")).attribute());
    assertEquals("n", refused(() -> reader("n", AttributeValue.fromS("1")).getInt("n")).attribute());
  }

  @Test
  void getLong_readsUpTo18DigitsDirectly_andLongerThroughBigDecimal() {
    assertEquals(123456789012345678L, reader("n", AttributeValue.fromN("123456789012345678")).getLong("n"));
    assertEquals(Long.MAX_VALUE, reader("n", AttributeValue.fromN("9223372036854775807")).getLong("n"));
    assertEquals(Long.MIN_VALUE, reader("n", AttributeValue.fromN("-9223372036854775808")).getLong("n"));
    assertEquals(0L, reader("n", AttributeValue.fromNul(true)).getLong("n"));
    assertEquals("n", refused(() -> reader("n", AttributeValue.fromN("9223372036854775808")).getLong("n"))
        .attribute());
  }

  @Test
  void getBigDecimal_keepsTheStoredDigits() {
    assertEquals(new BigDecimal("10.50"), reader("d", AttributeValue.fromN("10.50")).getBigDecimal("d"));
    assertNull(reader("d", AttributeValue.fromNul(true)).getBigDecimal("d"));
    assertEquals("d", refused(() -> reader("d", AttributeValue.fromS("ten")).getBigDecimal("d")).attribute());
  }
}
