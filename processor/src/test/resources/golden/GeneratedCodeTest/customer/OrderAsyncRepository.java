package shop;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.ConditionFailedException;
import dev.monotable.runtime.Read;
import dev.monotable.runtime.SortKeyRange;
import dev.monotable.runtime.TextSortKeyRange;
import dev.monotable.runtime.async.AsyncNarrowedConsistentQuery;
import dev.monotable.runtime.async.AsyncNarrowedQuery;
import dev.monotable.runtime.async.AsyncScan;
import dev.monotable.runtime.async.AsyncUpdate;
import dev.monotable.runtime.internal.AbstractAsyncConsistentQuery;
import dev.monotable.runtime.internal.AbstractAsyncQuery;
import dev.monotable.runtime.internal.AbstractAsyncRepository;
import dev.monotable.runtime.internal.DynamoTable;
import dev.monotable.runtime.internal.KeyTypes;
import dev.monotable.runtime.internal.QueryPlan;
import dev.monotable.runtime.internal.SortKeyField;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads and writes {@link Order} items, keyed {@code USER#<userId> / ORDER#<orderDate>#<orderId>},
 * through the SDK's async client: the async twin of {@link OrderRepository}, each read and write
 * a future.
 * Get one from {@code AppDataTable.async(dynamoDbAsyncClient).orders()}.
 */
@Generated("dev.monotable.processor.MonotableProcessor")
public final class OrderAsyncRepository extends AbstractAsyncRepository<Order> {
    /** A repository of the entity's items in {@code table}. */
    OrderAsyncRepository(DynamoTable table) {
        super(table.store(OrderSchema.INSTANCE, OrderSchema.INDEX_KEY_RULES));
    }

    /** Reads the Order keyed {@code USER#<userId> / ORDER#<orderDate>#<orderId>}, if there is one. */
    public CompletableFuture<Optional<Order>> get(String userId, Instant orderDate,
            String orderId) {
        return store().get(OrderKeys.primaryKey(userId, orderDate, orderId));
    }

    /**
     * Reads the Order of these key fields as {@code read} says:
     * {@code Read.consistent()}, {@code Read.projecting(..)}.
     */
    public CompletableFuture<Optional<Order>> get(String userId, Instant orderDate, String orderId,
            Read read) {
        return store().get(OrderKeys.primaryKey(userId, orderDate, orderId), read);
    }

    /** Deletes the Order of these key fields, whatever its version; an absent one is no error. */
    public CompletableFuture<Void> delete(String userId, Instant orderDate, String orderId) {
        return store().delete(OrderKeys.primaryKey(userId, orderDate, orderId));
    }

    /**
     * Deletes the Order of these key fields if {@code condition} holds for it.
     *
     * @throws ConditionFailedException when it does not; nothing is deleted
     */
    public CompletableFuture<Void> delete(String userId, Instant orderDate, String orderId,
            Condition condition) {
        return store().delete(OrderKeys.primaryKey(userId, orderDate, orderId), condition);
    }

    /**
     * An update of the existing Order of these key fields: {@code execute()} fails with
     * {@link ConditionFailedException} when there is none.
     */
    public AsyncUpdate<Order> update(String userId, Instant orderDate, String orderId) {
        return store().update(OrderKeys.primaryKey(userId, orderDate, orderId),
                OrderKeys.primaryKeyFields(userId, orderDate, orderId));
    }

    /** An update of the Order of these key fields that creates it (keys, type, version) when there is none. */
    public AsyncUpdate<Order> upsert(String userId, Instant orderDate, String orderId) {
        return store().upsert(OrderKeys.primaryKey(userId, orderDate, orderId),
                OrderKeys.primaryKeyFields(userId, orderDate, orderId));
    }

    /**
     * Reads the Order of {@code keys}, in the order asked (empty where there is none).
     *
     * @throws dev.monotable.runtime.BatchIncompleteException carrying the keys still unread
     */
    public CompletableFuture<List<Optional<Order>>> batchGet(List<OrderRepository.Key> keys) {
        return store().batchGet(OrderRepository.primaryKeys(keys), keys);
    }

    /**
     * Reads the Order of {@code keys} as {@code read} says, in the order asked.
     *
     * @throws dev.monotable.runtime.BatchIncompleteException carrying the keys still unread
     */
    public CompletableFuture<List<Optional<Order>>> batchGet(List<OrderRepository.Key> keys,
            Read read) {
        return store().batchGet(OrderRepository.primaryKeys(keys), keys, read);
    }

    /**
     * Deletes the items of {@code keys}, 25 a request.
     *
     * @throws dev.monotable.runtime.BatchIncompleteException carrying the keys still undeleted
     */
    public CompletableFuture<Void> batchDelete(List<OrderRepository.Key> keys) {
        return store().batchDelete(OrderRepository.primaryKeys(keys), keys);
    }

    /**
     * Every Order in secondary index {@code index} (one of GSI1, ByStatus), by a scan of the whole index.
     *
     * @throws IllegalArgumentException for an index this entity is not in
     */
    public AsyncScan<Order> scanIndex(String index) {
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
    public AsyncNarrowedQuery<Order> orderById(String orderId) {
        AttributeValue partitionKey = AttributeValue.fromS(OrderKeys.gsi1PartitionKey(orderId));
        return store()
                .query(AppDataTable.GSI1, "Order.orderById", partitionKey)
                .exactSortKey("ORDER")
                .asyncNarrowed();
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

    /** Query builder of access pattern {@code ordersOfUser}; narrow it by {@code orderDate}. */
    public static final class OrdersOfUserQuery extends AbstractAsyncConsistentQuery<Order, OrdersOfUserQuery> {
        OrdersOfUserQuery(QueryPlan<Order> plan) {
            super(plan, OrdersOfUserQuery::new);
        }

        /** Only items whose {@code orderDate} is {@code orderDate}. */
        public WithOrderDate orderDate(Instant orderDate) {
            return new WithOrderDate(plan().fix(OrderKeys.SORT_KEY.encode("orderDate", KeyTypes.INSTANT,
                    orderDate) + "#"));
        }

        /** Only items with {@code orderDate} in a range: {@code orderDate().atLeast(..)}. */
        public SortKeyRange<Instant, AsyncNarrowedConsistentQuery<Order>> orderDate() {
            return plan().asyncConsistentRange(OrderKeys.SORT_KEY.field("orderDate", KeyTypes.INSTANT, "#"));
        }

        /** Query builder of {@code ordersOfUser} with orderDate fixed; narrow it by {@code orderId}. */
        public static final class WithOrderDate extends AbstractAsyncConsistentQuery<Order, WithOrderDate> {
            WithOrderDate(QueryPlan<Order> plan) {
                super(plan, WithOrderDate::new);
            }

            /** Only items whose {@code orderId} is {@code orderId}. */
            public AsyncNarrowedConsistentQuery<Order> orderId(String orderId) {
                return plan().fixLast(OrderKeys.SORT_KEY.encode("orderId", KeyTypes.STRING,
                        orderId)).asyncNarrowedConsistent();
            }

            /** Only items with {@code orderId} in a range: {@code orderId().beginsWith(..)}. */
            public TextSortKeyRange<AsyncNarrowedConsistentQuery<Order>> orderId() {
                return plan().asyncConsistentTextRange(OrderKeys.SORT_KEY.field("orderId", KeyTypes.STRING, ""));
            }
        }
    }

    /**
     * Query builder of access pattern {@code ordersByStatus}; narrow it by {@code orderDate}.
     * <p>No {@code consistentRead()}: DynamoDB reads a global secondary index eventually consistent only,
     * so a strongly consistent read of it does not compile; for one, query the table or a local index.
     */
    public static final class OrdersByStatusQuery extends AbstractAsyncQuery<Order, OrdersByStatusQuery> {
        OrdersByStatusQuery(QueryPlan<Order> plan) {
            super(plan, OrdersByStatusQuery::new);
        }

        /** Only items whose {@code orderDate} is {@code orderDate}. */
        public AsyncNarrowedQuery<Order> orderDate(Instant orderDate) {
            return plan().rawEqualTo(OrderKeys.orderDateValue(orderDate)).asyncNarrowed();
        }

        /** Only items with {@code orderDate} in a range: {@code orderDate().atLeast(..)}. */
        public SortKeyRange<Instant, AsyncNarrowedQuery<Order>> orderDate() {
            return plan().asyncRange(SortKeyField.raw(OrderKeys::orderDateValue));
        }
    }
}
