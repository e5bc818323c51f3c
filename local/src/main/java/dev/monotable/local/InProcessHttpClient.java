package dev.monotable.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.SdkHttpRequest;

/** The SDK's HTTP SPI answered by the engine in this JVM: the request body goes in, the response body comes out. */
final class InProcessHttpClient implements SdkHttpClient {
  private final Engine engine;

  InProcessHttpClient(Engine engine) {
    this.engine = engine;
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() throws IOException {
        byte[] body = new byte[0];
        if (request.contentStreamProvider().isPresent()) {
          try (InputStream in = request.contentStreamProvider().get().newStream()) {
            body = in.readAllBytes();
          }
        }
        Engine.Response response = engine.handle(target(request.httpRequest()), authorization(request.httpRequest()), body);
        return HttpExecuteResponse.builder()
            .response(head(response).build())
            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(response.body())))
            .build();
      }

      @Override
      public void abort() {
        // the engine answers synchronously; there is nothing in flight to abort
      }
    };
  }

  /** The request's {@code X-Amz-Target} header, such as {@code DynamoDB_20120810.PutItem}; empty when it has none. */
  static String target(SdkHttpRequest request) {
    return request.firstMatchingHeader("X-Amz-Target").orElse("");
  }

  /** The request's {@code Authorization} header (SigV4, naming the access key id); null when it has none. */
  static String authorization(SdkHttpRequest request) {
    return request.firstMatchingHeader("Authorization").orElse(null);
  }

  /** The status line and headers of the engine's answer, as DynamoDB sends them; the body goes apart. */
  static SdkHttpFullResponse.Builder head(Engine.Response response) {
    return SdkHttpFullResponse.builder()
        .statusCode(response.status())
        .putHeader("Content-Type", Engine.CONTENT_TYPE)
        .putHeader("Content-Length", Integer.toString(response.body().length))
        .putHeader("x-amzn-RequestId", response.requestId());
  }

  @Override
  public String clientName() {
    return "MonotableLocal";
  }

  @Override
  public void close() {
    // the engine belongs to MonotableLocal, which closes it
  }
}
