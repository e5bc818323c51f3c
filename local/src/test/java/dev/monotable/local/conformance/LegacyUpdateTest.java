package dev.monotable.local.conformance;

import static dev.monotable.local.conformance.Values.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** AttributeUpdates on UpdateItem: PUT, ADD and DELETE on existing and new items, and their refusals. */
class LegacyUpdateTest extends EngineTest {
  private String table;

  @BeforeAll
  void createUpdateTable() {
    table = createTable("pk", null);
  }

  private static AttributeValueUpdate action(AttributeAction action, AttributeValue value) {
    return AttributeValueUpdate.builder().action(action).value(value).build();
  }

  private Map<String, AttributeValue> update(String pk, Map<String, AttributeValueUpdate> updates) {
    client.updateItem(r -> r.tableName(table).key(item("pk", s(pk))).attributeUpdates(updates));
    return client.getItem(r -> r.tableName(table).key(item("pk", s(pk))).consistentRead(true)).item();
  }

  @Test
  void actions_onAnExistingItem() {
    client.putItem(r -> r.tableName(table).item(item("pk", s("old"), "count", n("5"), "tags", ss("a", "b", "c"),
        "gone", s("x"), "name", s("before"), "nums", ns("1"))));
    Map<String, AttributeValueUpdate> updates = new LinkedHashMap<>();
    updates.put("name", AttributeValueUpdate.builder().value(s("after")).build());
    updates.put("count", action(AttributeAction.ADD, n("-2")));
    updates.put("tags", action(AttributeAction.DELETE, ss("a", "c", "z")));
    updates.put("gone", action(AttributeAction.DELETE, null));
    updates.put("nums", action(AttributeAction.ADD, ns("2")));
    updates.put("fresh", action(AttributeAction.PUT, l(s("x"))));
    assertItem(item("pk", s("old"), "name", s("after"), "count", n("3"), "tags", ss("b"), "nums", ns("1", "2"),
        "fresh", l(s("x"))), update("old", updates));
  }

  @Test
  void actions_onANewItem_createIt() {
    Map<String, AttributeValueUpdate> updates = new LinkedHashMap<>();
    updates.put("count", action(AttributeAction.ADD, n("7")));
    updates.put("set", action(AttributeAction.ADD, ss("x")));
    updates.put("missing", action(AttributeAction.DELETE, null));
    updates.put("name", action(AttributeAction.PUT, s("n")));
    assertItem(item("pk", s("new"), "count", n("7"), "set", ss("x"), "name", s("n")), update("new", updates));
  }

  @Test
  void deletingEveryElement_removesTheAttribute() {
    client.putItem(r -> r.tableName(table).item(item("pk", s("emptied"), "tags", ss("a"))));
    assertItem(item("pk", s("emptied")), update("emptied", Map.of("tags", action(AttributeAction.DELETE, ss("a")))));
  }

  @Test
  void returnValues_reportTheUpdatedAttributes() {
    client.putItem(r -> r.tableName(table).item(item("pk", s("rv"), "a", n("1"), "b", n("1"))));
    Map<String, AttributeValue> updated = client.updateItem(r -> r.tableName(table).key(item("pk", s("rv")))
        .attributeUpdates(Map.of("a", action(AttributeAction.ADD, n("1"))))
        .returnValues(ReturnValue.UPDATED_NEW)).attributes();
    assertEquals(item("a", n("2")), updated);
  }

  @Test
  void refusals_haveDynamoDbsMessages() {
    String invalid = "One or more parameter values were invalid: ";
    Map<String, AttributeValue> key = item("pk", s("refused"));
    assertValidation(invalid + "Only DELETE action is allowed when no attribute value is specified",
        () -> update("refused", Map.of("a", action(AttributeAction.PUT, null))));
    assertValidation(invalid + "Only DELETE action is allowed when no attribute value is specified",
        () -> update("refused", Map.of("a", action(AttributeAction.ADD, null))));
    assertValidation(invalid + "DELETE action with value is not supported for the type S",
        () -> update("refused", Map.of("a", action(AttributeAction.DELETE, s("x")))));
    assertValidation(invalid + "DELETE action with value is not supported for the type N",
        () -> update("refused", Map.of("a", action(AttributeAction.DELETE, n("1")))));
    assertValidation(invalid + "ADD action is not supported for the type S",
        () -> update("refused", Map.of("a", action(AttributeAction.ADD, s("x")))));
    // a list is appended (as the dynalite project recorded from DynamoDB); a boolean is refused
    assertValidation(invalid + "ADD action is not supported for the type BOOL",
        () -> update("refused", Map.of("a", action(AttributeAction.ADD, bool(true)))));
    assertValidation(invalid + "Cannot update attribute pk. This attribute is part of the key",
        () -> update("refused", Map.of("pk", action(AttributeAction.PUT, s("other")))));
    assertValidation("Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}",
        () -> client.updateItem(r -> r.tableName(table).key(key).updateExpression("SET a = :a")
            .expressionAttributeValues(Map.of(":a", n("1")))
            .attributeUpdates(Map.of("b", action(AttributeAction.PUT, n("1"))))));
    assertEquals(Map.of(), client.getItem(r -> r.tableName(table).key(key)).item());
  }
}
