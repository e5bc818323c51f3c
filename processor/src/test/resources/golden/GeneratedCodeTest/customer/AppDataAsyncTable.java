package shop;

import dev.monotable.runtime.async.AsyncNarrowedConsistentQuery;
import dev.monotable.runtime.async.AsyncStreamReader;
import dev.monotable.runtime.async.AsyncTableBatch;
import dev.monotable.runtime.async.AsyncTableBatchGet;
import dev.monotable.runtime.async.AsyncTransaction;
import dev.monotable.runtime.async.AsyncTransactionRead;
import dev.monotable.runtime.internal.AsyncEntityStore;
import dev.monotable.runtime.internal.DynamoTable;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsAsyncClient;

/**
 * Table {@code AppData} through the SDK's async client: the async twin of {@link AppDataTable}, its reads and
 * writes futures. Get it from {@code AppDataTable.async(dynamoDbAsyncClient)}.
 */
@Generated("dev.monotable.processor.MonotableProcessor")
public final class AppDataAsyncTable {
    private final DynamoTable table;

    private final OrderAsyncRepository orders;

    private final UserAsyncRepository users;

    /** The table {@code table} reaches, through its async client. */
    AppDataAsyncTable(DynamoTable table) {
        this.table = table;
        this.orders = new OrderAsyncRepository(table);
        this.users = new UserAsyncRepository(table);
    }

    /** The name requests are sent to. */
    public String tableName() {
        return table.name();
    }

    /** The CreateTable request of this table, as {@link AppDataTable#createTableRequest()} gives it. */
    public CreateTableRequest createTableRequest() {
        return AppDataTable.createTableRequest(table.name());
    }

    /**
     * Creates the table unless it exists; the future completes once it is active, with true when
     * this call created it.
     */
    public CompletableFuture<Boolean> createIfNotExists() {
        return table.createIfNotExistsAsync(createTableRequest());
    }

    /** A transaction of up to 100 puts, updates, deletes and condition checks across entities. */
    public AsyncTransaction transaction() {
        return this.table.asyncTransaction();
    }

    /** A batch of reads across entities. */
    public AsyncTableBatchGet batchGet() {
        return this.table.asyncBatchGet();
    }

    /** A read of up to 100 items across entities as one snapshot ({@code TransactGetItems}). */
    public AsyncTransactionRead transactionRead() {
        return this.table.asyncTransactionRead();
    }

    /** A batch of puts and deletes across entities (not atomic: see {@link #transaction()}). */
    public AsyncTableBatch batchWrite() {
        return this.table.asyncBatchWrite();
    }

    /** The decoder of this table's stream records into typed changes, dispatched to a handler. */
    public AppDataChanges changes() {
        return new AppDataChanges();
    }

    /**
     * A reader of this table's stream from the oldest record it keeps, for local development and
     * tests; the future fails with {@code IllegalStateException} when the table has no stream.
     */
    public CompletableFuture<AsyncStreamReader> pollChanges(DynamoDbStreamsAsyncClient streams) {
        return pollChanges(streams, ShardIteratorType.TRIM_HORIZON);
    }

    /** A reader of this table's stream from {@code start}: {@code TRIM_HORIZON} or {@code LATEST}. */
    public CompletableFuture<AsyncStreamReader> pollChanges(DynamoDbStreamsAsyncClient streams,
            ShardIteratorType start) {
        return table.pollAsync(streams, start);
    }

    /**
     * Item collection {@code customer}: the items of partition {@code USER#<userId>}, of every member
     * type; {@code read()} reads them all, {@code page(limit, cursor)} a page at a time.
     */
    public CustomerCollection customer(String userId) {
        AttributeValue partition = AttributeValue.fromS(OrderKeys.partitionKey(userId));
        return new CustomerCollection(this.table, partition, this.orders, this.users);
    }

    /** The async repository of {@link Order} items. */
    public OrderAsyncRepository orders() {
        return orders;
    }

    /** The async repository of {@link User} items. */
    public UserAsyncRepository users() {
        return users;
    }

    /** Item collection {@code customer} of one partition, read through the async client. */
    public static final class CustomerCollection {
        private final DynamoTable table;

        private final AttributeValue partition;

        private final OrderAsyncRepository orders;

        private final UserAsyncRepository users;

        private CustomerCollection(DynamoTable table, AttributeValue partition,
                OrderAsyncRepository orders, UserAsyncRepository users) {
            this.table = table;
            this.partition = partition;
            this.orders = orders;
            this.users = users;
        }

        /** Every item of the partition, read page after page and decoded by type. */
        public CompletableFuture<AppDataTable.Customer> read() {
            return this.table.partitionAsync("customer", "PK", this.partition,
                    AppDataTable.CustomerCollection::collect);
        }

        /** One page, as {@link AppDataTable.CustomerCollection#page(int, String)} reads it. */
        public CompletableFuture<AppDataTable.CustomerPage> page(int limit, String cursor) {
            return this.table.partitionPageAsync("customer", "PK", this.partition, limit, cursor,
                    AppDataTable.CustomerCollection::pageOf);
        }

        /** The {@link Order} items of the partition alone. */
        public AsyncNarrowedConsistentQuery<Order> orders() {
            return AsyncEntityStore.of(this.orders)
                    .query(AppDataTable.PRIMARY_KEY, "customer.orders", this.partition)
                    .sortKeyTerritory("ORDER#")
                    .asyncNarrowedConsistent();
        }

        /** The {@link User} items of the partition alone. */
        public AsyncNarrowedConsistentQuery<User> user() {
            return AsyncEntityStore.of(this.users)
                    .query(AppDataTable.PRIMARY_KEY, "customer.user", this.partition)
                    .exactSortKey("PROFILE")
                    .asyncNarrowedConsistent();
        }
    }
}
