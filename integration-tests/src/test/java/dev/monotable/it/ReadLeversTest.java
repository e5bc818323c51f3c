package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.monotable.it.shop.Order;
import dev.monotable.it.shop.OrderFields;
import dev.monotable.it.shop.OrderKeys;
import dev.monotable.it.shop.OrderNote;
import dev.monotable.it.shop.OrderRepository;
import dev.monotable.it.shop.OrderStatus;
import dev.monotable.it.shop.Product;
import dev.monotable.it.shop.ProductKeys;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.it.shop.User;
import dev.monotable.it.shop.UserFields;
import dev.monotable.it.shop.UserKeys;
import dev.monotable.runtime.InvalidCursorException;
import dev.monotable.runtime.MappingException;
import dev.monotable.runtime.Page;
import dev.monotable.runtime.ParallelScan;
import dev.monotable.runtime.Read;
import dev.monotable.runtime.TransactionFailedException;
import dev.monotable.runtime.TransactionRead;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;

/**
 * The read-cost levers, through generated code: consistent and projected gets, batch gets and
 * scans; parallel and index scans; read transactions; item collections by the page and narrowed to
 * one member. Requests are observed on the wire by an interceptor of the client.
 */
@ExtendWith(DynamoDbExtension.class)
@SuppressWarnings("monotable.scan")
class ReadLeversTest {
  private static final Instant DAY = Instant.parse("2024-05-01T00:00:00Z");

  /** Every request the client sends, as the SDK sends it. */
  private static final class Recorder implements ExecutionInterceptor {
    final List<SdkRequest> requests = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      requests.add(context.request());
    }

