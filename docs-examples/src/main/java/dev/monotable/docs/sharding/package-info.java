/** Write sharding of a global index and of a table's partition key, for docs/sharding.md. */
package dev.monotable.docs.sharding;
