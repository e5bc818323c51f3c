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

/** The Shop facade over the sync {@link ShopTable}: each method calls the generated one. */
final class SyncShopOps implements ShopOps {
  private final ShopTable shop;
  private final EntityOps<Activity> activities;
  private final EntityOps<Counter> counters;
  private final EntityOps<LogEntry> logEntries;
  private final EntityOps<OrderItem> orderItems;
  private final EntityOps<OrderNote> orderNotes;
  private final EntityOps<Order> orders;
  private final EntityOps<Product> products;
  private final EntityOps<Shipment> shipments;
  private final EntityOps<Store> stores;
  private final EntityOps<User> users;

  SyncShopOps(ShopTable shop) {
    this.shop = shop;
    this.activities = new EntityOps.Sync<>(shop.activities());
    this.counters = new EntityOps.Sync<>(shop.counters());
    this.logEntries = new EntityOps.Sync<>(shop.logEntries());
    this.orderItems = new EntityOps.Sync<>(shop.orderItems());
    this.orderNotes = new EntityOps.Sync<>(shop.orderNotes());
    this.orders = new EntityOps.Sync<>(shop.orders());
    this.products = new EntityOps.Sync<>(shop.products());
    this.shipments = new EntityOps.Sync<>(shop.shipments());
    this.stores = new EntityOps.Sync<>(shop.stores());
    this.users = new EntityOps.Sync<>(shop.users());
  }

  @Override
  public Flavour flavour() {
    return Flavour.SYNC;
  }

  @Override
  public String tableName() {
    return shop.tableName();
  }

  @Override
  public boolean createIfNotExists() {
    return shop.createIfNotExists();
  }

  @Override
  public EntityOps<User> users() {
    return users;
  }

  @Override
  public EntityOps<Order> orders() {
    return orders;
  }

  @Override
  public EntityOps<OrderItem> orderItems() {
    return orderItems;
  }

  @Override
  public EntityOps<OrderNote> orderNotes() {
    return orderNotes;
  }

  @Override
  public EntityOps<Product> products() {
    return products;
  }

  @Override
  public EntityOps<Counter> counters() {
    return counters;
  }

  @Override
  public EntityOps<LogEntry> logEntries() {
    return logEntries;
  }

  @Override
  public Optional<User> getUser(String id) {
    return shop.users().get(id);
  }

  @Override
  public void deleteUser(String id, Condition condition) {
    shop.users().delete(id, condition);
  }

  @Override
  public UpdateOps<User> updateUser(String id) {
    return new UpdateOps.Sync<>(shop.users().update(id));
  }

  @Override
  public Optional<Order> getOrder(String userId, Instant orderDate, String orderId) {
    return shop.orders().get(userId, orderDate, orderId);
  }

  @Override
  public void deleteOrder(String userId, Instant orderDate, String orderId) {
    shop.orders().delete(userId, orderDate, orderId);
  }

  @Override
  public void deleteOrder(String userId, Instant orderDate, String orderId, Condition condition) {
    shop.orders().delete(userId, orderDate, orderId, condition);
  }

  @Override
  public UpdateOps<Order> updateOrder(String userId, Instant orderDate, String orderId) {
    return new UpdateOps.Sync<>(shop.orders().update(userId, orderDate, orderId));
  }

  @Override
  public List<Optional<Order>> batchGetOrders(List<OrderRepository.Key> keys) {
    return shop.orders().batchGet(keys);
  }

  @Override
  public void batchDeleteOrders(List<OrderRepository.Key> keys) {
    shop.orders().batchDelete(keys);
  }

  @Override
  public Optional<Counter> getCounter(String name) {
    return shop.counters().get(name);
  }

  @Override
  public UpdateOps<Counter> updateCounter(String name) {
    return new UpdateOps.Sync<>(shop.counters().update(name));
  }

  @Override
  public UpdateOps<Counter> upsertCounter(String name) {
    return new UpdateOps.Sync<>(shop.counters().upsert(name));
  }

  @Override
  public Optional<Product> getProduct(String sku) {
    return shop.products().get(sku);
  }

  @Override
  public UpdateOps<Product> updateProduct(String sku) {
    return new UpdateOps.Sync<>(shop.products().update(sku));
  }

  @Override
  public UpdateOps<Product> upsertProduct(String sku) {
    return new UpdateOps.Sync<>(shop.products().upsert(sku));
  }

  @Override
  public Optional<LogEntry> getLogEntry(String stream, Instant at, long seq) {
    return shop.logEntries().get(stream, at, seq);
  }

  @Override
  public UpdateOps<LogEntry> updateLogEntry(String stream, Instant at, long seq) {
    return new UpdateOps.Sync<>(shop.logEntries().update(stream, at, seq));
  }

  @Override
  public Optional<OrderItem> getOrderItem(String orderId, int lineNo) {
    return shop.orderItems().get(orderId, lineNo);
  }

  @Override
  public QueryOps<Order> ordersOfUser(String userId) {
    return QueryOps.sync(shop.orders().ordersOfUser(userId));
  }

