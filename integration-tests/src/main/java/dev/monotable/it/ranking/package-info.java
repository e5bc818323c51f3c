/**
 * A design with raw number and binary index sort keys, for narrowing and cursor checks on N and B
 * keys.
 */
package dev.monotable.it.ranking;
