package dev.monotable.runtime.internal;

import dev.monotable.runtime.AttributeConverter;
import dev.monotable.runtime.MappingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lists and maps nested deeper than DynamoDB's 32 levels, and maps with an empty key, are refused
 * as they are written, with a {@link MappingException} naming the type and the attribute path.
 * Levels are counted as monotable-local counts them (an item attribute that is a map is level 1).
 */
class ValueShapeTest {
  /** A document that nests itself, as {@code @Document record Link(String label, Link next)} would. */
  record Link(String label, Link next) {}

  static final class LinkSchema implements DocumentSchema<Link> {
    static final LinkSchema INSTANCE = new LinkSchema();
    static final AttributeCodec<Link> CODEC = AttributeCodecs.document(INSTANCE);

    @Override public String typeName() {
      return "Link";
    }

    @Override public Map<String, AttributeValue> toAttributes(Link link) {
      ItemWriter out = ItemWriter.of("Link");
      out.put("label", AttributeCodecs.STRING, link.label());
      out.put("next", CODEC, link.next());
      return out.attributes();
    }

    @Override public Link fromAttributes(Map<String, AttributeValue> attributes) {
      return new Link(ItemReader.get(attributes.get("label"), "label", AttributeCodecs.STRING, "Link"),
          ItemReader.get(attributes.get("next"), "next", CODEC, "Link"));
    }
  }

  /** A chain of {@code levels} links, built without recursion. */
  private static Link chain(int levels) {
    Link link = null;
    for (int i = levels; i >= 1; i--) {
      link = new Link("l" + i, link);
    }
    return link;
  }

  /** The item of an entity {@code Tree} whose attribute {@code root} holds {@code value}. */
  private static <T> Map<String, AttributeValue> item(AttributeCodec<T> codec, T value) {
    return ItemWriter.of("Tree").put("root", codec, value).attributes();
  }

  /** Nesting levels along a chain of lists and maps, counted as monotable-local's ValueJson counts them. */
  private static int levels(AttributeValue value) {
    int levels = 0;
    while (value.hasM() || value.hasL()) {
      levels++;
      if (value.hasL()) {
        value = value.l().get(0);
      } else if (value.m().containsKey("next")) {
        value = value.m().get("next");
      } else if (value.m().size() == 1) {
        value = value.m().values().iterator().next();
      } else {
        break;
      }
    }
    return levels;
  }

  @Test
  void documentsNested32Levels_areWritten() {
    Map<String, AttributeValue> item = item(LinkSchema.CODEC, chain(32));
    assertEquals(32, levels(item.get("root")));
    assertEquals(chain(32), LinkSchema.CODEC.read(item.get("root")));
  }

  @Test
  void documentsNested33Levels_areRefused_namingTypeAndPath() {
    MappingException e = assertThrows(MappingException.class, () -> item(LinkSchema.CODEC, chain(33)));
    assertEquals("Tree", e.type());
    assertEquals("root" + ".next".repeat(32), e.attribute());
    assertEquals("lists and maps are nested more than 32 levels deep, which DynamoDB refuses", e.detail());
  }

  @ParameterizedTest
  @ValueSource(ints = {33, 100, 5_000, 100_000})
  void veryDeepDocuments_areRefusedAtLevel33_notByOverflowingTheStack(int levels) {
    MappingException e = assertThrows(MappingException.class, () -> item(LinkSchema.CODEC, chain(levels)));
    assertEquals("root" + ".next".repeat(32), e.attribute());
  }

  @Test
  void aRefusal_leavesTheCountOfLevelsAsItWas() {
    assertThrows(MappingException.class, () -> item(LinkSchema.CODEC, chain(5_000)));
    assertThrows(MappingException.class, () -> item(LinkSchema.CODEC, chain(33)));
    assertEquals(32, levels(item(LinkSchema.CODEC, chain(32)).get("root")));
  }

