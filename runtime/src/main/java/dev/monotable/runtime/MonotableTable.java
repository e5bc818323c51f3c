package dev.monotable.runtime;

import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * What every generated {@code <Table>Table} is, whatever its entities: a name, a design, and the
 * means to create the table or to check an existing one against the design. Frameworks (the Spring
 * Boot starter's health indicator and {@code create-tables}) handle tables through it.
 */
public interface MonotableTable {
  /** The name requests are sent to. */
  String tableName();

  /** The CreateTable request of the design: keys, every index, stream, billing. */
  CreateTableRequest createTableRequest();

  /**
   * Creates the table unless it exists, and waits until it is active.
   *
   * @return true when this call created the table
   * @throws TableMismatchException when an existing table differs from the design in what creating
   *     it would have set (stream, billing, deletion protection)
   */
  boolean createIfNotExists();

  /**
   * Describes the table and compares it with the design, creating and changing nothing: its status,
   * missing indexes, other key attributes, stream, billing and deletion protection.
   */
  TableCheck check();
}