    <R extends SdkRequest> List<R> of(Class<R> type) {
      return requests.stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  /** Answers the next TransactGetItems, once armed, as DynamoDB does a cancelled one. */
  private static final class CancelNextReadTransaction implements ExecutionInterceptor {
    final AtomicBoolean armed = new AtomicBoolean();
    private final Set<ExecutionAttributes> cancelling = ConcurrentHashMap.newKeySet();

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
      if ("TransactGetItems".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
          && armed.compareAndSet(true, false)) {
        cancelling.add(attributes);
        return context.httpResponse().toBuilder().statusCode(400).build();
      }
      return context.httpResponse();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
        ExecutionAttributes attributes) {
      if (cancelling.remove(attributes)) {
        String body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#TransactionCanceledException\","
            + "\"Message\":\"Transaction cancelled [None, TransactionConflict]\","
            + "\"CancellationReasons\":[{\"Code\":\"None\"},{\"Code\":\"TransactionConflict\","
            + "\"Message\":\"Transaction is ongoing for the item\"}]}";
        return Optional.of(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
      }
      return context.responseBody();
    }
  }

  private final Recorder recorder = new Recorder();
  private final CancelNextReadTransaction cancel = new CancelNextReadTransaction();
  private DynamoDbClient client;
  private ShopTable shop;
  private User ada;
  private final List<Order> adasOrders = new ArrayList<>();

  @BeforeEach
  void createTable(TestDynamoDb dynamo) {
    client = dynamo.newClient(b -> b.overrideConfiguration(c -> c.addExecutionInterceptor(recorder)
        .addExecutionInterceptor(cancel)));
    shop = ShopTable.of(client, dynamo.uniqueTableName("Shop"));
    shop.createIfNotExists();
    ada = new User("ada", "ada@example.com", "Ada", DAY);
    shop.users().put(ada);
    for (int i = 0; i < 7; i++) {
      Order order = new Order("ada", "o" + i, DAY.plusSeconds(3600L * i),
          i % 2 == 0 ? OrderStatus.PAID : OrderStatus.SHIPPED, new BigDecimal(10 + i));
      adasOrders.add(order);
      shop.orders().put(order);
    }
    // in ada's partition, inside the orders' territory, but no member of the collection
    shop.orderNotes().put(new OrderNote("ada", DAY, "o0", "n1", "gift wrap"));
    shop.users().put(new User("bob", "bob@example.com", "Bob", DAY));
    shop.orders().put(new Order("bob", "b1", DAY, OrderStatus.PAID, BigDecimal.ONE));
    recorder.requests.clear();
  }

  @AfterEach
  void closeClient() {
    client.close();
  }

  private Order order(int i) {
    return adasOrders.get(i);
  }

  // ---- 1. consistent and projected gets, batch gets and scans

  @Test
  void get_consistent_setsConsistentReadOnTheWire_andReadsTheWholeItem() {
    Order first = order(0);
    assertEquals(Optional.of(first), shop.orders().get("ada", first.orderDate(), "o0", Read.consistent()));
    assertEquals(Optional.of(first), shop.orders().get("ada", first.orderDate(), "o0"));

    List<GetItemRequest> gets = recorder.of(GetItemRequest.class);
    assertEquals(2, gets.size());
    assertEquals(Boolean.TRUE, gets.get(0).consistentRead());
    assertNull(gets.get(0).projectionExpression());
    assertNull(gets.get(1).consistentRead(), "a plain get stays eventually consistent");
  }

  @Test
  void get_projecting_readsOnlyTheAskedFields_plusKeysAndType() {
    Order first = order(0);
    Order read = shop.orders().get("ada", first.orderDate(), "o0", Read.projecting(OrderFields.STATUS))
        .orElseThrow();
    assertEquals(OrderStatus.PAID, read.status());
    assertNull(read.total(), "total was not asked for");
    assertEquals("o0", read.orderId(), "a key field is always read: no entity is read with a null key field");

    GetItemRequest get = recorder.of(GetItemRequest.class).get(0);
    assertNull(get.consistentRead());
    assertEquals(Set.of("status", "PK", "SK", "_type", "userId", "orderDate", "orderId"),
        Set.copyOf(get.expressionAttributeNames().values()));

    User user = shop.users().get("ada", Read.consistent().withProjection(UserFields.NAME)).orElseThrow();
    assertEquals(new User("ada", null, "Ada", null), user);
    GetItemRequest consistentProjected = recorder.of(GetItemRequest.class).get(1);
    assertEquals(Boolean.TRUE, consistentProjected.consistentRead());
    assertTrue(consistentProjected.projectionExpression() != null);

    assertEquals(Optional.empty(), shop.orders().get("ada", DAY.minusSeconds(1), "none", Read.consistent()));
    assertThrows(IllegalArgumentException.class, () -> Read.projecting());
  }

  @Test
  void batchGet_withRead_setsConsistentReadAndProjectionPerTable() {
    List<OrderRepository.Key> keys = List.of(new OrderRepository.Key("ada", order(1).orderDate(), "o1"),
        new OrderRepository.Key("ada", DAY.minusSeconds(5), "missing"),
        new OrderRepository.Key("ada", order(2).orderDate(), "o2"));
    List<Optional<Order>> read = shop.orders().batchGet(keys, Read.consistent().withProjection(OrderFields.TOTAL));

    assertEquals(3, read.size());
    assertEquals(new BigDecimal(11), read.get(0).orElseThrow().total());
    assertNull(read.get(0).orElseThrow().status(), "status was not asked for");
    assertEquals(Optional.empty(), read.get(1));
    assertEquals(new BigDecimal(12), read.get(2).orElseThrow().total());

    KeysAndAttributes sent = recorder.of(BatchGetItemRequest.class).get(0).requestItems().get(shop.tableName());
    assertEquals(Boolean.TRUE, sent.consistentRead());
    assertEquals(Set.of("total", "PK", "SK", "_type", "userId", "orderDate", "orderId"),
        Set.copyOf(sent.expressionAttributeNames().values()));

    assertEquals(List.of(Optional.of(order(1))), shop.orders().batchGet(List.of(keys.get(0)), Read.eventual()));
    KeysAndAttributes eventual = recorder.of(BatchGetItemRequest.class).get(1).requestItems().get(shop.tableName());
    assertFalse(eventual.consistentRead());
    assertNull(eventual.projectionExpression());
  }

  @Test
  void scan_project_readsOnlyTheAskedFields_andConsistentReadIsSent() {
    List<Order> projected = shop.orders().scanAll().project(OrderFields.TOTAL).consistentRead().list();
    assertEquals(8, projected.size());
    Set<BigDecimal> totals = new HashSet<>();
    for (Order order : projected) {
      assertNull(order.status());
      assertTrue(order.userId() != null, "a key field is always read");
      totals.add(order.total());
    }
    Set<BigDecimal> expected = new HashSet<>();
    adasOrders.forEach(o -> expected.add(o.total()));
    expected.add(BigDecimal.ONE);
    assertEquals(expected, totals);

    ScanRequest scan = recorder.of(ScanRequest.class).get(0);
    assertEquals(Boolean.TRUE, scan.consistentRead());
    assertTrue(scan.expressionAttributeNames().containsValue("total"));
    assertFalse(scan.expressionAttributeNames().containsValue("status"));
  }

  // ---- 2. parallel scans and index scans

  private List<Product> putProducts(int count) {
    List<Product> products = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Product product = new Product();
      product.setSku("SKU-" + i);
      product.setName("product " + i);
      product.setCategory(i % 3 == 0 ? "lamps" : "desks");
      product.setPriceCents(100L + i);
      product.setStock((long) i);
      shop.products().put(product);
      products.add(product);
    }
    return products;
  }

