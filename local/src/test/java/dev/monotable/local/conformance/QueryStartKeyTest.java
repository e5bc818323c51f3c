package dev.monotable.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** An ExclusiveStartKey outside the key condition's range is a ValidationException, as in DynamoDB. */
class QueryStartKeyTest extends EngineTest {

  private String tableWithItems() {
    String table = createTable("pk", "sk");
    for (String sk : List.of("a", "b", "c", "d")) {
      client.putItem(p -> p.tableName(table).item(Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS(sk))));
    }
    return table;
  }

  @Test
  void query_startKeyOutsideTheSortKeyRange_validationException() {
    String table = tableWithItems();
    DynamoDbException refused = assertThrows(DynamoDbException.class, () -> client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :p AND sk > :b")
        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p"), ":b", AttributeValue.fromS("b")))
        .exclusiveStartKey(Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS("a")))));
    assertEquals("ValidationException", refused.awsErrorDetails().errorCode());
    // recorded from DynamoDB (a public emulator's suite): a start key whose sort key fails the sort-key condition
    assertEquals("The provided starting key does not match the range key predicate",
        refused.awsErrorDetails().errorMessage());
    assertEquals(400, refused.statusCode());
  }

  @Test
  void query_startKeyInsideTheRange_continuesAfterIt() {
    String table = tableWithItems();
    QueryResponse rest = client.query(q -> q.tableName(table)
        .keyConditionExpression("pk = :p AND sk > :a")
        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS("p"), ":a", AttributeValue.fromS("a")))
        .exclusiveStartKey(Map.of("pk", AttributeValue.fromS("p"), "sk", AttributeValue.fromS("b"))));
    assertEquals(List.of("c", "d"), rest.items().stream().map(i -> i.get("sk").s()).toList());
  }
}
