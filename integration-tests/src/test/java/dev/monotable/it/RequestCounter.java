package dev.monotable.it;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the HTTP requests a client sends, by operation: every attempt, retries included. It only
 * watches; faults come from the engine ({@code MonotableLocal.faults()}).
 */
final class RequestCounter implements ExecutionInterceptor {
  private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    sent.computeIfAbsent(operation, key -> new AtomicInteger()).incrementAndGet();
  }

  /** Requests sent so far for any of {@code operations}, such as {@code "BatchWriteItem"}. */
  int sent(String... operations) {
    int total = 0;
    for (String operation : operations) {
      AtomicInteger count = sent.get(operation);
      total += count == null ? 0 : count.get();
    }
    return total;
  }

  /** Requests sent so far, of every operation. */
  int sent() {
    return sent(Set.copyOf(sent.keySet()).toArray(String[]::new));
  }
}
