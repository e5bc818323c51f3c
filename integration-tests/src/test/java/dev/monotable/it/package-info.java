/**
 * The integration tests: the code the processor generated for the designs of
 * {@code dev.monotable.it.*} (the shop, the lab, expiry, ranking), run through the runtime against
 * monotable-local, one behaviour per class (writes, updates, queries, batches, transactions, time
 * to live, versions, key order), with the helpers they share.
 */
package dev.monotable.it;
