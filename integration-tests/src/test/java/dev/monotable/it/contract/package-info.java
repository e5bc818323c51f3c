/**
 * The contract suite: every scenario of the integration tests written once and run against both
 * the sync table ({@code ShopTable}) and its async twin ({@code ShopAsyncTable}), so the two cannot
 * drift. A scenario talks to a thin blocking facade per design ({@link dev.monotable.it.contract.ShopOps},
 * {@link dev.monotable.it.contract.ShardedOps}, {@link dev.monotable.it.contract.CacheOps}) whose
 * methods mirror the generated API one to one; the async implementations wait for each future with
 * {@link dev.monotable.it.contract.Await}, which hands back the very exception the sync call throws.
 * Each test method is a {@link dev.monotable.it.contract.ContractTest}: run once per
 * {@link dev.monotable.it.contract.Flavour}.
 */
package dev.monotable.it.contract;
