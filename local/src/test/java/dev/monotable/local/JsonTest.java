package dev.monotable.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.monotable.local.value.Value;
import dev.monotable.local.value.ValueJson;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The items of an answer, written from their values, come out as their tree of nodes would. */
class JsonTest {

  @Test
  void items_everyKindOfValue_writtenAsTheirNodesWouldBe() throws IOException {
    String item = "{\"s\":{\"S\":\"a \\\"quoted\\\" \\u00e9\\n\"},\"n\":{\"N\":\"-1.5E+3\"},\"b\":{\"B\":\"AQI=\"},"
        + "\"t\":{\"BOOL\":true},\"f\":{\"BOOL\":false},\"z\":{\"NULL\":true},"
        + "\"l\":{\"L\":[{\"N\":\"1\"},{\"M\":{\"x\":{\"S\":\"y\"}}},{\"L\":[]}]},\"m\":{\"M\":{}},"
        + "\"ss\":{\"SS\":[\"p\",\"q\"]},\"ns\":{\"NS\":[\"2\",\"0.25\"]},\"bs\":{\"BS\":[\"AA==\",\"/w==\"]}}";
    Map<String, Value> values = ValueJson.readItem(Json.read(item.getBytes(UTF_8)));
    List<Map<String, Value>> items = List.of(values, Map.of("k", new Value.S("second")), Map.of());
    ArrayNode nodes = Json.object().arrayNode();
    items.forEach(one -> nodes.add(ValueJson.writeItem(one)));

    String streamed = new String(Json.write(Json.object().set("Items", Json.items(items))), UTF_8);

    assertEquals(new String(Json.write(Json.object().set("Items", nodes)), UTF_8), streamed);
    assertEquals(Json.object().set("Items", nodes), Json.read(streamed.getBytes(UTF_8)));
  }
}
