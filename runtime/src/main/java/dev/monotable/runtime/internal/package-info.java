/**
 * What only generated code calls: codecs, item readers and writers, key formats and encodings,
 * schemas, the entity store and the query state behind the builders, table definitions, and the
 * machinery that sends requests. It is public because generated classes live in your packages;
 * it is not an API. Do not call it from your own code: it may change in any release, without notice
 * and without a compatibility promise. Public signatures of {@code dev.monotable.runtime} and of
 * generated code never expose its types (an ArchUnit test checks both).
 *
 * <h2>How this package reaches {@code dev.monotable.runtime}</h2>
 *
 * <p>The user-facing builders keep their constructors package-private, so that users cannot make
 * a {@code Transaction}, a {@code NarrowedQuery} or a {@code Scan} that no table stands behind. This
 * package builds them through {@link dev.monotable.runtime.internal.RuntimeAccess}, an abstract
 * class whose only implementation, {@code dev.monotable.runtime.InternalAccess}, is package-private
 * in the runtime package and registers itself from its static initializer. The first
 * {@code RuntimeAccess.get()} forces that initializer with {@code Class.forName}; the constructor
 * refuses any other subclass, and {@code get()} is package-private here. Generated code never
 * touches the bridge: it calls {@code DynamoTable.transaction()}, {@code DynamoTable.store(this,
 * schema)}, {@code QueryState.of(query)}, {@code AttributePaths.of(name, codec)}, which use it.
 *
 * <p>Generated repositories extend {@link dev.monotable.runtime.Repository} through its protected
 * no-argument constructor and receive their store from {@code DynamoTable.store(this, schema)},
 * which binds it to the repository; generated query builders extend
 * {@link dev.monotable.runtime.Query} through its protected constructor that copies another
 * query, which {@link dev.monotable.runtime.internal.QueryState#query()} makes.
 */
package dev.monotable.runtime.internal;
