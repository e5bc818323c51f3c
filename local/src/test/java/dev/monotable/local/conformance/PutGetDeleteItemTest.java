package dev.monotable.local.conformance;

import static dev.monotable.local.conformance.Values.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** PutItem, GetItem and DeleteItem: round trips of every data type, replacement, ReturnValues, projections. */
class PutGetDeleteItemTest extends EngineTest {

  @Test
  void putItem_everyDataType_getItemReturnsTheSameValues() {
    String table = createTable("pk", null);
    Map<String, AttributeValue> item = item(
        "pk", s("all-types"),
        "str", s("h\u00e9llo w\u00f6rld \u2713 \uD83D\uDE00"),
        "num", n("-12.5"),
        "int", n("7"),
        "bin", b(0, 1, 2, (byte) 0xff),
        "yes", bool(true),
        "no", bool(false),
        "nothing", nul(),
        "list", l(s("a"), n("1"), l(bool(true)), m("k", s("v")), nul()),
        "emptyList", l(),
        "map", m("inner", m("deep", n("42")), "arr", l(s("x"))),
        "emptyMap", m(),
        "strs", ss("x", "y", "z"),
        "nums", ns("1", "2.5", "-3"),
        "bins", bs(new byte[] {1}, new byte[] {2, 3}));
    client.putItem(r -> r.tableName(table).item(item));

    GetItemResponse got = client.getItem(r -> r.tableName(table).key(key("pk", s("all-types"))));

    assertTrue(got.hasItem());
    assertItem(item, got.item());
  }

  @Test
  void putItem_existingKey_replacesTheWholeItem() {
    String table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(item("pk", s("k"), "a", s("1"), "b", s("2"))));
    client.putItem(r -> r.tableName(table).item(item("pk", s("k"), "c", s("3"))));

