package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.shop.ProductFields;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.it.shop.User;
import dev.monotable.testing.DynamoDbLocalExtension;
import dev.monotable.testing.LocalDynamoDb;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** Throttling injected on the HTTP path: the SDK's retries carry Monotable's operations through. */
@ExtendWith(DynamoDbLocalExtension.class)
class ThrottlingTest {
  private final ThrottlingHttpClient http = new ThrottlingHttpClient(UrlConnectionHttpClient.builder().build());
  private final DynamoDbClient client;
  private final ShopTable shop;

  ThrottlingTest(LocalDynamoDb dynamo) {
    // the SDK's own retry policy, with short fixed delays so the test does not wait for real backoff
    client = dynamo.newClient(b -> b.httpClient(http).overrideConfiguration(c -> c.retryPolicy(RetryPolicy.builder()
        .numRetries(4)
        .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(10)))
        .throttlingBackoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(10)))
        .build())));
    shop = ShopTable.of(client, LocalDynamoDb.uniqueTableName("Shop"));
    shop.createIfNotExists();
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void throttledRequests_areRetried_andSucceed() {
    User ada = new User("ada", "ada@example.com", "Ada", Instant.EPOCH);
    http.throttles.set(3);
    int before = http.requests.get();
    shop.users().put(ada);
    assertEquals(4, http.requests.get() - before, "three throttled attempts, then the put");

    http.throttles.set(2);
    assertEquals(ada, shop.users().get("ada").orElseThrow());
    http.throttles.set(2);
    shop.products().update("LAMP").increment(ProductFields.STOCK).execute();
    assertEquals(1L, shop.products().get("LAMP").orElseThrow().getStock());
  }

  @Test
  void throttlingPastTheSdksRetries_surfacesAsAnException_notASilentLoss() {
    http.throttles.set(1_000);
    assertThrows(ProvisionedThroughputExceededException.class,
        () -> shop.users().put(new User("bob", "bob@example.com", "Bob", Instant.EPOCH)));
    http.throttles.set(0);
    assertTrue(shop.users().get("bob").isEmpty());
  }
}
