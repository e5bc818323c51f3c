/**
 * PartiQL as DynamoDB serves it: {@link dev.monotable.local.partiql.StatementParser} reads a
 * statement into {@link dev.monotable.local.partiql.Ast}, and {@link dev.monotable.local.partiql.Planner}
 * turns it into the request of the operation that runs it (Query, Scan, PutItem, UpdateItem,
 * DeleteItem, or a transaction's action), with its conditions written as DynamoDB expressions, so
 * that the engine's own evaluation serves PartiQL too.
 */
package dev.monotable.local.partiql;
