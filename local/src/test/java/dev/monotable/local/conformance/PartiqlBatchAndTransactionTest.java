package dev.monotable.local.conformance;

import static dev.monotable.local.conformance.Values.assertItem;
import static dev.monotable.local.conformance.Values.assertValidation;
import static dev.monotable.local.conformance.Values.item;
import static dev.monotable.local.conformance.Values.n;
import static dev.monotable.local.conformance.Values.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * BatchExecuteStatement and ExecuteTransaction, from the API Reference: a batch holds up to 25
 * statements, all reads (each naming a whole key) or all writes, and answers each statement's
 * failure in its Responses entry; a transaction holds up to 100 statements and applies all of
 * them or none, cancelling with one reason per statement.
 */
class PartiqlBatchAndTransactionTest extends EngineTest {

  private static BatchStatementRequest statement(String text, AttributeValue... parameters) {
    return BatchStatementRequest.builder().statement(text).parameters(parameters.length == 0 ? null : List.of(parameters))
        .build();
  }

  private static ParameterizedStatement transactional(String text, AttributeValue... parameters) {
    return ParameterizedStatement.builder().statement(text).parameters(parameters.length == 0 ? null : List.of(parameters))
        .build();
  }

  private Map<String, AttributeValue> get(String table, String pk) {
    return client.getItem(r -> r.tableName(table).key(item("pk", s(pk))).consistentRead(true)).item();
  }

  @Test
  void batch_writes_applyEachAndReportFailuresPerStatement() {
    String table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(item("pk", s("taken"), "v", n("0"))));

    BatchExecuteStatementResponse response = client.batchExecuteStatement(r -> r.statements(
        statement("INSERT INTO \"" + table + "\" VALUE {'pk': ?, 'v': 1}", s("new")),
        statement("INSERT INTO \"" + table + "\" VALUE {'pk': 'taken', 'v': 2}"),
        statement("UPDATE \"" + table + "\" SET v = v + 10 WHERE pk = 'taken'"),
        statement("UPDATE \"" + table + "\" SET v = 1 WHERE pk = 'absent'")));

