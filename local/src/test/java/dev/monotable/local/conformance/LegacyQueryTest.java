package dev.monotable.local.conformance;

import static dev.monotable.local.conformance.Values.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The legacy read parameters: KeyConditions and QueryFilter on Query, ScanFilter on Scan (with
 * ConditionalOperator), AttributesToGet on GetItem, Query, Scan and BatchGetItem, and the rule
 * that they do not mix with the expression parameters.
 */
class LegacyQueryTest extends EngineTest {
  private String table;
  private String hashOnly;

  @BeforeAll
  void createTables() {
    table = createTable("pk", "sk");
    for (String sk : List.of("a1", "a2", "b1", "b2", "c1")) {
      client.putItem(r -> r.tableName(table).item(item("pk", s("p"), "sk", s(sk), "n", n(sk.substring(1)),
          "kind", s(sk.substring(0, 1)), "extra", s("x"))));
    }
    client.putItem(r -> r.tableName(table).item(item("pk", s("other"), "sk", s("a1"), "n", n("9"))));
    hashOnly = createTable("id", null);
    client.putItem(r -> r.tableName(hashOnly).item(item("id", s("1"), "v", n("1"), "tags", ss("red", "blue"))));
    client.putItem(r -> r.tableName(hashOnly).item(item("id", s("2"), "v", n("2"), "text", s("hello world"))));
    client.putItem(r -> r.tableName(hashOnly).item(item("id", s("3"), "v", n("3"), "tags", ss("green"))));
  }

  private static Condition condition(ComparisonOperator operator, AttributeValue... values) {
    return Condition.builder().comparisonOperator(operator).attributeValueList(values).build();
  }

  private QueryResponse query(Map<String, Condition> keyConditions) {
    return client.query(r -> r.tableName(table).keyConditions(keyConditions));
  }

  private static List<String> sortKeys(List<Map<String, AttributeValue>> items) {
    List<String> keys = new ArrayList<>();
    for (Map<String, AttributeValue> item : items) {
      keys.add(item.containsKey("sk") ? item.get("sk").s() : item.get("id").s());
    }
    return keys;
  }

  @Test
  void keyConditions_partitionOnly_returnsThePartitionInOrder() {
    assertEquals(List.of("a1", "a2", "b1", "b2", "c1"),
        sortKeys(query(Map.of("pk", condition(ComparisonOperator.EQ, s("p")))).items()));
  }

  @Test
  void keyConditions_everySortKeyOperator_selectsTheRange() {
    Map<ComparisonOperator, List<String>> expected = Map.of(
        ComparisonOperator.EQ, List.of("b1"),
        ComparisonOperator.LT, List.of("a1", "a2"),
        ComparisonOperator.LE, List.of("a1", "a2", "b1"),
        ComparisonOperator.GT, List.of("b2", "c1"),
        ComparisonOperator.GE, List.of("b1", "b2", "c1"));
    expected.forEach((operator, keys) -> assertEquals(keys, sortKeys(query(Map.of(
        "pk", condition(ComparisonOperator.EQ, s("p")), "sk", condition(operator, s("b1")))).items()), operator.toString()));
    assertEquals(List.of("b1", "b2"), sortKeys(query(Map.of("pk", condition(ComparisonOperator.EQ, s("p")),
        "sk", condition(ComparisonOperator.BEGINS_WITH, s("b")))).items()));
    assertEquals(List.of("a2", "b1", "b2"), sortKeys(query(Map.of("pk", condition(ComparisonOperator.EQ, s("p")),
        "sk", condition(ComparisonOperator.BETWEEN, s("a2"), s("b2")))).items()));
  }

