package shop;

import dev.monotable.runtime.Change;
import dev.monotable.runtime.ChangeSource;
import dev.monotable.runtime.MappingException;
import dev.monotable.runtime.StreamReader;
import dev.monotable.runtime.UnknownChange;
import dev.monotable.runtime.internal.DynamoTable;
import dev.monotable.runtime.internal.StreamChanges;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Generated;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The changes of table {@code AppData}, whose stream carries NEW_AND_OLD_IMAGES: each record decoded
 * to a {@link Change} of the entity its image stores, or dispatched to a {@link AppDataChangeHandler}.
 * <pre>{@code
 * StreamReader reader = table.changes().poll(streamsClient);
 * table.changes().dispatch(reader.read(), handler);
 * }</pre>
 */
@Generated("dev.monotable.processor.MonotableProcessor")
public final class AppDataChanges {
    private final DynamoTable table;

    /**
     * Changes to decode and dispatch only, as a Lambda function handed its records needs them;
     * to {@link #poll} the stream, take {@code changes()} of the table.
     */
    public AppDataChanges() {
        this.table = null;
    }

    AppDataChanges(DynamoTable table) {
        this.table = table;
    }

    /**
     * The change {@code record} describes, typed by the entity type its image stores; an
     * {@link UnknownChange} when it names none. A record is decoded alike however often it is read.
     *
     * @throws MappingException when an image of a known type cannot be read as its entity
     */
    public Change<?> decode(Record record) {
        ChangeSource source = ChangeSource.of(record);
        return switch (StreamChanges.typeOf(source, "_type")) {
            case OrderSchema.ENTITY_TYPE -> StreamChanges.decode(source, OrderSchema.INSTANCE);
            case UserSchema.ENTITY_TYPE -> StreamChanges.decode(source, UserSchema.INSTANCE);
            default -> new UnknownChange(source);
        };
    }

    /** The changes of {@code records}, in their order. */
    public List<Change<?>> decode(List<Record> records) {
        List<Change<?>> decoded = new ArrayList<>(records.size());
        for (Record record : records) {
            decoded.add(decode(record));
        }
        return decoded;
    }

    /**
     * Hands each record, in order, to the method of {@code handler} for its entity and event.
     *
     * @throws MappingException when an image of a known type cannot be read as its entity; the records
     *     before it have been handled
     */
    public void dispatch(List<Record> records, AppDataChangeHandler handler) {
        for (Record record : records) {
            dispatch(record, handler);
        }
    }

    /** Hands {@code record} to the method of {@code handler} for its entity and event. */
    public void dispatch(Record record, AppDataChangeHandler handler) {
        ChangeSource source = ChangeSource.of(record);
        switch (StreamChanges.typeOf(source, "_type")) {
            case OrderSchema.ENTITY_TYPE ->
                    orderChanged(StreamChanges.typed(source, OrderSchema.INSTANCE).orElse(null), source, handler);
            case UserSchema.ENTITY_TYPE ->
                    userChanged(StreamChanges.typed(source, UserSchema.INSTANCE).orElse(null), source, handler);
            default -> handler.unknown(new UnknownChange(source));
        }
    }

    /**
     * A reader of this table's stream from the oldest record it keeps, for local development
     * and tests; a Lambda function is handed its records instead.
     *
     * @throws IllegalStateException when the table has no stream enabled
     */
    public StreamReader poll(DynamoDbStreamsClient streams) {
        return poll(streams, ShardIteratorType.TRIM_HORIZON);
    }

    /**
     * A reader of this table's stream from {@code start}: {@code TRIM_HORIZON} or {@code LATEST}.
     *
     * @throws IllegalStateException when the table has no stream enabled, or these changes have
     *     no table
     */
    public StreamReader poll(DynamoDbStreamsClient streams, ShardIteratorType start) {
        if (table == null) {
            throw new IllegalStateException("these changes decode only; poll the stream through the table's changes()");
        }
        return StreamReader.of(streams, table.streamArn(), start);
    }

    private static void orderChanged(Change<Order> change, ChangeSource source,
            AppDataChangeHandler handler) {
        if (change instanceof Change.Inserted<Order> inserted) {
            handler.orderInserted(inserted.newImage());
        } else if (change instanceof Change.Modified<Order> modified
                && modified.oldImage().isPresent() && modified.newImage().isPresent()) {
            handler.orderModified(modified.oldImage().get(), modified.newImage().get());
        } else if (change instanceof Change.Removed<Order> removed) {
            handler.orderRemoved(removed.oldImage(), removed.expired());
        } else {
            // null, or a modification without both images: the record lacks the image its event needs
            handler.unknown(new UnknownChange(source));
        }
    }

    private static void userChanged(Change<User> change, ChangeSource source,
            AppDataChangeHandler handler) {
        if (change instanceof Change.Inserted<User> inserted) {
            handler.userInserted(inserted.newImage());
        } else if (change instanceof Change.Modified<User> modified
                && modified.oldImage().isPresent() && modified.newImage().isPresent()) {
            handler.userModified(modified.oldImage().get(), modified.newImage().get());
        } else if (change instanceof Change.Removed<User> removed) {
            handler.userRemoved(removed.oldImage(), removed.expired());
        } else {
            // null, or a modification without both images: the record lacks the image its event needs
            handler.unknown(new UnknownChange(source));
        }
    }
}
