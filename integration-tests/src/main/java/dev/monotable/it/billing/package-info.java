/**
 * A provisioned table with deletion protection: its billing, the capacity units of the table and
 * of each global index, as {@code createIfNotExists()} creates them and compares them with a live
 * table.
 */
package dev.monotable.it.billing;
