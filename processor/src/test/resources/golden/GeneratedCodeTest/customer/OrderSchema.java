package shop;

import dev.monotable.runtime.internal.AttributeCodec;
import dev.monotable.runtime.internal.AttributeCodecs;
import dev.monotable.runtime.internal.EntitySchema;
import dev.monotable.runtime.internal.IndexKeyRule;
import dev.monotable.runtime.internal.ItemReader;
import dev.monotable.runtime.internal.ItemWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Generated;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps {@link Order} to and from its items in table {@code AppData}. */
@Generated("dev.monotable.processor.MonotableProcessor")
public final class OrderSchema extends EntitySchema<Order> {
    /** The schema; it holds no state. */
    public static final OrderSchema INSTANCE = new OrderSchema();

    /** The value of the type attribute on Order items. */
    public static final String ENTITY_TYPE = "Order";

    /** The table's type attribute. */
    public static final String TYPE_ATTRIBUTE = "_type";

    /** The attribute of {@code Order.userId}. */
    public static final String USER_ID = "userId";

    /** The attribute of {@code Order.orderId}. */
    public static final String ORDER_ID = "orderId";

    /** The attribute of {@code Order.orderDate}. */
    public static final String ORDER_DATE = "orderDate";

    /** The attribute of {@code Order.status}. */
    public static final String STATUS = "status";

    /** The attribute of {@code Order.total}. */
    public static final String TOTAL = "total";

    /** The attribute of {@code Order.lines}. */
    public static final String LINES = "lines";

    static final AttributeCodec<Order.Status> STATUS_CODEC = AttributeCodecs.enumOf(Order.Status.class);

    static final AttributeCodec<List<Order.Line>> LINES_CODEC = AttributeCodecs.list(
            AttributeCodecs.document(Order_LineSchema.INSTANCE));

    /** How updates rewrite the index keys built from fields; the repository gives them to its store. */
    static final List<IndexKeyRule> INDEX_KEY_RULES = List.of(
            new IndexKeyRule("GSI1PK", List.of("orderId"), OrderSchema::gsi1PartitionKeyFrom),
            new IndexKeyRule("GSI1SK", List.of(), OrderSchema::gsi1SortKeyFrom));

    private OrderSchema() {
        super(ENTITY_TYPE, TYPE_ATTRIBUTE, List.of("PK", "SK"), Set.of("orderDate", "orderId",
                "userId"));
    }

    /** Index key {@code GSI1PK} from the fields' values by attribute, for updates and upserts. */
    private static String gsi1PartitionKeyFrom(Map<String, Object> values) {
        return OrderKeys.gsi1PartitionKey((String) values.get("orderId"));
    }

    /** Index key {@code GSI1SK} from the fields' values by attribute, for updates and upserts. */
    private static String gsi1SortKeyFrom(Map<String, Object> values) {
        return OrderKeys.gsi1SortKey();
    }

    /** The item of {@code order}: keys, index keys, type attribute and every non-null field. */
    @Override
    public Map<String, AttributeValue> toItem(Order order) {
        ItemWriter out = ItemWriter.of(ENTITY_TYPE);
        out.key("PK", OrderKeys.partitionKey(order.userId()));
        out.key("SK", OrderKeys.sortKey(order.orderDate(), order.orderId()));
        out.key(TYPE_ATTRIBUTE, ENTITY_TYPE);
        if (order.orderId() != null) {
            out.key("GSI1PK", OrderKeys.gsi1PartitionKey(order.orderId()));
            out.key("GSI1SK", OrderKeys.gsi1SortKey());
        }
        out.put(USER_ID, AttributeCodecs.STRING, order.userId());
        out.put(ORDER_ID, AttributeCodecs.STRING, order.orderId());
        out.put(ORDER_DATE, AttributeCodecs.INSTANT, order.orderDate());
        out.put(STATUS, STATUS_CODEC, order.status());
        out.put(TOTAL, AttributeCodecs.BIG_DECIMAL, order.total());
        out.put(LINES, LINES_CODEC, order.lines());
        return out.attributes();
    }

    @Override
    public Order fromItem(Map<String, AttributeValue> item) {
        ItemReader.checkType(item, ENTITY_TYPE, TYPE_ATTRIBUTE);
        return new Order(
                ItemReader.getString(ItemReader.keyField(item, USER_ID,
                        OrderKeys.PARTITION_KEY, "PK", "userId", ENTITY_TYPE),
                        USER_ID, ENTITY_TYPE),
                ItemReader.getString(ItemReader.keyField(item, ORDER_ID,
                        OrderKeys.SORT_KEY, "SK", "orderId", ENTITY_TYPE), ORDER_ID, ENTITY_TYPE),
                ItemReader.getInstant(ItemReader.keyField(item, ORDER_DATE,
                        OrderKeys.SORT_KEY, "SK", "orderDate", ENTITY_TYPE),
                        ORDER_DATE, ENTITY_TYPE),
                ItemReader.get(item.get(STATUS), STATUS, STATUS_CODEC, ENTITY_TYPE),
                ItemReader.getBigDecimal(item.get(TOTAL), TOTAL, ENTITY_TYPE),
                ItemReader.get(item.get(LINES), LINES, LINES_CODEC, ENTITY_TYPE));
    }

    @Override
    public Map<String, AttributeValue> keyOf(Order order) {
        return OrderKeys.primaryKey(order.userId(), order.orderDate(), order.orderId());
    }
}
