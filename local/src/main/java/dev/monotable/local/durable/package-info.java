/**
 * Durability for monotable-local: the write-ahead log that keeps an engine's state across restarts.
 *
 * <p>The engine appends one {@link dev.monotable.local.durable.LogRecord} for every request that
 * changed its state — the operation, the request as it was applied, and what the engine decided
 * that a replay must not decide again (the clock's time, a new table's id) — under the lock that
 * applied it, and {@link dev.monotable.local.durable.WriteAheadLog} forces it to disk before the
 * answer leaves (group commit: one {@code force} covers every record appended meanwhile). At start,
 * the records are applied again in order; a last record cut short by a crash fails its length and
 * CRC32 frame, was never acknowledged, and is dropped. A long log is compacted into a snapshot of
 * the {@link dev.monotable.local.durable.DurableState} (the engine's is written by {@code
 * DurableEngineState} in the engine's package, which alone sees its tables).
 * {@link dev.monotable.local.durable.StateChanges} says which requests are logged and in which form.
 */
package dev.monotable.local.durable;
