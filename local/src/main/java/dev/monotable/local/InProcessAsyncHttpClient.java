package dev.monotable.local;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;
import software.amazon.awssdk.http.async.SdkHttpContentPublisher;

/**
 * The SDK's asynchronous HTTP SPI answered by the engine in this JVM, for {@code DynamoDbAsyncClient}
 * and {@code DynamoDbStreamsAsyncClient}: the request body is gathered from its publisher, {@link
 * Engine#handle} answers it on a daemon thread of this client ({@code monotable-local-async-N}),
 * never the caller's, and the answer is published as one buffer when the SDK asks for it.
 */
final class InProcessAsyncHttpClient implements SdkAsyncHttpClient {
  private final Engine engine;
  private final ExecutorService answering;

  InProcessAsyncHttpClient(Engine engine) {
    this.engine = engine;
    AtomicInteger threads = new AtomicInteger();
    // a few threads are enough: the engine's work is short, and it runs operations on other tables side by side
    this.answering = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), runnable -> {
      Thread thread = new Thread(runnable, "monotable-local-async-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Returns at once: the engine answers on this client's threads, then the future completes once the
   * SDK has read the answer, or fails (after {@code onError}) when no answer could be given.
   */
  @Override
  public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
    CompletableFuture<Void> exchange = new CompletableFuture<>();
    SdkHttpContentPublisher content = request.requestContentPublisher();
    try {
      if (content == null) {
        answerLater(request, new byte[0], exchange);
      } else {
        content.subscribe(new RequestBody(request, exchange, content.contentLength().orElse(256L)));
      }
    } catch (RuntimeException e) {
      fail(request, exchange, e);
    }
    return exchange;
  }

  private void answerLater(AsyncExecuteRequest request, byte[] body, CompletableFuture<Void> exchange) {
    try {
      answering.execute(() -> answer(request, body, exchange));
    } catch (RejectedExecutionException e) {
      fail(request, exchange, new IllegalStateException("the MonotableLocal async HTTP client is closed", e));
    }
  }

  private void answer(AsyncExecuteRequest request, byte[] body, CompletableFuture<Void> exchange) {
    if (exchange.isDone()) {
      return;  // cancelled by the SDK (an API call timeout) before the engine got to it
    }
    try {
      Engine.Response response = engine.handle(InProcessHttpClient.target(request.request()),
          InProcessHttpClient.authorization(request.request()), body);
      request.responseHandler().onHeaders(InProcessHttpClient.head(response).build());
      request.responseHandler().onStream(new ResponseBody(ByteBuffer.wrap(response.body()), exchange));
    } catch (Throwable e) {
      // an Error too: the caller's future would otherwise never complete
      fail(request, exchange, e);
    }
  }

  private static void fail(AsyncExecuteRequest request, CompletableFuture<Void> exchange, Throwable error) {
    try {
      request.responseHandler().onError(error);
    } finally {
      exchange.completeExceptionally(error);
    }
  }

  @Override
  public String clientName() {
    return "MonotableLocal";
  }

  /**
   * Takes no new request; those already taken are still answered, on threads that then end. The
   * engine belongs to MonotableLocal, which closes it.
   */
  @Override
  public void close() {
    answering.shutdown();
  }

  /** Whether every thread of this client has ended, {@link #close()} having been called, within the time given. */
  boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return answering.awaitTermination(timeout, unit);
  }

  /** Gathers the request body, all of it at once, then hands it to the engine's thread. */
  private final class RequestBody implements Subscriber<ByteBuffer> {
    private final AsyncExecuteRequest request;
    private final CompletableFuture<Void> exchange;
    private final ByteArrayOutputStream bytes;

    RequestBody(AsyncExecuteRequest request, CompletableFuture<Void> exchange, long expectedLength) {
      this.request = request;
      this.exchange = exchange;
      this.bytes = new ByteArrayOutputStream((int) Math.min(Math.max(expectedLength, 0), 16 * 1024 * 1024));
    }

    @Override
    public void onSubscribe(Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(ByteBuffer buffer) {
      // a copy: the publisher may reuse its buffer once this returns
      byte[] chunk = new byte[buffer.remaining()];
      buffer.duplicate().get(chunk);
      bytes.write(chunk, 0, chunk.length);
    }

    @Override
    public void onError(Throwable error) {
      fail(request, exchange, error);
    }

    @Override
    public void onComplete() {
      answerLater(request, bytes.toByteArray(), exchange);
    }
  }

  /**
   * The answer's body as a publisher of one buffer, sent on the first request for any: then the
   * stream completes, and with it the exchange. A cancelled subscription ends the exchange too.
   */
  private static final class ResponseBody implements Publisher<ByteBuffer> {
    private final ByteBuffer body;
    private final CompletableFuture<Void> exchange;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    ResponseBody(ByteBuffer body, CompletableFuture<Void> exchange) {
      this.body = body;
      this.exchange = exchange;
    }

    @Override
    public void subscribe(Subscriber<? super ByteBuffer> subscriber) {
      if (subscriber == null) {
        throw new NullPointerException("subscriber");  // Reactive Streams rule 1.9
      }
      if (!subscribed.compareAndSet(false, true)) {
        subscriber.onSubscribe(new Subscription() {
          @Override
          public void request(long n) {}

          @Override
          public void cancel() {}
        });
        subscriber.onError(new IllegalStateException("the response body of MonotableLocal is read once"));
        return;
      }
      subscriber.onSubscribe(new Subscription() {
        // set by the first request(n > 0), an invalid request or cancel: nothing is signalled after it
        private final AtomicBoolean finished = new AtomicBoolean();

        @Override
        public void request(long n) {
          if (!finished.compareAndSet(false, true)) {
            return;
          }
          if (n <= 0) {
            IllegalArgumentException invalid =
                new IllegalArgumentException("Reactive Streams rule 3.9: request a positive number, not " + n);
            subscriber.onError(invalid);
            exchange.completeExceptionally(invalid);
            return;
          }
          try {
            if (body.hasRemaining()) {
              subscriber.onNext(body);
            }
            subscriber.onComplete();
            exchange.complete(null);
          } catch (RuntimeException e) {
            // a subscriber that throws breaks rule 2.13; the exchange fails rather than never ending
            exchange.completeExceptionally(e);
          }
        }

        @Override
        public void cancel() {
          if (finished.compareAndSet(false, true)) {
            exchange.complete(null);
          }
        }
      });
    }
  }
}
