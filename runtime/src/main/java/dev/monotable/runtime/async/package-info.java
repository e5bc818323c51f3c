/**
 * The asynchronous twin of {@code dev.monotable.runtime}: what {@code <Table>Table.async(dynamoDbAsyncClient)}
 * hands out. The same repositories, query builders, updates, scans, transactions and batches, whose
 * terminals return {@link java.util.concurrent.CompletableFuture}s, or an
 * {@link software.amazon.awssdk.core.async.SdkPublisher} of every item with back-pressure.
 *
 * <pre>{@code
 * AppDataAsyncTable table = AppDataTable.async(dynamoDbAsyncClient);
 * table.orders().put(order)
 *     .thenCompose(stored -> table.orders().ordersOfUser("ada").limit(10).page())
 *     .thenAccept(page -> render(page.items()));
 * table.orders().ordersOfUser("ada").publisher().subscribe(order -> export(order));
 * }</pre>
 *
 * <p>What is said of the synchronous types holds here: builders are values, the options are the
 * same, and so are the exceptions. A future fails with the exception the synchronous call would
 * throw ({@code ConditionFailedException}, {@code OptimisticLockException}, ...), not wrapped, so
 * {@code exceptionally(e -> ...)} on the returned future sees it as it is; {@code join()} wraps it in
 * a {@link java.util.concurrent.CompletionException}, as it wraps every failure. Arguments refused
 * before anything is sent (an invalid key value, a null entity, a limit below 1) are thrown by the
 * call itself, as the synchronous table throws them.
 *
 * <p>Nothing here blocks a thread: pages, retries of unprocessed batch items (after a back-off
 * that is scheduled, not slept) and the reads of shards and segments are chained on the futures of
 * the SDK's async client.
 */
package dev.monotable.runtime.async;
