package shop;

import dev.monotable.runtime.internal.AttributeCodecs;
import dev.monotable.runtime.internal.KeyFields;
import dev.monotable.runtime.internal.KeyFormat;
import dev.monotable.runtime.internal.KeyMaps;
import dev.monotable.runtime.internal.KeyTypes;
import java.time.Instant;
import java.util.Map;
import javax.annotation.processing.Generated;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key builders of {@link Order} in table {@code AppData}: the exact key strings and key maps. Every
 * builder refuses a null or empty component, or one containing {@code #},
 * with {@link dev.monotable.runtime.InvalidKeyException}.
 */
@Generated("dev.monotable.processor.MonotableProcessor")
public final class OrderKeys {
    static final KeyFormat PARTITION_KEY = KeyFormat.partitionKey("Order", "USER#<userId>", "#");

    static final KeyFormat SORT_KEY = KeyFormat.sortKey("Order",
            "ORDER#<orderDate>#<orderId>", "#");

    static final KeyFormat GSI1_PARTITION_KEY = KeyFormat.partitionKey("Order",
            "ORDER#<orderId>", "#");

    private OrderKeys() {
    }

    /** The partition key {@code USER#<userId>}. */
    public static String partitionKey(String userId) {
        return PARTITION_KEY.complete("USER#" + PARTITION_KEY.encode("userId", KeyTypes.STRING,
                userId));
    }

    /** The sort key {@code ORDER#<orderDate>#<orderId>}. */
    public static String sortKey(Instant orderDate, String orderId) {
        return SORT_KEY.complete("ORDER#" + SORT_KEY.encode("orderDate", KeyTypes.INSTANT,
                orderDate) + "#" + SORT_KEY.encode("orderId", KeyTypes.STRING, orderId));
    }

    /** The primary key of the item: {@code PK = USER#<userId>, SK = ORDER#<orderDate>#<orderId>}. */
    public static Map<String, AttributeValue> primaryKey(String userId, Instant orderDate,
            String orderId) {
        return KeyMaps.of("PK", partitionKey(userId), "SK", sortKey(orderDate, orderId));
    }

    /** The primary-key fields by typed path: what an update keeps and an upsert writes. */
    static KeyFields primaryKeyFields(String userId, Instant orderDate, String orderId) {
        return KeyFields.of(OrderFields.USER_ID, userId, OrderFields.ORDER_DATE, orderDate,
                OrderFields.ORDER_ID, orderId);
    }

    /** The partition key {@code ORDER#<orderId>} of index {@code GSI1}. */
    public static String gsi1PartitionKey(String orderId) {
        return GSI1_PARTITION_KEY.complete("ORDER#"
                + GSI1_PARTITION_KEY.encode("orderId", KeyTypes.STRING, orderId));
    }

    /** The sort key {@code ORDER} of index {@code GSI1}. */
    public static String gsi1SortKey() {
        return "ORDER";
    }

    /** The key of the item in index {@code GSI1}. */
    public static Map<String, AttributeValue> gsi1Key(String orderId) {
        return KeyMaps.of("GSI1PK", AttributeValue.fromS(gsi1PartitionKey(orderId)),
                "GSI1SK", AttributeValue.fromS(gsi1SortKey()));
    }

    /** The key of the item in index {@code ByStatus}. */
    public static Map<String, AttributeValue> byStatusKey(Order.Status status, Instant orderDate) {
        return KeyMaps.of("status", statusValue(status), "orderDate", orderDateValue(orderDate));
    }

    /** The stored value of {@code status} (attribute {@code status}), for index key maps and queries. */
    static AttributeValue statusValue(Order.Status status) {
        return KeyMaps.value("Order", "status", OrderSchema.STATUS_CODEC, status);
    }

    /** The stored value of {@code orderDate} (attribute {@code orderDate}), for index key maps and queries. */
    static AttributeValue orderDateValue(Instant orderDate) {
        return KeyMaps.value("Order", "orderDate", AttributeCodecs.INSTANT, orderDate);
    }
}