  @Test
  void listsAndMapsCountAsLevelsToo() {
    // root (L) > M > L > Link x 29 = 32 levels; one more link is 33
    AttributeCodec<List<Map<String, List<Link>>>> codec =
        AttributeCodecs.list(AttributeCodecs.map(AttributeCodecs.list(LinkSchema.CODEC)));
    Map<String, AttributeValue> item = item(codec, List.of(Map.of("k", List.of(chain(29)))));
    assertEquals(32, levels(item.get("root")));
    MappingException e = assertThrows(MappingException.class,
        () -> item(codec, List.of(Map.of("k", List.of(chain(30))))));
    assertEquals("root[0][k][0]" + ".next".repeat(29), e.attribute());
  }

  @Test
  void emptyMapKey_isRefused_namingTypeAndPath() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("a", 1);
    counts.put("", 2);
    MappingException e = assertThrows(MappingException.class,
        () -> ItemWriter.of("Tree").put("counts", AttributeCodecs.map(AttributeCodecs.INTEGER), counts));
    assertEquals("Tree.counts: a map key is empty (\"\"); DynamoDB refuses empty map keys", e.getMessage());

    Map<String, Map<String, Integer>> nested = Map.of("outer", counts);
    MappingException inner = assertThrows(MappingException.class, () -> ItemWriter.of("Tree")
        .put("groups", AttributeCodecs.map(AttributeCodecs.map(AttributeCodecs.INTEGER)), nested));
    assertEquals("groups[outer]", inner.attribute());
  }

  @Test
  void nullMapKey_isRefused() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put(null, 1);
    MappingException e = assertThrows(MappingException.class,
        () -> ItemWriter.of("Tree").put("counts", AttributeCodecs.map(AttributeCodecs.INTEGER), counts));
    assertEquals("counts", e.attribute());
  }

  // ---- values a user converter builds: walked once written, without recursion

  /** A converter that stores its value as it is. */
  private static AttributeCodec<AttributeValue> raw() {
    return AttributeCodecs.converted(new AttributeConverter<>() {
      @Override public AttributeValue toAttributeValue(AttributeValue value) {
        return value;
      }

      @Override public AttributeValue fromAttributeValue(AttributeValue value) {
        return value;
      }
    });
  }

  /** {@code levels} maps one in the other, under the key "next" (the innermost holds a string). */
  private static AttributeValue nestedMaps(int levels) {
    AttributeValue value = AttributeValue.fromS("bottom");
    for (int i = 0; i < levels; i++) {
      value = AttributeValue.fromM(Map.of("next", value));
    }
    return value;
  }

  @Test
  void convertedValues_areCheckedAtTheLevelTheyAreWrittenAt() {
    assertEquals(32, levels(item(raw(), nestedMaps(32)).get("root")));
    MappingException e = assertThrows(MappingException.class, () -> item(raw(), nestedMaps(33)));
    assertEquals("root" + ".next".repeat(32), e.attribute());

    // inside a list the converter's value starts at level 2
    AttributeCodec<List<AttributeValue>> inList = AttributeCodecs.list(raw());
    assertEquals(32, levels(item(inList, List.of(nestedMaps(31))).get("root")));
    MappingException deeper = assertThrows(MappingException.class, () -> item(inList, List.of(nestedMaps(32))));
    assertEquals("root[0]" + ".next".repeat(31), deeper.attribute());
  }

  @Test
  void setsAreNoLevel() {
    AttributeValue value = AttributeValue.fromSs(List.of("x"));
    for (int i = 0; i < 32; i++) {
      value = AttributeValue.fromL(List.of(value));
    }
    assertEquals(32, levels(item(raw(), value).get("root")));
  }

  @Test
  void convertedValues_100000LevelsDeep_areRefusedWithoutOverflowingTheStack() {
    MappingException e = assertThrows(MappingException.class, () -> item(raw(), nestedMaps(100_000)));
    assertEquals("Tree", e.type());
    assertTrue(e.attribute().startsWith("root.next.next"), e.attribute());
  }

  @Test
  void convertedValuesWithAnEmptyMapKey_areRefused_namingThePath() {
    AttributeValue value = AttributeValue.fromM(Map.of("a", AttributeValue.fromL(List.of(
        AttributeValue.fromN("1"), AttributeValue.fromM(Map.of("", AttributeValue.fromS("x")))))));
    MappingException e = assertThrows(MappingException.class, () -> item(raw(), value));
    assertEquals("Tree.root.a[1]: a map key is empty (\"\"); DynamoDB refuses empty map keys", e.getMessage());
  }
}
