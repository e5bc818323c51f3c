package shop;

import dev.monotable.runtime.MonotableTable;
import dev.monotable.runtime.NarrowedConsistentQuery;
import dev.monotable.runtime.TableBatch;
import dev.monotable.runtime.TableBatchGet;
import dev.monotable.runtime.TableCheck;
import dev.monotable.runtime.TableIndex;
import dev.monotable.runtime.TableOptions;
import dev.monotable.runtime.Transaction;
import dev.monotable.runtime.TransactionRead;
import dev.monotable.runtime.internal.DynamoTable;
import dev.monotable.runtime.internal.EntityStore;
import dev.monotable.runtime.internal.TableDefinitions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Generated;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Table {@code AppData} declared by {@link AppData}: its definition and its repositories.
 * <pre>{@code
 * AppDataTable table = AppDataTable.of(dynamoDbClient);
 * table.createIfNotExists();
 * }</pre>
 * Its async twin, {@code AppDataTable.async(dynamoDbAsyncClient)}, returns futures.
 */
@Generated("dev.monotable.processor.MonotableProcessor")
public final class AppDataTable implements MonotableTable {
    /** The name given in {@code @Table}. */
    public static final String DEFAULT_NAME = "AppData";

    /** The table's primary key: partition key {@code PK}, sort key {@code SK}. */
    public static final TableIndex PRIMARY_KEY = TableIndex.primaryKey("PK", "SK",
            List.of("Order.ordersOfUser"));

    /**
     * Global index {@code GSI1}: partition key {@code GSI1PK}, sort key {@code GSI1SK},
     * projecting {@code ALL}.
     */
    public static final TableIndex GSI1 = TableIndex.global("GSI1", "GSI1PK", "GSI1SK",
            ProjectionType.ALL, List.of("Order.orderById"));

    /**
     * Global index {@code ByStatus}: partition key {@code status}, sort key {@code orderDate},
     * projecting {@code KEYS_ONLY}.
     */
    public static final TableIndex BY_STATUS = TableIndex.global("ByStatus", "status", "orderDate",
            ProjectionType.KEYS_ONLY, List.of("Order.ordersByStatus"));

    private final DynamoTable table;

    private final OrderRepository orders;

    private final UserRepository users;

    private final AppDataChanges changes;

    private AppDataTable(DynamoTable table) {
        this.table = table;
        this.orders = new OrderRepository(table);
        this.users = new UserRepository(table);
        this.changes = new AppDataChanges(table);
    }

    /** The table named {@value #DEFAULT_NAME}, reached through {@code client}. */
    public static AppDataTable of(DynamoDbClient client) {
        return of(client, DEFAULT_NAME);
    }

    /**
     * The table of this design under another name ({@code AppData-dev}, say).
     * @throws IllegalArgumentException when {@code tableName} is not a DynamoDB table name
     */
    public static AppDataTable of(DynamoDbClient client, String tableName) {
        return of(client, tableName, TableOptions.defaults());
    }

    /** The table named {@value #DEFAULT_NAME}, with {@code options}. */
    public static AppDataTable of(DynamoDbClient client, TableOptions options) {
        return of(client, DEFAULT_NAME, options);
    }

    /**
     * The table of this design under {@code tableName}, with {@code options} (a clock for tests,
     * expired items shown).
     */
    public static AppDataTable of(DynamoDbClient client, String tableName, TableOptions options) {
        return new AppDataTable(DynamoTable.of(client, tableName, options));
    }

    /** The async twin of this table, named {@value #DEFAULT_NAME}, reached through {@code client}. */
    public static AppDataAsyncTable async(DynamoDbAsyncClient client) {
        return async(client, DEFAULT_NAME);
    }

    /** The async twin of this table under {@code tableName}. */
    public static AppDataAsyncTable async(DynamoDbAsyncClient client, String tableName) {
        return async(client, tableName, TableOptions.defaults());
    }

