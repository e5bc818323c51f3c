package dev.monotable.it.contract;

import dev.monotable.it.shop.Activity;
import dev.monotable.it.shop.Counter;
import dev.monotable.it.shop.LogEntry;
import dev.monotable.it.shop.Order;
import dev.monotable.it.shop.OrderItem;
import dev.monotable.it.shop.OrderNote;
import dev.monotable.it.shop.OrderRepository;
import dev.monotable.it.shop.OrderStatus;
import dev.monotable.it.shop.Product;
import dev.monotable.it.shop.Shipment;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.it.shop.Store;
import dev.monotable.it.shop.User;
import dev.monotable.runtime.Condition;
import dev.monotable.runtime.SortKeyRange;
import dev.monotable.runtime.TextSortKeyRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The Shop design in sync terms, blocking, over {@code ShopTable} ({@link SyncShopOps}) or {@code
 * ShopAsyncTable} ({@link AsyncShopOps}). Each method is one generated method: {@code getOrder(..)}
 * is {@code orders().get(..)}, {@code ordersOfUserByOrderDate(u)} is {@code ordersOfUser(u).orderDate()}.
 */
interface ShopOps {
  Flavour flavour();

  String tableName();

  boolean createIfNotExists();

  EntityOps<User> users();

  EntityOps<Order> orders();

  EntityOps<OrderItem> orderItems();

  EntityOps<OrderNote> orderNotes();

  EntityOps<Product> products();

  EntityOps<Counter> counters();

  EntityOps<LogEntry> logEntries();

  EntityOps<Store> stores();

  EntityOps<Shipment> shipments();

  EntityOps<Activity> activities();

  // ---- by key

  Optional<User> getUser(String id);

  void deleteUser(String id, Condition condition);

  UpdateOps<User> updateUser(String id);

  Optional<Order> getOrder(String userId, Instant orderDate, String orderId);

  void deleteOrder(String userId, Instant orderDate, String orderId);

  void deleteOrder(String userId, Instant orderDate, String orderId, Condition condition);

  UpdateOps<Order> updateOrder(String userId, Instant orderDate, String orderId);

  List<Optional<Order>> batchGetOrders(List<OrderRepository.Key> keys);

  void batchDeleteOrders(List<OrderRepository.Key> keys);

  Optional<Counter> getCounter(String name);

  UpdateOps<Counter> updateCounter(String name);

  UpdateOps<Counter> upsertCounter(String name);

  Optional<Product> getProduct(String sku);

  UpdateOps<Product> updateProduct(String sku);

  UpdateOps<Product> upsertProduct(String sku);

  Optional<LogEntry> getLogEntry(String stream, Instant at, long seq);

  UpdateOps<LogEntry> updateLogEntry(String stream, Instant at, long seq);

  Optional<OrderItem> getOrderItem(String orderId, int lineNo);

  // ---- access patterns

  QueryOps<Order> ordersOfUser(String userId);

  /** {@code ordersOfUser(userId).orderDate()}. */
  SortKeyRange<Instant, QueryOps<Order>> ordersOfUserByOrderDate(String userId);

  /** {@code ordersOfUser(userId).orderDate(orderDate).orderId()}. */
  TextSortKeyRange<QueryOps<Order>> ordersOfUserOnDateByOrderId(String userId, Instant orderDate);

  QueryOps<Order> orderById(String orderId);

  QueryOps<Order> ordersByStatus(OrderStatus status);

  /** {@code ordersByStatus(status).orderDate()}. */
  SortKeyRange<Instant, QueryOps<Order>> ordersByStatusByOrderDate(OrderStatus status);

  QueryOps<Order> ordersByTotal(String userId);

  /** {@code ordersByTotal(userId).total()}. */
  SortKeyRange<BigDecimal, QueryOps<Order>> ordersByTotalByTotal(String userId);

  QueryOps<OrderItem> itemsOfOrder(String orderId);

  /** {@code itemsOfOrder(orderId).lineNo()}. */
  SortKeyRange<Integer, QueryOps<OrderItem>> itemsOfOrderByLineNo(String orderId);

  QueryOps<OrderItem> ordersOfProduct(String sku);

  QueryOps<LogEntry> entriesOfStream(String stream);

  QueryOps<Store> storesOfChain(String chain);

  /** {@code storesOfChain(chain).country(country).state(state).city()}. */
  TextSortKeyRange<QueryOps<Store>> storesOfChainInStateByCity(String chain, String country, String state);

  /** {@code storesOfChain(chain).country(country).state(state).city(city).grade()}. */
  SortKeyRange<Store.Grade, QueryOps<Store>> storesOfChainInCityByGrade(String chain, String country, String state,
      String city);

  QueryOps<Shipment> shipmentsOfCarrier(String carrier, String region);

  QueryOps<Activity> activitiesOfUser(String userId);

  /** {@code activitiesOfUser(userId).occurredAt()}. */
  SortKeyRange<Instant, QueryOps<Activity>> activitiesOfUserByOccurredAt(String userId);

  /** {@code orders().scanIndex(index)}. */
  ScanOps<Order> scanOrdersIndex(String index);

  // ---- the customer item collection

  /** {@code customer(userId).read()}. */
  ShopTable.Customer readCustomer(String userId);

  /** {@code customer(userId).page(limit, cursor)}. */
  ShopTable.CustomerPage customerPage(String userId, int limit, String cursor);

  /** {@code customer(userId).orders()}. */
  QueryOps<Order> customerOrders(String userId);

  /** {@code customer(userId).user()}. */
  QueryOps<User> customerUser(String userId);

  // ---- the table's multi-item requests

  TransactionOps transaction();

  BatchOps.ReadTransaction transactionRead();

  BatchOps.Write batchWrite();

  BatchOps.Get batchGet();
}
