package shop;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.ConditionFailedException;
import dev.monotable.runtime.Read;
import dev.monotable.runtime.Update;
import dev.monotable.runtime.internal.AbstractRepository;
import dev.monotable.runtime.internal.DynamoTable;
import dev.monotable.runtime.internal.KeyMaps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Generated;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads and writes {@link User} items, keyed {@code USER#<id> / PROFILE}.
 * Get one from {@code AppDataTable.users()}.
 */
@Generated("dev.monotable.processor.MonotableProcessor")
public final class UserRepository extends AbstractRepository<User> {
    /** A repository of the entity's items in {@code table}. */
    UserRepository(DynamoTable table) {
        super(table.store(UserSchema.INSTANCE));
    }

    /** Reads the User keyed {@code USER#<id> / PROFILE}, if there is one. */
    public Optional<User> get(String id) {
        return store().get(UserKeys.primaryKey(id));
    }

    /**
     * Reads the User of these key fields as {@code read} says:
     * {@code Read.consistent()}, {@code Read.projecting(..)}.
     */
    public Optional<User> get(String id, Read read) {
        return store().get(UserKeys.primaryKey(id), read);
    }

    /** Deletes the User of these key fields, whatever its version; an absent one is no error. */
    public void delete(String id) {
        store().delete(UserKeys.primaryKey(id));
    }

    /**
     * Deletes the User of these key fields if {@code condition} holds for it.
     *
     * @throws ConditionFailedException when it does not; nothing is deleted
     */
    public void delete(String id, Condition condition) {
        store().delete(UserKeys.primaryKey(id), condition);
    }

    /**
     * An update of the existing User of these key fields: {@code execute()} fails with
     * {@link ConditionFailedException} when there is none.
     */
    public Update<User> update(String id) {
        return store().update(UserKeys.primaryKey(id), UserKeys.primaryKeyFields(id));
    }

    /** An update of the User of these key fields that creates it (keys, type, version) when there is none. */
    public Update<User> upsert(String id) {
        return store().upsert(UserKeys.primaryKey(id), UserKeys.primaryKeyFields(id));
    }

    /**
     * Reads the User of {@code keys}, in the order asked (empty where there is none).
     *
     * @throws dev.monotable.runtime.BatchIncompleteException carrying the keys still unread
     */
    public List<Optional<User>> batchGet(List<Key> keys) {
        return store().batchGet(primaryKeys(keys), keys);
    }

    /**
     * Reads the User of {@code keys} as {@code read} says, in the order asked.
     *
     * @throws dev.monotable.runtime.BatchIncompleteException carrying the keys still unread
     */
    public List<Optional<User>> batchGet(List<Key> keys, Read read) {
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

    /** The key maps of {@code keys}, checked as one batch (for this repository and its async twin). */
    static List<Map<String, AttributeValue>> primaryKeys(List<Key> keys) {
        KeyMaps.checkBatch("User", keys);
        List<Map<String, AttributeValue>> primaryKeys = new ArrayList<>(keys.size());
        for (Key key : keys) {
            primaryKeys.add(UserKeys.primaryKey(key.id()));
        }
        return primaryKeys;
    }

    /** The primary-key fields of one User, for batch reads and deletes. */
    public record Key(String id) {
    }
}