    assertItem(item("pk", s("k"), "c", s("3")), get(table, key("pk", s("k"))));
  }

  @Test
  void putItem_returnValuesAllOld_returnsNothingForNewItemAndOldItemWhenReplacing() {
    String table = createTable("pk", null);
    Map<String, AttributeValue> first = item("pk", s("k"), "v", n("1"), "tags", ss("a"));

    PutItemResponse created = client.putItem(r -> r.tableName(table).item(first).returnValues(ReturnValue.ALL_OLD));
    assertFalse(created.hasAttributes(), "no old item: " + created.attributes());

    PutItemResponse replaced = client.putItem(r -> r.tableName(table)
        .item(item("pk", s("k"), "v", n("2"))).returnValues(ReturnValue.ALL_OLD));
    assertItem(first, replaced.attributes());
  }

  @Test
  void putItem_returnValuesNoneOrDefault_returnsNoAttributes() {
    String table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(item("pk", s("k"), "v", n("1"))));

    PutItemResponse none = client.putItem(r -> r.tableName(table)
        .item(item("pk", s("k"), "v", n("2"))).returnValues(ReturnValue.NONE));
    PutItemResponse byDefault = client.putItem(r -> r.tableName(table).item(item("pk", s("k"), "v", n("3"))));

    assertFalse(none.hasAttributes());
    assertFalse(byDefault.hasAttributes());
    assertEquals("3", get(table, key("pk", s("k"))).get("v").n());
  }

  @Test
  void putItem_returnValuesOtherThanNoneOrAllOld_throwsValidationAndWritesNothing() {
    String table = createTable("pk", null);
    for (ReturnValue invalid : List.of(ReturnValue.ALL_NEW, ReturnValue.UPDATED_OLD, ReturnValue.UPDATED_NEW)) {
      assertValidation("ReturnValues can only be ALL_OLD or NONE", () -> client.putItem(r -> r.tableName(table)
          .item(item("pk", s("k"), "v", s(invalid.toString()))).returnValues(invalid)));
    }
    assertFalse(client.getItem(r -> r.tableName(table).key(key("pk", s("k")))).hasItem());
  }

  @Test
  void putItem_attributeNamesDifferingInCase_areDistinctAttributes() {
    String table = createTable("pk", null);
    Map<String, AttributeValue> item = item("pk", s("case"), "a", s("lower"), "A", s("upper"),
        "name.with.dots", s("dots"), "#hash:colon", s("special"));
    client.putItem(r -> r.tableName(table).item(item));

    assertItem(item, get(table, key("pk", s("case"))));
  }

  @Test
  void putItem_manyAttributes_allReadBack() {
    String table = createTable("pk", null);
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("pk", s("wide"));
    for (int i = 0; i < 300; i++) {
      item.put("attr" + i, n(Integer.toString(i)));
    }
    client.putItem(r -> r.tableName(table).item(item));

    Map<String, AttributeValue> got = get(table, key("pk", s("wide")));
    assertEquals(301, got.size());
    assertEquals("299", got.get("attr299").n());
  }

  @Test
  void getItem_missingItem_returnsNoItem() {
    String table = createTable("pk", null);
    GetItemResponse got = client.getItem(r -> r.tableName(table).key(key("pk", s("absent"))));
    assertFalse(got.hasItem(), "no Item for a absent key: " + got.item());
  }

  @Test
  void getItem_consistentRead_returnsLatestItem() {
    String table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(item("pk", s("k"), "v", n("1"))));
    client.putItem(r -> r.tableName(table).item(item("pk", s("k"), "v", n("2"))));

    GetItemResponse got = client.getItem(r -> r.tableName(table).key(key("pk", s("k"))).consistentRead(true));
    assertEquals("2", got.item().get("v").n());
  }

  @Test
  void getItem_projectionExpression_returnsOnlyTheNamedPaths() {
    String table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(item(
        "pk", s("p"),
        "a", s("A"),
        "b", s("B"),
        "m", m("x", n("1"), "y", n("2")),
        "l", l(n("10"), n("20"), n("30")))));

    GetItemResponse got = client.getItem(r -> r.tableName(table).key(key("pk", s("p")))
        .projectionExpression("a, m.y, l[1], absent"));

    assertItem(item("a", s("A"), "m", m("y", n("2")), "l", l(n("20"))), got.item());
  }

  @Test
  void getItem_projectionWithAttributeNames_resolvesReservedAndSpecialNames() {
    String table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(item(
        "pk", s("p"),
        "name", s("reserved word"),
        "dotted.name", s("dots"),
        "doc", m("status", s("nested reserved")),
        "other", s("left out"))));

    GetItemResponse got = client.getItem(r -> r.tableName(table).key(key("pk", s("p")))
        .projectionExpression("#n, #d, doc.#s")
        .expressionAttributeNames(Map.of("#n", "name", "#d", "dotted.name", "#s", "status")));

    assertItem(item("name", s("reserved word"), "dotted.name", s("dots"), "doc", m("status", s("nested reserved"))),
        got.item());
  }

  @Test
  void getItem_projectionOverlappingPaths_throwsValidation() {
    String table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(item("pk", s("p"), "m", m("x", n("1")))));
    assertValidation("Invalid ProjectionExpression: Two document paths overlap with each other; must remove or "
        + "rewrite one of these paths; path one: [m], path two: [m, x]",
        () -> client.getItem(r -> r.tableName(table).key(key("pk", s("p")))
        .projectionExpression("m, m.x")));
  }

  @Test
  void getItem_unusedExpressionAttributeName_throwsValidation() {
    String table = createTable("pk", null);
    assertValidation("Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}",
        () -> client.getItem(r -> r.tableName(table).key(key("pk", s("p")))
        .projectionExpression("a")
        .expressionAttributeNames(Map.of("#unused", "b"))));
  }

  @Test
  void getItem_reservedWordInProjectionWithoutName_throwsValidation() {
    String table = createTable("pk", null);
    assertValidation("Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: name",
        () -> client.getItem(r -> r.tableName(table).key(key("pk", s("p")))
        .projectionExpression("name")));
  }

  @Test
  void getItem_keyWithExtraAttribute_throwsValidation() {
    String table = createTable("pk", null);
    assertValidation("The provided key element does not match the schema",
        () -> client.getItem(r -> r.tableName(table).key(key("pk", s("p"), "other", s("x")))));
  }

  @Test
  void getItem_compositeKeyWithoutSortKey_throwsValidation() {
    String table = createTable("pk", "sk");
    assertValidation("The provided key element does not match the schema",
        () -> client.getItem(r -> r.tableName(table).key(key("pk", s("p")))));
  }

  @Test
  void putGetDelete_compositeKey_itemsWithSamePartitionAreDistinct() {
    String table = createTable("pk", "sk");
    client.putItem(r -> r.tableName(table).item(item("pk", s("p"), "sk", s("1"), "v", s("one"))));
    client.putItem(r -> r.tableName(table).item(item("pk", s("p"), "sk", s("2"), "v", s("two"))));

    assertEquals("one", get(table, key("pk", s("p"), "sk", s("1"))).get("v").s());
    assertEquals("two", get(table, key("pk", s("p"), "sk", s("2"))).get("v").s());

    client.deleteItem(r -> r.tableName(table).key(key("pk", s("p"), "sk", s("1"))));

    assertFalse(client.getItem(r -> r.tableName(table).key(key("pk", s("p"), "sk", s("1")))).hasItem());
    assertEquals("two", get(table, key("pk", s("p"), "sk", s("2"))).get("v").s());
  }

  @Test
  void putItem_numberKeysCompareAsNumbers_equalNumbersAddressOneItem() {
    String table = typedTable(ScalarAttributeType.N);
    client.putItem(r -> r.tableName(table).item(item("k", n("1.50"), "v", s("first"))));
    client.putItem(r -> r.tableName(table).item(item("k", n("1.5"), "v", s("second"))));

    Map<String, AttributeValue> got = get(table, key("k", n("01.500")));
    assertEquals("second", got.get("v").s());
    assertEquals("1.5", got.get("k").n());
    assertEquals("second", get(table, key("k", n("1.50"))).get("v").s());
  }

  @Test
  void putItem_binaryKey_matchesOnExactBytes() {
    String table = typedTable(ScalarAttributeType.B);
    client.putItem(r -> r.tableName(table).item(item("k", b(0, 1, 2), "v", s("three bytes"))));
    client.putItem(r -> r.tableName(table).item(item("k", b(0, 1), "v", s("two bytes"))));

    assertEquals("three bytes", get(table, key("k", b(0, 1, 2))).get("v").s());
    assertEquals("two bytes", get(table, key("k", b(0, 1))).get("v").s());
    assertFalse(client.getItem(r -> r.tableName(table).key(key("k", b(0, 1, 3)))).hasItem());
  }

  @Test
  void deleteItem_existingItem_removesIt() {
    String table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(item("pk", s("gone"), "v", n("1"))));

    DeleteItemResponse deleted = client.deleteItem(r -> r.tableName(table).key(key("pk", s("gone"))));

    assertFalse(deleted.hasAttributes());
    assertFalse(client.getItem(r -> r.tableName(table).key(key("pk", s("gone")))).hasItem());
  }

  @Test
  void deleteItem_returnValuesAllOld_returnsDeletedItem() {
    String table = createTable("pk", null);
    Map<String, AttributeValue> item = item("pk", s("gone"), "v", n("1"), "m", m("x", s("y")));
    client.putItem(r -> r.tableName(table).item(item));

    DeleteItemResponse deleted = client.deleteItem(r -> r.tableName(table)
        .key(key("pk", s("gone"))).returnValues(ReturnValue.ALL_OLD));

    assertItem(item, deleted.attributes());
  }

  @Test
  void deleteItem_missingItem_succeedsWithoutAttributes() {
    String table = createTable("pk", null);
    DeleteItemResponse deleted = client.deleteItem(r -> r.tableName(table)
        .key(key("pk", s("never"))).returnValues(ReturnValue.ALL_OLD));
    assertFalse(deleted.hasAttributes());
  }

  @Test
  void deleteItem_returnValuesOtherThanNoneOrAllOld_throwsValidationAndKeepsItem() {
    String table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(item("pk", s("kept"))));
    for (ReturnValue invalid : List.of(ReturnValue.ALL_NEW, ReturnValue.UPDATED_OLD, ReturnValue.UPDATED_NEW)) {
      assertValidation("ReturnValues can only be ALL_OLD or NONE", () -> client.deleteItem(r -> r.tableName(table)
          .key(key("pk", s("kept"))).returnValues(invalid)));
    }
    assertTrue(client.getItem(r -> r.tableName(table).key(key("pk", s("kept")))).hasItem());
  }

  @Test
  void itemOperations_missingTable_throwResourceNotFound() {
    String missing = uniqueName("never");
    assertThrows(ResourceNotFoundException.class,
        () -> client.putItem(r -> r.tableName(missing).item(item("pk", s("k")))));
    assertThrows(ResourceNotFoundException.class,
        () -> client.getItem(r -> r.tableName(missing).key(key("pk", s("k")))));
    assertThrows(ResourceNotFoundException.class,
        () -> client.deleteItem(r -> r.tableName(missing).key(key("pk", s("k")))));
  }

  @Test
  void putItem_returnedItemIsIndependentOfLaterWrites() {
    String table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(item("pk", s("k"), "l", l(s("a")))));
    Map<String, AttributeValue> before = get(table, key("pk", s("k")));

    client.putItem(r -> r.tableName(table).item(item("pk", s("k"), "l", l(s("a"), s("b")))));

    assertEquals(1, before.get("l").l().size());
    assertEquals(2, get(table, key("pk", s("k"))).get("l").l().size());
  }

  // ---------------------------------------------------------------- helpers

  private String typedTable(ScalarAttributeType type) {
    String name = uniqueName("typed");
    client.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("k").keyType(KeyType.HASH).build())
        .attributeDefinitions(AttributeDefinition.builder().attributeName("k").attributeType(type).build()));
    return name;
  }

  private Map<String, AttributeValue> get(String table, Map<String, AttributeValue> key) {
    GetItemResponse got = client.getItem(r -> r.tableName(table).key(key));
    assertTrue(got.hasItem(), "item " + key + " exists");
    return got.item();
  }

  /** A comparable form of an item: sets become sorted sets, since DynamoDB keeps no order in them. */

  private static Map<String, AttributeValue> key(Object... pairs) {
    return item(pairs);
  }
}
