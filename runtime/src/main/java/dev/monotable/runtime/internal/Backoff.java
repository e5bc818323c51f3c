package dev.monotable.runtime.internal;

import java.util.concurrent.ThreadLocalRandom;

/** Capped exponential backoff with full jitter, for retrying what DynamoDB left unprocessed. */
final class Backoff {
  private static final long BASE_MILLIS = 25;
  private static final long CAP_MILLIS = 2_000;

  private Backoff() {}

  /** Sleeps a random time up to {@code min(cap, base * 2^retry)}. */
  static void sleep(int retry) {
    try {
      Thread.sleep(millis(retry));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }

  /** A random time up to {@code min(cap, base * 2^retry)}: how long to wait before retry {@code retry}. */
  static long millis(int retry) {
    long ceiling = Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(retry, 16));
    return ThreadLocalRandom.current().nextLong(ceiling + 1);
  }

  /** A future completed after {@link #millis(int)}, for async retries: scheduled, not slept. */
  static java.util.concurrent.CompletableFuture<Void> after(int retry) {
    return Futures.delay(millis(retry));
  }
}
