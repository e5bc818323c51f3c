package dev.monotable.docs.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.monotable.docs.shop.AppDataTable;
import dev.monotable.docs.shop.Order;
import dev.monotable.docs.shop.OrderStatus;
import dev.monotable.docs.shop.User;
import dev.monotable.local.MonotableLocal;
import dev.monotable.runtime.TransactionFailedException;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DynamoDbExtension.class)
class FaultsTest {
  private static final Instant MAY_1 = Instant.parse("2024-05-01T09:30:00Z");
  private final AppDataTable table;
  private final TestDynamoDb dynamo;

  FaultsTest(DynamoDbClient client, TestDynamoDb dynamo) {
    this.dynamo = dynamo;
    this.table = AppDataTable.of(client, dynamo.uniqueTableName("AppData"));
    table.createIfNotExists();
  }

  @Test
  void faultsComeFromTheEngine() {
    User ada = new User("ada", "ada@example.com", "Ada", MAY_1);
    List<Order> orders = IntStream.range(0, 20)
        .mapToObj(i -> new Order("ada", "o-" + i, MAY_1.plusSeconds(i), OrderStatus.NEW, BigDecimal.ONE, List.of()))
        .toList();
    // region faults
    assumeTrue(dynamo.isLocal());                        // an endpoint cannot be told to throttle
    MonotableLocal local = dynamo.local().orElseThrow();
    local.faults().throttle("PutItem", 3);               // the next 3 PutItem calls are throttled
    local.faults().seed(7).unprocessed(0.5, 2);          // the next 2 batch calls leave about half unprocessed
    local.faults().cancelTransactions(1);                // the next transaction is cancelled: TransactionConflict
    // endregion
    table.users().put(ada);                              // retried by the SDK's retry policy
    table.orders().batchPut(orders);                     // unprocessed items retried by Monotable
    TransactionFailedException cancelled = assertThrows(TransactionFailedException.class,
        () -> table.transaction().put(table.users(), ada).execute());

    assertEquals(Optional.of(ada), table.users().get("ada"));
    assertEquals(orders, table.orders().ordersOfUser("ada").list());
    assertEquals(1, cancelled.reasons().size());
  }

  @Test
  void aClientOfYourOwn() {
    AtomicInteger requests = new AtomicInteger();
    ExecutionInterceptor counter = new ExecutionInterceptor() {
      @Override
      public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        requests.incrementAndGet();
      }
    };
    // region own-client
    try (DynamoDbClient counted = dynamo.newClient(builder -> builder.overrideConfiguration(
        configuration -> configuration.addExecutionInterceptor(counter)))) {
      AppDataTable.of(counted, table.tableName()).users().get("ada");
    }
    // endregion
    assertEquals(1, requests.get());
  }
}