  private static Set<String> skus(List<Product> products) {
    Set<String> skus = new HashSet<>();
    products.forEach(p -> skus.add(p.getSku()));
    return skus;
  }

  @Test
  void segments_coverEveryItemExactlyOnce_eachWithItsOwnPagesAndCursors() {
    Set<String> expected = skus(putProducts(60));
    ParallelScan<Product> scan = shop.products().scanAll().segments(4);

    List<String> seen = new ArrayList<>();
    int nonEmpty = 0;
    for (int i = 0; i < 4; i++) {
      List<Product> segment = scan.segment(i).list();
      segment.forEach(p -> seen.add(p.getSku()));
      nonEmpty += segment.isEmpty() ? 0 : 1;
    }
    assertEquals(60, seen.size(), "no item is read by two segments");
    assertEquals(expected, Set.copyOf(seen));
    assertTrue(nonEmpty >= 2, "the items are spread over the segments: " + nonEmpty);

    List<ScanRequest> sent = recorder.of(ScanRequest.class);
    assertEquals(Set.of(0, 1, 2, 3), Set.copyOf(sent.stream().map(ScanRequest::segment).toList()));
    assertTrue(sent.stream().allMatch(r -> r.totalSegments() == 4));

    // one segment read page by page equals the segment read at once
    List<Product> whole = scan.segment(1).list();
    List<Product> paged = new ArrayList<>();
    Page<Product> page = scan.segment(1).limit(3).page();
    paged.addAll(page.items());
    while (page.cursor().isPresent()) {
      page = scan.segment(1).limit(3).after(page.cursor().get()).page();
      paged.addAll(page.items());
    }
    assertEquals(skus(whole), skus(paged));
    assertEquals(whole.size(), paged.size());

    String cursor = scan.segment(0).limit(1).page().cursor().orElseThrow();
    assertThrows(InvalidCursorException.class, () -> scan.segment(2).after(cursor));
    assertThrows(InvalidCursorException.class, () -> shop.products().scanAll().after(cursor));
    assertThrows(IllegalArgumentException.class, () -> scan.segment(4));
    assertThrows(IllegalArgumentException.class, () -> shop.products().scanAll().segments(0));
  }

