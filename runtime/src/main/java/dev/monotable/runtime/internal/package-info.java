/**
 * How the runtime works: the implementations of the interfaces of {@code dev.monotable.runtime}
 * (queries over a {@link dev.monotable.runtime.internal.QueryPlan}, scans, updates, transactions,
 * batches, paths and conditions), and what generated code calls (codecs, item readers and writers,
 * key formats and encodings, schemas, the entity store, table definitions, and the machinery that
 * sends requests, pages and fans out). It is public because generated classes live in your
 * packages; it is not an API. Do not call it from your own code: it may change in any release,
 * without notice and without a compatibility promise.
 *
 * <p>Dependencies run one way: this package imports {@code dev.monotable.runtime}, never the other
 * way round. Generated classes extend its base classes, as Dagger's factories implement
 * {@code dagger.internal.Factory} and jOOQ's tables extend {@code TableImpl}: repositories extend
 * {@link dev.monotable.runtime.internal.AbstractRepository}, which takes the entity's
 * {@link dev.monotable.runtime.internal.EntityStore} in its constructor; query builders extend
 * {@link dev.monotable.runtime.internal.AbstractQuery} or
 * {@link dev.monotable.runtime.internal.AbstractConsistentQuery} over a plan. No public signature of
 * {@code dev.monotable.runtime} or of generated code names a type of this package (ArchUnit tests
 * check both).
 */
package dev.monotable.runtime.internal;
