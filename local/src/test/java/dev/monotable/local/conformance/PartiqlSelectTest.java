package dev.monotable.local.conformance;

import static dev.monotable.local.conformance.Values.assertItem;
import static dev.monotable.local.conformance.Values.assertValidation;
import static dev.monotable.local.conformance.Values.canon;
import static dev.monotable.local.conformance.Values.item;
import static dev.monotable.local.conformance.Values.l;
import static dev.monotable.local.conformance.Values.m;
import static dev.monotable.local.conformance.Values.n;
import static dev.monotable.local.conformance.Values.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * ExecuteStatement's SELECT, from the Developer Guide's "PartiQL select statements for DynamoDB":
 * an equality on the partition key reads one partition in sort-key order (ORDER BY may reverse
 * it), anything else scans the table in a Scan's order; Limit counts items evaluated and NextToken
 * continues where a page stopped.
 */
class PartiqlSelectTest extends EngineTest {
  private String table;

  @BeforeAll
  void createTableWithItems() {
    table = uniqueName("partiql");
    client.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.N).build(),
            AttributeDefinition.builder().attributeName("colour").attributeType(ScalarAttributeType.S).build())
        .globalSecondaryIndexes(g -> g.indexName("by-colour")
            .keySchema(KeySchemaElement.builder().attributeName("colour").keyType(KeyType.HASH).build())
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build())));
    put(item("pk", s("a"), "sk", n("3"), "colour", s("red"), "name", s("apple"), "tags", l(s("x"), s("y")),
        "detail", m("size", n("7"), "origin", s("NZ"))));
    put(item("pk", s("a"), "sk", n("1"), "colour", s("green"), "name", s("avocado")));
    put(item("pk", s("a"), "sk", n("2"), "colour", s("red"), "name", s("apricot")));
    put(item("pk", s("b"), "sk", n("1"), "colour", s("red"), "name", s("banana split")));
    put(item("pk", s("c"), "sk", n("1"), "name", s("cherry")));
  }

  private void put(Map<String, AttributeValue> item) {
    client.putItem(r -> r.tableName(table).item(item));
  }

  private List<Map<String, AttributeValue>> select(String statement, AttributeValue... parameters) {
    return client.executeStatement(r -> r.statement(statement).parameters(parameters.length == 0 ? null : List.of(parameters)))
        .items();
  }

  private static List<String> names(List<Map<String, AttributeValue>> items) {
    List<String> names = new ArrayList<>();
    items.forEach(item -> names.add(item.get("name").s()));
    return names;
  }

  @Test
  void select_partitionKeyEquality_returnsThePartitionInSortKeyOrder() {
    assertEquals(List.of("avocado", "apricot", "apple"), names(select("SELECT * FROM \"" + table + "\" WHERE pk = 'a'")));
  }

  @Test
  void select_orderByDescending_returnsSortKeyDescending() {
    assertEquals(List.of("apple", "apricot", "avocado"),
        names(select("SELECT * FROM \"" + table + "\" WHERE pk = 'a' ORDER BY sk DESC")));
  }

  @Test
  void select_sortKeyRangeAndNonKeyCondition_returnsOnlyMatchingItems() {
    assertEquals(List.of("apricot", "apple"),
        names(select("SELECT * FROM \"" + table + "\" WHERE pk = 'a' AND sk BETWEEN 2 AND 3 AND colour = 'red'")));
    assertEquals(List.of("avocado"), names(select("SELECT * FROM \"" + table + "\" WHERE pk = 'a' AND sk < 2")));
    assertEquals(List.of("apple"), names(select("SELECT * FROM \"" + table + "\" WHERE 3 <= sk AND pk = 'a'")));
  }

  @Test
  void select_twoSortKeyConditions_returnsTheirIntersection() {
    assertEquals(List.of("apricot"), names(select("SELECT * FROM \"" + table + "\" WHERE pk = 'a' AND sk > 1 AND sk < 3")));
  }

  @Test
  void select_projectionList_returnsOnlyTheListedPaths() {
    List<Map<String, AttributeValue>> items =
        select("SELECT name, detail.origin, tags[1] FROM \"" + table + "\" WHERE pk = 'a' AND sk = 3");

    assertEquals(1, items.size());
    assertItem(item("name", s("apple"), "detail", m("origin", s("NZ")), "tags", l(s("y"))), items.get(0));
  }

  @Test
  void select_withoutPartitionKeyEquality_scansInTheOrderOfAScan() {
    List<Map<String, AttributeValue>> scanned = client.scan(r -> r.tableName(table).filterExpression("colour = :c")
        .expressionAttributeValues(Map.of(":c", s("red")))).items();

    List<Map<String, AttributeValue>> selected = select("SELECT * FROM \"" + table + "\" WHERE colour = 'red'");

    assertEquals(3, selected.size());
    assertEquals(scanned.stream().map(Values::canon).toList(), selected.stream().map(Values::canon).toList());
    assertEquals(5, select("SELECT * FROM \"" + table + "\"").size());
  }

  @Test
  void select_functionsAndOperators_filterAsDynamoDbConditionsDo() {
    String from = "SELECT * FROM \"" + table + "\" WHERE ";
    assertEquals(List.of("banana split"), names(select(from + "contains(name, 'split')")));
    assertEquals(List.of("avocado", "apricot", "apple"), names(select(from + "pk = 'a' AND begins_with(name, 'a')")));
    assertEquals(List.of("apple"), names(select(from + "pk = 'a' AND size(tags) = 2")));
    assertEquals(List.of("apple"), names(select(from + "pk = 'a' AND attribute_exists(detail.size)")));
    assertEquals(List.of("cherry"), names(select(from + "colour IS MISSING")));
    assertEquals(List.of("avocado", "apricot"), names(select(from + "pk = 'a' AND detail IS MISSING")));
    assertEquals(List.of("apple"), names(select(from + "pk = 'a' AND detail IS NOT MISSING")));
    assertEquals(List.of("apricot"), names(select(from + "pk = 'a' AND name NOT IN ('apple', 'avocado')")));
    assertEquals(List.of("avocado"), names(select(from + "pk = 'a' AND colour <> 'red'")));
    assertEquals(List.of("avocado"), names(select(from + "pk = 'a' AND NOT colour = 'red'")));
    assertEquals(List.of("avocado", "apple"), names(select(from + "pk = 'a' AND (sk = 1 OR name = 'apple')")));
    assertEquals(List.of("avocado", "apple"), names(select(from + "pk = 'a' AND name IN ['apple', 'avocado']")));
    // AND binds tighter than OR
    assertEquals(List.of("apple", "cherry"), names(select(from + "pk = 'c' OR pk = 'a' AND sk = 3")).stream().sorted().toList());
  }

  @Test
  void select_parameters_takeTheirValuesInOrder() {
    assertEquals(List.of("apricot", "apple"),
        names(select("SELECT * FROM \"" + table + "\" WHERE pk = ? AND sk >= ?", s("a"), n("2"))));
  }

  @Test
  void select_limit_evaluatesThatManyItemsAndNextTokenContinues() {
    List<String> seen = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      ExecuteStatementResponse page = client.executeStatement(r -> r.statement("SELECT * FROM \"" + table + "\"")
          .limit(2).nextToken(next));
      assertTrue(page.items().size() <= 2);
      seen.addAll(names(page.items()));
      token = page.nextToken();
      pages++;
    } while (token != null && pages < 10);

    assertEquals(3, pages); // 2 + 2 + 1 items
    assertEquals(List.of("apple", "apricot", "avocado", "banana split", "cherry"), seen.stream().sorted().toList());
  }

  @Test
  void select_limitWithFilter_countsItemsEvaluatedNotMatched() {
    ExecuteStatementResponse page = client.executeStatement(r -> r.statement(
        "SELECT * FROM \"" + table + "\" WHERE pk = 'a' AND colour = 'red'").limit(1));

    assertEquals(List.of(), page.items()); // the first item, sk 1, is green
    assertTrue(page.nextToken() != null);
    ExecuteStatementResponse rest = client.executeStatement(r -> r.statement(
        "SELECT * FROM \"" + table + "\" WHERE pk = 'a' AND colour = 'red'").nextToken(page.nextToken()));
    assertEquals(List.of("apricot", "apple"), names(rest.items()));
    assertNull(rest.nextToken());
  }

  @Test
  void select_fromIndex_readsTheIndex() {
    assertEquals(List.of("apple", "apricot", "banana split"),
        names(select("SELECT * FROM \"" + table + "\".\"by-colour\" WHERE colour = 'red'")).stream().sorted().toList());
  }

  @Test
  void select_consistentReadOnGlobalIndex_failsAsQueryDoes() {
    assertValidation("Consistent reads are not supported on global secondary indexes",
        () -> client.executeStatement(r -> r.statement("SELECT * FROM \"" + table + "\".\"by-colour\" WHERE colour = 'red'")
            .consistentRead(true)));
  }

  @Test
  void select_unknownTable_failsWithResourceNotFound() {
    ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
        () -> client.executeStatement(r -> r.statement("SELECT * FROM \"no-such-table\"")));
    assertEquals("Requested resource not found", e.awsErrorDetails().errorMessage());
  }

  @Test
  void select_notAStatement_failsAsNotWellFormed() {
    assertValidation("Statement wasn't well formed, can't be processed: Expected data manipulation",
        () -> client.executeStatement(r -> r.statement("SELEKT * FROM \"" + table + "\"")));
    assertValidation("Statement wasn't well formed, can't be processed: Unexpected keyword",
        () -> client.executeStatement(r -> r.statement("SELECT * FROM \"" + table + "\" WHERE pk = 'a' LIMIT 1")));
  }

  @Test
  void select_parameterCountMismatch_fails() {
    assertValidation("Number of parameters in request and statement don't match.",
        () -> client.executeStatement(r -> r.statement("SELECT * FROM \"" + table + "\" WHERE pk = ?")));
    assertValidation("Number of parameters in request and statement don't match.",
        () -> client.executeStatement(r -> r.statement("SELECT * FROM \"" + table + "\" WHERE pk = ?")
            .parameters(s("a"), s("b"))));
  }

  @Test
  void select_orderByWithoutPartitionKeyEquality_fails() {
    assertValidation("Must have WHERE clause in the statement with an equality condition on the partition key when "
        + "using ORDER BY clause",
        () -> client.executeStatement(r -> r.statement(
        "SELECT * FROM \"" + table + "\" WHERE colour = 'red' ORDER BY sk")));
  }
}
