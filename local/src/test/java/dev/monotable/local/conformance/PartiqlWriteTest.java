package dev.monotable.local.conformance;

import static dev.monotable.local.conformance.Values.assertItem;
import static dev.monotable.local.conformance.Values.assertValidation;
import static dev.monotable.local.conformance.Values.bool;
import static dev.monotable.local.conformance.Values.item;
import static dev.monotable.local.conformance.Values.l;
import static dev.monotable.local.conformance.Values.m;
import static dev.monotable.local.conformance.Values.n;
import static dev.monotable.local.conformance.Values.ns;
import static dev.monotable.local.conformance.Values.nul;
import static dev.monotable.local.conformance.Values.s;
import static dev.monotable.local.conformance.Values.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;

/**
 * ExecuteStatement's INSERT, UPDATE and DELETE, from the Developer Guide's PartiQL insert, update
 * and delete pages: INSERT of an existing key fails with DuplicateItemException, UPDATE of an
 * absent item with ConditionalCheckFailedException, and UPDATE and DELETE must name the whole key.
 */
class PartiqlWriteTest extends EngineTest {

  private ExecuteStatementResponse run(String statement, AttributeValue... parameters) {
    return client.executeStatement(r -> r.statement(statement).parameters(parameters.length == 0 ? null : List.of(parameters)));
  }

  private Map<String, AttributeValue> get(String table, String pk, String sk) {
    return client.getItem(r -> r.tableName(table).key(item("pk", s(pk), "sk", s(sk))).consistentRead(true)).item();
  }

  @Test
  void insert_literalsOfEveryKind_storesTheItem() {
    String table = createTable("pk", "sk");

    ExecuteStatementResponse response = run("INSERT INTO \"" + table + "\" VALUE {'pk': 'a', 'sk': 'b', 'n': -1.5e2, "
        + "'yes': true, 'no': false, 'nothing': null, 'list': [1, 'two', [3]], 'map': {'inner': {'deep': 'x'}}, "
        + "'strings': <<'s1', 's2'>>, 'numbers': <<1, 2>>, 'quote': 'it''s'}");

    assertTrue(response.items().isEmpty());
    assertItem(item("pk", s("a"), "sk", s("b"), "n", n("-150"), "yes", bool(true), "no", bool(false), "nothing", nul(),
        "list", l(n("1"), s("two"), l(n("3"))), "map", m("inner", m("deep", s("x"))), "strings", ss("s1", "s2"),
        "numbers", ns("1", "2"), "quote", s("it's")), get(table, "a", "b"));
  }

  @Test
  void insert_parameters_storeTheirValues() {
    String table = createTable("pk", "sk");

    run("INSERT INTO \"" + table + "\" VALUE {'pk': ?, 'sk': ?, 'm': ?}", s("a"), s("b"), m("k", n("1")));

    assertItem(item("pk", s("a"), "sk", s("b"), "m", m("k", n("1"))), get(table, "a", "b"));
  }

  @Test
  void insert_existingKey_failsWithDuplicateItemAndKeepsTheItem() {
    String table = createTable("pk", "sk");
    run("INSERT INTO \"" + table + "\" VALUE {'pk': 'a', 'sk': 'b', 'v': 1}");

    DuplicateItemException e = assertThrows(DuplicateItemException.class,
        () -> run("INSERT INTO \"" + table + "\" VALUE {'pk': 'a', 'sk': 'b', 'v': 2}"));

    assertEquals("Duplicate primary key exists in table", e.awsErrorDetails().errorMessage());
    assertItem(item("pk", s("a"), "sk", s("b"), "v", n("1")), get(table, "a", "b"));
  }

  @Test
  void insert_missingKey_failsAsPutItemDoes() {
    String table = createTable("pk", "sk");

    assertValidation("One or more parameter values were invalid: Missing the key sk in the item",
        () -> run("INSERT INTO \"" + table + "\" VALUE {'pk': 'a'}"));
    assertTrue(client.scan(r -> r.tableName(table)).items().isEmpty());
  }