  @Override
  public SortKeyRange<Instant, QueryOps<Order>> ordersOfUserByOrderDate(String userId) {
    return QueryOps.range(shop.orders().ordersOfUser(userId).orderDate(), QueryOps::sync);
  }

  @Override
  public TextSortKeyRange<QueryOps<Order>> ordersOfUserOnDateByOrderId(String userId, Instant orderDate) {
    return QueryOps.textRange(shop.orders().ordersOfUser(userId).orderDate(orderDate).orderId(), QueryOps::sync);
  }

  @Override
  public QueryOps<Order> orderById(String orderId) {
    return QueryOps.sync(shop.orders().orderById(orderId));
  }

  @Override
  public QueryOps<Order> ordersByStatus(OrderStatus status) {
    return QueryOps.sync(shop.orders().ordersByStatus(status));
  }

  @Override
  public SortKeyRange<Instant, QueryOps<Order>> ordersByStatusByOrderDate(OrderStatus status) {
    return QueryOps.range(shop.orders().ordersByStatus(status).orderDate(), QueryOps::sync);
  }

  @Override
  public QueryOps<Order> ordersByTotal(String userId) {
    return QueryOps.sync(shop.orders().ordersByTotal(userId));
  }

  @Override
  public SortKeyRange<BigDecimal, QueryOps<Order>> ordersByTotalByTotal(String userId) {
    return QueryOps.range(shop.orders().ordersByTotal(userId).total(), QueryOps::sync);
  }

  @Override
  public QueryOps<OrderItem> itemsOfOrder(String orderId) {
    return QueryOps.sync(shop.orderItems().itemsOfOrder(orderId));
  }

  @Override
  public SortKeyRange<Integer, QueryOps<OrderItem>> itemsOfOrderByLineNo(String orderId) {
    return QueryOps.range(shop.orderItems().itemsOfOrder(orderId).lineNo(), QueryOps::sync);
  }

  @Override
  public QueryOps<OrderItem> ordersOfProduct(String sku) {
    return QueryOps.sync(shop.orderItems().ordersOfProduct(sku));
  }

  @Override
  public QueryOps<LogEntry> entriesOfStream(String stream) {
    return QueryOps.sync(shop.logEntries().entriesOfStream(stream));
  }

  @Override
  public EntityOps<Store> stores() {
    return stores;
  }

  @Override
  public EntityOps<Shipment> shipments() {
    return shipments;
  }

  @Override
  public EntityOps<Activity> activities() {
    return activities;
  }

  @Override
  public QueryOps<Store> storesOfChain(String chain) {
    return QueryOps.sync(shop.stores().storesOfChain(chain));
  }

  @Override
  public TextSortKeyRange<QueryOps<Store>> storesOfChainInStateByCity(String chain, String country, String state) {
    return QueryOps.textRange(shop.stores().storesOfChain(chain).country(country).state(state).city(), QueryOps::sync);
  }

  @Override
  public SortKeyRange<Store.Grade, QueryOps<Store>> storesOfChainInCityByGrade(String chain, String country,
      String state, String city) {
    return QueryOps.range(shop.stores().storesOfChain(chain).country(country).state(state).city(city).grade(),
        QueryOps::sync);
  }

  @Override
  public QueryOps<Shipment> shipmentsOfCarrier(String carrier, String region) {
    return QueryOps.sync(shop.shipments().shipmentsOfCarrier(carrier, region));
  }

  @Override
  public QueryOps<Activity> activitiesOfUser(String userId) {
    return QueryOps.sync(shop.activities().activitiesOfUser(userId));
  }

  @Override
  public SortKeyRange<Instant, QueryOps<Activity>> activitiesOfUserByOccurredAt(String userId) {
    return QueryOps.range(shop.activities().activitiesOfUser(userId).occurredAt(), QueryOps::sync);
  }

  @Override
  public ScanOps<Order> scanOrdersIndex(String index) {
    return ScanOps.sync(shop.orders().scanIndex(index));
  }

  @Override
  public ShopTable.Customer readCustomer(String userId) {
    return shop.customer(userId).read();
  }

  @Override
  public ShopTable.CustomerPage customerPage(String userId, int limit, String cursor) {
    return shop.customer(userId).page(limit, cursor);
  }

  @Override
  public QueryOps<Order> customerOrders(String userId) {
    return QueryOps.sync(shop.customer(userId).orders());
  }

  @Override
  public QueryOps<User> customerUser(String userId) {
    return QueryOps.sync(shop.customer(userId).user());
  }

  @Override
  public TransactionOps transaction() {
    return new TransactionOps.Sync(shop.transaction());
  }

  @Override
  public BatchOps.ReadTransaction transactionRead() {
    return BatchOps.read(shop.transactionRead());
  }

  @Override
  public BatchOps.Write batchWrite() {
    return BatchOps.write(shop.batchWrite());
  }

  @Override
  public BatchOps.Get batchGet() {
    return BatchOps.get(shop.batchGet());
  }
}
