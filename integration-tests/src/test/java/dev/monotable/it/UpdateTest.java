package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.shop.Order;
import dev.monotable.it.shop.OrderFields;
import dev.monotable.it.shop.OrderStatus;
import dev.monotable.it.shop.Product;
import dev.monotable.it.shop.ProductFields;
import dev.monotable.it.shop.OrderItem;
import dev.monotable.it.shop.OrderItemFields;
import dev.monotable.it.shop.Shipment;
import dev.monotable.it.shop.ShipmentFields;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.it.shop.User;
import dev.monotable.it.shop.UserFields;
import dev.monotable.runtime.ConditionFailedException;
import dev.monotable.runtime.InvalidUpdateException;
import dev.monotable.runtime.Update;
import dev.monotable.runtime.UpdateReturn;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Typed updates against a real DynamoDB (monotable-local by default). */
@ExtendWith(DynamoDbExtension.class)
class UpdateTest {
  private final ShopTable shop;

  UpdateTest(DynamoDbClient client, TestDynamoDb dynamo) {
    shop = ShopTable.of(client, dynamo.uniqueTableName("Shop"));
    shop.createIfNotExists();
  }

  private Product lamp() {
    Product lamp = new Product();
    lamp.setSku("LAMP");
    lamp.setName("Lamp");
    lamp.setCategory("lighting");
    lamp.setPriceCents(2599L);
    lamp.setTags(Set.of("desk"));
    return lamp;
  }

  @Test
  void anUpdate_isAValue_eachClauseMakesANewUpdate_andSendingTwiceSendsTheSame() {
    shop.products().put(lamp());
    Update<Product> rename = shop.products().update("LAMP").set(ProductFields.NAME, "Desk lamp");
    Update<Product> renameAndReprice = rename.set(ProductFields.PRICE_CENTS, 1999L);
    Update<Product> restock = rename.increment(ProductFields.STOCK);

    rename.execute();
    Product renamed = shop.products().get("LAMP").orElseThrow();
    assertEquals("Desk lamp", renamed.getName());
    assertEquals(2599L, renamed.getPriceCents(), "the price clause went to another update");
    assertEquals(null, renamed.getStock(), "so did the stock clause");

    renameAndReprice.execute();
    assertEquals(1999L, shop.products().get("LAMP").orElseThrow().getPriceCents());
    restock.execute();
    restock.execute();
    assertEquals(2L, shop.products().get("LAMP").orElseThrow().getStock(), "sent twice, the same increment");
    // a clause that cannot be sent is refused where it is given, and leaves the update as it was
    assertThrows(InvalidUpdateException.class, () -> rename.set(ProductFields.NAME, "Lamp"));
    rename.execute();
  }

  @Test
  void setAddRemoveAndSets_inOneUpdate_returningTheNewItem() {
    shop.products().put(lamp());
    Product updated = shop.products().update("LAMP")
        .set(ProductFields.NAME, "Desk lamp")
        .add(ProductFields.PRICE_CENTS, 100L)
        .addToSet(ProductFields.TAGS, Set.of("led"))
        .remove(ProductFields.CATEGORY)
        .returning(UpdateReturn.ALL_NEW)
        .execute().orElseThrow();
    assertEquals("Desk lamp", updated.getName());
    assertEquals(2699L, updated.getPriceCents());
    assertEquals(Set.of("desk", "led"), updated.getTags());
    assertEquals(null, updated.getCategory());

    shop.products().update("LAMP").removeFromSet(ProductFields.TAGS, Set.of("desk")).setIfAbsent(ProductFields.STOCK, 7L)
        .execute();
    shop.products().update("LAMP").setIfAbsent(ProductFields.STOCK, 99L).execute();
    Product read = shop.products().get("LAMP").orElseThrow();
    assertEquals(Set.of("led"), read.getTags());
    assertEquals(7L, read.getStock(), "setIfAbsent keeps the first value");
  }