  @Test
  void update_setIncrementRemove_changesTheItem() {
    String table = createTable("pk", "sk");
    client.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("b"), "count", n("1"), "gone", s("x"),
        "nested", m("list", l(n("1"))), "tags", ss("t1"))));

    ExecuteStatementResponse response = run("UPDATE \"" + table + "\" SET title = ? SET count = count + 2, "
        + "nested.list = list_append(nested.list, [2]), tags = set_add(tags, <<'t2'>>) REMOVE gone "
        + "WHERE pk = 'a' AND sk = 'b'", s("new"));

    assertTrue(response.items().isEmpty());
    assertItem(item("pk", s("a"), "sk", s("b"), "count", n("3"), "title", s("new"), "nested", m("list", l(n("1"), n("2"))),
        "tags", ss("t1", "t2")), get(table, "a", "b"));
  }

  @Test
  void update_setDelete_removesFromTheSet() {
    String table = createTable("pk", "sk");
    client.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("b"), "tags", ss("t1", "t2"))));

    run("UPDATE \"" + table + "\" SET tags = set_delete(tags, <<'t1'>>) WHERE pk = 'a' AND sk = 'b'");

    assertItem(item("pk", s("a"), "sk", s("b"), "tags", ss("t2")), get(table, "a", "b"));
  }

  @Test
  void update_absentItem_failsWithConditionalCheckFailedAndCreatesNothing() {
    String table = createTable("pk", "sk");

    assertThrows(ConditionalCheckFailedException.class,
        () -> run("UPDATE \"" + table + "\" SET v = 1 WHERE pk = 'a' AND sk = 'b'"));

    assertTrue(get(table, "a", "b").isEmpty());
  }

  @Test
  void update_extraConditionFalse_failsAndLeavesTheItem() {
    String table = createTable("pk", "sk");
    client.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("b"), "v", n("1"))));

    assertThrows(ConditionalCheckFailedException.class,
        () -> run("UPDATE \"" + table + "\" SET v = 2 WHERE pk = 'a' AND sk = 'b' AND v = 5"));
    run("UPDATE \"" + table + "\" SET v = 3 WHERE pk = 'a' AND sk = 'b' AND v = 1");

    assertItem(item("pk", s("a"), "sk", s("b"), "v", n("3")), get(table, "a", "b"));
  }

  @Test
  void update_conditionFailsWithReturnValuesOnConditionCheckFailure_carriesTheItem() {
    String table = createTable("pk", "sk");
    client.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("b"), "v", n("1"))));

    ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
        () -> client.executeStatement(r -> r.statement("UPDATE \"" + table + "\" SET v = 2 WHERE pk = 'a' AND sk = 'b' AND v = 7")
            .returnValuesOnConditionCheckFailure("ALL_OLD")));

    assertItem(item("pk", s("a"), "sk", s("b"), "v", n("1")), e.item());
  }

  @Test
  void statement_longerThan8192Characters_fails() {
    String table = createTable("pk", "sk");
    String statement = "SELECT * FROM \"" + table + "\" WHERE pk = '" + "x".repeat(8192) + "'";

    assertValidation("1 validation error detected: Value '" + statement
        + "' at 'statement' failed to satisfy constraint: Member must have length less than or equal to 8192",
        () -> run(statement));
  }

  @Test
  void update_returning_answersWithTheAttributesAsTheOneItem() {
    String table = createTable("pk", "sk");
    client.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("b"), "v", n("1"), "w", s("keep"))));

    ExecuteStatementResponse allNew = run("UPDATE \"" + table + "\" SET v = 2 WHERE pk = 'a' AND sk = 'b' RETURNING ALL NEW *");
    ExecuteStatementResponse modifiedOld =
        run("UPDATE \"" + table + "\" SET v = 3 WHERE pk = 'a' AND sk = 'b' RETURNING MODIFIED OLD *");

    assertEquals(1, allNew.items().size());
    assertItem(item("pk", s("a"), "sk", s("b"), "v", n("2"), "w", s("keep")), allNew.items().get(0));
    assertItem(item("v", n("2")), modifiedOld.items().get(0));
  }

  @Test
  void update_whereWithoutTheWholeKey_fails() {
    String table = createTable("pk", "sk");

    assertValidation("Where clause does not contain a mandatory equality on all key attributes",
        () -> run("UPDATE \"" + table + "\" SET v = 1 WHERE pk = 'a'"));
    assertValidation("Where clause does not contain a mandatory equality on all key attributes",
        () -> run("DELETE FROM \"" + table + "\" WHERE pk = 'a' AND sk > 'b'"));
  }

  @Test
  void update_keyAttribute_failsAsUpdateItemDoes() {
    String table = createTable("pk", "sk");
    client.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("b"))));

    assertValidation("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key",
        () -> run("UPDATE \"" + table + "\" SET pk = 'z' WHERE pk = 'a' AND sk = 'b'"));
  }

  @Test
  void delete_existingItem_removesItAndReturnsTheOldItemWhenAsked() {
    String table = createTable("pk", "sk");
    client.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("b"), "v", n("1"))));
    client.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("c"), "v", n("2"))));

    ExecuteStatementResponse plain = run("DELETE FROM \"" + table + "\" WHERE pk = 'a' AND sk = 'b'");
    ExecuteStatementResponse returning = run("DELETE FROM \"" + table + "\" WHERE sk = 'c' AND pk = 'a' RETURNING ALL OLD *");

    assertTrue(plain.items().isEmpty());
    assertItem(item("pk", s("a"), "sk", s("c"), "v", n("2")), returning.items().get(0));
    assertTrue(client.scan(r -> r.tableName(table)).items().isEmpty());
  }

  @Test
  void delete_conditionFalse_failsAndKeepsTheItem() {
    String table = createTable("pk", "sk");
    client.putItem(r -> r.tableName(table).item(item("pk", s("a"), "sk", s("b"), "v", n("1"))));

    assertThrows(ConditionalCheckFailedException.class,
        () -> run("DELETE FROM \"" + table + "\" WHERE pk = 'a' AND sk = 'b' AND v > 1"));

    assertFalse(get(table, "a", "b").isEmpty());
  }
}
