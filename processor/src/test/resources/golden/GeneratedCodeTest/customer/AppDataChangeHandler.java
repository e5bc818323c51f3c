package shop;

import dev.monotable.runtime.UnknownChange;
import javax.annotation.processing.Generated;

/**
 * What to do with each change of table {@code AppData}, whose stream carries NEW_AND_OLD_IMAGES: one
 * method per entity and event, each doing nothing until overridden. {@link AppDataChanges#dispatch}
 * calls them in the order of the records.
 */
@Generated("dev.monotable.processor.MonotableProcessor")
public interface AppDataChangeHandler {
    /** A new {@link Order}, put or upserted where there was none. */
    default void orderInserted(Order order) {
    }

    /** A changed {@link Order}: as it was and as it is. */
    default void orderModified(Order before, Order after) {
    }

    /** A deleted {@link Order}, as it was; {@code expired} when time to live removed it. */
    default void orderRemoved(Order before, boolean expired) {
    }

    /** A new {@link User}, put or upserted where there was none. */
    default void userInserted(User user) {
    }

    /** A changed {@link User}: as it was and as it is. */
    default void userModified(User before, User after) {
    }

    /** A deleted {@link User}, as it was; {@code expired} when time to live removed it. */
    default void userRemoved(User before, boolean expired) {
    }

    /**
     * A change of an item whose images name no entity type of this table, or that its record
     * does not carry the image of.
     */
    default void unknown(UnknownChange change) {
    }
}
