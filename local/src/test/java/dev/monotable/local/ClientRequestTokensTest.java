package dev.monotable.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.monotable.local.value.DynamoError;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A ClientRequestToken while its transaction runs: transactions on other tables run at the same time. */
class ClientRequestTokensTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private final ClientRequestTokens tokens = new ClientRequestTokens();

  private static JsonNode json(String text) throws IOException {
    return Json.read(text.getBytes(UTF_8));
  }

  @Test
  void earlierAnswer_tokenOfARunningTransaction_refusesAnotherRequest() throws IOException {
    JsonNode first = json("{\"TransactItems\":[1]}");
    JsonNode second = json("{\"TransactItems\":[2]}");
    assertNull(tokens.earlierAnswer("t", first, NOW));

    DynamoError refused = assertThrows(DynamoError.class, () -> tokens.earlierAnswer("t", second, NOW));

    assertEquals("IdempotentParameterMismatchException", refused.type());
    tokens.answered("t", first, Json.object().put("done", 1), NOW);
    assertEquals(Json.object().put("done", 1), tokens.earlierAnswer("t", first, NOW));
  }

  @Test
  void released_tokenOfAFailedTransaction_isFreeForAnotherRequest() throws IOException {
    assertNull(tokens.earlierAnswer("t", json("{\"TransactItems\":[1]}"), NOW));

    tokens.released("t");

    assertNull(tokens.earlierAnswer("t", json("{\"TransactItems\":[2]}"), NOW));
  }
}