  @Test
  void parallelList_andForEach_readEverySegment_onThreadsThatAreGoneAfterwards() throws Exception {
    Set<String> expected = skus(putProducts(40));
    List<Product> listed = shop.products().scanAll().segments(3).list();
    assertEquals(40, listed.size());
    assertEquals(expected, skus(listed));

    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<String> consumed = new CopyOnWriteArrayList<>();
    shop.products().scanAll().segments(3).forEach(p -> {
      consumed.add(p.getSku());
      threads.add(Thread.currentThread().getName());
    });
    assertEquals(40, consumed.size());
    assertEquals(expected, Set.copyOf(consumed));
    assertTrue(threads.stream().allMatch(name -> name.startsWith("monotable-scan-segment-")), threads.toString());
    assertNoScanThreadLeft();

    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      List<Product> onExecutor = shop.products().scanAll().filter(dev.monotable.it.shop.ProductFields.CATEGORY
          .eq("lamps")).segments(5).using(executor).list();
      assertEquals(14, onExecutor.size());
      assertFalse(executor.isShutdown(), "a given executor is the caller's to shut down");
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void parallelStream_handsOutEveryItemOnce_andClosingEarlyStopsTheSegments() throws Exception {
    Set<String> expected = skus(putProducts(300));
    List<String> streamed;
    try (Stream<Product> products = shop.products().scanAll().segments(4).parallelStream()) {
      streamed = products.map(Product::getSku).toList();
    }
    assertEquals(300, streamed.size(), "no item is handed out twice");
    assertEquals(expected, Set.copyOf(streamed));
    assertNoScanThreadLeft();

    try (Stream<Product> products = shop.products().scanAll().segments(4).parallelStream()) {
      assertEquals(5, products.limit(5).count());
    }
    assertNoScanThreadLeft();
  }

  @Test
  void parallelStream_throwsTheFailureOfASegment() throws Exception {
    putProducts(30);
    Map<String, AttributeValue> broken = new HashMap<>(ProductKeys.primaryKey("BROKEN"));
    broken.put("_type", AttributeValue.fromS("Product"));
    broken.put("stock", AttributeValue.fromS("not a number"));
    client.putItem(b -> b.tableName(shop.tableName()).item(broken));

    try (Stream<Product> products = shop.products().scanAll().segments(3).parallelStream()) {
      MappingException failure = assertThrows(MappingException.class, () -> products.forEach(p -> { }));
      assertTrue(failure.getMessage().contains("stock"), failure.getMessage());
    }
    assertNoScanThreadLeft();
  }

  @Test
  void parallelScan_propagatesTheFirstFailure_andStopsEverySegment() throws Exception {
    putProducts(30);
    // an item that cannot be read as a Product: one segment fails while it decodes it
    Map<String, AttributeValue> broken = new HashMap<>(ProductKeys.primaryKey("BROKEN"));
    broken.put("_type", AttributeValue.fromS("Product"));
    broken.put("stock", AttributeValue.fromS("not a number"));
    client.putItem(b -> b.tableName(shop.tableName()).item(broken));

    MappingException failure = assertThrows(MappingException.class,
        () -> shop.products().scanAll().segments(4).list());
    assertTrue(failure.getMessage().contains("stock"), failure.getMessage());
    assertNoScanThreadLeft();

    IllegalStateException fromAction = new IllegalStateException("the export failed");
    List<String> handled = new CopyOnWriteArrayList<>();
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> shop.products().scanAll().filter(dev.monotable.it.shop.ProductFields.STOCK.ge(0L)).segments(3)
            .forEach(p -> {
              handled.add(p.getSku());
              if (p.getSku().equals("SKU-7")) {
                throw fromAction;
              }
            }));
    assertSame(fromAction, thrown);
    assertTrue(handled.contains("SKU-7"));
    assertNoScanThreadLeft();
  }

