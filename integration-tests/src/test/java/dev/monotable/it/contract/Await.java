package dev.monotable.it.contract;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Blocks on a future of the async API and hands back what the sync call would: its value, or the
 * very exception the sync call throws. A failed future must hold that exception itself, as a reader
 * with {@code exceptionally} sees it; one that holds a {@link CompletionException} around it breaks
 * the async contract and fails the scenario saying so.
 */
final class Await {
  private static final long TIMEOUT_SECONDS = 120;

  private Await() {}

  private record Outcome<T>(T value, Throwable failure) {}

  static <T> T result(CompletableFuture<T> future) {
    Outcome<T> outcome;
    try {
      outcome = future.handle(Outcome::new).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for the future", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError("the future did not complete in " + TIMEOUT_SECONDS + " s", e);
    }
    Throwable failure = outcome.failure();
    if (failure == null) {
      return outcome.value();
    }
    if (failure instanceof CompletionException wrapped) {
      throw new AssertionError("the future failed with a CompletionException around " + wrapped.getCause()
          + ", not with the exception the sync call throws", wrapped);
    }
    if (failure instanceof RuntimeException exception) {
      throw exception;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    throw new AssertionError("the future failed with a checked exception", failure);
  }
}
