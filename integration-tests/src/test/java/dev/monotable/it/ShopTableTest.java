package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.shop.Dimension;
import dev.monotable.it.shop.Order;
import dev.monotable.it.shop.OrderItem;
import dev.monotable.it.shop.OrderKeys;
import dev.monotable.it.shop.OrderStatus;
import dev.monotable.it.shop.Product;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.it.shop.User;
import dev.monotable.it.shop.UserKeys;
import dev.monotable.runtime.InvalidKeyException;
import dev.monotable.runtime.MappingException;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The generated Shop code against a real DynamoDB (monotable-local by default), checked against the raw items it writes. */
@ExtendWith(DynamoDbExtension.class)
class ShopTableTest {
  private static final Instant ORDER_DATE = Instant.parse("2024-05-01T09:30:00.123456789Z");

  private final DynamoDbClient client;
  private final TestDynamoDb dynamo;
  private final ShopTable shop;

  ShopTableTest(DynamoDbClient client, TestDynamoDb dynamo) {
    this.client = client;
    this.dynamo = dynamo;
    this.shop = ShopTable.of(client, dynamo.uniqueTableName("Shop"));
    shop.createIfNotExists();
  }

  @Test
  void aQueryOfATerritoryNoOtherEntityShares_sendsNoTypeFilter_andStillSkipsForeignItems() {
    shop.orderItems().put(new OrderItem("o-77", 1, "SKU-1", 2));
    shop.orderItems().put(new OrderItem("o-77", 2, "SKU-2", 1));
    // an item another program wrote inside OrderItem's territory, of a type of its own
    client.putItem(b -> b.tableName(shop.tableName()).item(Map.of(
        "PK", AttributeValue.fromS("ORDER#o-77"), "SK", AttributeValue.fromS("ITEM#0000000001#audit"),
        "_type", AttributeValue.fromS("Audit"))));

    var request = shop.orderItems().itemsOfOrder("o-77").toRequest();
    assertFalse(request.hasExpressionAttributeNames() && request.expressionAttributeNames().containsValue("_type"),
        request.toString());
    assertEquals(null, request.filterExpression());

    assertEquals(List.of(1, 2), shop.orderItems().itemsOfOrder("o-77").list().stream().map(OrderItem::getLineNo)
        .toList());
    assertEquals(2, shop.orderItems().itemsOfOrder("o-77").count(), "a count filters on the type: it reads no items");
    // a pattern whose territory another entity shares keeps the filter
    assertTrue(shop.orders().ordersOfUser("ada").toRequest().filterExpression().contains("#type"));
  }

