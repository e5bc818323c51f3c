package dev.monotable.runtime.internal;

import dev.monotable.runtime.MappingException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AttributeCodecsTest {
  enum Color { RED, GREEN }

  @Test
  void instants_areFixedWidth_soThatTheySortAsStrings() {
    assertEquals("2024-05-01T09:30:00.000000000Z", AttributeCodecs.INSTANT.write(Instant.parse("2024-05-01T09:30:00Z")).s());
    assertEquals("2024-05-01T09:30:00.100000000Z", AttributeCodecs.INSTANT.write(Instant.parse("2024-05-01T09:30:00.1Z")).s());
    Instant far = Instant.parse("+20000-01-01T00:00:00Z");
    assertEquals(far, AttributeCodecs.INSTANT.read(AttributeCodecs.INSTANT.write(far)));
  }

  @Test
  void sets_useTheirElementsStoredType_andEmptyIsLeftOut() {
    assertEquals(List.of("a", "b"), AttributeCodecs.set(AttributeCodecs.STRING).write(new LinkedHashSet<>(List.of("a", "b"))).ss());
    assertEquals(List.of("1", "2"), AttributeCodecs.set(AttributeCodecs.INTEGER).write(new LinkedHashSet<>(List.of(1, 2))).ns());
    assertEquals(List.of("RED"), AttributeCodecs.set(AttributeCodecs.enumOf(Color.class)).write(Set.of(Color.RED)).ss());
    assertNull(AttributeCodecs.set(AttributeCodecs.STRING).write(Set.of()));
    assertEquals(Set.of(), AttributeCodecs.set(AttributeCodecs.STRING).absent());
  }

  @Test
  void nanAndInfinity_areRefused() {
    assertThrows(MappingException.class, () -> AttributeCodecs.DOUBLE.write(Double.NaN));
    assertThrows(MappingException.class, () -> AttributeCodecs.FLOAT.write(Float.POSITIVE_INFINITY));
  }

  @Test
  void readFailuresInsideContainers_nameThePath() {
    AttributeCodec<Map<String, List<Integer>>> codec =
        AttributeCodecs.map(AttributeCodecs.list(AttributeCodecs.INTEGER));
    AttributeValue stored = AttributeValue.fromM(Map.of("scores", AttributeValue.fromL(List.of(
        AttributeValue.fromN("1"), AttributeValue.fromS("two")))));
    MappingException e = assertThrows(MappingException.class,
        () -> ItemReader.get(stored, "board", codec, "Game"));
    assertEquals("Game", e.type());
    assertEquals("board[scores][1]", e.attribute());
    assertEquals("Game.board[scores][1]: expected a number (N) but found S AttributeValue(S=two)", e.getMessage());
  }

  @Test
  void integersOutOfRange_andUnknownEnumConstants_areMappingErrors() {
    MappingException tooBig = assertThrows(MappingException.class,
        () -> ItemReader.getInt(AttributeValue.fromN("3000000000"), "n", "Row"));
    assertEquals("Row.n: N 3000000000 does not fit in a int", tooBig.getMessage());
    MappingException unknown = assertThrows(MappingException.class, () -> ItemReader.get(
        AttributeValue.fromS("PURPLE"), "c", AttributeCodecs.enumOf(Color.class), "Row"));
    assertEquals("Row.c: \"PURPLE\" is not a constant of Color", unknown.getMessage());
  }

  @Test
  void absentAttributes_readAsDefaults() {
    Map<String, AttributeValue> row = Map.of("x", AttributeValue.fromNul(true));
    assertEquals(0, ItemReader.getInt(row.get("missing"), "missing", "Row"));
    assertEquals(false, ItemReader.getBoolean(row.get("x"), "x", "Row"));
    assertNull(ItemReader.get(row.get("missing"), "missing", AttributeCodecs.STRING, "Row"));
    assertEquals(Optional.empty(), ItemReader.get(row.get("x"), "x", AttributeCodecs.optional(AttributeCodecs.STRING), "Row"));
  }

  @Test
  void listsKeepNullElements() {
    AttributeCodec<List<String>> codec = AttributeCodecs.list(AttributeCodecs.STRING);
    List<String> values = Arrays.asList("a", null, "");
    assertEquals(values, codec.read(codec.write(values)));
  }

  @Test
  void itemOfAnotherType_isRefused() {
    MappingException e = assertThrows(MappingException.class, () -> ItemReader.checkType(
        Map.of("_type", AttributeValue.fromS("Order")), "User", "_type"));
    assertEquals("User._type: the item is a Order, not a User", e.getMessage());
  }
}
