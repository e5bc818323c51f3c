/**
 * Write sharding: one order design twice, on a table whose status index is written in eight shards
 * and on one whose index is not, so that fan-out queries can be compared with plain ones.
 */
package dev.monotable.it.sharded;