  private static void assertNoScanThreadLeft() throws InterruptedException {
    for (int i = 0; i < 100; i++) {
      boolean alive = Thread.getAllStackTraces().keySet().stream()
          .anyMatch(t -> t.getName().startsWith("monotable-scan-segment-") && t.isAlive());
      if (!alive) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("threads of a parallel scan outlived it");
  }

  @Test
  void scanIndex_readsTheIndex_andWholeItemsBehindAKeysOnlyOrIncludeIndex() {
    List<Order> all = new ArrayList<>(adasOrders);
    all.add(new Order("bob", "b1", DAY, OrderStatus.PAID, BigDecimal.ONE));
    Set<String> ids = new HashSet<>();
    all.forEach(o -> ids.add(o.orderId()));

    List<Order> fromGsi = shop.orders().scanIndex("GSI1").list();
    assertEquals(ids, Set.copyOf(fromGsi.stream().map(Order::orderId).toList()));
    assertEquals(all.size(), fromGsi.size());
    assertEquals("GSI1", recorder.of(ScanRequest.class).get(0).indexName());

    // ByStatus is KEYS_ONLY: the items are read whole, by their table keys
    List<Order> fromKeysOnly = shop.orders().scanIndex("ByStatus").list();
    assertEquals(Set.copyOf(all), Set.copyOf(fromKeysOnly));
    assertEquals(all.size(), shop.orders().scanIndex("ByStatus").count());

    // ByPrice is INCLUDE (name only): stock comes from the whole item
    List<Product> products = putProducts(6);
    List<Product> fromInclude = shop.products().scanIndex("ByPrice").list();
    assertEquals(skus(products), skus(fromInclude));
    assertTrue(fromInclude.stream().allMatch(p -> p.getStock() != null && p.getStock() >= 0));

    // LSI1 may be read consistently; a GSI may not
    assertEquals(ids, Set.copyOf(shop.orders().scanIndex("LSI1").consistentRead().list().stream()
        .map(Order::orderId).toList()));
    assertThrows(IllegalStateException.class, () -> shop.orders().scanIndex("GSI1").consistentRead());
    assertThrows(IllegalStateException.class, () -> shop.orders().scanIndex("ByStatus").project(OrderFields.TOTAL));

    IllegalArgumentException notIn = assertThrows(IllegalArgumentException.class,
        () -> shop.orders().scanIndex("ByPrice"));
    assertTrue(notIn.getMessage().contains("Order") && notIn.getMessage().contains("ByPrice"), notIn.getMessage());
  }

  // ---- 3. read transactions

  @Test
  void transactionRead_readsSeveralEntityTypesInOneRequest() {
    TransactionRead read = shop.transactionRead();
    TransactionRead.Result<User> user = read.get(shop.users(), UserKeys.primaryKey("ada"));
    TransactionRead.Result<Order> order = read.get(shop.orders(), OrderKeys.primaryKey("ada", order(3).orderDate(),
        "o3"));
    TransactionRead.Result<User> nobody = read.get(shop.users(), UserKeys.primaryKey("nobody"));
    // bob's order read through the users' repository: another type reads as empty
    TransactionRead.Result<User> wrongType = read.get(shop.users(), OrderKeys.primaryKey("bob", DAY, "b1"));
    assertThrows(IllegalStateException.class, user::value);
    read.execute();

    assertEquals(Optional.of(ada), user.value());
    assertEquals(Optional.of(order(3)), order.value());
    assertEquals(Optional.empty(), nobody.value());
    assertEquals(Optional.empty(), wrongType.value());
    assertEquals(1, recorder.of(TransactGetItemsRequest.class).size());
    assertEquals(4, recorder.of(TransactGetItemsRequest.class).get(0).transactItems().size());

    assertThrows(IllegalStateException.class, () -> read.get(shop.users(), UserKeys.primaryKey("ada")),
        "one item twice in a transaction is refused");
  }

  @Test
  void transactionRead_refusesThe101stGet_beforeSending() {
    TransactionRead read = shop.transactionRead();
    for (int i = 0; i < 100; i++) {
      read.get(shop.users(), UserKeys.primaryKey("user-" + i));
    }
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> read.get(shop.users(), UserKeys.primaryKey("user-100")));
    assertTrue(refused.getMessage().contains("100"), refused.getMessage());
    read.execute();
    assertEquals(1, recorder.requests.size(), "the 100 gets still go, in one request");
  }

