/** A local index (an {@code @IndexKey} with a sort key only) and a {@code Set<UUID>}, for docs/key-design.md and docs/supported-types.md. */
package dev.monotable.docs.tracker;
