/**
 * The shop design the integration tests compile with the processor: one table with global and local
 * indexes, users, orders, order items, products, versioned counters.
 */
package dev.monotable.it.shop;
