package dev.monotable.runtime;

import java.util.List;
import java.util.Objects;

/**
 * What {@link MonotableTable#check()} found: the table's status as DynamoDB describes it
 * ({@code ACTIVE}, {@code CREATING}, ..., or {@value #MISSING} when there is no such table) and how
 * it differs from its design, one sentence a difference.
 *
 * @param tableName the name the table was looked up by
 * @param status DynamoDB's {@code TableStatus}, or {@value #MISSING}
 * @param differences what is not as designed (a missing index, another stream setting, ...)
 */
public record TableCheck(String tableName, String status, List<String> differences) {
  /** The status of a table that does not exist. */
  public static final String MISSING = "MISSING";

  public TableCheck {
    Objects.requireNonNull(tableName, "tableName");
    Objects.requireNonNull(status, "status");
    differences = List.copyOf(differences);
  }

  /** Whether the table exists. */
  public boolean exists() {
    return !MISSING.equals(status);
  }

  /** Whether the table is {@code ACTIVE} and as designed. */
  public boolean healthy() {
    return "ACTIVE".equals(status) && differences.isEmpty();
  }
}
