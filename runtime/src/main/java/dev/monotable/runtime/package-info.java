/**
 * What users of Monotable call: the query builders and their pages ({@link dev.monotable.runtime.Query},
 * {@link dev.monotable.runtime.Page}), scans, updates, conditions and paths, transactions and
 * batches across entity types, table options, attribute converters, and the exceptions:
 * {@link dev.monotable.runtime.MonotableException} for failed operations,
 * {@link IllegalArgumentException} subclasses for input refused before sending.
 *
 * <p>Start from the generated {@code <Table>Table} class: {@code AppDataTable.of(dynamoDbClient)}
 * hands out the generated repositories, whose methods return the types of this package.
 *
 * <pre>{@code
 * List<Order> recent = table.orders().ordersOfUser("ada").descending().limit(10).list();
 * table.transaction().put(table.orders(), order).execute();
 * }</pre>
 *
 * <p>This package holds interfaces and values only, and imports nothing of
 * {@code dev.monotable.runtime.internal}, which implements them and which generated code calls;
 * ArchUnit tests keep the dependency one-way and the packages free of cycles.
 */
package dev.monotable.runtime;
