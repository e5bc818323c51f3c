package dev.monotable.runtime.internal;

import java.util.concurrent.ThreadLocalRandom;

/** Capped exponential backoff with full jitter, for retrying what DynamoDB left unprocessed. */
final class Backoff {
  private static final long BASE_MILLIS = 25;
  private static final long CAP_MILLIS = 2_000;

  private Backoff() {}

  /** Sleeps a random time up to {@code min(cap, base * 2^retry)}. */
  static void sleep(int retry) {
    long ceiling = Math.min(CAP_MILLIS, BASE_MILLIS << Math.min(retry, 16));
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }
}
