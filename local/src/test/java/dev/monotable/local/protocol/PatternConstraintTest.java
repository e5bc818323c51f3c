package dev.monotable.local.protocol;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Pattern constraints are compiled when a request first meets them, not when the model is read: so
 * that a malformed pattern still fails the build rather than a request, every pattern of both
 * models is compiled here.
 */
class PatternConstraintTest {

  @Test
  void modelPatterns_everyOne_compiles() throws IOException {
    List<String> patterns = new ArrayList<>();
    for (String model : List.of("dynamodb-2012-08-10-model", "streams.dynamodb-2012-08-10-model")) {
      try (InputStream in = ServiceModel.class.getResourceAsStream("models/" + model + ModelCompactor.SUFFIX)) {
        for (JsonNode shape : new ObjectMapper().readTree(in).get("shapes")) {
          if (shape.has("pattern")) {
            patterns.add(shape.get("pattern").asText());
          }
        }
      }
    }
    assertFalse(patterns.isEmpty(), "the models declare patterns");
    for (String regex : patterns) {
      assertDoesNotThrow(() -> Pattern.compile(regex), regex);
    }
  }

  @Test
  void matches_tableNamePattern_acceptsOnlyWholeMatches() {
    PatternConstraint tableName = new PatternConstraint("[a-zA-Z0-9_.-]+");

    assertTrue(tableName.matches("Orders_2024.v-1"));
    assertFalse(tableName.matches("Orders 2024"));
    assertFalse(tableName.matches(""));
    assertEquals("[a-zA-Z0-9_.-]+", tableName.regex());
  }
}
