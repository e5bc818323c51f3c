package shop;

import dev.monotable.runtime.internal.AttributeCodecs;
import dev.monotable.runtime.internal.EntitySchema;
import dev.monotable.runtime.internal.ItemReader;
import dev.monotable.runtime.internal.ItemWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Generated;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Maps {@link User} to and from its items in table {@code AppData}. */
@Generated("dev.monotable.processor.MonotableProcessor")
public final class UserSchema extends EntitySchema<User> {
    /** The schema; it holds no state. */
    public static final UserSchema INSTANCE = new UserSchema();

    /** The value of the type attribute on User items. */
    public static final String ENTITY_TYPE = "User";

    /** The table's type attribute. */
    public static final String TYPE_ATTRIBUTE = "_type";

    /** The attribute of {@code User.id}. */
    public static final String ID = "id";

    /** The attribute of {@code User.email}. */
    public static final String EMAIL = "mail";

    /** The attribute of {@code User.name}. */
    public static final String NAME = "name";

    /** The attribute of {@code User.createdAt}. */
    public static final String CREATED_AT = "createdAt";

    private UserSchema() {
        super(ENTITY_TYPE, TYPE_ATTRIBUTE, List.of("PK", "SK"), Set.of("id"));
    }

    /** The item of {@code user}: keys, index keys, type attribute and every non-null field. */
    @Override
    public Map<String, AttributeValue> toItem(User user) {
        ItemWriter out = ItemWriter.of(ENTITY_TYPE);
        out.key("PK", UserKeys.partitionKey(user.id()));
        out.key("SK", UserKeys.sortKey());
        out.key(TYPE_ATTRIBUTE, ENTITY_TYPE);
        out.put(ID, AttributeCodecs.STRING, user.id());
        out.put(EMAIL, AttributeCodecs.STRING, user.email());
        out.put(NAME, AttributeCodecs.STRING, user.name());
        out.put(CREATED_AT, AttributeCodecs.INSTANT, user.createdAt());
        return out.attributes();
    }

    @Override
    public User fromItem(Map<String, AttributeValue> item) {
        ItemReader.checkType(item, ENTITY_TYPE, TYPE_ATTRIBUTE);
        return new User(
                ItemReader.getString(ItemReader.keyField(item, ID,
                        UserKeys.PARTITION_KEY, "PK", "id", ENTITY_TYPE), ID, ENTITY_TYPE),
                ItemReader.getString(item.get(EMAIL), EMAIL, ENTITY_TYPE),
                ItemReader.getString(item.get(NAME), NAME, ENTITY_TYPE),
                ItemReader.getInstant(item.get(CREATED_AT), CREATED_AT, ENTITY_TYPE));
    }

    @Override
    public Map<String, AttributeValue> keyOf(User user) {
        return UserKeys.primaryKey(user.id());
    }
}
