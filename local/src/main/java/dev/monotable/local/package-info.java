/**
 * MonotableLocal: an in-memory DynamoDB engine that speaks the DynamoDB and DynamoDB Streams JSON
 * wire protocols, for tests and local development.
 *
 * <p>{@link dev.monotable.local.MonotableLocal} is the entry point (in-process {@code SdkHttpClient}
 * and {@code SdkAsyncHttpClient}, loopback HTTP server, time to live,
 * {@link dev.monotable.local.Faults fault injection}); {@link dev.monotable.local.Main} runs it as a
 * server. Everything else in this package is the
 * engine itself and package-private: {@code Engine} checks a request and runs it, under the
 * locks {@code EngineLocks} takes, through {@code Operations}, which holds the operation classes ({@code TableOperations},
 * {@code TagOperations}, {@code ItemOperations}, {@code ReadOperations}, {@code BatchOperations},
 * {@code TransactionOperations}, {@code StreamOperations}, {@code PartiqlOperations}); they share
 * one {@code EngineState} (tables, streams, change log and clock, faults, client request tokens)
 * and never the engine. {@code TableDescriptions} writes a table's description,
 * {@code TimeToLiveSweeper} deletes expired items. Once {@code MonotableLocal.withPolicy} or {@code
 * withPrincipal} is called, {@code Engine} has each request authorized by
 * {@link dev.monotable.local.iam.AccessControl}, on the IAM request contexts {@code AccessRequests}
 * builds from it, before the operation runs. Tables keep their items and secondary-index
 * entries in {@code ItemStore}s, partitions ordered by a hash of their key and rows by
 * {@code RowKey}. With a data directory the engine logs its changes through
 * {@link dev.monotable.local.durable} and {@code DurableEngineState} snapshots and replays them.
 */
package dev.monotable.local;
