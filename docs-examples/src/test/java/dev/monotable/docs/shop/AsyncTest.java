package dev.monotable.docs.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monotable.runtime.ConditionFailedException;
import dev.monotable.runtime.Page;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbExtension.class)
class AsyncTest {
  private static final Instant MAY_1 = Instant.parse("2024-05-01T09:30:00Z");
  private final User ada = new User("ada", "ada@example.com", "Ada", MAY_1);
  private final User impostor = new User("ada", "someone@example.com", "Someone", MAY_1);
  private final Order order = new Order("ada", "o-1", MAY_1, OrderStatus.NEW, BigDecimal.TEN, List.of());

  @Test
  void futuresPagesAPublisher_andFailuresUnwrapped(TestDynamoDb dynamo) {
    List<Order> seen = new CopyOnWriteArrayList<>();
    // region async
    AppDataAsyncTable table = AppDataTable.async(dynamo.asyncClient(), dynamo.uniqueTableName("AppData"));
    table.createIfNotExists().join();                                    // join() waits: in tests only
    table.users().put(ada).thenCompose(stored -> table.orders().put(order)).join();
    CompletableFuture<Optional<User>> read = table.users().get("ada");   // each call returns at once
    CompletableFuture<Page<Order>> recent = table.orders().ordersOfUser("ada").descending().limit(10).page();
    CompletableFuture<Void> exported = table.orders().ordersOfUser("ada").publisher()
        .subscribe(seen::add);                                           // page by page, as demanded
    CompletableFuture<User> kept = table.users().putIfAbsent(impostor)   // ada is taken: a failed future,
        .exceptionally(e -> ((ConditionFailedException) e).current(User.class).orElseThrow());   // e not wrapped
    // endregion

    assertEquals(Optional.of(ada), read.join());
    assertEquals(List.of(order), recent.join().items());
    exported.join();
    assertEquals(List.of(order), seen);
    assertEquals(ada, kept.join());
  }
}