  @Test
  void conditionalUpdate_onReservedWords_failsWithTheCurrentItem() {
    shop.users().put(new User("ada", "ada@example.com", "Ada", Instant.EPOCH));
    shop.users().update("ada").set(UserFields.NAME, "Ada L.").when(UserFields.NAME.eq("Ada")).execute();
    ConditionFailedException failed = assertThrows(ConditionFailedException.class,
        () -> shop.users().update("ada").set(UserFields.NAME, "X").when(UserFields.NAME.eq("Ada")).execute());
    assertEquals("Ada L.", failed.current(User.class).orElseThrow().name());
  }

  @Test
  void primaryKeyFields_cannotBeUpdated_andNothingIsSent() {
    Instant day = Instant.parse("2024-05-01T00:00:00Z");
    shop.orders().put(new Order("ada", "o1", day, OrderStatus.PAID, BigDecimal.TEN));
    InvalidUpdateException refused = assertThrows(InvalidUpdateException.class,
        () -> shop.orders().update("ada", day, "o1").set(OrderFields.ORDER_ID, "o2").execute());
    assertTrue(refused.getMessage().contains("[orderId]"), refused.getMessage());
    // status is a raw index key: DynamoDB keeps ByStatus right by itself
    shop.orders().update("ada", day, "o1").set(OrderFields.STATUS, OrderStatus.SHIPPED).execute();
    assertEquals(List.of("o1"), shop.orders().ordersByStatus(OrderStatus.SHIPPED).list().stream().map(Order::orderId).toList());
  }

  @Test
  void settingAnIndexTemplateField_rewritesTheIndexKey() {
    Instant day = Instant.parse("2024-05-01T00:00:00Z");
    shop.orders().put(new Order("bob", "o1", day, OrderStatus.PAID, BigDecimal.TEN));
    shop.orders().update("bob", day, "o1").set(OrderFields.TOTAL, new BigDecimal("99")).execute();
    assertEquals(List.of("o1"), shop.orders().ordersByTotal("bob").total().greaterThan(new BigDecimal("50")).list()
        .stream().map(Order::orderId).toList(), "LSI1SK follows the new total");
    assertThrows(InvalidUpdateException.class,
        () -> shop.orders().update("bob", day, "o1").add(OrderFields.TOTAL, BigDecimal.ONE).execute(),
        "an add gives no new value to build the index key from");

    shop.orderItems().put(new OrderItem("o9", 3, "SKU-1", 2));
    shop.orderItems().update("o9", 3).set(OrderItemFields.SKU, "SKU-9").execute();
    assertEquals(List.of(3), shop.orderItems().ordersOfProduct("SKU-9").list().stream().map(OrderItem::getLineNo).toList());
    assertEquals(List.of(), shop.orderItems().ordersOfProduct("SKU-1").list());

    shop.orderItems().update("o9", 3).remove(OrderItemFields.SKU).execute();
    assertEquals(List.of(), shop.orderItems().ordersOfProduct("SKU-9").list(), "no sku, no GSI1 entry: sparse");
  }

  @Test
  void rewritingAnIndexKey_withoutEveryFieldItNeeds_isRefusedNamingThem() {
    shop.shipments().put(new Shipment("s1", "UPS", "EU"));
    InvalidUpdateException refused = assertThrows(InvalidUpdateException.class,
        () -> shop.shipments().update("s1").set(ShipmentFields.CARRIER, "DHL").execute());
    assertTrue(refused.getMessage().contains("GSI1PK, which also needs [region]"), refused.getMessage());
    assertEquals(List.of("s1"), shop.shipments().shipmentsOfCarrier("UPS", "EU").list().stream().map(Shipment::id).toList());

    shop.shipments().update("s1").set(ShipmentFields.CARRIER, "DHL").set(ShipmentFields.REGION, "US").execute();
    assertEquals(List.of("s1"), shop.shipments().shipmentsOfCarrier("DHL", "US").list().stream().map(Shipment::id).toList());
    assertEquals(List.of(), shop.shipments().shipmentsOfCarrier("UPS", "EU").list());
  }

  @Test
  void eightThreadsOf500Increments_endAtExactly4000() throws Exception {
    shop.products().put(lamp());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < 500; i++) {
            shop.products().update("LAMP").increment(ProductFields.STOCK).execute();
          }
        }));
      }
      for (Future<?> future : done) {
        future.get(5, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(4000L, shop.products().get("LAMP").orElseThrow().getStock());
  }
}
