package dev.monotable.it.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.monotable.it.shop.Counter;
import dev.monotable.it.shop.CounterKeys;
import dev.monotable.it.shop.Order;
import dev.monotable.it.shop.OrderFields;
import dev.monotable.it.shop.OrderKeys;
import dev.monotable.it.shop.OrderRepository;
import dev.monotable.it.shop.OrderSchema;
import dev.monotable.it.shop.OrderStatus;
import dev.monotable.it.shop.Product;
import dev.monotable.it.shop.ProductFields;
import dev.monotable.it.shop.User;
import dev.monotable.it.shop.UserFields;
import dev.monotable.it.shop.UserKeys;
import dev.monotable.local.Faults;
import dev.monotable.runtime.BatchIncompleteException;
import dev.monotable.runtime.CapacityEvent;
import dev.monotable.runtime.ConditionFailedException;
import dev.monotable.runtime.IdempotencyTokenReusedException;
import dev.monotable.runtime.TableBatchGet;
import dev.monotable.runtime.TableOptions;
import dev.monotable.runtime.TransactionFailedException;
import dev.monotable.runtime.TransactionRead;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;

/**
 * Multi-item requests of the Shop design, for both flavours: repository batches past DynamoDB's
 * chunk sizes, unprocessed items injected by the engine ({@link Faults}), table batches, write and
 * read transactions, and the capacity each reports (BatchTest, TransactionTest, IdempotencyTokenTest,
 * CapacityTest). Each scenario gets a table of its own.
 */
@ExtendWith(DynamoDbExtension.class)
class ShopBatchContractTest {
  private static final Instant DAY = Instant.parse("2024-05-01T00:00:00Z");

  private final TestDynamoDb dynamo;
  private final String tableName;

  ShopBatchContractTest(TestDynamoDb dynamo) {
    this.dynamo = dynamo;
    this.tableName = dynamo.uniqueTableName("Shop");
  }

  @AfterEach
  void clearFaults() {
    dynamo.local().ifPresent(local -> local.faults().clear());
  }

  private ShopOps shop(Flavour flavour) {
    ShopOps shop = flavour.shop(dynamo, tableName);
    shop.createIfNotExists();
    return shop;
  }

  /** The engine's faults, seeded so that which items are left unprocessed is the same every run. */
  private Faults faults(long seed) {
    assumeTrue(dynamo.isLocal(), "unprocessed items are injected by monotable-local; this run goes to " + dynamo);
    return dynamo.local().orElseThrow().faults().seed(seed);
  }

