package shop;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.ConditionFailedException;
import dev.monotable.runtime.NarrowedConsistentQuery;
import dev.monotable.runtime.NarrowedQuery;
import dev.monotable.runtime.Read;
import dev.monotable.runtime.Scan;
import dev.monotable.runtime.SortKeyRange;
import dev.monotable.runtime.TextSortKeyRange;
import dev.monotable.runtime.Update;
import dev.monotable.runtime.internal.AbstractConsistentQuery;
import dev.monotable.runtime.internal.AbstractQuery;
import dev.monotable.runtime.internal.AbstractRepository;
import dev.monotable.runtime.internal.DynamoTable;
import dev.monotable.runtime.internal.KeyMaps;
import dev.monotable.runtime.internal.KeyTypes;
import dev.monotable.runtime.internal.QueryPlan;
import dev.monotable.runtime.internal.SortKeyField;
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
public final class OrderRepository extends AbstractRepository<Order> {
    /** A repository of the entity's items in {@code table}. */
    OrderRepository(DynamoTable table) {
        super(table.store(OrderSchema.INSTANCE, OrderSchema.INDEX_KEY_RULES));
    }

    /** Reads the Order keyed {@code USER#<userId> / ORDER#<orderDate>#<orderId>}, if there is one. */
    public Optional<Order> get(String userId, Instant orderDate, String orderId) {
        return store().get(OrderKeys.primaryKey(userId, orderDate, orderId));
    }

    /**
     * Reads the Order of these key fields as {@code read} says:
     * {@code Read.consistent()}, {@code Read.projecting(..)}.
     */
    public Optional<Order> get(String userId, Instant orderDate, String orderId, Read read) {
        return store().get(OrderKeys.primaryKey(userId, orderDate, orderId), read);
    }

    /** Deletes the Order of these key fields, whatever its version; an absent one is no error. */
    public void delete(String userId, Instant orderDate, String orderId) {
        store().delete(OrderKeys.primaryKey(userId, orderDate, orderId));
    }

    /**
     * Deletes the Order of these key fields if {@code condition} holds for it.
     *
     * @throws ConditionFailedException when it does not; nothing is deleted
     */
    public void delete(String userId, Instant orderDate, String orderId, Condition condition) {
        store().delete(OrderKeys.primaryKey(userId, orderDate, orderId), condition);
    }

    /**
     * An update of the existing Order of these key fields: {@code execute()} fails with
     * {@link ConditionFailedException} when there is none.
     */
    public Update<Order> update(String userId, Instant orderDate, String orderId) {
        return store().update(OrderKeys.primaryKey(userId, orderDate, orderId),
                OrderKeys.primaryKeyFields(userId, orderDate, orderId));
    }

    /** An update of the Order of these key fields that creates it (keys, type, version) when there is none. */
    public Update<Order> upsert(String userId, Instant orderDate, String orderId) {
        return store().upsert(OrderKeys.primaryKey(userId, orderDate, orderId),
                OrderKeys.primaryKeyFields(userId, orderDate, orderId));
    }

    /**
     * Reads the Order of {@code keys}, in the order asked (empty where there is none).
     *
     * @throws dev.monotable.runtime.BatchIncompleteException carrying the keys still unread
     */
    public List<Optional<Order>> batchGet(List<Key> keys) {
        return store().batchGet(primaryKeys(keys), keys);
    }

    /**
     * Reads the Order of {@code keys} as {@code read} says, in the order asked.
     *
     * @throws dev.monotable.runtime.BatchIncompleteException carrying the keys still unread
     */
    public List<Optional<Order>> batchGet(List<Key> keys, Read read) {
        return store().batchGet(primaryKeys(keys), keys, read);
    }

    /**
     * Deletes the items of {@code keys}, 25 a request.
     *
     * @throws dev.monotable.runtime.BatchIncompleteException carrying the keys still undeleted
     */
    public void batchDelete(List<Key> keys) {
        store().batchDelete(primaryKeys(keys), keys);
    }

    /**
     * Every Order in secondary index {@code index} (one of GSI1, ByStatus), by a scan of the whole index.
     *
     * @throws IllegalArgumentException for an index this entity is not in
     */
    public Scan<Order> scanIndex(String index) {
        return switch (index) {
            case "GSI1" -> store().scanIndex(AppDataTable.GSI1);
            case "ByStatus" -> store().scanIndex(AppDataTable.BY_STATUS);
            default -> throw new IllegalArgumentException(
                    "Order items are not in index " + index + ": scan one of GSI1, ByStatus");
        };
    }

    /**
     * Access pattern {@code ordersOfUser}: Order items of one partition of the table, sort key
     * {@code ORDER#<orderDate>#<orderId>}, narrowed to {@code ORDER#…}.
     */
    public OrdersOfUserQuery ordersOfUser(String userId) {
        AttributeValue partitionKey = AttributeValue.fromS(OrderKeys.partitionKey(userId));
        return new OrdersOfUserQuery(store()
                .query(AppDataTable.PRIMARY_KEY, "Order.ordersOfUser", partitionKey)
                .ownTerritory()
                .sortKeyTerritory("ORDER#")
                .plan());
    }

