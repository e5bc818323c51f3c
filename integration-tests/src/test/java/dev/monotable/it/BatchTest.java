package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.monotable.it.shop.Order;
import dev.monotable.it.shop.OrderRepository;
import dev.monotable.it.shop.OrderSchema;
import dev.monotable.it.shop.OrderStatus;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.local.Faults;
import dev.monotable.runtime.BatchIncompleteException;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Batches against a real DynamoDB, with unprocessed items injected by the engine ({@code
 * MonotableLocal.faults()}): those items really are not written or read, and come back as DynamoDB
 * returns them. The tests that inject are skipped on an endpoint, which cannot be told to.
 */
@ExtendWith(DynamoDbExtension.class)
class BatchTest {
  private static final Instant DAY = Instant.parse("2024-05-01T00:00:00Z");

  private final TestDynamoDb dynamo;
  private final RequestCounter requests = new RequestCounter();
  private final DynamoDbClient client;
  private final ShopTable shop;

  BatchTest(TestDynamoDb dynamo) {
    this.dynamo = dynamo;
    client = dynamo.newClient(b -> b.overrideConfiguration(c -> c.addExecutionInterceptor(requests)));
    shop = ShopTable.of(client, dynamo.uniqueTableName("Shop"));
    shop.createIfNotExists();
  }

  @AfterEach
  void close() {
    dynamo.local().ifPresent(local -> local.faults().clear());
    client.close();
  }

  /** The engine's faults, seeded so that which items are left unprocessed is the same every run. */
  private Faults faults(long seed) {
    assumeTrue(dynamo.isLocal(), "unprocessed items are injected by monotable-local; this run goes to " + dynamo);
    return dynamo.local().orElseThrow().faults().seed(seed);
  }

  private int batchCalls() {
    return requests.sent("BatchWriteItem", "BatchGetItem");
  }

