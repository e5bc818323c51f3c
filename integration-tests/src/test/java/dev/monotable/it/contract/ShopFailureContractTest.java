package dev.monotable.it.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.monotable.it.shop.Counter;
import dev.monotable.it.shop.CounterFields;
import dev.monotable.it.shop.LogEntry;
import dev.monotable.it.shop.LogEntrySchema;
import dev.monotable.it.shop.Order;
import dev.monotable.it.shop.OrderFields;
import dev.monotable.it.shop.OrderKeys;
import dev.monotable.it.shop.OrderRepository;
import dev.monotable.it.shop.OrderStatus;
import dev.monotable.it.shop.User;
import dev.monotable.it.shop.UserKeys;
import dev.monotable.runtime.InvalidCursorException;
import dev.monotable.runtime.InvalidKeyException;
import dev.monotable.runtime.InvalidUpdateException;
import dev.monotable.runtime.ItemTooLargeException;
import dev.monotable.runtime.MappingException;
import dev.monotable.runtime.TableMismatchException;
import dev.monotable.runtime.TableOptions;
import dev.monotable.runtime.TransactionFailedException;
import dev.monotable.runtime.internal.ItemSize;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * What goes wrong, for both flavours: DynamoDB's refusals (a missing table, an item too large on
 * the way, throttling, a cancelled transaction) and the runtime's own (arguments refused before
 * anything is sent, items that cannot be read, a listener that throws) are the same exceptions
 * (ItemTooLargeTest, ThrottlingTest, CapacityTest, ShopTableTest). Requests are watched and
 * altered on the real request path by an {@link ExecutionInterceptor} on a client of the scenario's.
 */
@ExtendWith(DynamoDbExtension.class)
class ShopFailureContractTest {
  private static final Instant DAY = Instant.parse("2024-05-01T00:00:00Z");

  private final TestDynamoDb dynamo;
  private final String tableName;
  private final List<SdkAutoCloseable> clients = new ArrayList<>();

  ShopFailureContractTest(TestDynamoDb dynamo) {
    this.dynamo = dynamo;
    this.tableName = dynamo.uniqueTableName("Shop");
  }

  @AfterEach
  void close() {
    dynamo.local().ifPresent(local -> local.faults().clear());
    clients.forEach(SdkAutoCloseable::close);
  }

  private ShopOps shop(Flavour flavour) {
    ShopOps shop = flavour.shop(dynamo, tableName);
    shop.createIfNotExists();
    return shop;
  }

  private static Order order(String user, int n) {
    return new Order(user, "o" + n, DAY.plusSeconds(n), OrderStatus.PAID, BigDecimal.valueOf(n));
  }

