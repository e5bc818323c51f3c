package dev.monotable.spring.boot.actuate;

import dev.monotable.runtime.MonotableTable;
import dev.monotable.runtime.TableCheck;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * UP when every table bean's table is active and as designed ({@link TableCheck#healthy()}), DOWN
 * otherwise; the details name each table with its status and, when it differs from its design, the
 * differences. Each check only describes the table: nothing is created or changed. That is one
 * DescribeTable request a table at every health request, which DynamoDB rate-limits apart from item
 * requests: leave it out of a probe polled every second ({@code management.health.monotable.enabled=false},
 * or a health group without it).
 *
 * <pre>
 * "monotable": { "status": "DOWN", "details": {
 *     "AppData": { "status": "ACTIVE", "differences": ["stream: NONE, designed NEW_AND_OLD_IMAGES"] } } }
 * </pre>
 */
public class MonotableHealthIndicator extends AbstractHealthIndicator {
  private final ObjectProvider<MonotableTable> tables;

  /** Checks the tables {@code tables} gives at each health request. */
  public MonotableHealthIndicator(ObjectProvider<MonotableTable> tables) {
    super("DynamoDB tables check failed");
    this.tables = Objects.requireNonNull(tables, "tables");
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    boolean healthy = true;
    for (MonotableTable table : tables.orderedStream().toList()) {
      Map<String, Object> details = new LinkedHashMap<>();
      try {
        TableCheck check = table.check();
        details.put("status", check.status());
        if (!check.differences().isEmpty()) {
          details.put("differences", check.differences());
        }
        healthy &= check.healthy();
      } catch (RuntimeException e) {
        // one unreachable table does not hide the others' state
        details.put("error", e.getClass().getName() + ": " + e.getMessage());
        healthy = false;
      }
      builder.withDetail(table.tableName(), details);
    }
    if (healthy) {
      builder.up();
    } else {
      builder.down();
    }
  }
}