  private Map<String, AttributeValue> raw(String pk, String sk) {
    return client.getItem(b -> b.tableName(shop.tableName())
        .key(Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk)))).item();
  }

  @Test
  void user_roundTripsAndIsStoredUnderItsTemplateKeys() {
    User user = new User("u1", "ada@example.com", "Ada", Instant.parse("2024-01-02T03:04:05Z"));
    shop.users().put(user);

    assertEquals(Optional.of(user), shop.users().get("u1"));
    Map<String, AttributeValue> item = raw("USER#u1", "PROFILE");
    assertEquals("User", item.get("_type").s());
    assertEquals("u1", item.get("id").s());
    assertEquals("ada@example.com", item.get("mail").s(), "@Attribute renames the attribute");
    assertFalse(item.containsKey("email"));
    assertEquals("2024-01-02T03:04:05.000000000Z", item.get("createdAt").s());
    assertEquals(Set.of("PK", "SK", "_type", "id", "mail", "name", "createdAt"), item.keySet());
  }

  @Test
  void order_writesEveryIndexKeyAttribute() {
    Order order = new Order("u1", "o-17", ORDER_DATE, OrderStatus.PAID, new BigDecimal("12.50"));
    shop.orders().put(order);

    Map<String, AttributeValue> item = raw("USER#u1", "ORDER#2024-05-01T09:30:00.123456789Z#o-17");
    assertEquals("Order", item.get("_type").s());
    assertEquals("ORDER#o-17", item.get("GSI1PK").s());
    assertEquals("ORDER", item.get("GSI1SK").s());
    assertEquals("TOTAL#2502125", item.get("LSI1SK").s(), "12.5 = 0.125 x 10^2: sign 2, exponent 502, digits 125");
    assertEquals("PAID", item.get("status").s(), "raw index key ByStatus is the attribute itself");
    assertEquals("2024-05-01T09:30:00.123456789Z", item.get("orderDate").s());
    assertEquals(0, new BigDecimal(item.get("total").n()).compareTo(new BigDecimal("12.5")));

    Order read = shop.orders().get("u1", ORDER_DATE, "o-17").orElseThrow();
    assertEquals(order.orderId(), read.orderId());
    assertEquals(ORDER_DATE, read.orderDate(), "the key and the attribute keep nanoseconds");
    assertEquals(0, order.total().compareTo(read.total()));

    // the index holds the item under its GSI1 key
    List<Map<String, AttributeValue>> byGsi1 = client.query(b -> b.tableName(shop.tableName()).indexName("GSI1")
        .keyConditionExpression("GSI1PK = :pk").expressionAttributeValues(
            Map.of(":pk", AttributeValue.fromS(OrderKeys.gsi1PartitionKey("o-17"))))).items();
    assertEquals(1, byGsi1.size());
    assertEquals(OrderKeys.gsi1Key("o-17").get("GSI1SK"), byGsi1.get(0).get("GSI1SK"));
  }

  @Test
  void delete_byKeyAndByEntity_removesTheItem() {
    Order order = new Order("u2", "o-1", ORDER_DATE, OrderStatus.PENDING, BigDecimal.ONE);
    Order other = new Order("u2", "o-2", ORDER_DATE, OrderStatus.PENDING, BigDecimal.TEN);
    shop.orders().put(order);
    shop.orders().put(other);

    shop.orders().delete("u2", ORDER_DATE, "o-1");
    shop.orders().delete(other);

    assertTrue(shop.orders().get("u2", ORDER_DATE, "o-1").isEmpty());
    assertTrue(shop.orders().get("u2", ORDER_DATE, "o-2").isEmpty());
    shop.orders().delete("u2", ORDER_DATE, "never-there");
  }

  @Test
  void classWithCanonicalConstructor_roundTrips_andNullIndexFieldLeavesItOutOfTheIndex() {
    shop.orderItems().put(new OrderItem("o-9", 3, "SKU-1", 2));
    shop.orderItems().put(new OrderItem("o-9", -1, null, 1));

    OrderItem read = shop.orderItems().get("o-9", 3).orElseThrow();
    assertEquals("SKU-1", read.getSku());
    assertEquals(2, read.getQuantity());
    Map<String, AttributeValue> indexed = raw("ORDER#o-9", "ITEM#0000000003");
    assertEquals("PRODUCT#SKU-1", indexed.get("GSI1PK").s());
    assertEquals("ORDER#o-9#0000000003", indexed.get("GSI1SK").s());

    Map<String, AttributeValue> sparse = raw("ORDER#o-9", "ITEM#-9999999999");
    assertFalse(sparse.containsKey("GSI1PK"), "sku is null, so the item stays out of GSI1");
    assertFalse(sparse.containsKey("GSI1SK"));
    assertNull(shop.orderItems().get("o-9", -1).orElseThrow().getSku());
  }

  @Test
  void bean_roundTrips_ignoredFieldIsNotStored_andRawKeysMakeTheIndexSparse() {
    Product lamp = new Product();
    lamp.setSku("LAMP");
    lamp.setName("Desk lamp");
    lamp.setCategory("lighting");
    lamp.setPriceCents(2599L);
    lamp.setTags(Set.of("desk", "led"));
    lamp.setDimensions(List.of(new Dimension("height", new BigDecimal("45"), "cm")));
    lamp.setCachedLabel("not stored");
    Product draft = new Product();
    draft.setSku("DRAFT");
    draft.setName("No price yet");
    shop.products().put(lamp);
    shop.products().put(draft);

    Product read = shop.products().get("LAMP").orElseThrow();
    assertEquals("Desk lamp", read.getName());
    assertEquals(2599L, read.getPriceCents());
    assertEquals(Set.of("desk", "led"), read.getTags());
    assertEquals("height", read.getDimensions().get(0).name());
    assertNull(read.getCachedLabel());
    assertFalse(raw("PRODUCT#LAMP", "DETAILS").containsKey("cachedLabel"));
    assertEquals("2599", raw("PRODUCT#LAMP", "DETAILS").get("priceCents").n());
    assertEquals(Set.of(), shop.products().get("DRAFT").orElseThrow().getTags(), "an absent set reads back empty");

    List<Map<String, AttributeValue>> byPrice = client.scan(b -> b.tableName(shop.tableName())
        .indexName("ByPrice")).items();
    assertEquals(1, byPrice.size(), "only the product with category and price is in ByPrice");
    assertEquals("LAMP", byPrice.get(0).get("sku") == null ? "LAMP" : byPrice.get(0).get("sku").s());
    assertEquals("Desk lamp", byPrice.get(0).get("name").s(), "INCLUDE projection copies name");
  }

  @Test
  void keyComponentWithDelimiter_isRefusedBeforeAnythingIsSent() {
    InvalidKeyException e = assertThrows(InvalidKeyException.class, () -> shop.users().get("victim#ORDER"));
    assertEquals("User", e.entity());
    assertEquals("id", e.field());
    assertEquals("USER#<id>", e.template());
    assertTrue(e.getMessage().contains("delimiter"), e.getMessage());

    assertThrows(InvalidKeyException.class,
        () -> shop.users().put(new User("victim#ORDER", "x", "x", Instant.EPOCH)));
    assertTrue(client.scan(b -> b.tableName(shop.tableName())).items().stream()
        .noneMatch(item -> item.get("PK").s().contains("victim")));
  }

  @Test
  void refusedKeys_sendNoRequestAtAll() {
    AtomicInteger requests = new AtomicInteger();
    ExecutionInterceptor counter = new ExecutionInterceptor() {
      @Override
      public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        requests.incrementAndGet();
      }
    };
    try (DynamoDbClient counted = dynamo.newClient(b -> b.overrideConfiguration(c -> c.addExecutionInterceptor(counter)))) {
      ShopTable sameTable = ShopTable.of(counted, shop.tableName());
      sameTable.users().get("someone");
      assertEquals(1, requests.get(), "the counter sees requests that are sent");

      assertThrows(InvalidKeyException.class, () -> sameTable.users().get("victim#ORDER"));
      assertThrows(InvalidKeyException.class, () -> sameTable.users().delete("victim#ORDER"));
      assertThrows(InvalidKeyException.class,
          () -> sameTable.users().put(new User("victim#ORDER", "x", "x", Instant.EPOCH)));
      assertThrows(InvalidKeyException.class,
          () -> sameTable.orders().delete(new Order("u1", null, ORDER_DATE, OrderStatus.PAID, BigDecimal.ONE)));
      assertEquals(1, requests.get(), "no refused operation reached the network");
    }
  }

  @Test
  void nullEmptyAndOversizedKeys_areRefused() {
    InvalidKeyException nullKey = assertThrows(InvalidKeyException.class, () -> shop.users().get(null));
    assertTrue(nullKey.getMessage().contains("is null"), nullKey.getMessage());
    InvalidKeyException empty = assertThrows(InvalidKeyException.class, () -> shop.users().get(""));
    assertTrue(empty.getMessage().contains("is empty"), empty.getMessage());
    assertThrows(InvalidKeyException.class, () -> UserKeys.partitionKey("x".repeat(2044)));
    assertEquals(2048, UserKeys.partitionKey("x".repeat(2043)).length());
    // "é" is two bytes in UTF-8: 1000 of them make a 2005-byte key, 1022 a 2049-byte one
    assertEquals(1005, UserKeys.partitionKey("é".repeat(1000)).length());
    InvalidKeyException tooLong = assertThrows(InvalidKeyException.class,
        () -> UserKeys.partitionKey("é".repeat(1022)));
    assertTrue(tooLong.getMessage().contains("2049 bytes"), tooLong.getMessage());
    assertThrows(InvalidKeyException.class, () -> OrderKeys.sortKey(ORDER_DATE, "o".repeat(1000)));
  }

  @Test
  void itemOfAnotherType_orWithWrongAttributeType_isAMappingErrorNamingEntityAndAttribute() {
    client.putItem(b -> b.tableName(shop.tableName()).item(Map.of(
        "PK", AttributeValue.fromS("USER#imposter"), "SK", AttributeValue.fromS("PROFILE"),
        "_type", AttributeValue.fromS("Order"))));
    MappingException otherType = assertThrows(MappingException.class, () -> shop.users().get("imposter"));
    assertEquals("User", otherType.type());
    assertTrue(otherType.getMessage().contains("is a Order, not a User"), otherType.getMessage());

    client.putItem(b -> b.tableName(shop.tableName()).item(Map.of(
        "PK", AttributeValue.fromS("USER#broken"), "SK", AttributeValue.fromS("PROFILE"),
        "_type", AttributeValue.fromS("User"), "createdAt", AttributeValue.fromN("12"))));
    MappingException wrongType = assertThrows(MappingException.class, () -> shop.users().get("broken"));
    assertEquals("createdAt", wrongType.attribute());
    assertTrue(wrongType.getMessage().startsWith("User.createdAt: expected a string (S) but found N"),
        wrongType.getMessage());
  }

  @Test
  void createIfNotExists_secondCallIsANoOp() {
    ShopTable fresh = ShopTable.of(client, dynamo.uniqueTableName("Shop"));
    assertTrue(fresh.createIfNotExists());
    assertFalse(fresh.createIfNotExists());
    assertEquals("ACTIVE", client.describeTable(b -> b.tableName(fresh.tableName())).table().tableStatusAsString());
  }

  @Test
  void tableName_mustBeAValidDynamoDbName() {
    assertThrows(IllegalArgumentException.class, () -> ShopTable.of(client, "ab"));
    assertThrows(IllegalArgumentException.class, () -> ShopTable.of(client, "bad name"));
    assertEquals("Shop", ShopTable.DEFAULT_NAME);
  }
}
