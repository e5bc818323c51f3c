package dev.monotable.local.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The models as the build compacted them: every shape a request can hold is there, the rest is not. */
class ModelCompactorTest {
  private static final List<String> MODELS = List.of("dynamodb-2012-08-10-model", "streams.dynamodb-2012-08-10-model");

  @Test
  void compactedModels_everyShapeAnInputHolds_isKept() throws IOException {
    for (String name : MODELS) {
      JsonNode model = read(name);
      JsonNode shapes = model.get("shapes");
      Set<String> reached = reachedFromInputs(model);
      for (String shape : reached) {
        assertTrue(shapes.has(shape), name + " lost the shape " + shape);
      }
      assertEquals(reached.size(), shapes.size(), name + " keeps only the shapes an input holds");
    }
  }

  @Test
  void compactedModel_dynamoDb_hasNoOutputShapesNorDocumentation() throws IOException {
    JsonNode model = read(MODELS.get(0));

    assertTrue(model.get("shapes").has("PutItemInput"));
    assertFalse(model.get("shapes").has("PutItemOutput"));
    assertFalse(model.get("operations").get("PutItem").has("documentation"));
    assertFalse(model.get("operations").get("PutItem").has("output"));
  }

  /** The model the engine loads is the compacted JSON's, field for field. */
  @Test
  void storedModels_loadAsTheirCompactedJsonReads() throws IOException {
    for (String name : MODELS) {
      ServiceModel fromJson;
      try (InputStream in = ServiceModel.class.getResourceAsStream("models/" + name + ModelCompactor.SUFFIX)) {
        fromJson = ModelJson.read(in);
      }
      ServiceModel stored = ServiceModel.load("models/" + name + ModelCompactor.STORED_SUFFIX);

      assertEquals(fromJson, stored, name);
    }
    ServiceModel dynamoDb = ServiceModel.load("models/" + MODELS.get(0) + ModelCompactor.STORED_SUFFIX);
    Shape tableName = dynamoDb.shape("TableName");
    assertEquals(3L, tableName.min());
    assertEquals(255L, tableName.max());
    assertEquals("[a-zA-Z0-9_.-]+", tableName.pattern().regex());
    assertEquals(List.of("TableName", "Item", "Expected", "ReturnValues", "ReturnConsumedCapacity",
        "ReturnItemCollectionMetrics", "ConditionalOperator", "ConditionExpression", "ExpressionAttributeNames",
        "ExpressionAttributeValues", "ReturnValuesOnConditionCheckFailure"),
        dynamoDb.input("PutItem").members().stream().map(Shape.Member::name).toList());
  }

  private static JsonNode read(String name) throws IOException {
    try (InputStream in = ServiceModel.class.getResourceAsStream("models/" + name + ModelCompactor.SUFFIX)) {
      return new ObjectMapper().readTree(in);
    }
  }

  /** The shapes the operations' inputs hold, directly or through other shapes; missing ones included. */
  private static Set<String> reachedFromInputs(JsonNode model) {
    Deque<String> pending = new ArrayDeque<>();
    model.get("operations").forEach(operation -> pending.push(operation.get("input").get("shape").asText()));
    Set<String> reached = new HashSet<>();
    while (!pending.isEmpty()) {
      String name = pending.pop();
      JsonNode shape = model.get("shapes").get(name);
      if (reached.add(name) && shape != null) {
        shape.path("members").forEach(member -> pending.push(member.get("shape").asText()));
        shape.forEach(field -> {
          if (field.has("shape")) {
            pending.push(field.get("shape").asText());
          }
        });
      }
    }
    return reached;
  }
}
