package dev.monotable.benchmarks;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The async twin of {@link CannedHttpClient}: the same canned answers, handed to the SDK's async
 * request path after the whole request body has been read, on the calling thread (no thread pool,
 * so that a benchmark measures the SDK's and the mapping's work, not a hand-off between threads).
 */
public final class CannedAsyncHttpClient implements SdkAsyncHttpClient {
  private final CannedHttpClient answers;

  private CannedAsyncHttpClient(CannedHttpClient answers) {
    this.answers = answers;
  }

  /** Answers GetItem with {@code item}, PutItem with {}, Query with {@code queryItems} in one page. */
  public static CannedAsyncHttpClient answering(Map<String, AttributeValue> item,
      List<Map<String, AttributeValue>> queryItems) {
    return new CannedAsyncHttpClient(CannedHttpClient.answering(item, queryItems));
  }

  @Override
  public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    String target = request.request().firstMatchingHeader("X-Amz-Target").orElse("");
    String operation = target.substring(target.indexOf('.') + 1);
    request.requestContentPublisher().subscribe(new Subscriber<ByteBuffer>() {
      @Override
      public void onSubscribe(Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(ByteBuffer buffer) {
        buffer.position(buffer.limit());   // a real client writes these bytes to the socket
      }

      @Override
      public void onError(Throwable failure) {
        request.responseHandler().onError(failure);
        done.completeExceptionally(failure);
      }

      @Override
      public void onComplete() {
        try {
          request.responseHandler().onHeaders(answers.headersOf(operation));
          request.responseHandler().onStream(subscriber -> subscriber.onSubscribe(new Subscription() {
            private boolean sent;

            @Override
            public void request(long n) {
              if (!sent && n > 0) {
                sent = true;
                subscriber.onNext(ByteBuffer.wrap(answers.bodyOf(operation)));
                subscriber.onComplete();
                done.complete(null);
              }
            }

            @Override
            public void cancel() {
              done.complete(null);
            }
          }));
        } catch (RuntimeException failure) {
          request.responseHandler().onError(failure);
          done.completeExceptionally(failure);
        }
      }
    });
    return done;
  }

  @Override
  public String clientName() {
    return "CannedAsync";
  }

  @Override
  public void close() {}
}