  @Test
  void transactionRead_cancelled_isATransactionFailedException_withAReasonPerGet() {
    TransactionRead read = shop.transactionRead();
    TransactionRead.Result<User> user = read.get(shop.users(), UserKeys.primaryKey("ada"));
    read.get(shop.orders(), OrderKeys.primaryKey("ada", order(0).orderDate(), "o0"));
    cancel.armed.set(true);
    TransactionFailedException failed = assertThrows(TransactionFailedException.class, read::execute);
    assertEquals(List.of("None", "TransactionConflict"),
        failed.reasons().stream().map(TransactionFailedException.Reason::code).toList());
    assertFalse(failed.reasons().get(0).failed());
    assertTrue(failed.reasons().get(1).failed());
    assertThrows(IllegalStateException.class, user::value, "nothing was read");

    read.execute();
    assertEquals(Optional.of(ada), user.value());
  }

  // ---- 4. item collections by the page, and narrowed to one member

  @Test
  void collectionPages_chainWithCursors_toExactlyTheWholeRead() {
    ShopTable.Customer whole = shop.customer("ada").read();
    assertEquals(adasOrders, whole.orders());
    assertEquals(Optional.of(ada), whole.user());

    List<Order> orders = new ArrayList<>();
    List<User> users = new ArrayList<>();
    int pages = 0;
    String cursor = null;
    do {
      ShopTable.CustomerPage page = shop.customer("ada").page(3, cursor);
      orders.addAll(page.orders());
      page.user().ifPresent(users::add);
      cursor = page.cursor().orElse(null);
      pages++;
    } while (cursor != null);
    assertEquals(whole.orders(), orders);
    assertEquals(List.of(ada), users);
    assertTrue(pages >= 3, "9 items (one of them a note) in pages of 3: " + pages);
    List<QueryRequest> sent = recorder.of(QueryRequest.class);
    assertEquals(pages + 1, sent.size());
    assertTrue(sent.stream().skip(1).allMatch(q -> q.limit() == 3), "one query of 3 items a page");

    String adaCursor = shop.customer("ada").page(2, null).cursor().orElseThrow();
    assertThrows(InvalidCursorException.class, () -> shop.customer("bob").page(2, adaCursor));
    String altered = adaCursor.substring(0, adaCursor.length() - 2) + (adaCursor.endsWith("A") ? "BB" : "AA");
    assertThrows(InvalidCursorException.class, () -> shop.customer("ada").page(2, altered));
    String queryCursor = shop.orders().ordersOfUser("ada").limit(1).page().cursor().orElseThrow();
    assertThrows(InvalidCursorException.class, () -> shop.customer("ada").page(2, queryCursor));
    assertThrows(IllegalArgumentException.class, () -> shop.customer("ada").page(0, null));
  }

  @Test
  void narrowedCollection_readsOnlyThatMember_withinItsTerritory() {
    List<Order> orders = shop.customer("ada").orders().list();
    assertEquals(adasOrders, orders, "the note in the orders' territory is filtered out by type");
    QueryRequest query = shop.customer("ada").orders().toRequest();
    assertTrue(query.keyConditionExpression().contains("begins_with"), query.keyConditionExpression());
    assertTrue(query.expressionAttributeValues().containsValue(AttributeValue.fromS("ORDER#")));

    assertEquals(Optional.of(ada), shop.customer("ada").user().first());
    assertEquals(List.of(order(6), order(5)), shop.customer("ada").orders().descending().limit(2).list());
    assertEquals(Optional.empty(), shop.customer("nobody").user().first());
    assertEquals(List.of(), shop.customer("nobody").orders().list());
  }
}