    List<BatchStatementResponse> responses = response.responses();
    assertEquals(4, responses.size());
    assertNull(responses.get(0).error());
    assertEquals(table, responses.get(0).tableName());
    assertEquals("DuplicateItem", responses.get(1).error().codeAsString());
    assertEquals("Duplicate primary key exists in table", responses.get(1).error().message());
    assertNull(responses.get(2).error());
    assertEquals("ConditionalCheckFailed", responses.get(3).error().codeAsString());
    assertItem(item("pk", s("new"), "v", n("1")), get(table, "new"));
    assertItem(item("pk", s("taken"), "v", n("10")), get(table, "taken"));
    assertTrue(get(table, "absent").isEmpty());
  }

  @Test
  void batch_reads_returnEachItemOrNone() {
    String table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n("1"), "w", n("2"))));

    BatchExecuteStatementResponse response = client.batchExecuteStatement(r -> r.statements(
        statement("SELECT v FROM \"" + table + "\" WHERE pk = ?", s("a")),
        statement("SELECT * FROM \"" + table + "\" WHERE pk = 'missing'"),
        statement("SELECT * FROM \"" + table + "\" WHERE v = 1")));

    List<BatchStatementResponse> responses = response.responses();
    assertItem(item("v", n("1")), responses.get(0).item());
    assertEquals(table, responses.get(0).tableName());
    assertTrue(responses.get(1).item().isEmpty());
    assertNull(responses.get(1).error());
    assertEquals("ValidationError", responses.get(2).error().codeAsString());
  }

  @Test
  void batch_malformedStatement_isReportedInItsEntry() {
    String table = createTable("pk", null);

    BatchExecuteStatementResponse response = client.batchExecuteStatement(r -> r.statements(
        statement("INSERT INTO \"" + table + "\" VALUE {'pk': 'a'}"),
        statement("INSERT INTO \"" + table + "\" {'pk': 'b'}")));

    assertNull(response.responses().get(0).error());
    assertEquals("ValidationError", response.responses().get(1).error().codeAsString());
    assertTrue(response.responses().get(1).error().message().startsWith("Statement wasn't well formed, can't be processed: "));
    assertTrue(get(table, "b").isEmpty());
  }

  @Test
  void batch_readsAndWritesMixed_failsWholly() {
    String table = createTable("pk", null);

    assertValidation("BatchExecuteStatement must contain only read statements or only write statements",
        () -> client.batchExecuteStatement(r -> r.statements(
        statement("INSERT INTO \"" + table + "\" VALUE {'pk': 'a'}"),
        statement("SELECT * FROM \"" + table + "\" WHERE pk = 'a'"))));
    assertTrue(get(table, "a").isEmpty());
  }

  @Test
  void batch_moreThan25Statements_fails() {
    String table = createTable("pk", null);
    List<BatchStatementRequest> statements = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      statements.add(statement("INSERT INTO \"" + table + "\" VALUE {'pk': 'k" + i + "'}"));
    }

    assertValidation("1 validation error detected: Value '[com.amazonaws.dynamodb.v20120810.BatchStatementRequest@",
        "]' at 'statements' failed to satisfy constraint: Member must have length less than or equal to 25",
        () -> client.batchExecuteStatement(r -> r.statements(statements)));
    assertTrue(client.scan(r -> r.tableName(table)).items().isEmpty());
  }

  @Test
  void transaction_writes_applyTogether() {
    String table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(item("pk", s("old"), "v", n("1"))));

    client.executeTransaction(r -> r.transactStatements(
        transactional("INSERT INTO \"" + table + "\" VALUE {'pk': 'new', 'v': ?}", n("5")),
        transactional("UPDATE \"" + table + "\" SET v = v + 1 WHERE pk = 'old'"),
        transactional("DELETE FROM \"" + table + "\" WHERE pk = 'gone'")));

    assertItem(item("pk", s("new"), "v", n("5")), get(table, "new"));
    assertItem(item("pk", s("old"), "v", n("2")), get(table, "old"));
  }

  @Test
  void transaction_oneConditionFails_cancelsAllWithReasons() {
    String table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(item("pk", s("old"), "v", n("1"))));

    TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
        () -> client.executeTransaction(r -> r.transactStatements(
            transactional("INSERT INTO \"" + table + "\" VALUE {'pk': 'new'}"),
            transactional("UPDATE \"" + table + "\" SET v = 9 WHERE pk = 'old' AND v = 100"))));

    assertEquals(List.of("None", "ConditionalCheckFailed"),
        e.cancellationReasons().stream().map(CancellationReason::code).toList());
    assertTrue(get(table, "new").isEmpty());
    assertItem(item("pk", s("old"), "v", n("1")), get(table, "old"));
  }

  @Test
  void transaction_insertOfExistingKey_cancelsWithDuplicateItem() {
    String table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(item("pk", s("taken"))));
    client.putItem(r -> r.tableName(table).item(item("pk", s("other"))));

    TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
        () -> client.executeTransaction(r -> r.transactStatements(
            transactional("UPDATE \"" + table + "\" SET v = 1 WHERE pk = 'other'"),
            transactional("INSERT INTO \"" + table + "\" VALUE {'pk': 'taken'}"))));

    assertEquals("DuplicateItem", e.cancellationReasons().get(1).code());
    assertEquals("Duplicate primary key exists in table", e.cancellationReasons().get(1).message());
    assertEquals("None", e.cancellationReasons().get(0).code());
    assertItem(item("pk", s("taken")), get(table, "taken"));
    assertItem(item("pk", s("other")), get(table, "other"));
  }

  @Test
  void transaction_existsCheck_guardsTheOtherStatements() {
    String table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(item("pk", s("guard"), "open", Values.bool(true))));

    TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
        () -> client.executeTransaction(r -> r.transactStatements(
            transactional("EXISTS(SELECT * FROM \"" + table + "\" WHERE pk = 'guard' AND open = false)"),
            transactional("INSERT INTO \"" + table + "\" VALUE {'pk': 'a'}"))));
    assertEquals(List.of("ConditionalCheckFailed", "None"),
        e.cancellationReasons().stream().map(CancellationReason::code).toList());
    assertTrue(get(table, "a").isEmpty());

    client.executeTransaction(r -> r.transactStatements(
        transactional("EXISTS(SELECT * FROM \"" + table + "\" WHERE pk = 'guard' AND open = true)"),
        transactional("INSERT INTO \"" + table + "\" VALUE {'pk': 'a'}")));
    assertItem(item("pk", s("a")), get(table, "a"));
  }

  @Test
  void transaction_existsOfAbsentItem_cancels() {
    String table = createTable("pk", null);

    TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
        () -> client.executeTransaction(r -> r.transactStatements(
            transactional("EXISTS(SELECT * FROM \"" + table + "\" WHERE pk = 'absent')"),
            transactional("INSERT INTO \"" + table + "\" VALUE {'pk': 'a'}"))));

    assertEquals("ConditionalCheckFailed", e.cancellationReasons().get(0).code());
    assertTrue(get(table, "a").isEmpty());
  }

  @Test
  void transaction_reads_returnItemsInStatementOrder() {
    String table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n("1"))));
    client.putItem(r -> r.tableName(table).item(item("pk", s("b"), "v", n("2"))));

    ExecuteTransactionResponse response = client.executeTransaction(r -> r.transactStatements(
        transactional("SELECT * FROM \"" + table + "\" WHERE pk = 'b'"),
        transactional("SELECT v FROM \"" + table + "\" WHERE pk = 'a'"),
        transactional("SELECT * FROM \"" + table + "\" WHERE pk = 'none'")));

    assertEquals(3, response.responses().size());
    assertItem(item("pk", s("b"), "v", n("2")), response.responses().get(0).item());
    assertItem(item("v", n("1")), response.responses().get(1).item());
    assertTrue(response.responses().get(2).item().isEmpty());
  }

  @Test
  void transaction_sameClientRequestToken_appliesOnce() {
    String table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(item("pk", s("a"), "v", n("1"))));

    for (int i = 0; i < 2; i++) {
      client.executeTransaction(r -> r.clientRequestToken("token-1").transactStatements(
          transactional("UPDATE \"" + table + "\" SET v = v + 1 WHERE pk = 'a'")));
    }

    assertItem(item("pk", s("a"), "v", n("2")), get(table, "a"));
  }

  @Test
  void transaction_moreThan100Statements_fails() {
    String table = createTable("pk", null);
    List<ParameterizedStatement> statements = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      statements.add(transactional("INSERT INTO \"" + table + "\" VALUE {'pk': 'k" + i + "'}"));
    }

    assertValidation("1 validation error detected: Value '[com.amazonaws.dynamodb.v20120810.ParameterizedStatement@",
        "]' at 'transactStatements' failed to satisfy constraint: Member must have length less than or equal to 100",
        () -> client.executeTransaction(r -> r.transactStatements(statements)));
    assertTrue(client.scan(r -> r.tableName(table)).items().isEmpty());
  }

  @Test
  void transaction_readsAndWritesMixed_fails() {
    String table = createTable("pk", null);

    assertValidation("ExecuteTransaction must contain only read statements or only write statements",
        () -> client.executeTransaction(r -> r.transactStatements(
        transactional("INSERT INTO \"" + table + "\" VALUE {'pk': 'a'}"),
        transactional("SELECT * FROM \"" + table + "\" WHERE pk = 'a'"))));
    assertTrue(get(table, "a").isEmpty());
  }

  @Test
  void transaction_malformedStatement_failsWholly() {
    String table = createTable("pk", null);

    assertValidation("Statement wasn't well formed, can't be processed: Expected data manipulation",
        () -> client.executeTransaction(r -> r.transactStatements(
            transactional("INSERT INTO \"" + table + "\" VALUE {'pk': 'a'}"),
            transactional("UPSERT INTO \"" + table + "\" VALUE {'pk': 'b'}"))));
    assertTrue(get(table, "a").isEmpty());
  }
}
