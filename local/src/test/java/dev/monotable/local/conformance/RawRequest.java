package dev.monotable.local.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monotable.local.MonotableLocal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;

/**
 * A request body sent as it is through the engine's HTTP client, for what the SDK cannot send: a
 * member of the wrong JSON type. The answer's status, {@code __type} and message.
 */
record RawRequest(int status, String type, String message, String body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Sends {@code body} to {@code target} (such as {@code DynamoDB_20120810.PutItem}). */
  static RawRequest send(MonotableLocal local, String target, String body) {
    SdkHttpFullRequest request = SdkHttpFullRequest.builder()
        .method(SdkHttpMethod.POST)
        .uri(local.endpoint())
        .encodedPath("/")
        .putHeader("Content-Type", "application/x-amz-json-1.0")
        .putHeader("X-Amz-Target", target)
        .build();
    try {
      HttpExecuteResponse response = local.httpClient().prepareRequest(HttpExecuteRequest.builder()
              .request(request)
              .contentStreamProvider(ContentStreamProvider.fromUtf8String(body))
              .build())
          .call();
      byte[] bytes = new byte[0];
      if (response.responseBody().isPresent()) {
        try (InputStream in = response.responseBody().get()) {
          bytes = in.readAllBytes();
        }
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      JsonNode json = JSON.readTree(text);
      JsonNode message = json.has("message") ? json.get("message") : json.get("Message");
      return new RawRequest(response.httpResponse().statusCode(), json.path("__type").asText(null),
          message == null ? null : message.asText(), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
