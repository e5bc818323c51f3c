package shop;

import dev.monotable.runtime.internal.KeyFields;
import dev.monotable.runtime.internal.KeyFormat;
import dev.monotable.runtime.internal.KeyMaps;
import dev.monotable.runtime.internal.KeyTypes;
import java.util.Map;
import javax.annotation.processing.Generated;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key builders of {@link User} in table {@code AppData}: the exact key strings and key maps. Every
 * builder refuses a null or empty component, or one containing {@code #},
 * with {@link dev.monotable.runtime.InvalidKeyException}.
 */
@Generated("dev.monotable.processor.MonotableProcessor")
public final class UserKeys {
    static final KeyFormat PARTITION_KEY = KeyFormat.partitionKey("User", "USER#<id>", "#");

    private UserKeys() {
    }

    /** The partition key {@code USER#<id>}. */
    public static String partitionKey(String id) {
        return PARTITION_KEY.complete("USER#" + PARTITION_KEY.encode("id", KeyTypes.STRING, id));
    }

    /** The sort key {@code PROFILE}. */
    public static String sortKey() {
        return "PROFILE";
    }

    /** The primary key of the item: {@code PK = USER#<id>, SK = PROFILE}. */
    public static Map<String, AttributeValue> primaryKey(String id) {
        return KeyMaps.of("PK", partitionKey(id), "SK", sortKey());
    }

    /** The primary-key fields by typed path: what an update keeps and an upsert writes. */
    static KeyFields primaryKeyFields(String id) {
        return KeyFields.of(UserFields.ID, id);
    }
}