  @Test
  void keyConditions_refusedOperatorsAndShapes_haveDynamoDbsMessages() {
    Condition onP = condition(ComparisonOperator.EQ, s("p"));
    for (Condition bad : List.of(condition(ComparisonOperator.NULL), condition(ComparisonOperator.NOT_NULL),
        condition(ComparisonOperator.NE, s("a")), condition(ComparisonOperator.CONTAINS, s("a")),
        condition(ComparisonOperator.NOT_CONTAINS, s("a")), condition(ComparisonOperator.IN, s("a")))) {
      assertValidation("Attempted conditional constraint is not an indexable operation",
          () -> query(Map.of("pk", onP, "sk", bad)));
      assertValidation("Attempted conditional constraint is not an indexable operation", () -> query(Map.of("pk", bad)));
    }
    assertValidation("Query key condition not supported",
        () -> query(Map.of("pk", condition(ComparisonOperator.GT, s("p")))));
    assertValidation("Query key condition not supported",
        () -> query(Map.of("pk", condition(ComparisonOperator.BEGINS_WITH, s("p")))));
    assertValidation("Query condition missed key schema element: pk",
        () -> query(Map.of("sk", condition(ComparisonOperator.EQ, s("a1")))));
    assertValidation("Query condition missed key schema element: sk",
        () -> query(Map.of("pk", onP, "kind", condition(ComparisonOperator.EQ, s("a")))));
    assertValidation("Query key condition not supported", () -> client.query(r -> r.tableName(hashOnly)
        .keyConditions(Map.of("id", condition(ComparisonOperator.EQ, s("1")), "v", condition(ComparisonOperator.EQ, n("1"))))));
    assertValidation("One or more parameter values were invalid: Condition parameter type does not match schema type",
        () -> query(Map.of("pk", condition(ComparisonOperator.EQ, n("1")))));
    assertValidation("One or more parameter values were invalid: Condition parameter type does not match schema type",
        () -> query(Map.of("pk", onP, "sk", condition(ComparisonOperator.LT, n("1")))));
    assertValidation("One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator",
        () -> query(Map.of("pk", condition(ComparisonOperator.EQ))));
    assertValidation("One or more parameter values were invalid: Invalid number of argument(s) for the BETWEEN ComparisonOperator",
        () -> query(Map.of("pk", onP, "sk", condition(ComparisonOperator.BETWEEN, s("a")))));
    assertValidation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound",
        () -> query(Map.of("pk", onP, "sk", condition(ComparisonOperator.BETWEEN, s("b"), s("a")))));
    assertValidation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.",
        () -> client.query(r -> r.tableName(table)));
  }

  @Test
  void keyConditions_onAGlobalIndex_useTheIndexKeys() {
    String indexed = uniqueName("legacy-gsi");
    client.createTable(c -> c.tableName(indexed).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("g").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("rank").attributeType(ScalarAttributeType.N).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("byG")
            .keySchema(KeySchemaElement.builder().attributeName("g").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("rank").keyType(KeyType.RANGE).build())
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
    for (int i = 1; i <= 4; i++) {
      String id = "i" + i;
      String rank = Integer.toString(i * 10);
      client.putItem(r -> r.tableName(indexed).item(item("pk", s(id), "g", s("group"), "rank", n(rank))));
    }
    QueryResponse response = client.query(r -> r.tableName(indexed).indexName("byG").scanIndexForward(false)
        .keyConditions(Map.of("g", condition(ComparisonOperator.EQ, s("group")),
            "rank", condition(ComparisonOperator.BETWEEN, n("15"), n("30")))));
    assertEquals(List.of("i3", "i2"), response.items().stream().map(i -> i.get("pk").s()).toList());
    assertValidation("Query condition missed key schema element: g", () -> client.query(r -> r.tableName(indexed)
        .indexName("byG").keyConditions(Map.of("pk", condition(ComparisonOperator.EQ, s("i1"))))));
  }

  @Test
  void unknownComparisonOperator_isRefusedByTheEnumConstraint() {
    assertValidation("1 validation error detected: Value 'LIKE' at 'scanFilter.v.member.comparisonOperator' failed to "
            + "satisfy constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, "
            + "NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]",
        () -> scanIds(Map.of("v", Condition.builder().comparisonOperator("LIKE").attributeValueList(s("a")).build())));
  }

  @Test
  void queryFilter_andOr_filtersAfterTheKeyCondition() {
    Map<String, Condition> keys = Map.of("pk", condition(ComparisonOperator.EQ, s("p")));
    QueryResponse and = client.query(r -> r.tableName(table).keyConditions(keys)
        .queryFilter(Map.of("kind", condition(ComparisonOperator.EQ, s("a")), "n", condition(ComparisonOperator.GT, n("1")))));
    assertEquals(List.of("a2"), sortKeys(and.items()));
    assertEquals(5, and.scannedCount());
    QueryResponse or = client.query(r -> r.tableName(table).keyConditions(keys).conditionalOperator("OR")
        .queryFilter(Map.of("kind", condition(ComparisonOperator.EQ, s("c")), "n", condition(ComparisonOperator.EQ, n("2")))));
    assertEquals(List.of("a2", "b2", "c1"), sortKeys(or.items()));
  }

  @Test
  void queryFilter_onAKeyAttribute_isRefused() {
    assertValidation("QueryFilter can only contain non-primary key attributes: Primary key attribute: sk",
        () -> client.query(r -> r.tableName(table).keyConditions(Map.of("pk", condition(ComparisonOperator.EQ, s("p"))))
            .queryFilter(Map.of("sk", condition(ComparisonOperator.EQ, s("a1"))))));
  }

  @Test
  void keyConditions_withFilterExpression_isAllowed_butNotWithKeyConditionExpression() {
    QueryResponse response = client.query(r -> r.tableName(table)
        .keyConditions(Map.of("pk", condition(ComparisonOperator.EQ, s("p"))))
        .filterExpression("kind = :k").expressionAttributeValues(Map.of(":k", s("b"))));
    assertEquals(List.of("b1", "b2"), sortKeys(response.items()));
    assertValidation("Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {KeyConditions} Expression parameters: {KeyConditionExpression}",
        () -> client.query(r -> r.tableName(table).keyConditionExpression("pk = :p")
            .expressionAttributeValues(Map.of(":p", s("p")))
            .keyConditions(Map.of("pk", condition(ComparisonOperator.EQ, s("p"))))));
    assertValidation("Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {QueryFilter} Expression parameters: {KeyConditionExpression}",
        () -> client.query(r -> r.tableName(table).keyConditionExpression("pk = :p")
            .expressionAttributeValues(Map.of(":p", s("p")))
            .queryFilter(Map.of("kind", condition(ComparisonOperator.EQ, s("a"))))));
  }

  @Test
  void scanFilter_everyOperator_selectsTheItems() {
    Map<Condition, List<String>> cases = new java.util.LinkedHashMap<>();
    cases.put(condition(ComparisonOperator.EQ, n("2")), List.of("2"));
    cases.put(condition(ComparisonOperator.NE, n("2")), List.of("1", "3"));
    cases.put(condition(ComparisonOperator.LE, n("2")), List.of("1", "2"));
    cases.put(condition(ComparisonOperator.LT, n("2")), List.of("1"));
    cases.put(condition(ComparisonOperator.GE, n("2")), List.of("2", "3"));
    cases.put(condition(ComparisonOperator.GT, n("2")), List.of("3"));
    cases.put(condition(ComparisonOperator.IN, n("1"), n("3"), n("7")), List.of("1", "3"));
    cases.put(condition(ComparisonOperator.BETWEEN, n("2"), n("3")), List.of("2", "3"));
    cases.forEach((condition, ids) -> assertEquals(ids, scanIds(Map.of("v", condition)), condition.toString()));
    assertEquals(List.of("1", "3"), scanIds(Map.of("tags", condition(ComparisonOperator.NOT_NULL))));
    assertEquals(List.of("2"), scanIds(Map.of("tags", condition(ComparisonOperator.NULL))));
    assertEquals(List.of("1"), scanIds(Map.of("tags", condition(ComparisonOperator.CONTAINS, s("red")))));
    assertEquals(List.of("2"), scanIds(Map.of("text", condition(ComparisonOperator.CONTAINS, s("lo wo")))));
    assertEquals(List.of("1", "2"), scanIds(Map.of("tags", condition(ComparisonOperator.NOT_CONTAINS, s("green")))));
    assertEquals(List.of("2"), scanIds(Map.of("text", condition(ComparisonOperator.BEGINS_WITH, s("hell")))));
    assertEquals(List.of("1", "2"), scanIds(Map.of("v", condition(ComparisonOperator.LT, n("2")),
        "text", condition(ComparisonOperator.NOT_NULL)), "OR"));
    assertEquals(List.of("3"), scanIds(Map.of("v", condition(ComparisonOperator.GT, n("1")),
        "text", condition(ComparisonOperator.NULL)), "AND"));
  }

  private List<String> scanIds(Map<String, Condition> filter) {
    return scanIds(filter, null);
  }

  private List<String> scanIds(Map<String, Condition> filter, String conditionalOperator) {
    ScanResponse response = client.scan(r -> r.tableName(hashOnly).scanFilter(filter).conditionalOperator(conditionalOperator));
    List<String> ids = sortKeys(response.items());
    ids.sort(null);
    return ids;
  }

  @Test
  void scanFilter_wrongArgumentCounts_areRefused() {
    Map<ComparisonOperator, AttributeValue[]> wrong = new java.util.LinkedHashMap<>();
    wrong.put(ComparisonOperator.EQ, new AttributeValue[0]);
    wrong.put(ComparisonOperator.NE, new AttributeValue[] {s("a"), s("b")});
    wrong.put(ComparisonOperator.LE, new AttributeValue[0]);
    wrong.put(ComparisonOperator.LT, new AttributeValue[] {s("a"), s("b")});
    wrong.put(ComparisonOperator.GE, new AttributeValue[0]);
    wrong.put(ComparisonOperator.GT, new AttributeValue[0]);
    wrong.put(ComparisonOperator.NOT_NULL, new AttributeValue[] {s("a")});
    wrong.put(ComparisonOperator.NULL, new AttributeValue[] {s("a")});
    wrong.put(ComparisonOperator.CONTAINS, new AttributeValue[0]);
    wrong.put(ComparisonOperator.NOT_CONTAINS, new AttributeValue[] {s("a"), s("b")});
    wrong.put(ComparisonOperator.BEGINS_WITH, new AttributeValue[0]);
    wrong.put(ComparisonOperator.IN, new AttributeValue[0]);
    wrong.put(ComparisonOperator.BETWEEN, new AttributeValue[] {s("a"), s("b"), s("c")});
    wrong.forEach((operator, values) -> assertValidation("One or more parameter values were invalid: Invalid number of "
        + "argument(s) for the " + operator + " ComparisonOperator",
        () -> scanIds(Map.of("v", condition(operator, values)))));
  }

  @Test
  void scanFilter_wrongArgumentTypes_areRefused() {
    for (ComparisonOperator operator : List.of(ComparisonOperator.LT, ComparisonOperator.LE, ComparisonOperator.GT,
        ComparisonOperator.GE, ComparisonOperator.IN)) {
      Map<String, AttributeValue> values = Map.of("BOOL", bool(true), "NULL", nul(), "SS", ss("a"), "NS", ns("1"),
          "M", m(), "L", l());
      values.forEach((type, value) -> assertValidation("One or more parameter values were invalid: ComparisonOperator "
          + operator + " is not valid for " + type + " AttributeValue type",
          () -> scanIds(Map.of("v", condition(operator, value)))));
    }
    for (ComparisonOperator operator : List.of(ComparisonOperator.CONTAINS, ComparisonOperator.NOT_CONTAINS)) {
      assertValidation("One or more parameter values were invalid: ComparisonOperator " + operator
          + " is not valid for SS AttributeValue type", () -> scanIds(Map.of("v", condition(operator, ss("a")))));
    }
    assertValidation("One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N "
        + "AttributeValue type", () -> scanIds(Map.of("v", condition(ComparisonOperator.BEGINS_WITH, n("1")))));
    assertValidation("One or more parameter values were invalid: ComparisonOperator BETWEEN is not valid for BOOL "
        + "AttributeValue type", () -> scanIds(Map.of("v", condition(ComparisonOperator.BETWEEN, bool(true), bool(false)))));
    assertValidation("One or more parameter values were invalid: AttributeValues inside AttributeValueList must be of same type",
        () -> scanIds(Map.of("v", condition(ComparisonOperator.IN, n("1"), s("1")))));
    assertValidation("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound",
        () -> scanIds(Map.of("v", condition(ComparisonOperator.BETWEEN, n("3"), n("2")))));
  }

  @Test
  void conditionalOperator_withoutEnoughConditions_isRefused() {
    assertValidation("ConditionalOperator cannot be used without Filter or Expected",
        () -> client.scan(r -> r.tableName(hashOnly).conditionalOperator("AND")));
    assertValidation("ConditionalOperator can only be used when Filter or Expected has two or more elements",
        () -> scanIds(Map.of("v", condition(ComparisonOperator.EQ, n("1"))), "OR"));
    assertValidation("1 validation error detected: Value 'XOR' at 'conditionalOperator' failed to satisfy constraint: "
            + "Member must satisfy enum value set: [AND, OR]",
        () -> scanIds(Map.of("v", condition(ComparisonOperator.EQ, n("1")), "id", condition(ComparisonOperator.NOT_NULL)), "XOR"));
    assertValidation("Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {ScanFilter} Expression parameters: {FilterExpression}",
        () -> client.scan(r -> r.tableName(hashOnly).filterExpression("v = :v")
            .expressionAttributeValues(Map.of(":v", n("1"))).scanFilter(Map.of("v", condition(ComparisonOperator.NOT_NULL)))));
  }

  @Test
  void attributesToGet_projectsGetItemQueryScanAndBatchGet() {
    Map<String, AttributeValue> key = item("pk", s("p"), "sk", s("a1"));
    assertItem(item("n", n("1"), "kind", s("a")),
        client.getItem(r -> r.tableName(table).key(key).attributesToGet("n", "kind", "missing")).item());
    QueryResponse query = client.query(r -> r.tableName(table).attributesToGet("sk")
        .keyConditions(Map.of("pk", condition(ComparisonOperator.EQ, s("other")))));
    assertEquals(List.of(item("sk", s("a1"))), query.items());
    ScanResponse scan = client.scan(r -> r.tableName(hashOnly).attributesToGet("v")
        .scanFilter(Map.of("id", condition(ComparisonOperator.EQ, s("2")))));
    assertEquals(List.of(item("v", n("2"))), scan.items());
    List<Map<String, AttributeValue>> batch = client.batchGetItem(r -> r.requestItems(Map.of(table,
        KeysAndAttributes.builder().keys(key).attributesToGet("extra").build()))).responses().get(table);
    assertEquals(List.of(item("extra", s("x"))), batch);
  }

  @Test
  void attributesToGet_refusedCombinations_haveDynamoDbsMessages() {
    Map<String, AttributeValue> key = item("pk", s("p"), "sk", s("a1"));
    assertValidation("One or more parameter values were invalid: Duplicate value in attribute name: n",
        () -> client.getItem(r -> r.tableName(table).key(key).attributesToGet("n", "kind", "n")));
    assertValidation("Can not use both expression and non-expression parameters in the same request: "
            + "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}",
        () -> client.getItem(r -> r.tableName(table).key(key).attributesToGet("n").projectionExpression("kind")));
    assertValidation("Cannot specify the AttributesToGet when choosing to get ALL_ATTRIBUTES",
        () -> client.scan(r -> r.tableName(hashOnly).attributesToGet("v").select(Select.ALL_ATTRIBUTES)));
    assertValidation("Cannot specify the AttributesToGet when choosing to get only the Count",
        () -> client.scan(r -> r.tableName(hashOnly).attributesToGet("v").select(Select.COUNT)));
    assertValidation("ExpressionAttributeNames can only be specified when using expressions",
        () -> client.getItem(r -> r.tableName(table).key(key).attributesToGet("n")
            .expressionAttributeNames(Map.of("#n", "n"))));
    assertEquals(1, client.scan(r -> r.tableName(hashOnly).attributesToGet("v").select(Select.SPECIFIC_ATTRIBUTES)
        .scanFilter(Map.of("id", condition(ComparisonOperator.EQ, s("3"))))).count());
  }
}
