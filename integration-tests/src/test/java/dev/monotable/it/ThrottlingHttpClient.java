package dev.monotable.it;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An HTTP client in front of the real one that answers the next {@code throttles} requests as
 * DynamoDB does when it throttles (HTTP 400, {@code ProvisionedThroughputExceededException}), then
 * lets requests through to DynamoDB Local.
 */
final class ThrottlingHttpClient implements SdkHttpClient {
  private static final String BODY = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
      + "\"message\":\"The level of configured provisioned throughput for the table was exceeded.\"}";

  private final SdkHttpClient delegate;
  final AtomicInteger throttles = new AtomicInteger();
  final AtomicInteger requests = new AtomicInteger();

  ThrottlingHttpClient(SdkHttpClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    requests.incrementAndGet();
    if (throttles.getAndDecrement() <= 0) {
      return delegate.prepareRequest(request);
    }
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        return HttpExecuteResponse.builder()
            .response(SdkHttpResponse.builder().statusCode(400)
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("Content-Length", Integer.toString(body.length))
                .build())
            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
            .build();
      }

      @Override
      public void abort() {
      }
    };
  }

  @Override
  public void close() {
    delegate.close();
  }
}