    /**
     * Access pattern {@code orderById}: Order items of one partition of index {@code GSI1}, sort key
     * {@code ORDER}. No {@code consistentRead()}: DynamoDB reads a global secondary index eventually
     * consistent only, so a strongly consistent read of it does not compile; for one, query the table or a
     * local index.
     */
    public NarrowedQuery<Order> orderById(String orderId) {
        AttributeValue partitionKey = AttributeValue.fromS(OrderKeys.gsi1PartitionKey(orderId));
        return store()
                .query(AppDataTable.GSI1, "Order.orderById", partitionKey)
                .exactSortKey("ORDER")
                .narrowed();
    }

    /**
     * Access pattern {@code ordersByStatus}: Order items of one partition of index {@code ByStatus}, sort
     * key attribute {@code orderDate}. The index does not hold whole items: the query reads the full items
     * by their table keys. No {@code consistentRead()}: DynamoDB reads a global secondary index eventually
     * consistent only, so a strongly consistent read of it does not compile; for one, query the table or a
     * local index.
     */
    public OrdersByStatusQuery ordersByStatus(Order.Status status) {
        AttributeValue partitionKey = OrderKeys.statusValue(status);
        return new OrdersByStatusQuery(store()
                .query(AppDataTable.BY_STATUS, "Order.ordersByStatus", partitionKey)
                .plan());
    }

    /** The key maps of {@code keys}, checked as one batch (for this repository and its async twin). */
    static List<Map<String, AttributeValue>> primaryKeys(List<Key> keys) {
        KeyMaps.checkBatch("Order", keys);
        List<Map<String, AttributeValue>> primaryKeys = new ArrayList<>(keys.size());
        for (Key key : keys) {
            primaryKeys.add(OrderKeys.primaryKey(key.userId(), key.orderDate(), key.orderId()));
        }
        return primaryKeys;
    }

    /** The primary-key fields of one Order, for batch reads and deletes. */
    public record Key(String userId, Instant orderDate, String orderId) {
    }

    /** Query builder of access pattern {@code ordersOfUser}; narrow it by {@code orderDate}. */
    public static final class OrdersOfUserQuery extends AbstractConsistentQuery<Order, OrdersOfUserQuery> {
        OrdersOfUserQuery(QueryPlan<Order> plan) {
            super(plan, OrdersOfUserQuery::new);
        }

        /** Only items whose {@code orderDate} is {@code orderDate}. */
        public WithOrderDate orderDate(Instant orderDate) {
            return new WithOrderDate(plan().fix(OrderKeys.SORT_KEY.encode("orderDate", KeyTypes.INSTANT,
                    orderDate) + "#"));
        }

        /** Only items with {@code orderDate} in a range: {@code orderDate().atLeast(..)}. */
        public SortKeyRange<Instant, NarrowedConsistentQuery<Order>> orderDate() {
            return plan().consistentRange(OrderKeys.SORT_KEY.field("orderDate", KeyTypes.INSTANT, "#"));
        }

        /** Query builder of {@code ordersOfUser} with orderDate fixed; narrow it by {@code orderId}. */
        public static final class WithOrderDate extends AbstractConsistentQuery<Order, WithOrderDate> {
            WithOrderDate(QueryPlan<Order> plan) {
                super(plan, WithOrderDate::new);
            }

            /** Only items whose {@code orderId} is {@code orderId}. */
            public NarrowedConsistentQuery<Order> orderId(String orderId) {
                return plan().fixLast(OrderKeys.SORT_KEY.encode("orderId", KeyTypes.STRING,
                        orderId)).narrowedConsistent();
            }

            /** Only items with {@code orderId} in a range: {@code orderId().beginsWith(..)}. */
            public TextSortKeyRange<NarrowedConsistentQuery<Order>> orderId() {
                return plan().consistentTextRange(OrderKeys.SORT_KEY.field("orderId", KeyTypes.STRING, ""));
            }
        }
    }

    /**
     * Query builder of access pattern {@code ordersByStatus}; narrow it by {@code orderDate}.
     * <p>No {@code consistentRead()}: DynamoDB reads a global secondary index eventually consistent only,
     * so a strongly consistent read of it does not compile; for one, query the table or a local index.
     */
    public static final class OrdersByStatusQuery extends AbstractQuery<Order, OrdersByStatusQuery> {
        OrdersByStatusQuery(QueryPlan<Order> plan) {
            super(plan, OrdersByStatusQuery::new);
        }

        /** Only items whose {@code orderDate} is {@code orderDate}. */
        public NarrowedQuery<Order> orderDate(Instant orderDate) {
            return plan().rawEqualTo(OrderKeys.orderDateValue(orderDate)).narrowed();
        }

        /** Only items with {@code orderDate} in a range: {@code orderDate().atLeast(..)}. */
        public SortKeyRange<Instant, NarrowedQuery<Order>> orderDate() {
            return plan().range(SortKeyField.raw(OrderKeys::orderDateValue));
        }
    }
}
