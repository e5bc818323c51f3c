/**
 * The annotations a user writes: {@link dev.monotable.annotation.Table} on an interface for the
 * physical table and its indexes; {@link dev.monotable.annotation.Entity} with
 * {@link dev.monotable.annotation.PartitionKey}, {@link dev.monotable.annotation.SortKey},
 * {@link dev.monotable.annotation.IndexKey} and {@link dev.monotable.annotation.AccessPattern} on each
 * item type; field annotations for renames, conversions, versions, timestamps and time to live. The
 * processor reads them as mirrors at build time; none is read at run time.
 */
package dev.monotable.annotation;
