package dev.monotable.spring.boot;

import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Changes the builder of the auto-configured {@code DynamoDbClient} after the {@code monotable.*}
 * properties were applied: an HTTP client, interceptors, retries. Every bean of this type is applied,
 * in {@code @Order}.
 *
 * <pre>{@code
 * @Bean
 * DynamoDbClientBuilderCustomizer retries() {
 *   return builder -> builder.overrideConfiguration(c -> c.retryStrategy(RetryMode.ADAPTIVE_V2));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface DynamoDbClientBuilderCustomizer {
  /** Changes {@code builder}. */
  void customize(DynamoDbClientBuilder builder);
}