    /** The async twin of this table, named {@value #DEFAULT_NAME}, with {@code options}. */
    public static AppDataAsyncTable async(DynamoDbAsyncClient client, TableOptions options) {
        return async(client, DEFAULT_NAME, options);
    }

    /** The async twin of this table under {@code tableName}, with {@code options}. */
    public static AppDataAsyncTable async(DynamoDbAsyncClient client, String tableName,
            TableOptions options) {
        return new AppDataAsyncTable(DynamoTable.ofAsync(client, tableName, options));
    }

    /** The name requests are sent to. */
    @Override
    public String tableName() {
        return table.name();
    }

    /**
     * The CreateTable request of this table: key schema, attribute definitions, every global and
     * local index with its projection, its stream (NEW_AND_OLD_IMAGES), on-demand billing.
     */
    @Override
    public CreateTableRequest createTableRequest() {
        return createTableRequest(table.name());
    }

    /** The CreateTable request of the design under {@code tableName}, for this class and its async twin. */
    static CreateTableRequest createTableRequest(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .keySchema(TableDefinitions.keySchema("PK", "SK"))
                .attributeDefinitions(
                        TableDefinitions.attribute("PK", ScalarAttributeType.S),
                        TableDefinitions.attribute("SK", ScalarAttributeType.S),
                        TableDefinitions.attribute("GSI1PK", ScalarAttributeType.S),
                        TableDefinitions.attribute("GSI1SK", ScalarAttributeType.S),
                        TableDefinitions.attribute("status", ScalarAttributeType.S),
                        TableDefinitions.attribute("orderDate", ScalarAttributeType.S))
                .globalSecondaryIndexes(
                        TableDefinitions.globalIndex("GSI1", "GSI1PK", "GSI1SK",
                                TableDefinitions.projection(ProjectionType.ALL)),
                        TableDefinitions.globalIndex("ByStatus", "status", "orderDate",
                                TableDefinitions.projection(ProjectionType.KEYS_ONLY)))
                .streamSpecification(TableDefinitions.stream(StreamViewType.NEW_AND_OLD_IMAGES))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build();
    }

    /**
     * Describes the table and compares it with {@link #createTableRequest()}, creating and changing
     * nothing: its status, and each way it differs from the design.
     */
    @Override
    public TableCheck check() {
        return table.check(createTableRequest());
    }

    /**
     * Creates the table as {@link #createTableRequest()} describes it unless it exists, and waits
     * until it is active. A second call is a no-op.
     *
     * @return true when this call created the table
     */
    @Override
    public boolean createIfNotExists() {
        return table.createIfNotExists(createTableRequest());
    }

    /** A transaction of up to 100 puts, updates, deletes and condition checks across entities. */
    public Transaction transaction() {
        return this.table.transaction();
    }

    /** A batch of reads across entities. */
    public TableBatchGet batchGet() {
        return this.table.batchGet();
    }

    /** A read of up to 100 items across entities as one snapshot ({@code TransactGetItems}). */
    public TransactionRead transactionRead() {
        return this.table.transactionRead();
    }

    /** A batch of puts and deletes across entities (not atomic: see {@link #transaction()}). */
    public TableBatch batchWrite() {
        return this.table.batchWrite();
    }

    /**
     * The changes of this table's stream (NEW_AND_OLD_IMAGES): records decoded to typed changes,
     * dispatched to a {@link AppDataChangeHandler}, read with a stream reader.
     */
    public AppDataChanges changes() {
        return changes;
    }

    /**
     * What carries this table's items across a change of its design: {@code backfill(Order.class)}
     * writes the index keys and type attribute that items written before the change lack,
     * {@code rekey(Order.class)} moves items stored under an earlier key template.
     */
    public AppDataMigrations migrations() {
        return new AppDataMigrations(this.table.migrations(Map.ofEntries(Map.entry(Order.class, this.orders),
                Map.entry(User.class, this.users))));
    }

