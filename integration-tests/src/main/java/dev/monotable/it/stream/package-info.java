/**
 * Tables with a DynamoDB stream, one per view type: the changes that writes through the generated
 * repositories produce, decoded and dispatched by entity type.
 */
package dev.monotable.it.stream;
