package dev.monotable.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.monotable.runtime.MappingException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Lists, maps and optionals of sets, and sets whose members DynamoDB would take for duplicates. */
class ContainerCodecsTest {
  private static final AttributeValue NULL = AttributeValue.fromNul(true);
  private static final AttributeValue EMPTY_LIST = AttributeValue.fromL(List.of());

  @Test
  void aListOfSets_keepsNullAndEmptyApart() {
    AttributeCodec<List<Set<String>>> codec = AttributeCodecs.list(AttributeCodecs.set(AttributeCodecs.STRING));
    List<Set<String>> value = new ArrayList<>(Arrays.asList(Set.of("a"), null, Set.of()));
    AttributeValue written = codec.write(value);
    assertEquals(List.of(AttributeValue.fromSs(List.of("a")), NULL, EMPTY_LIST), written.l());
    assertEquals(value, codec.read(written));
  }

  @Test
  void aMapOfSets_keepsNullAndEmptyApart() {
    AttributeCodec<Map<String, Set<Integer>>> codec = AttributeCodecs.map(AttributeCodecs.set(AttributeCodecs.INTEGER));
    Map<String, Set<Integer>> value = new LinkedHashMap<>();
    value.put("none", null);
    value.put("empty", Set.of());
    value.put("one", Set.of(1));
    assertEquals(value, codec.read(codec.write(value)));
  }

  @Test
  void optionals_inAList_andOfAnEmptySet() {
    AttributeCodec<List<Optional<String>>> list = AttributeCodecs.list(AttributeCodecs.optional(AttributeCodecs.STRING));
    List<Optional<String>> value = new ArrayList<>(Arrays.asList(Optional.of("x"), Optional.empty(), null));
    assertEquals(List.of(Optional.of("x"), Optional.empty(), Optional.empty()), list.read(list.write(value)));

    AttributeCodec<Optional<Set<String>>> ofSet = AttributeCodecs.optional(AttributeCodecs.set(AttributeCodecs.STRING));
    assertEquals(EMPTY_LIST, ofSet.write(Optional.of(Set.of())));
    assertEquals(Optional.of(Set.of()), ofSet.read(EMPTY_LIST));
    assertEquals(null, ofSet.write(Optional.empty()));
  }

  @Test
  void aSet_readsAnEmptyListAsEmpty_butNoOtherList() {
    AttributeCodec<Set<String>> codec = AttributeCodecs.set(AttributeCodecs.STRING);
    assertEquals(Set.of(), codec.read(EMPTY_LIST));
    assertThrows(MappingException.class, () -> codec.read(AttributeValue.fromL(List.of(AttributeValue.fromS("a")))));
  }

  @Test
  void aNumberSet_writesEachValueOnce_inItsFirstForm() {
    Set<BigDecimal> value = new LinkedHashSet<>();
    for (String text : List.of("1.0", "1.00", "2", "20E-1", "0", "-0.00", "7")) {
      value.add(new BigDecimal(text));
    }
    assertEquals(List.of("1.0", "2", "0", "7"), AttributeCodecs.set(AttributeCodecs.BIG_DECIMAL).write(value).ns());

    Set<Double> zeros = new LinkedHashSet<>(List.of(-0.0, 0.0));
    assertEquals(List.of("-0.0"), AttributeCodecs.set(AttributeCodecs.DOUBLE).write(zeros).ns());
  }

  @Test
  void aBinarySet_writesEqualBytesOnce() {
    Set<byte[]> value = new LinkedHashSet<>(List.of(new byte[] {1}, new byte[] {1}, new byte[] {2}));
    assertEquals(List.of(SdkBytes.fromByteArray(new byte[] {1}), SdkBytes.fromByteArray(new byte[] {2})),
        AttributeCodecs.set(AttributeCodecs.BYTE_ARRAY).write(value).bs());
  }

  @Test
  void numberValue_isEqualForEqualNumbers_only() {
    assertEquals(AttributeCodecs.numberValue("10"), AttributeCodecs.numberValue("1E+1"));
    assertEquals(AttributeCodecs.numberValue("10"), AttributeCodecs.numberValue("10.000"));
    assertEquals(AttributeCodecs.numberValue("-0"), AttributeCodecs.numberValue("0E+5"));
    assertEquals(AttributeCodecs.numberValue("0.5"), AttributeCodecs.numberValue("5E-1"));
    assertEquals(AttributeCodecs.numberValue("1234567890123456789"), AttributeCodecs.numberValue("1.234567890123456789E+18"));
    assertNotEquals(AttributeCodecs.numberValue("1"), AttributeCodecs.numberValue("1.0000000000000000000000000000000000001"));
    assertNotEquals(AttributeCodecs.numberValue("-1"), AttributeCodecs.numberValue("1"));
  }
}
