package dev.monotable.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monotable.local.value.DynamoError;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The TransactWriteItems requests answered under a ClientRequestToken within the last ten minutes:
 * the same request again with the same token gets the first answer and changes nothing, another
 * request with it is refused. Part of the engine's state, so that a snapshot keeps them.
 * Thread-safe: transactions on different tables run at the same time. One running under a token
 * holds it until it is {@link #answered} or {@link #released}, so that another request with the
 * same token (on other tables, else their locks would have ordered the two) is refused meanwhile.
 */
final class ClientRequestTokens {
  /** How long a ClientRequestToken makes a repeat of the same request a no-op. */
  private static final Duration IDEMPOTENCY_WINDOW = Duration.ofMinutes(10);

  private record Completed(JsonNode request, ObjectNode response, Instant at) {}

  private final Map<String, Completed> completed = new LinkedHashMap<>();
  /** The tokens of the transactions running now. */
  private final Set<String> running = new HashSet<>();

  /**
   * Forgets the tokens older than the window at {@code now}; then, when {@code token} (may be null)
   * answered {@code request} before, returns a copy of that answer, or null when it answered nothing
   * (and then holds the token for the caller, who must call {@link #answered} or {@link #released}).
   * IdempotentParameterMismatchException when it answered another request, or another request runs
   * under it now.
   */
  synchronized ObjectNode earlierAnswer(String token, JsonNode request, Instant now) {
    completed.values().removeIf(done -> done.at().plus(IDEMPOTENCY_WINDOW).isBefore(now));
    if (token == null) {
      return null;
    }
    Completed done = completed.get(token);
    if (done == null) {
      if (!running.add(token)) {
        throw mismatch();
      }
      return null;
    }
    if (!done.request().equals(request)) {
      throw mismatch();
    }
    return done.response().deepCopy();
  }

  private static DynamoError mismatch() {
    return new DynamoError("IdempotentParameterMismatchException",
        "The request uses the same client token as a previous, but non-identical request.", 400);
  }

  /** Records that {@code token} answered {@code request} with {@code response} at {@code now}. */
  synchronized void answered(String token, JsonNode request, ObjectNode response, Instant now) {
    running.remove(token);
    completed.put(token, new Completed(request, response.deepCopy(), now));
  }

  /** Lets go of {@code token}, held by a transaction that failed: it answered nothing. */
  synchronized void released(String token) {
    running.remove(token);
  }

  /** The tokens still within their window, for a snapshot of the engine's state. */
  synchronized ArrayNode snapshot() {
    ArrayNode tokens = Json.object().arrayNode();
    completed.forEach((token, done) -> tokens.addObject().put("token", token).put("at", done.at().toString())
        .<ObjectNode>set("request", done.request()).set("response", done.response()));
    return tokens;
  }

  /** Restores the tokens {@link #snapshot()} wrote. */
  synchronized void restore(JsonNode tokens) {
    for (JsonNode token : tokens) {
      completed.put(token.get("token").asText(), new Completed(token.get("request"), (ObjectNode) token.get("response"),
          Instant.parse(token.get("at").asText())));
    }
  }
}
