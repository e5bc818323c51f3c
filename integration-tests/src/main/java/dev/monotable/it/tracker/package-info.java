/**
 * A tracker whose index keys are built from stamped timestamps, with expiring items and a stream:
 * where derived attributes meet index keys, time to live, transactions and streams.
 */
package dev.monotable.it.tracker;
