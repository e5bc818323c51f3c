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
        out.put(Attributes.ID, AttributeCodecs.STRING, user.id());
        out.put(Attributes.EMAIL, AttributeCodecs.STRING, user.email());
        out.put(Attributes.NAME, AttributeCodecs.STRING, user.name());
        out.put(Attributes.CREATED_AT, AttributeCodecs.INSTANT, user.createdAt());
        return out.attributes();
    }

    @Override
    public User fromItem(Map<String, AttributeValue> item) {
        ItemReader.checkType(item, ENTITY_TYPE, TYPE_ATTRIBUTE);
        return new User(
                ItemReader.getString(keyField(item, Attributes.ID, UserKeys.PARTITION_KEY, "id"),
                        Attributes.ID, ENTITY_TYPE),
                ItemReader.getString(item.get(Attributes.EMAIL), Attributes.EMAIL, ENTITY_TYPE),
                ItemReader.getString(item.get(Attributes.NAME), Attributes.NAME, ENTITY_TYPE),
                ItemReader.getInstant(item.get(Attributes.CREATED_AT),
                        Attributes.CREATED_AT, ENTITY_TYPE));
    }

    @Override
    public Map<String, AttributeValue> keyOf(User user) {
        return UserKeys.primaryKey(user.id());
    }

    /** The attribute of each stored field of {@code User}, named after the field. */
    public static final class Attributes {
        public static final String ID = "id";

        public static final String EMAIL = "mail";

        public static final String NAME = "name";

        public static final String CREATED_AT = "createdAt";

        private Attributes() {
        }
    }
}
