package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.monotable.it.shop.ProductFields;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.it.shop.User;
import dev.monotable.local.Faults;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/**
 * Throttling injected by the engine ({@code MonotableLocal.faults()}), answered on the real request
 * path: the SDK's retries carry Monotable's operations through. Skipped on an endpoint, which cannot
 * be told to throttle.
 */
@ExtendWith(DynamoDbExtension.class)
class ThrottlingTest {
  private final RequestCounter requests = new RequestCounter();
  private final Faults faults;
  private final DynamoDbClient client;
  private final ShopTable shop;

  ThrottlingTest(TestDynamoDb dynamo) {
    assumeTrue(dynamo.isLocal(), "throttling is injected by monotable-local; this run goes to " + dynamo);
    faults = dynamo.local().orElseThrow().faults();
    // the SDK's own retry policy, with short fixed delays so the test does not wait for real backoff
    client = dynamo.newClient(b -> b.overrideConfiguration(c -> c.addExecutionInterceptor(requests)
        .retryPolicy(RetryPolicy.builder()
            .numRetries(4)
            .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(10)))
            .throttlingBackoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(10)))
            .build())));
    shop = ShopTable.of(client, dynamo.uniqueTableName("Shop"));
    shop.createIfNotExists();
  }

  @AfterEach
  void close() {
    faults.clear();
    client.close();
  }

  @Test
  void throttledRequests_areRetried_andSucceed() {
    User ada = new User("ada", "ada@example.com", "Ada", Instant.EPOCH);
    faults.throttle("PutItem", 3);
    int before = requests.sent();
    shop.users().put(ada);
    assertEquals(4, requests.sent() - before, "three throttled attempts, then the put");

    faults.throttle("GetItem", 2);
    assertEquals(ada, shop.users().get("ada").orElseThrow());
    faults.throttle("UpdateItem", 2);
    shop.products().upsert("LAMP").increment(ProductFields.STOCK).execute();
    assertEquals(1L, shop.products().get("LAMP").orElseThrow().getStock());
  }

  @Test
  void throttlingPastTheSdksRetries_surfacesAsAnException_notASilentLoss() {
    faults.throttle("PutItem", 1_000);
    assertThrows(ProvisionedThroughputExceededException.class,
        () -> shop.users().put(new User("bob", "bob@example.com", "Bob", Instant.EPOCH)));
    faults.clear();
    assertTrue(shop.users().get("bob").isEmpty());
  }
}
