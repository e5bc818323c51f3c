package dev.monotable.runtime.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What the async runtime does with futures: read a failure's cause through the
 * {@link CompletionException}s that chaining wraps it in, hand the caller a future that fails with
 * the cause itself, and wait without a thread.
 */
public final class Futures {
  private Futures() {}

  /** The failure itself: {@code failure} without the {@code CompletionException}s around it. */
  public static Throwable cause(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /**
   * A future of {@code future}'s value that fails with its failure's {@link #cause}: what every
   * async terminal hands its caller, so that {@code exceptionally(e -> ...)} sees the
   * {@code ConditionFailedException} itself.
   */
  public static <T> CompletableFuture<T> unwrapped(CompletableFuture<T> future) {
    return mapFailure(future, Function.identity());
  }

  /**
   * {@code future}'s value as {@code mapping} makes it, in one stage that also does what
   * {@link #unwrapped} does (a failure, or what {@code mapping} throws, is the cause itself): the
   * async terminals' last step, one future and one completion instead of two of each.
   */
  public static <A, B> CompletableFuture<B> mapped(CompletableFuture<A> future, Function<? super A, ? extends B> mapping) {
    CompletableFuture<B> result = new CompletableFuture<>();
    future.whenComplete((value, failure) -> {
      if (failure != null) {
        result.completeExceptionally(cause(failure));
        return;
      }
      B mapped;
      try {
        mapped = mapping.apply(value);
      } catch (RuntimeException | Error refused) {
        result.completeExceptionally(refused);
        return;
      }
      result.complete(mapped);
    });
    return result;
  }

  /** A future of {@code future}'s value that fails with what {@code translation} makes of its failure's cause. */
  static <T> CompletableFuture<T> mapFailure(CompletableFuture<T> future,
      Function<Throwable, ? extends Throwable> translation) {
    CompletableFuture<T> result = new CompletableFuture<>();
    future.whenComplete((value, failure) -> {
      if (failure == null) {
        result.complete(value);
      } else {
        Throwable translated;
        try {
          translated = translation.apply(cause(failure));
        } catch (RuntimeException translationFailed) {
          translated = translationFailed;
        }
        result.completeExceptionally(translated);
      }
    });
    return result;
  }

  /** A future completed after {@code millis} milliseconds, by a timer: no thread waits for it. */
  static CompletableFuture<Void> delay(long millis) {
    if (millis <= 0) {
      return CompletableFuture.completedFuture(null);
    }
    Executor later = CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS);
    return CompletableFuture.runAsync(() -> { }, later);
  }
}