  /**
   * Each of {@code calls} throws a {@code type}: all are tried, and every one that does not is named
   * with what it threw instead, so that one failure shows them all.
   */
  private static <E extends Throwable> List<E> assertEachThrows(Class<E> type, List<Executable> calls) {
    List<E> thrown = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      try {
        calls.get(i).execute();
        wrong.add("call " + i + ": nothing thrown");
      } catch (Throwable failure) {
        if (type.isInstance(failure)) {
          thrown.add(type.cast(failure));
        } else {
          wrong.add("call " + i + ": " + failure);
        }
      }
    }
    assertEquals(List.of(), wrong, "every call throws a " + type.getSimpleName());
    return thrown;
  }

  @ContractTest
  void aTableThatDoesNotExist_failsEveryKindOfRequestWithResourceNotFound(Flavour flavour) {
    ShopOps shop = flavour.shop(dynamo, dynamo.uniqueTableName("Missing"));
    Order order = order("ada", 1);
    List<Executable> requests = List.of(
        () -> shop.getUser("ada"),
        () -> shop.users().put(new User("ada", "a@example.com", "Ada", DAY)),
        () -> shop.users().putIfAbsent(new User("ada", "a@example.com", "Ada", DAY)),
        () -> shop.counters().put(new Counter("c", 0, 0)),
        () -> shop.deleteOrder("ada", DAY, "o1"),
        () -> shop.updateOrder("ada", DAY, "o1").set(OrderFields.STATUS, OrderStatus.SHIPPED).execute(),
        () -> shop.ordersOfUser("ada").list(),
        () -> shop.ordersOfUser("ada").page(),
        () -> shop.ordersOfUser("ada").first(),
        () -> shop.ordersOfUser("ada").count(),
        () -> shop.ordersOfUser("ada").streamed(),
        () -> shop.ordersOfUserByOrderDate("ada").greaterThan(DAY).count(),
        // an exclusive bound on the last field of a template: the count reads the items
        () -> shop.ordersByTotalByTotal("ada").greaterThan(BigDecimal.ONE).count(),
        () -> shop.ordersByStatus(OrderStatus.PAID).list(),
        () -> shop.orders().scanAll().list(),
        () -> shop.orders().scanAll().count(),
        () -> shop.orders().scanAll().segments(2).list(),
        // a scan of a KEYS_ONLY index counts by reading the whole items
        () -> shop.scanOrdersIndex("ByStatus").count(),
        () -> shop.scanOrdersIndex("ByStatus").list(),
        () -> shop.readCustomer("ada"),
        () -> shop.batchGetOrders(List.of(new OrderRepository.Key("ada", DAY, "o1"))),
        () -> shop.orders().batchPut(List.of(order)),
        () -> shop.transaction().put(shop.orders(), order).execute(),
        () -> shop.deleteOrder("ada", DAY, "o1", OrderFields.STATUS.eq(OrderStatus.PAID)),
        () -> shop.upsertCounter("c").increment(CounterFields.VALUE).execute(),
        () -> shop.ordersByStatus(OrderStatus.PAID).first(),
        () -> shop.ordersByStatus(OrderStatus.PAID).streamed(),
        () -> shop.orders().scanAll().streamed(),
        () -> shop.orders().scanAll().segments(2).forEach(),
        () -> shop.customerPage("ada", 5, null),
        () -> shop.customerOrders("ada").list(),
        () -> shop.orders().batchPut(List.of(order)),
        () -> shop.batchDeleteOrders(List.of(new OrderRepository.Key("ada", DAY, "o1"))),
        () -> shop.batchWrite().put(shop.orders(), order).execute(),
        () -> {
          BatchOps.Get batch = shop.batchGet();
          batch.get(shop.users(), UserKeys.primaryKey("ada"));
          batch.execute();
        },
        () -> {
          BatchOps.ReadTransaction read = shop.transactionRead();
          read.get(shop.users(), UserKeys.primaryKey("ada"));
          read.execute();
        });
    assertEachThrows(ResourceNotFoundException.class, requests);
  }

  @ContractTest
  void refusedArguments_areTheSameExceptions_andSendNoRequest(Flavour flavour) {
    shop(flavour);
    AtomicInteger sent = new AtomicInteger();
    ShopOps shop = flavour.shop(dynamo, tableName, new ExecutionInterceptor() {
      @Override
      public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        sent.incrementAndGet();
      }
    }, clients::add);
    String cursor = shop.entriesOfStream("s").limit(1).page().cursor().orElse("none");
    int before = sent.get();

    assertThrows(InvalidKeyException.class, () -> shop.getUser("victim#ORDER"));
    assertThrows(InvalidKeyException.class, () -> shop.users().put(new User("a#b", "x", "x", DAY)));
    assertThrows(InvalidKeyException.class, () -> shop.orders().delete(new Order("u1", null, DAY, OrderStatus.PAID,
        BigDecimal.ONE)));
    assertThrows(InvalidUpdateException.class,
        () -> shop.updateOrder("ada", DAY, "o1").set(OrderFields.ORDER_ID, "o2").execute());
    assertThrows(IllegalArgumentException.class, () -> shop.orders().batchPut(List.of(order("d", 1), order("d", 1))));
    assertThrows(IllegalStateException.class, () -> shop.counters().batchPut(List.of(new Counter("c", 0, 0))),
        "a batch cannot check versions");
    long room = ItemSize.MAX_BYTES
        - ItemSize.of(LogEntrySchema.INSTANCE.toItem(new LogEntry("big", DAY, 1, "")));
    assertThrows(ItemTooLargeException.class,
        () -> shop.logEntries().put(new LogEntry("big", DAY, 1, "a".repeat((int) room + 1))));
    assertThrows(InvalidCursorException.class, () -> shop.ordersOfUser("ada").after("not a cursor!").list());
    assertThrows(InvalidCursorException.class, () -> shop.ordersOfUser("ada").after("not a cursor!").streamed());
    assertThrows(IllegalStateException.class,
        () -> shop.transaction().put(shop.orders(), order("t", 1)).delete(shop.orders(), order("t", 1)));
    assertEquals(before, sent.get(), "nothing was sent for a refused argument");
  }

  /** Adds 410 KB to the first item each PutItem, BatchWriteItem or transaction put sends. */
  private static final class Inflating implements ExecutionInterceptor {
    private static final AttributeValue PADDING = AttributeValue.fromS("p".repeat(410_000));

    private static Map<String, AttributeValue> padded(Map<String, AttributeValue> item) {
      Map<String, AttributeValue> padded = new HashMap<>(item);
      padded.put("padding", PADDING);
      return padded;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
      if (context.request() instanceof PutItemRequest put) {
        return put.toBuilder().item(padded(put.item())).build();
      }
      if (context.request() instanceof BatchWriteItemRequest batch) {
        Map<String, List<WriteRequest>> items = new HashMap<>(batch.requestItems());
        String table = items.keySet().iterator().next();
        List<WriteRequest> writes = new ArrayList<>(items.get(table));
        writes.set(0, WriteRequest.builder().putRequest(PutRequest.builder()
            .item(padded(writes.get(0).putRequest().item())).build()).build());
        items.put(table, writes);
        return batch.toBuilder().requestItems(items).build();
      }
      if (context.request() instanceof TransactWriteItemsRequest transaction) {
        List<TransactWriteItem> actions = new ArrayList<>(transaction.transactItems());
        TransactWriteItem first = actions.get(0);
        actions.set(0, first.toBuilder().put(first.put().toBuilder().item(padded(first.put().item())).build())
            .build());
        return transaction.toBuilder().transactItems(actions).build();
      }
      return context.request();
    }
  }

  @ContractTest
  void aPutBatchPutOrTransactionPut_refusedByDynamoDbForItsSize_isItemTooLarge_andWritesNothing(Flavour flavour) {
    ShopOps plain = shop(flavour);
    ShopOps shop = flavour.shop(dynamo, tableName, new Inflating(), clients::add);

    ItemTooLargeException put = assertThrows(ItemTooLargeException.class, () -> shop.users().put(
        new User("p1", "p@example.com", "P", DAY)));
    assertEquals("User", put.entity());
    assertTrue(put.getMessage().contains("PutItem"), put.getMessage());
    ItemTooLargeException batch = assertThrows(ItemTooLargeException.class,
        () -> shop.orders().batchPut(List.of(order("b", 1), order("b", 2))));
    assertEquals("Order", batch.entity());
    assertTrue(batch.getMessage().contains("BatchWriteItem"), batch.getMessage());
    ItemTooLargeException ofTable = assertThrows(ItemTooLargeException.class,
        () -> shop.batchWrite().put(shop.orders(), order("b", 3)).execute());
    assertTrue(ofTable.getMessage().contains("BatchWriteItem"), ofTable.getMessage());
    ItemTooLargeException transaction = assertThrows(ItemTooLargeException.class, () -> shop.transaction()
        .put(shop.orders(), order("x", 1)).put(shop.orders(), order("x", 2)).execute());
    assertTrue(transaction.getMessage().contains("TransactWriteItems"), transaction.getMessage());

    assertEquals(Optional.empty(), plain.getUser("p1"));
    assertEquals(0, plain.ordersOfUser("b").count());
    assertEquals(0, plain.ordersOfUser("x").count());
  }

  @ContractTest
  void anItemThatCannotBeRead_isAMappingError_fromEveryTerminalThatReadsIt(Flavour flavour) {
    ShopOps shop = shop(flavour);
    shop.orders().put(order("ada", 1));
    Map<String, AttributeValue> broken = new HashMap<>(OrderKeys.primaryKey("ada", DAY.plusSeconds(2), "o2"));
    broken.put("_type", AttributeValue.fromS("Order"));
    broken.put("total", AttributeValue.fromS("not a number"));
    dynamo.client().putItem(b -> b.tableName(tableName).item(broken));

    List<Executable> reads = List.of(
        () -> shop.ordersOfUser("ada").list(),
        () -> shop.ordersOfUser("ada").page(),
        () -> shop.ordersOfUser("ada").descending().first(),
        () -> shop.ordersOfUser("ada").streamed(),
        // an exclusive bound on the last field of a template: the count reads the items
        () -> shop.ordersOfUserOnDateByOrderId("ada", DAY.plusSeconds(2)).greaterThan("o").count(),
        () -> shop.getOrder("ada", DAY.plusSeconds(2), "o2"),
        () -> shop.batchGetOrders(List.of(new OrderRepository.Key("ada", DAY.plusSeconds(2), "o2"))),
        () -> shop.orders().scanAll().list(),
        () -> shop.orders().scanAll().segments(2).list(),
        () -> shop.readCustomer("ada"));
    List<MappingException> thrown = assertEachThrows(MappingException.class, reads);
    assertTrue(thrown.stream().allMatch(e -> e.attribute().equals("total")), thrown.toString());
    assertEquals(Optional.of(order("ada", 1)), shop.ordersOfUser("ada").first(), "the readable item still reads");
    assertEquals(2, shop.ordersOfUser("ada").count(), "a count reads no item");
  }

  @ContractTest
  void aCapacityListenerThatThrows_failsNoRequest(Flavour flavour) {
    shop(flavour);
    ShopOps shop = flavour.shop(dynamo, tableName, TableOptions.defaults().withCapacityListener(event -> {
      throw new IllegalStateException("listener down");
    }));
    Order order = order("ada", 1);
    assertEquals(order, shop.orders().put(order));
    assertEquals(Optional.of(order), shop.getOrder("ada", DAY.plusSeconds(1), "o1"));
    assertEquals(List.of(order), shop.ordersOfUser("ada").list());
    assertEquals(List.of(order), shop.ordersByStatus(OrderStatus.PAID).list());
    assertEquals(List.of(Optional.of(order)), shop.batchGetOrders(List.of(new OrderRepository.Key("ada",
        DAY.plusSeconds(1), "o1"))));
    shop.transaction().put(shop.users(), new User("ada", "a@example.com", "Ada", DAY)).execute();
    assertTrue(shop.getUser("ada").isPresent());
  }

  @ContractTest
  void throttledRequests_areRetriedByTheSdk_andSucceed(Flavour flavour) {
    assumeTrue(dynamo.isLocal(), "throttling is injected by monotable-local");
    ShopOps shop = shop(flavour);
    var faults = dynamo.local().orElseThrow().faults();
    User ada = new User("ada", "ada@example.com", "Ada", DAY);
    faults.throttle("PutItem", 2);
    shop.users().put(ada);
    faults.throttle("GetItem", 1);
    assertEquals(Optional.of(ada), shop.getUser("ada"));
    faults.throttle("Query", 1);
    assertEquals(List.of(), shop.ordersOfUser("ada").list());
  }

  @ContractTest
  void aTransactionTheEngineCancels_isTransactionFailed_withAConflictPerAction_andWritesNothing(Flavour flavour) {
    assumeTrue(dynamo.isLocal(), "cancellations are injected by monotable-local");
    ShopOps shop = shop(flavour);
    dynamo.local().orElseThrow().faults().cancelTransactions(1);
    TransactionFailedException failed = assertThrows(TransactionFailedException.class, () -> shop.transaction()
        .put(shop.orders(), order("ada", 1)).put(shop.users(), new User("ada", "a@example.com", "Ada", DAY))
        .execute());
    assertEquals(List.of("TransactionConflict", "TransactionConflict"),
        failed.reasons().stream().map(TransactionFailedException.Reason::code).toList());
    assertEquals(Optional.empty(), shop.getUser("ada"));
    shop.transaction().put(shop.orders(), order("ada", 1)).execute();
    assertEquals(1, shop.ordersOfUser("ada").count(), "the next one goes through");
  }

  @ContractTest
  void batchWritesOfManyChunks_underThrottling_areAllWritten(Flavour flavour) {
    assumeTrue(dynamo.isLocal(), "throttling is injected by monotable-local");
    ShopOps shop = shop(flavour);
    dynamo.local().orElseThrow().faults().throttle("BatchWriteItem", 2);
    List<Order> orders = IntStream.range(0, 80).mapToObj(i -> order("many", i)).toList();
    shop.orders().batchPut(orders);
    assertEquals(80, shop.ordersOfUser("many").count());
    assertEquals(orders.stream().map(Order::orderId).sorted().toList(),
        shop.ordersOfUser("many").list().stream().map(Order::orderId).sorted().toList());
    assertEquals(Optional.empty(), shop.getUser("many"));
    assertEquals(UserKeys.partitionKey("many"), "USER#many");
  }

  @ContractTest
  void createIfNotExists_ofATableBilledOtherwise_isTableMismatch(Flavour flavour) {
    dynamo.client().createTable(b -> b.tableName(tableName)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(d -> d.attributeName("id")
            .attributeType(ScalarAttributeType.S))
        .billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L)));
    ShopOps shop = flavour.shop(dynamo, tableName);
    TableMismatchException mismatch = assertThrows(
        TableMismatchException.class, shop::createIfNotExists);
    assertTrue(mismatch.getMessage().contains(tableName), mismatch.getMessage());
  }
}
