/**
 * A design whose items have exact sizes (every attribute a string, and a {@code payload} that pads
 * an item to the byte), so that the capacity each access pattern consumes can be computed by hand
 * from DynamoDB's rules: a table with an index that projects whole items and one that projects keys
 * only.
 */
package dev.monotable.it.cost;
