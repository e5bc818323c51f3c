package dev.monotable.runtime;

/**
 * A rekey of one entity type's items ({@link Migrations#rekey(Class)}): each item whose primary key is
 * not the one the current key templates give its fields (written under an earlier template) is moved
 * there by one transaction — a put at the new key on the condition that no item is there, and a delete
 * of the old one on the condition that it is unchanged — so that a crash or a rerun never duplicates or
 * loses an item. The item keeps every attribute, its derived ones written anew.
 *
 * <pre>{@code
 * table.migrations().rekey(Order.class).segments(4).run();
 * }</pre>
 */
public interface Rekey extends Migration<Rekey> {
}