  private static List<Order> orders(String user, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new Order(user, "o" + i, DAY.plusSeconds(i), OrderStatus.PAID, BigDecimal.valueOf(i)))
        .toList();
  }

  private static List<OrderRepository.Key> keys(List<Order> orders) {
    return orders.stream().map(o -> new OrderRepository.Key(o.userId(), o.orderDate(), o.orderId())).toList();
  }

  private Set<String> storedIds(String user) {
    return shop.orders().ordersOfUser(user).list().stream().map(Order::orderId).collect(Collectors.toSet());
  }

  @Test
  void unprocessedItemsForSeveralRounds_areRetried_nothingLostNothingDoubled() {
    List<Order> orders = orders("retry", 60);
    faults(1).unprocessed(0.5, 4);
    shop.orders().batchPut(orders);

    assertEquals(60, shop.orders().ordersOfUser("retry").count());
    assertEquals(orders.stream().map(Order::orderId).collect(Collectors.toSet()), storedIds("retry"));
    assertTrue(batchCalls() > 3, "60 writes are 3 chunks of 25, plus retries: " + batchCalls());
  }

  @Test
  void pastTheBound_theExceptionCarriesExactlyWhatWasNotWritten() {
    List<Order> orders = orders("bound", 30);
    // the first chunk of 25 is left unprocessed on all 8 attempts; the second chunk of 5 goes through
    faults(2).unprocessed(1.0, 8);
    BatchIncompleteException e = assertThrows(BatchIncompleteException.class, () -> shop.orders().batchPut(orders));
    assertEquals(25, e.unprocessed().size());

    Set<String> unwritten = new HashSet<>();
    for (Map<String, AttributeValue> item : e.unprocessed()) {
      unwritten.add(OrderSchema.INSTANCE.fromItem(item).orderId());
    }
    Set<String> written = storedIds("bound");
    assertTrue(!unwritten.isEmpty() && !written.isEmpty(), "some of each: " + unwritten + " / " + written);
    assertTrue(written.stream().noneMatch(unwritten::contains), "disjoint");
    Set<String> all = new HashSet<>(written);
    all.addAll(unwritten);
    assertEquals(orders.stream().map(Order::orderId).collect(Collectors.toSet()), all, "together: everything");
  }

  @Test
  void batchGet_retriesUnprocessedKeys_andAnswersInTheOrderAsked() {
    List<Order> orders = orders("get", 150);
    shop.orders().batchPut(orders);
    List<OrderRepository.Key> asked = new ArrayList<>(keys(orders));
    java.util.Collections.reverse(asked);
    asked.add(2, new OrderRepository.Key("get", DAY, "missing"));
    asked.add(asked.get(0));
    faults(3).unprocessed(0.5, 3);

    List<Optional<Order>> read = shop.orders().batchGet(asked);

    assertEquals(asked.size(), read.size());
    assertEquals(Optional.empty(), read.get(2));
    for (int i = 0; i < asked.size(); i++) {
      if (i != 2) {
        assertEquals(asked.get(i).orderId(), read.get(i).orElseThrow().orderId());
      }
    }
  }

  @Test
  void batchDelete_removesEveryKey_evenWithRetriesAndDuplicates() {
    List<Order> orders = orders("delete", 40);
    shop.orders().batchPut(orders);
    List<OrderRepository.Key> keys = new ArrayList<>(keys(orders.subList(0, 30)));
    keys.add(keys.get(0));
    faults(4).unprocessed(0.5, 2);
    shop.orders().batchDelete(keys);
    assertEquals(orders.subList(30, 40).stream().map(Order::orderId).collect(Collectors.toSet()), storedIds("delete"));
  }

  @Test
  void twoItemsWithOneKey_areRefusedBeforeSending() {
    Order order = orders("dup", 1).get(0);
    int calls = batchCalls();
    assertThrows(IllegalArgumentException.class, () -> shop.orders().batchPut(List.of(order, order)));
    assertEquals(calls, batchCalls());
  }

  @Test
  void tableBatch_mixesEntityTypes_putsAndDeletes_withRetries() {
    List<Order> orders = orders("mixed", 30);
    shop.orders().batchPut(orders.subList(0, 5));
    var batch = shop.batchWrite();
    orders.subList(5, 30).forEach(o -> batch.put(shop.orders(), o));
    orders.subList(0, 5).forEach(o -> batch.delete(shop.orders(), o));
    batch.put(shop.users(), new dev.monotable.it.shop.User("mixed", "m@example.com", "Mixed", DAY));
    faults(5).unprocessed(0.5, 3);
    batch.execute();

    assertEquals(orders.subList(5, 30).stream().map(Order::orderId).collect(Collectors.toSet()), storedIds("mixed"));
    assertTrue(shop.users().get("mixed").isPresent());
    assertThrows(IllegalStateException.class,
        () -> shop.batchWrite().put(shop.orders(), orders.get(0)).delete(shop.orders(), orders.get(0)));
  }

  @Test
  void tableBatchGet_readsSeveralEntityTypes() {
    shop.users().put(new dev.monotable.it.shop.User("reader", "r@example.com", "Reader", DAY));
    Order order = orders("reader", 1).get(0);
    shop.orders().put(order);
    var batch = shop.batchGet();
    var user = batch.get(shop.users(), dev.monotable.it.shop.UserKeys.primaryKey("reader"));
    var found = batch.get(shop.orders(), dev.monotable.it.shop.OrderKeys.primaryKey("reader", DAY, "o0"));
    var missing = batch.get(shop.orders(), dev.monotable.it.shop.OrderKeys.primaryKey("reader", DAY, "nope"));
    assertThrows(IllegalStateException.class, user::value);
    faults(6).unprocessed(1.0, 1);
    int calls = batchCalls();
    batch.execute();
    assertEquals(calls + 2, batchCalls(), "everything left unprocessed once, then read");
    assertEquals("Reader", user.value().orElseThrow().name());
    assertEquals("o0", found.value().orElseThrow().orderId());
    assertEquals(Optional.empty(), missing.value());
  }
}