  private static List<Order> orders(String user, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new Order(user, "o" + i, DAY.plusSeconds(i), OrderStatus.PAID, BigDecimal.valueOf(i)))
        .toList();
  }

  private static List<OrderRepository.Key> keys(List<Order> orders) {
    return orders.stream().map(o -> new OrderRepository.Key(o.userId(), o.orderDate(), o.orderId())).toList();
  }

  private static Set<String> ids(List<Order> orders) {
    return orders.stream().map(Order::orderId).collect(Collectors.toSet());
  }

  private static Set<String> storedIds(ShopOps shop, String user) {
    return ids(shop.ordersOfUser(user).list());
  }

  private static Product lamp(long stock) {
    Product lamp = new Product();
    lamp.setSku("LAMP");
    lamp.setName("Lamp");
    lamp.setStock(stock);
    return lamp;
  }

  @ContractTest
  void batchPutOf60_andBatchGetOf150Keys_answerInTheOrderAsked_withMissingAndRepeatedKeys(Flavour flavour) {
    ShopOps shop = shop(flavour);
    List<Order> orders = orders("get", 150);
    shop.orders().batchPut(orders.subList(0, 60));
    shop.orders().batchPut(orders.subList(60, 150));
    assertEquals(150, shop.ordersOfUser("get").count());

    List<OrderRepository.Key> asked = new ArrayList<>(keys(orders));
    Collections.reverse(asked);
    asked.add(2, new OrderRepository.Key("get", DAY, "missing"));
    asked.add(asked.get(0));
    List<Optional<Order>> read = shop.batchGetOrders(asked);

    assertEquals(asked.size(), read.size());
    assertEquals(Optional.empty(), read.get(2));
    for (int i = 0; i < asked.size(); i++) {
      if (i != 2) {
        assertEquals(asked.get(i).orderId(), read.get(i).orElseThrow().orderId(), "position " + i);
      }
    }
  }

  @ContractTest
  void batchDeleteOf30KeysAndARepeat_removesExactlyThoseKeys(Flavour flavour) {
    ShopOps shop = shop(flavour);
    List<Order> orders = orders("delete", 40);
    shop.orders().batchPut(orders);
    List<OrderRepository.Key> keys = new ArrayList<>(keys(orders.subList(0, 30)));
    keys.add(keys.get(0));
    shop.batchDeleteOrders(keys);
    assertEquals(ids(orders.subList(30, 40)), storedIds(shop, "delete"));
  }

  @ContractTest
  void batchPut_ofTwoItemsWithOneKey_isRefusedBeforeSending(Flavour flavour) {
    ShopOps shop = shop(flavour);
    Order order = orders("dup", 1).get(0);
    assertThrows(IllegalArgumentException.class, () -> shop.orders().batchPut(List.of(order, order)));
    assertEquals(0, shop.ordersOfUser("dup").count());
  }

  @ContractTest
  void unprocessedWritesForSeveralRounds_areRetried_nothingLostNothingDoubled(Flavour flavour) {
    ShopOps shop = shop(flavour);
    List<Order> orders = orders("retry", 60);
    faults(1).unprocessed(0.5, 4);
    shop.orders().batchPut(orders);
    dynamo.local().orElseThrow().faults().clear();
    assertEquals(60, shop.ordersOfUser("retry").count());
    assertEquals(ids(orders), storedIds(shop, "retry"));
  }

  @ContractTest
  void unprocessedWritesPastTheRetryBound_areBatchIncomplete_carryingExactlyWhatWasNotWritten(Flavour flavour) {
    ShopOps shop = shop(flavour);
    List<Order> orders = orders("bound", 30);
    faults(2).unprocessed(1.0, 8);
    BatchIncompleteException e = assertThrows(BatchIncompleteException.class, () -> shop.orders().batchPut(orders));
    dynamo.local().orElseThrow().faults().clear();
    assertEquals(25, e.unprocessed().size());
    Set<String> unwritten = new HashSet<>();
    for (Map<String, AttributeValue> item : e.unprocessed()) {
      unwritten.add(OrderSchema.INSTANCE.fromItem(item).orderId());
    }
    assertEquals(unwritten, ids(e.unprocessed(Order.class)), "the typed view names the same orders");
    Set<String> written = storedIds(shop, "bound");
    assertEquals(5, written.size());
    assertTrue(written.stream().noneMatch(unwritten::contains), "disjoint");
    Set<String> all = new HashSet<>(written);
    all.addAll(unwritten);
    assertEquals(ids(orders), all, "together: everything");
  }

  @ContractTest
  void unprocessedKeysOfABatchGet_areRetried_andTheAnswerKeepsTheOrderAsked(Flavour flavour) {
    ShopOps shop = shop(flavour);
    List<Order> orders = orders("get", 120);
    shop.orders().batchPut(orders);
    faults(3).unprocessed(0.5, 3);
    List<Optional<Order>> read = shop.batchGetOrders(keys(orders));
    assertEquals(orders.stream().map(Order::orderId).toList(),
        read.stream().map(o -> o.orElseThrow().orderId()).toList());
  }

  @ContractTest
  void unprocessedKeysOfABatchGetPastTheRetryBound_areBatchIncomplete_namingTheTypedKeys(Flavour flavour) {
    ShopOps shop = shop(flavour);
    List<Order> orders = orders("lost", 30);
    shop.orders().batchPut(orders);
    faults(7).unprocessed(1.0, 8);
    BatchIncompleteException e = assertThrows(BatchIncompleteException.class,
        () -> shop.batchGetOrders(keys(orders)));
    dynamo.local().orElseThrow().faults().clear();
    assertEquals(30, e.unprocessed().size());
    assertEquals(Set.copyOf(keys(orders)), Set.copyOf(e.unprocessed(OrderRepository.Key.class)));
  }

  @ContractTest
  void unprocessedDeletesPastTheRetryBound_areBatchIncomplete_andTheRestIsDeleted(Flavour flavour) {
    ShopOps shop = shop(flavour);
    List<Order> orders = orders("kept", 30);
    shop.orders().batchPut(orders);
    faults(8).unprocessed(1.0, 8);
    BatchIncompleteException e = assertThrows(BatchIncompleteException.class,
        () -> shop.batchDeleteOrders(keys(orders)));
    dynamo.local().orElseThrow().faults().clear();
    List<OrderRepository.Key> left = e.unprocessed(OrderRepository.Key.class);
    assertEquals(25, left.size(), "the first chunk of 25 stayed unprocessed; the second went through");
    assertEquals(left.stream().map(OrderRepository.Key::orderId).collect(Collectors.toSet()), storedIds(shop, "kept"));
  }

  @ContractTest
  void aTableBatchPastTheRetryBound_isBatchIncomplete(Flavour flavour) {
    ShopOps shop = shop(flavour);
    BatchOps.Write batch = shop.batchWrite();
    orders("table", 3).forEach(o -> batch.put(shop.orders(), o));
    faults(9).unprocessed(1.0, 8);
    BatchIncompleteException e = assertThrows(BatchIncompleteException.class, batch::execute);
    dynamo.local().orElseThrow().faults().clear();
    assertEquals(3, e.unprocessed().size());
    assertEquals(0, shop.ordersOfUser("table").count());
  }

  @ContractTest
  void tableBatchWrite_mixesEntityTypesPutsAndDeletes_throughUnprocessedRetries(Flavour flavour) {
    ShopOps shop = shop(flavour);
    List<Order> orders = orders("mixed", 30);
    shop.orders().batchPut(orders.subList(0, 5));
    BatchOps.Write batch = shop.batchWrite();
    orders.subList(5, 30).forEach(o -> batch.put(shop.orders(), o));
    orders.subList(0, 5).forEach(o -> batch.delete(shop.orders(), o));
    batch.put(shop.users(), new User("mixed", "m@example.com", "Mixed", DAY));
    faults(5).unprocessed(0.5, 3);
    batch.execute();
    dynamo.local().orElseThrow().faults().clear();

    assertEquals(ids(orders.subList(5, 30)), storedIds(shop, "mixed"));
    assertTrue(shop.getUser("mixed").isPresent());
    assertThrows(IllegalStateException.class,
        () -> shop.batchWrite().put(shop.orders(), orders.get(0)).delete(shop.orders(), orders.get(0)));
  }

  @ContractTest
  void tableBatchGet_readsSeveralEntityTypes_andAResultIsReadOnlyAfterExecute(Flavour flavour) {
    ShopOps shop = shop(flavour);
    shop.users().put(new User("reader", "r@example.com", "Reader", DAY));
    shop.orders().put(orders("reader", 1).get(0));
    BatchOps.Get batch = shop.batchGet();
    TableBatchGet.Result<User> user = batch.get(shop.users(), UserKeys.primaryKey("reader"));
    TableBatchGet.Result<Order> found = batch.get(shop.orders(), OrderKeys.primaryKey("reader", DAY, "o0"));
    TableBatchGet.Result<Order> missing = batch.get(shop.orders(), OrderKeys.primaryKey("reader", DAY, "nope"));
    assertThrows(IllegalStateException.class, user::value);
    faults(6).unprocessed(1.0, 1);
    batch.execute();
    assertEquals("Reader", user.value().orElseThrow().name());
    assertEquals("o0", found.value().orElseThrow().orderId());
    assertEquals(Optional.empty(), missing.value());
  }

  @ContractTest
  void aTransactionAcrossEntities_succeedsTogether(Flavour flavour) {
    ShopOps shop = shop(flavour);
    User ada = new User("ada", "ada@example.com", "Ada", DAY);
    shop.users().put(ada);
    shop.products().put(lamp(3));
    Order order = new Order("ada", "o1", DAY, OrderStatus.PAID, BigDecimal.TEN);

    shop.transaction()
        .put(shop.orders(), order)
        .update(shop.updateProduct("LAMP").decrement(ProductFields.STOCK).when(ProductFields.STOCK.gt(0L)))
        .conditionCheck(shop.users(), ada, UserFields.EMAIL.exists())
        .put(shop.counters(), new Counter("orders", 1, 0))
        .idempotencyToken(UUID.randomUUID().toString())  // tokens are the account's: one per run
        .execute();

    assertEquals(Optional.of(order), shop.getOrder("ada", DAY, "o1"));
    assertEquals(2L, shop.getProduct("LAMP").orElseThrow().getStock());
    assertEquals(new Counter("orders", 1, 1), shop.getCounter("orders").orElseThrow());
  }

  @ContractTest
  void aCancelledTransaction_isTransactionFailed_withAReasonPerActionAndTheCurrentItem(Flavour flavour) {
    ShopOps shop = shop(flavour);
    shop.products().put(lamp(0));
    User ada = new User("ada", "ada@example.com", "Ada", DAY);
    shop.users().put(ada);
    Order order = new Order("ada", "o2", DAY, OrderStatus.PAID, BigDecimal.TEN);

    TransactionFailedException failed = assertThrows(TransactionFailedException.class, () -> shop.transaction()
        .put(shop.orders(), order)
        .update(shop.updateProduct("LAMP").decrement(ProductFields.STOCK).when(ProductFields.STOCK.gt(0L)))
        .delete(shop.users(), ada)
        .execute());

    List<TransactionFailedException.Reason> reasons = failed.reasons();
    assertEquals(List.of("None", "ConditionalCheckFailed", "None"),
        reasons.stream().map(TransactionFailedException.Reason::code).toList());
    assertFalse(reasons.get(0).failed());
    assertEquals(0L, reasons.get(1).current(Product.class).orElseThrow().getStock());
    assertEquals(Optional.empty(), shop.getOrder("ada", DAY, "o2"), "nothing of the transaction was written");
    assertTrue(shop.getUser("ada").isPresent());
  }

  @ContractTest
  void aStaleVersionInATransaction_isTransactionFailed_withTheCurrentItem(Flavour flavour) {
    ShopOps shop = shop(flavour);
    shop.counters().put(new Counter("c", 0, 0));
    shop.counters().put(new Counter("c", 1, 1));
    TransactionFailedException failed = assertThrows(TransactionFailedException.class, () -> shop.transaction()
        .put(shop.counters(), new Counter("c", 2, 1))
        .execute());
    assertEquals("ConditionalCheckFailed", failed.reasons().get(0).code());
    assertEquals(new Counter("c", 1, 2), failed.reasons().get(0).current(Counter.class).orElseThrow());
  }

  @ContractTest
  void anIdempotencyTokenOfAnotherTransaction_isTokenReused_andWritesNothing(Flavour flavour) {
    ShopOps shop = shop(flavour);
    String token = UUID.randomUUID().toString();
    shop.transaction().put(shop.users(), new User("first", "f@example.com", "F", DAY)).idempotencyToken(token)
        .execute();
    TransactionOps other = shop.transaction().put(shop.users(), new User("second", "s@example.com", "S", DAY))
        .idempotencyToken(token);
    IdempotencyTokenReusedException reused = assertThrows(IdempotencyTokenReusedException.class, other::execute);
    assertEquals(token, reused.token());
    assertInstanceOf(IdempotentParameterMismatchException.class, reused.getCause());
    assertEquals(Optional.empty(), shop.getUser("second"));
  }

  @ContractTest
  void theSameTransactionSentTwiceWithItsToken_isCarriedOutOnce(Flavour flavour) {
    ShopOps shop = shop(flavour);
    shop.products().put(lamp(5));
    TransactionOps take = shop.transaction().update(shop.updateProduct("LAMP").decrement(ProductFields.STOCK))
        .idempotencyToken(UUID.randomUUID().toString());
    take.execute();
    take.execute();
    assertEquals(4L, shop.getProduct("LAMP").orElseThrow().getStock());
    IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
        () -> shop.transaction().idempotencyToken("x".repeat(37)));
    assertTrue(tooLong.getMessage().contains("not 37"), tooLong.getMessage());
  }

  @ContractTest
  void twoActionsOnOneItem_orMoreThan100_areRefusedBeforeSending(Flavour flavour) {
    ShopOps shop = shop(flavour);
    Order order = new Order("ada", "o3", DAY, OrderStatus.PAID, BigDecimal.TEN);
    TransactionOps twice = shop.transaction().put(shop.orders(), order);
    assertThrows(IllegalStateException.class, () -> twice.delete(shop.orders(), order));

    TransactionOps big = shop.transaction();
    for (int i = 0; i < 100; i++) {
      big.put(shop.orders(), new Order("bulk", "o" + i, DAY, OrderStatus.PAID, BigDecimal.ONE));
    }
    assertThrows(IllegalStateException.class,
        () -> big.put(shop.orders(), new Order("bulk", "o100", DAY, OrderStatus.PAID, BigDecimal.ONE)));
    big.execute();
    assertEquals(100, shop.ordersOfUser("bulk").count());
  }

  @ContractTest
  void aReadTransaction_readsSeveralEntityTypes_absentItemsEmpty(Flavour flavour) {
    ShopOps shop = shop(flavour);
    User ada = new User("ada", "ada@example.com", "Ada", DAY);
    Order order = orders("ada", 1).get(0);
    shop.users().put(ada);
    shop.orders().put(order);
    BatchOps.ReadTransaction read = shop.transactionRead();
    TransactionRead.Result<User> user = read.get(shop.users(), UserKeys.primaryKey("ada"));
    TransactionRead.Result<Order> found = read.get(shop.orders(), OrderKeys.primaryKey("ada", DAY, "o0"));
    TransactionRead.Result<Counter> absent = read.get(shop.counters(), CounterKeys.primaryKey("none"));
    read.execute();
    assertEquals(Optional.of(ada), user.value());
    assertEquals(Optional.of(order), found.value());
    assertEquals(Optional.empty(), absent.value());
  }

  /** Runs one of each kind of request, and hands back the capacity events its listener was told. */
  private List<CapacityEvent> capacityOfEachRequest(Flavour flavour, String table) {
    List<CapacityEvent> events = new CopyOnWriteArrayList<>();
    ShopOps shop = flavour.shop(dynamo, table, TableOptions.defaults().withCapacityListener(events::add));
    shop.createIfNotExists();
    List<Order> orders = orders("cap", 30);
    shop.orders().put(orders.get(0));
    shop.getOrder("cap", DAY, "o0");
    shop.getOrder("cap", DAY, "absent");
    shop.orders().batchPut(orders.subList(1, 30));
    shop.ordersOfUser("cap").list();
    shop.ordersByStatus(OrderStatus.PAID).list();
    shop.batchGetOrders(keys(orders.subList(0, 3)));
    shop.transaction().put(shop.users(), new User("cap", "c@example.com", "Cap", DAY)).execute();
    shop.updateOrder("cap", DAY, "o0").set(OrderFields.STATUS, OrderStatus.SHIPPED).execute();
    shop.deleteOrder("cap", DAY, "o1");
    shop.orders().scanAll().list();
    shop.orders().scanAll().limit(10).streamed();
    shop.ordersByStatus(OrderStatus.PAID).first();
    shop.readCustomer("cap");
    shop.customerPage("cap", 5, null);
    shop.customerOrders("cap").count();
    assertThrows(ConditionFailedException.class, () -> shop.orders().putIfAbsent(orders.get(2)));
    List<CapacityEvent> renamed = new ArrayList<>();
    for (CapacityEvent e : events) {
      renamed.add(new CapacityEvent("T", e.entity(), e.operation(), e.pattern(), e.index(), e.readUnits(),
          e.writeUnits(), e.items(), e.pages(), e.byIndex()));
    }
    return renamed;
  }

  @ContractTest
  void capacityEvents_ofEachKindOfRequest_areTheSameForBothFlavours(Flavour flavour) {
    List<CapacityEvent> mine = capacityOfEachRequest(flavour, tableName);
    List<CapacityEvent> theOthers = capacityOfEachRequest(flavour.other(), dynamo.uniqueTableName("Shop"));
    assertEquals(List.of("PutItem", "GetItem", "GetItem", "BatchWriteItem", "BatchWriteItem", "Query", "Query",
        "BatchGetItem", "BatchGetItem", "TransactWriteItems", "UpdateItem", "DeleteItem", "Scan", "Scan", "Query",
        "BatchGetItem", "Query", "Query", "Query"),
        mine.stream().map(CapacityEvent::operation).toList(), mine.toString());
    assertEquals(theOthers, mine);
    assertTrue(mine.stream().allMatch(e -> e.readUnits() + e.writeUnits() > 0), mine.toString());
  }
}
