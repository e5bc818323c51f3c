/**
 * MonotableLocal: an in-memory DynamoDB engine that speaks the DynamoDB and DynamoDB Streams JSON
 * wire protocols, for tests and local development.
 *
 * <p>{@link dev.monotable.local.MonotableLocal} is the entry point (in-process {@code SdkHttpClient},
 * loopback HTTP server, time to live, {@link dev.monotable.local.Faults fault injection});
 * {@link dev.monotable.local.Main} runs it as a server. Everything else in this package is the
 * engine itself and package-private: operations ({@code TableOperations}, {@code ItemOperations},
 * {@code ReadOperations}, {@code BatchOperations}, {@code TransactionOperations},
 * {@code StreamOperations}) over {@code Table}s whose items and secondary-index entries live in
 * {@code ItemStore}s, partitions ordered by a hash of their key and rows by {@code RowKey}. With a
 * data directory the engine logs its changes through {@link dev.monotable.local.durable} and
 * {@code DurableEngineState} snapshots it.
 */
package dev.monotable.local;
