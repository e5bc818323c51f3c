package dev.monotable.runtime;

/**
 * An existing table that differs from its design in a setting {@code createIfNotExists()} does not
 * change on a live table (its stream, billing or deletion protection): the message names the table,
 * the setting, what the table has and what the design says. Change the table with UpdateTable, or
 * the design.
 */
public class TableMismatchException extends MonotableException {
  private static final long serialVersionUID = 1L;

  private final String tableName;
  private final String setting;
  private final String actual;
  private final String designed;

  public TableMismatchException(String tableName, String setting, String actual, String designed) {
    super("table " + tableName + " exists with " + setting + " " + actual + ", but its design says " + designed
        + "; createIfNotExists() does not change a live table: update it (UpdateTable) or the design");
    this.tableName = tableName;
    this.setting = setting;
    this.actual = actual;
    this.designed = designed;
  }

  /** What the table has. */
  public String actual() {
    return actual;
  }

  /** What the design says. */
  public String designed() {
    return designed;
  }

  /** The table that differs. */
  public String tableName() {
    return tableName;
  }

  /**
   * The setting that differs: {@code stream}, {@code billing mode}, {@code provisioned throughput},
   * {@code provisioned throughput of index <name>} or {@code deletion protection}.
   */
  public String setting() {
    return setting;
  }
}