    /**
     * Item collection {@code customer}: the items of partition {@code USER#<userId>}, of every member
     * type; {@code read()} reads them all, {@code page(limit, cursor)} a page at a time.
     */
    public CustomerCollection customer(String userId) {
        AttributeValue partition = AttributeValue.fromS(OrderKeys.partitionKey(userId));
        return new CustomerCollection(this.table, partition, this.orders, this.users);
    }

    /** The repository of {@link Order} items. */
    public OrderRepository orders() {
        return orders;
    }

    /** The repository of {@link User} items. */
    public UserRepository users() {
        return users;
    }

    /** Item collection {@code customer}: the items of one partition, by entity type. */
    public record Customer(List<Order> orders, Optional<User> user) {
    }

    /**
     * One page of item collection {@code customer}: its items by entity type, and the cursor of the next
     * page (empty after the last).
     */
    public record CustomerPage(List<Order> orders, Optional<User> user, Optional<String> cursor) {
    }

    /**
     * Item collection {@code customer} of one partition: read every item, a page at a time, or one member
     * type on its own.
     */
    public static final class CustomerCollection {
        private final DynamoTable table;

        private final AttributeValue partition;

        private final OrderRepository orders;

        private final UserRepository users;

        private CustomerCollection(DynamoTable table, AttributeValue partition,
                OrderRepository orders, UserRepository users) {
            this.table = table;
            this.partition = partition;
            this.orders = orders;
            this.users = users;
        }

        /**
         * Every item of the partition, read in one query (paged to its end) and decoded by type. Items of
         * other entity types are skipped.
         */
        public Customer read() {
            return collect(this.table.partition("customer", "PK", this.partition));
        }

        /**
         * One page: at most {@code limit} items of the partition in sort-key order (fewer when some are of
         * other types or expired), after the page whose cursor this is ({@code null} for the first). Cursors
         * are opaque and checked: one of another collection or partition, or an altered one, is refused with
         * {@code InvalidCursorException} before anything is sent.
         */
        public CustomerPage page(int limit, String cursor) {
            return pageOf(this.table.partitionPage("customer", "PK", this.partition, limit, cursor));
        }

        /**
         * The {@link Order} items of the partition alone: a query of sort keys beginning {@code ORDER#}, which
         * reads no other member's items.
         */
        public NarrowedConsistentQuery<Order> orders() {
            return EntityStore.of(this.orders)
                    .query(AppDataTable.PRIMARY_KEY, "customer.orders", this.partition)
                    .sortKeyTerritory("ORDER#")
                    .narrowedConsistent();
        }

        /**
         * The {@link User} items of the partition alone: a query of sort keys {@code PROFILE}, which reads no
         * other member's items.
         */
        public NarrowedConsistentQuery<User> user() {
            return EntityStore.of(this.users)
                    .query(AppDataTable.PRIMARY_KEY, "customer.user", this.partition)
                    .exactSortKey("PROFILE")
                    .narrowedConsistent();
        }

        /** The page of the items read, decoded by type (for this handle and its async twin). */
        static CustomerPage pageOf(DynamoTable.PartitionPage read) {
            Customer items = collect(read.items());
            return new CustomerPage(items.orders(), items.user(), Optional.ofNullable(read.cursor()));
        }

        /** The items read, decoded by type (for this handle and its async twin). */
        static Customer collect(List<Map<String, AttributeValue>> items) {
            List<Order> orders = new ArrayList<>();
            User user = null;
            for (Map<String, AttributeValue> item : items) {
                switch (DynamoTable.typeOf(item, "_type")) {
                    case OrderSchema.ENTITY_TYPE -> orders.add(OrderSchema.INSTANCE.fromItem(item));
                    case UserSchema.ENTITY_TYPE -> user = UserSchema.INSTANCE.fromItem(item);
                    default -> {
                        // an item of another entity type sharing the partition: not part of this collection
                    }
                }
            }
            return new Customer(orders, Optional.ofNullable(user));
        }
    }
}
