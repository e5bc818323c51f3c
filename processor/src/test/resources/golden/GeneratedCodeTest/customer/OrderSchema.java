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

    static final AttributeCodec<Order.Status> STATUS_CODEC = AttributeCodecs.enumOf(Order.Status.class);

    static final AttributeCodec<List<Order.Line>> LINES_CODEC = AttributeCodecs.list(
            AttributeCodecs.document(Order_LineSchema.INSTANCE));

    /** How updates rewrite the index keys built from fields; the repository gives them to its store. */
    static final List<IndexKeyRule> INDEX_KEY_RULES = List.of(
            IndexKeyRule.of("GSI1PK", List.of(Attributes.ORDER_ID),
                    values -> OrderKeys.gsi1PartitionKey(values.get(OrderFields.ORDER_ID))),
            IndexKeyRule.of("GSI1SK", List.of(), values -> OrderKeys.gsi1SortKey()));

    private OrderSchema() {
        super(ENTITY_TYPE, TYPE_ATTRIBUTE, List.of("PK", "SK"), Set.of("orderDate", "orderId",
                "userId"));
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
        out.put(Attributes.USER_ID, AttributeCodecs.STRING, order.userId());
        out.put(Attributes.ORDER_ID, AttributeCodecs.STRING, order.orderId());
        out.put(Attributes.ORDER_DATE, AttributeCodecs.INSTANT, order.orderDate());
        out.put(Attributes.STATUS, STATUS_CODEC, order.status());
        out.put(Attributes.TOTAL, AttributeCodecs.BIG_DECIMAL, order.total());
        out.put(Attributes.LINES, LINES_CODEC, order.lines());
        return out.attributes();
    }

    @Override
    public Order fromItem(Map<String, AttributeValue> item) {
        ItemReader.checkType(item, ENTITY_TYPE, TYPE_ATTRIBUTE);
        return new Order(
                ItemReader.getString(keyField(item, Attributes.USER_ID,
                        OrderKeys.PARTITION_KEY, "userId"), Attributes.USER_ID, ENTITY_TYPE),
                ItemReader.getString(keyField(item, Attributes.ORDER_ID,
                        OrderKeys.SORT_KEY, "orderId"), Attributes.ORDER_ID, ENTITY_TYPE),
                ItemReader.getInstant(keyField(item, Attributes.ORDER_DATE,
                        OrderKeys.SORT_KEY, "orderDate"), Attributes.ORDER_DATE, ENTITY_TYPE),
                ItemReader.get(item.get(Attributes.STATUS), Attributes.STATUS,
                        STATUS_CODEC, ENTITY_TYPE),
                ItemReader.getBigDecimal(item.get(Attributes.TOTAL), Attributes.TOTAL, ENTITY_TYPE),
                ItemReader.get(item.get(Attributes.LINES), Attributes.LINES,
                        LINES_CODEC, ENTITY_TYPE));
    }

    @Override
    public Map<String, AttributeValue> keyOf(Order order) {
        return OrderKeys.primaryKey(order.userId(), order.orderDate(), order.orderId());
    }

    /** The attribute of each stored field of {@code Order}, named after the field. */
    public static final class Attributes {
        public static final String USER_ID = "userId";

        public static final String ORDER_ID = "orderId";

        public static final String ORDER_DATE = "orderDate";

        public static final String STATUS = "status";

        public static final String TOTAL = "total";

        public static final String LINES = "lines";

        private Attributes() {
        }
    }
}
