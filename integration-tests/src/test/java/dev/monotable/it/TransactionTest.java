package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.shop.Counter;
import dev.monotable.it.shop.Order;
import dev.monotable.it.shop.OrderStatus;
import dev.monotable.it.shop.Product;
import dev.monotable.it.shop.ProductFields;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.it.shop.User;
import dev.monotable.it.shop.UserFields;
import dev.monotable.runtime.Transaction;
import dev.monotable.runtime.TransactionFailedException;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Transactions across entities, against a real DynamoDB (monotable-local by default). */
@ExtendWith(DynamoDbExtension.class)
class TransactionTest {
  private static final Instant DAY = Instant.parse("2024-05-01T00:00:00Z");
  private final ShopTable shop;

  TransactionTest(DynamoDbClient client, TestDynamoDb dynamo) {
    shop = ShopTable.of(client, dynamo.uniqueTableName("Shop"));
    shop.createIfNotExists();
  }

  private Product lamp(long stock) {
    Product lamp = new Product();
    lamp.setSku("LAMP");
    lamp.setName("Lamp");
    lamp.setStock(stock);
    return lamp;
  }

  @Test
  void actionsAcrossEntities_succeedTogether() {
    User ada = new User("ada", "ada@example.com", "Ada", DAY);
    shop.users().put(ada);
    shop.products().put(lamp(3));
    Order order = new Order("ada", "o1", DAY, OrderStatus.PAID, BigDecimal.TEN);

    shop.transaction()
        .put(shop.orders(), order)
        .update(shop.products().update("LAMP").decrement(ProductFields.STOCK).when(ProductFields.STOCK.gt(0L)))
        .conditionCheck(shop.users(), ada, UserFields.EMAIL.exists())
        .put(shop.counters(), new Counter("orders", 1, 0))
        .idempotencyToken("order-o1")
        .execute();

    assertTrue(shop.orders().get("ada", DAY, "o1").isPresent());
    assertEquals(2L, shop.products().get("LAMP").orElseThrow().getStock());
    assertEquals(1, shop.counters().get("orders").orElseThrow().version());
  }

  @Test
  void cancellation_givesOneReasonPerAction_inRequestOrder_withTheCurrentItem() {
    shop.products().put(lamp(0));
    User ada = new User("ada", "ada@example.com", "Ada", DAY);
    shop.users().put(ada);
    Order order = new Order("ada", "o2", DAY, OrderStatus.PAID, BigDecimal.TEN);

    TransactionFailedException failed = assertThrows(TransactionFailedException.class, () -> shop.transaction()
        .put(shop.orders(), order)
        .update(shop.products().update("LAMP").decrement(ProductFields.STOCK).when(ProductFields.STOCK.gt(0L)))
        .delete(shop.users(), ada)
        .execute());

    List<TransactionFailedException.Reason> reasons = failed.reasons();
    assertEquals(List.of("None", "ConditionalCheckFailed", "None"),
        reasons.stream().map(TransactionFailedException.Reason::code).toList());
    assertFalse(reasons.get(0).failed());
    assertEquals(0L, reasons.get(1).current(Product.class).orElseThrow().getStock());
    assertTrue(shop.orders().get("ada", DAY, "o2").isEmpty(), "nothing of the transaction was written");
    assertTrue(shop.users().get("ada").isPresent());
  }

  @Test
  void twoActionsOnOneItem_orMoreThan100_areRefusedBeforeSending() {
    Order order = new Order("ada", "o3", DAY, OrderStatus.PAID, BigDecimal.TEN);
    Transaction twice = shop.transaction().put(shop.orders(), order);
    assertThrows(IllegalStateException.class, () -> twice.delete(shop.orders(), order));

    Transaction big = shop.transaction();
    for (int i = 0; i < 100; i++) {
      big.put(shop.orders(), new Order("bulk", "o" + i, DAY, OrderStatus.PAID, BigDecimal.ONE));
    }
    assertThrows(IllegalStateException.class,
        () -> big.put(shop.orders(), new Order("bulk", "o100", DAY, OrderStatus.PAID, BigDecimal.ONE)));
    big.execute();
    assertEquals(100, shop.orders().ordersOfUser("bulk").count());
  }
}
