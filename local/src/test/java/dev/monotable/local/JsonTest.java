package dev.monotable.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.monotable.local.value.ItemSize;
import dev.monotable.local.value.StoredItem;
import dev.monotable.local.value.Value;
import dev.monotable.local.value.ValueJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The items of an answer, written from their values, come out as their tree of nodes would. */
class JsonTest {
  private static final String EVERY_KIND = "{\"s\":{\"S\":\"a \\\"quoted\\\" \\u00e9\\n\"},\"n\":{\"N\":\"-1.5E+3\"},\"b\":{\"B\":\"AQI=\"},"
        + "\"t\":{\"BOOL\":true},\"f\":{\"BOOL\":false},\"z\":{\"NULL\":true},"
        + "\"l\":{\"L\":[{\"N\":\"1\"},{\"M\":{\"x\":{\"S\":\"y\"}}},{\"L\":[]}]},\"m\":{\"M\":{}},"
        + "\"ss\":{\"SS\":[\"p\",\"q\"]},\"ns\":{\"NS\":[\"2\",\"0.25\"]},\"bs\":{\"BS\":[\"AA==\",\"/w==\"]}}";

  @Test
  void items_everyKindOfValue_writtenAsTheirNodesWouldBe() throws IOException {
    Map<String, Value> values = ValueJson.readItem(Json.read(EVERY_KIND.getBytes(UTF_8)));
    List<Map<String, Value>> items = List.of(values, Map.of("k", new Value.S("second")), Map.of());
    ArrayNode nodes = Json.object().arrayNode();
    items.forEach(one -> nodes.add(ValueJson.writeItem(one)));

    String streamed = new String(Json.write(Json.object().set("Items", Json.items(items))), UTF_8);

    assertEquals(new String(Json.write(Json.object().set("Items", nodes)), UTF_8), streamed);
    assertEquals(Json.object().set("Items", nodes), Json.read(streamed.getBytes(UTF_8)));
  }

  /**
   * A stored item is written from the JSON it keeps: the same bytes as from its values, also when
   * they do not fit in what is left of the generator's buffer (items of 300 to 9,000 bytes, written
   * one after the other, end at every offset of it), and its kept size is the one counted afresh.
   */
  @Test
  void storedItems_writtenFromTheirKeptJson_asFromTheirValues() throws IOException {
    Map<String, Value> values = ValueJson.readItem(Json.read(EVERY_KIND.getBytes(UTF_8)));
    List<Map<String, Value>> plain = new ArrayList<>();
    List<Map<String, Value>> stored = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Map<String, Value> item = new LinkedHashMap<>(values);
      item.put("pad", new Value.S("\u00e9\"".repeat(i * i * 3)));
      plain.add(item);
      stored.add(StoredItem.of(item));
    }

    byte[] fromValues = Json.write(Json.object().set("Items", Json.items(plain)));
    byte[] fromKept = Json.write(Json.object().set("Items", Json.items(stored)));
    byte[] again = Json.write(Json.object().set("Items", Json.items(stored)));

    assertEquals(new String(fromValues, UTF_8), new String(fromKept, UTF_8));
    assertEquals(new String(fromValues, UTF_8), new String(again, UTF_8));
    for (int i = 0; i < plain.size(); i++) {
      assertEquals(ItemSize.of(plain.get(i)), ItemSize.of(stored.get(i)));
      assertEquals(new String(Json.write(Json.item(plain.get(i))), UTF_8),
          new String(Json.write(Json.item(stored.get(i))), UTF_8));
    }
  }
}
