package dev.monotable.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An {@code SdkHttpClient} that answers every DynamoDB operation with a fixed, valid JSON body
 * (with the {@code x-amz-crc32} the SDK checks), after reading the whole request body as a real
 * client would send it. The SDK's whole request path runs (marshalling, signing, interceptors,
 * unmarshalling); only the network is left out.
 */
public final class CannedHttpClient implements SdkHttpClient {
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[8192]);

  private final Map<String, SdkHttpResponse> headers = new HashMap<>();
  private final Map<String, byte[]> bodies = new HashMap<>();

  private CannedHttpClient() {}

  /** Answers GetItem with {@code item}, PutItem with {}, Query with {@code queryItems} in one page. */
  public static CannedHttpClient answering(Map<String, AttributeValue> item, List<Map<String, AttributeValue>> queryItems) {
    CannedHttpClient client = new CannedHttpClient();
    client.answer("GetItem", "{\"Item\":" + DynamoJson.item(item) + "}");
    client.answer("PutItem", "{}");
    StringBuilder query = new StringBuilder("{\"Count\":").append(queryItems.size()).append(",\"Items\":[");
    for (int i = 0; i < queryItems.size(); i++) {
      query.append(i == 0 ? "" : ",").append(DynamoJson.item(queryItems.get(i)));
    }
    client.answer("Query", query.append("],\"ScannedCount\":").append(queryItems.size()).append('}').toString());
    return client;
  }

  /** Answers PutItem only, with {}: all a cold start's first request needs. */
  public static CannedHttpClient answeringPut() {
    CannedHttpClient client = new CannedHttpClient();
    client.answer("PutItem", "{}");
    return client;
  }

  private void answer(String operation, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(body);
    bodies.put(operation, body);
    headers.put(operation, SdkHttpResponse.builder()
        .statusCode(200)
        .statusText("OK")
        .putHeader("Content-Type", "application/x-amz-json-1.0")
        .putHeader("Content-Length", Integer.toString(body.length))
        .putHeader("x-amz-crc32", Long.toString(crc.getValue()))
        .putHeader("x-amzn-RequestId", "CANNEDREQUEST0000000000000000000000000000000000000000")
        .build());
  }

  /** The canned headers of {@code operation}'s answer. */
  SdkHttpResponse headersOf(String operation) {
    SdkHttpResponse response = headers.get(operation);
    if (response == null) {
      throw new IllegalStateException("no canned answer for " + operation);
    }
    return response;
  }

  /** The canned body of {@code operation}'s answer. */
  byte[] bodyOf(String operation) {
    headersOf(operation);
    return bodies.get(operation);
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() {
        drain(request.contentStreamProvider().orElse(null));
        String target = request.httpRequest().firstMatchingHeader("X-Amz-Target").orElse("");
        String operation = target.substring(target.indexOf('.') + 1);
        byte[] body = bodies.get(operation);
        if (body == null) {
          throw new IllegalStateException("no canned answer for " + target);
        }
        return HttpExecuteResponse.builder()
            .response(headers.get(operation))
            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
            .build();
      }

      @Override
      public void abort() {}
    };
  }

  private static void drain(ContentStreamProvider provider) {
    if (provider == null) {
      return;
    }
    byte[] scratch = SCRATCH.get();
    try (InputStream in = provider.newStream()) {
      while (in.read(scratch) >= 0) {
        // a real client writes these bytes to the socket
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String clientName() {
    return "Canned";
  }

  @Override
  public void close() {}
}
