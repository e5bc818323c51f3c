package dev.monotable.spring.boot;

import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;

/**
 * Changes the builder of the auto-configured {@code DynamoDbAsyncClient} after the {@code monotable.*}
 * properties were applied, as {@link DynamoDbClientBuilderCustomizer} does the synchronous one's.
 */
@FunctionalInterface
public interface DynamoDbAsyncClientBuilderCustomizer {
  /** Changes {@code builder}. */
  void customize(DynamoDbAsyncClientBuilder builder);
}
