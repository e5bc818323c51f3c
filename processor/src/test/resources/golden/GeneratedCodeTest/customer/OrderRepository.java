package shop;

import dev.monotable.runtime.AttributeCodecs;
import dev.monotable.runtime.Condition;
import dev.monotable.runtime.ConditionFailedException;
import dev.monotable.runtime.ConsistentQuery;
import dev.monotable.runtime.DynamoTable;
import dev.monotable.runtime.EntityStore;
import dev.monotable.runtime.KeyFields;
import dev.monotable.runtime.KeyMaps;
import dev.monotable.runtime.NarrowedConsistentQuery;
import dev.monotable.runtime.NarrowedQuery;
import dev.monotable.runtime.Query;
import dev.monotable.runtime.QueryState;
import dev.monotable.runtime.Repository;
import dev.monotable.runtime.Scan;
import dev.monotable.runtime.Update;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Generated;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads and writes {@link Order} items, keyed {@code USER#<userId> / ORDER#<orderDate>#<orderId>}.
 * Get one from {@code AppDataTable.orders()}.
 */
@Generated("dev.monotable.processor.MonotableProcessor")
public final class OrderRepository implements Repository<Order> {
    private final EntityStore<Order> store;

    /**
     * A repository of the entity's items in {@code table}.
     */
    public OrderRepository(DynamoTable table) {
        this.store = table.store(OrderSchema.INSTANCE);
    }

    /**
     * Writes {@code order}, replacing any item with the same key.
     */
    public void put(Order order) {
        this.store.put(order);
    }

    /**
     * Reads the Order keyed {@code USER#<userId> / ORDER#<orderDate>#<orderId>}, if there is one.
     */
    public Optional<Order> get(String userId, Instant orderDate, String orderId) {
        return this.store.get(OrderKeys.primaryKey(userId, orderDate, orderId));
    }

    /**
     * Deletes the Order keyed {@code USER#<userId> / ORDER#<orderDate>#<orderId>}, unconditionally (whatever its version); deleting an
     * absent item is not an error.
     */
    public void delete(String userId, Instant orderDate, String orderId) {
        this.store.delete(OrderKeys.primaryKey(userId, orderDate, orderId));
    }

    /**
     * Deletes the item of {@code order}.
     */
    public void delete(Order order) {
        this.store.deleteEntity(order);
    }

    @Override
    public EntityStore<Order> store() {
        return this.store;
    }

    /**
     * Writes {@code order} if {@code condition} holds for the item now stored under its key.
     *
     * @throws ConditionFailedException when it does not; nothing is written
     */
    public void put(Order order, Condition condition) {
        this.store.put(order, condition);
    }

    /**
     * Writes {@code order} only when no item has its key.
     *
     * @throws ConditionFailedException when one has; its {@code current()} is that item
     */
    public void putIfAbsent(Order order) {
        this.store.putIfAbsent(order);
    }

    /**
     * Deletes the Order keyed {@code USER#<userId> / ORDER#<orderDate>#<orderId>} if {@code condition} holds for it.
     *
     * @throws ConditionFailedException when it does not; nothing is deleted
     */
    public void delete(String userId, Instant orderDate, String orderId, Condition condition) {
        this.store.delete(OrderKeys.primaryKey(userId, orderDate, orderId), condition);
    }

    /**
     * An update of the existing Order keyed {@code USER#<userId> / ORDER#<orderDate>#<orderId>}; {@code execute()} sends it, and fails with
     * {@link ConditionFailedException} when there is none ({@link #upsert} creates it).
     */
    public Update<Order> update(String userId, Instant orderDate, String orderId) {
        return this.store.update(OrderKeys.primaryKey(userId, orderDate, orderId), KeyFields.of(OrderFields.USER_ID, userId, OrderFields.ORDER_DATE, orderDate, OrderFields.ORDER_ID, orderId));
    }

    /**
     * An update of the Order keyed {@code USER#<userId> / ORDER#<orderDate>#<orderId>} that creates it when there is none, with its key fields,
     * type attribute, index keys, initial version and creation time; {@code execute()} sends it.
     */
    public Update<Order> upsert(String userId, Instant orderDate, String orderId) {
        return this.store.upsert(OrderKeys.primaryKey(userId, orderDate, orderId), KeyFields.of(OrderFields.USER_ID, userId, OrderFields.ORDER_DATE, orderDate, OrderFields.ORDER_ID, orderId));
    }

    /**
     * Reads the Order of {@code keys} in batches of 100, in the order asked (empty where there is
     * none), retrying what DynamoDB leaves unprocessed.
     *
     * @throws dev.monotable.runtime.BatchIncompleteException carrying the keys still unread
     */
    public List<Optional<Order>> batchGet(List<Key> keys) {
        KeyMaps.checkBatch("Order", keys);
        List<Map<String, AttributeValue>> primaryKeys = new ArrayList<>(keys.size());
        for (Key key : keys) {
            primaryKeys.add(OrderKeys.primaryKey(key.userId(), key.orderDate(), key.orderId()));
        }
        return this.store.batchGet(primaryKeys);
    }

    /**
     * Writes every one of {@code entities} in batches of 25, retrying what DynamoDB leaves unprocessed.
     *
     * @throws dev.monotable.runtime.BatchIncompleteException carrying the items still unwritten
     */
    public void batchPut(List<Order> entities) {
        this.store.batchPut(entities);
    }

    /**
     * Deletes the items of {@code keys} in batches of 25, retrying what DynamoDB leaves unprocessed.
     *
     * @throws dev.monotable.runtime.BatchIncompleteException carrying the keys still undeleted
     */
    public void batchDelete(List<Key> keys) {
        KeyMaps.checkBatch("Order", keys);
        List<Map<String, AttributeValue>> primaryKeys = new ArrayList<>(keys.size());
        for (Key key : keys) {
            primaryKeys.add(OrderKeys.primaryKey(key.userId(), key.orderDate(), key.orderId()));
        }
        this.store.batchDelete(primaryKeys);
    }

    /**
     * Every Order in the table, by a scan that reads (and pays for) every item of every type.
     * Prefer an access pattern; this is for backfills, exports and small tables.
     */
    public Scan<Order> scanAll() {
        return this.store.scan();
    }

    /**
     * Access pattern {@code ordersOfUser}: Order items of one partition of the table, sort key {@code ORDER#<orderDate>#<orderId>}, narrowed to {@code ORDER#…}.
     */
    public OrdersOfUserQuery ordersOfUser(String userId) {
        return new OrdersOfUserQuery(this.store.query("Order.ordersOfUser", null, "PK", AttributeValue.fromS(OrderKeys.partitionKey(userId)), "SK")
                .sortKeyTerritory("ORDER#"));
    }

    /**
     * Access pattern {@code orderById}: Order items of one partition of index {@code GSI1}, sort key {@code ORDER}.
     */
    public NarrowedQuery<Order> orderById(String orderId) {
        return new NarrowedQuery<>(this.store.query("Order.orderById", "GSI1", "GSI1PK", AttributeValue.fromS(OrderKeys.gsi1PartitionKey(orderId)), "GSI1SK")
                .exactSortKey("ORDER"));
    }

    /**
     * Access pattern {@code ordersByStatus}: Order items of one partition of index {@code ByStatus}, sort key attribute {@code orderDate}.
     * The index does not hold whole items: the query reads the full items by their table keys.
     */
    public OrdersByStatusQuery ordersByStatus(Order.Status status) {
        return new OrdersByStatusQuery(this.store.query("Order.ordersByStatus", "ByStatus", "status", KeyMaps.value("Order", "status", AttributeCodecs.enumOf(Order.Status.class), status), "orderDate")
                .fetchFullItems("PK", "SK"));
    }

    /**
     * The primary-key fields of one Order, for batch reads and deletes.
     */
    public record Key(String userId, Instant orderDate, String orderId) {
    }

    /**
     * Query builder of access pattern {@code ordersOfUser}; narrow it by {@code orderDate}.
     */
    public static final class OrdersOfUserQuery extends ConsistentQuery<Order, OrdersOfUserQuery> {
        OrdersOfUserQuery(QueryState<Order> state) {
            super(state);
        }

        @Override
        protected OrdersOfUserQuery with(QueryState<Order> state) {
            return new OrdersOfUserQuery(state);
        }

        /**
         * Only items whose {@code orderDate} is {@code orderDate}.
         */
        public OrdersOfUserQueryWithOrderDate orderDate(Instant orderDate) {
            return new OrdersOfUserQueryWithOrderDate(this.state.fix(OrderKeys.SORT_KEY.encode("orderDate", orderDate) + "#"));
        }

        /**
         * Only items whose {@code orderDate} is below {@code orderDate}.
         */
        public NarrowedConsistentQuery<Order> orderDateLessThan(Instant orderDate) {
            return new NarrowedConsistentQuery<>(this.state.lessThan(OrderKeys.SORT_KEY.encode("orderDate", orderDate), "#"));
        }

        /**
         * Only items whose {@code orderDate} is at most {@code orderDate}.
         */
        public NarrowedConsistentQuery<Order> orderDateAtMost(Instant orderDate) {
            return new NarrowedConsistentQuery<>(this.state.atMost(OrderKeys.SORT_KEY.encode("orderDate", orderDate), "#"));
        }

        /**
         * Only items whose {@code orderDate} is above {@code orderDate}.
         */
        public NarrowedConsistentQuery<Order> orderDateGreaterThan(Instant orderDate) {
            return new NarrowedConsistentQuery<>(this.state.greaterThan(OrderKeys.SORT_KEY.encode("orderDate", orderDate), "#"));
        }

        /**
         * Only items whose {@code orderDate} is at least {@code orderDate}.
         */
        public NarrowedConsistentQuery<Order> orderDateAtLeast(Instant orderDate) {
            return new NarrowedConsistentQuery<>(this.state.atLeast(OrderKeys.SORT_KEY.encode("orderDate", orderDate), "#"));
        }

        /**
         * Only items whose {@code orderDate} is between {@code low} and {@code high}, both included.
         */
        public NarrowedConsistentQuery<Order> orderDateBetween(Instant low, Instant high) {
            return new NarrowedConsistentQuery<>(this.state.between(OrderKeys.SORT_KEY.encode("orderDate", low), OrderKeys.SORT_KEY.encode("orderDate", high), "#"));
        }
    }

    /**
     * Query builder of access pattern {@code ordersOfUser} with orderDate fixed; narrow it by {@code orderId}.
     */
    public static final class OrdersOfUserQueryWithOrderDate extends ConsistentQuery<Order, OrdersOfUserQueryWithOrderDate> {
        OrdersOfUserQueryWithOrderDate(QueryState<Order> state) {
            super(state);
        }

        @Override
        protected OrdersOfUserQueryWithOrderDate with(QueryState<Order> state) {
            return new OrdersOfUserQueryWithOrderDate(state);
        }

        /**
         * Only items whose {@code orderId} is {@code orderId}.
         */
        public NarrowedConsistentQuery<Order> orderId(String orderId) {
            return new NarrowedConsistentQuery<>(this.state.fixLast(OrderKeys.SORT_KEY.encode("orderId", orderId)));
        }

        /**
         * Only items whose {@code orderId} is below {@code orderId}.
         */
        public NarrowedConsistentQuery<Order> orderIdLessThan(String orderId) {
            return new NarrowedConsistentQuery<>(this.state.lessThan(OrderKeys.SORT_KEY.encode("orderId", orderId), ""));
        }

        /**
         * Only items whose {@code orderId} is at most {@code orderId}.
         */
        public NarrowedConsistentQuery<Order> orderIdAtMost(String orderId) {
            return new NarrowedConsistentQuery<>(this.state.atMost(OrderKeys.SORT_KEY.encode("orderId", orderId), ""));
        }

        /**
         * Only items whose {@code orderId} is above {@code orderId}.
         */
        public NarrowedConsistentQuery<Order> orderIdGreaterThan(String orderId) {
            return new NarrowedConsistentQuery<>(this.state.greaterThan(OrderKeys.SORT_KEY.encode("orderId", orderId), ""));
        }

        /**
         * Only items whose {@code orderId} is at least {@code orderId}.
         */
        public NarrowedConsistentQuery<Order> orderIdAtLeast(String orderId) {
            return new NarrowedConsistentQuery<>(this.state.atLeast(OrderKeys.SORT_KEY.encode("orderId", orderId), ""));
        }

        /**
         * Only items whose {@code orderId} is between {@code low} and {@code high}, both included.
         */
        public NarrowedConsistentQuery<Order> orderIdBetween(String low, String high) {
            return new NarrowedConsistentQuery<>(this.state.between(OrderKeys.SORT_KEY.encode("orderId", low), OrderKeys.SORT_KEY.encode("orderId", high), ""));
        }

        /**
         * Only items whose {@code orderId} begins with {@code start}.
         */
        public NarrowedConsistentQuery<Order> orderIdBeginsWith(String start) {
            return new NarrowedConsistentQuery<>(this.state.beginsWith(OrderKeys.SORT_KEY.encode("orderId", start)));
        }
    }

    /**
     * Query builder of access pattern {@code ordersByStatus}; narrow it by {@code orderDate}.
     */
    public static final class OrdersByStatusQuery extends Query<Order, OrdersByStatusQuery> {
        OrdersByStatusQuery(QueryState<Order> state) {
            super(state);
        }

        @Override
        protected OrdersByStatusQuery with(QueryState<Order> state) {
            return new OrdersByStatusQuery(state);
        }

        /**
         * Only items whose {@code orderDate} is {@code orderDate}.
         */
        public NarrowedQuery<Order> orderDate(Instant orderDate) {
            return new NarrowedQuery<>(this.state.rawEqualTo(KeyMaps.value("Order", "orderDate", AttributeCodecs.INSTANT, orderDate)));
        }

        /**
         * Only items whose {@code orderDate} is below {@code orderDate}.
         */
        public NarrowedQuery<Order> orderDateLessThan(Instant orderDate) {
            return new NarrowedQuery<>(this.state.rawCompare("<", KeyMaps.value("Order", "orderDate", AttributeCodecs.INSTANT, orderDate)));
        }

        /**
         * Only items whose {@code orderDate} is at most {@code orderDate}.
         */
        public NarrowedQuery<Order> orderDateAtMost(Instant orderDate) {
            return new NarrowedQuery<>(this.state.rawCompare("<=", KeyMaps.value("Order", "orderDate", AttributeCodecs.INSTANT, orderDate)));
        }

        /**
         * Only items whose {@code orderDate} is above {@code orderDate}.
         */
        public NarrowedQuery<Order> orderDateGreaterThan(Instant orderDate) {
            return new NarrowedQuery<>(this.state.rawCompare(">", KeyMaps.value("Order", "orderDate", AttributeCodecs.INSTANT, orderDate)));
        }

        /**
         * Only items whose {@code orderDate} is at least {@code orderDate}.
         */
        public NarrowedQuery<Order> orderDateAtLeast(Instant orderDate) {
            return new NarrowedQuery<>(this.state.rawCompare(">=", KeyMaps.value("Order", "orderDate", AttributeCodecs.INSTANT, orderDate)));
        }

        /**
         * Only items whose {@code orderDate} is between {@code low} and {@code high}, both included.
         */
        public NarrowedQuery<Order> orderDateBetween(Instant low, Instant high) {
            return new NarrowedQuery<>(this.state.rawBetween(KeyMaps.value("Order", "orderDate", AttributeCodecs.INSTANT, low), KeyMaps.value("Order", "orderDate", AttributeCodecs.INSTANT, high)));
        }
    }
}
