package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.monotable.it.shop.Order;
import dev.monotable.it.shop.OrderRepository;
import dev.monotable.it.shop.OrderStatus;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.local.Faults;
import dev.monotable.runtime.BatchIncompleteException;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What a batch leaves unprocessed comes back typed: the entities not written, the keys not read or deleted. */
@ExtendWith(DynamoDbExtension.class)
class BatchTypedTest {
  private static final Instant DAY = Instant.parse("2024-05-01T00:00:00Z");

  private final ShopTable shop;
  private final Faults faults;

  BatchTypedTest(DynamoDbClient client, TestDynamoDb dynamo) {
    assumeTrue(dynamo.isLocal(), "unprocessed requests are injected by monotable-local");
    faults = dynamo.local().orElseThrow().faults();
    shop = ShopTable.of(client, dynamo.uniqueTableName("Shop"));
    shop.createIfNotExists();
  }

  @AfterEach
  void clearFaults() {
    faults.clear();
  }

  @Test
  void incompleteBatches_handBackTypedEntitiesAndKeys() {
    List<Order> orders = List.of(
        new Order("ada", "o1", DAY, OrderStatus.PAID, BigDecimal.ONE),
        new Order("ada", "o2", DAY.plusSeconds(1), OrderStatus.PAID, BigDecimal.TEN));
    List<OrderRepository.Key> keys = List.of(
        new OrderRepository.Key("ada", DAY, "o1"), new OrderRepository.Key("ada", DAY.plusSeconds(1), "o2"));

    faults.unprocessed(1.0, 8);
    BatchIncompleteException notWritten = assertThrows(BatchIncompleteException.class,
        () -> shop.orders().batchPut(orders));
    assertEquals(orders, notWritten.unprocessed(Order.class));

    shop.orders().batchPut(orders);
    faults.unprocessed(1.0, 8);
    BatchIncompleteException notRead = assertThrows(BatchIncompleteException.class,
        () -> shop.orders().batchGet(keys));
    assertEquals(keys, notRead.unprocessed(OrderRepository.Key.class));
    assertEquals(List.of(), notRead.unprocessed(Order.class));

    faults.unprocessed(1.0, 8);
    BatchIncompleteException notDeleted = assertThrows(BatchIncompleteException.class,
        () -> shop.orders().batchDelete(keys));
    assertEquals(keys, notDeleted.unprocessed(OrderRepository.Key.class));
    assertEquals(2, shop.orders().ordersOfUser("ada").list().size(), "nothing was deleted");
  }
}
