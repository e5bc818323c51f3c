package dev.monotable.processor.check;

import dev.monotable.processor.diag.Message;
import dev.monotable.processor.model.KeyLayout;
import dev.monotable.processor.model.SourceRef;
import java.util.Map;

/**
 * Compares a table's key layout with the snapshot of it the user committed. A key whose shape
 * changed or that is gone strands the items stored under it: an error on the annotation that
 * changed, showing the old and the new. New entities, indexes and keys are additions and pass.
 */
public final class KeyChangeChecker {
  /** The findings about {@code now} against {@code snapshot}, stored at {@code snapshotName}. */
  public Report check(KeyLayout snapshot, KeyLayout now, SourceRef table, String snapshotName) {
    Report report = Report.about(table);
    String tableName = now.table();
    snapshot.settings().forEach((setting, was) -> {
      String is = now.settings().get(setting);
      if (is == null) {
        report.on(now.source(null, setting)).add(Message.KEY_CHANGED_SETTING_REMOVED, setting, tableName,
            display(was), snapshotName);
      } else if (!is.equals(was)) {
        report.on(now.source(null, setting)).add(Message.KEY_CHANGED_SETTING, setting, tableName, snapshotName,
            display(was), display(is));
      }
    });
    for (Map.Entry<String, Map<String, KeyLayout.Key>> entity : snapshot.entities().entrySet()) {
      String type = entity.getKey();
      Map<String, KeyLayout.Key> keys = now.entities().get(type);
      if (keys == null) {
        report.add(Message.KEY_CHANGED_ENTITY_REMOVED, type, snapshotName, tableName);
        continue;
      }
      entity.getValue().forEach((what, was) -> {
        KeyLayout.Key is = keys.get(what);
        if (is == null) {
          report.on(now.source(type, null)).add(Message.KEY_CHANGED_REMOVED, what, type, describe(was),
              snapshotName);
        } else if (!is.shape().equals(was.shape())) {
          // a migration carries the items across: rekey moves them to their new primary keys, a backfill
          // writes their new index keys
          Report at = report.on(now.source(type, what));
          if (what.equals("partition key") || what.equals("sort key")) {
            at.add(Message.KEY_CHANGED_REKEY, what, type, snapshotName, describe(was), describe(is), type);
          } else if (what.contains(" of index ")) {
            at.add(Message.KEY_CHANGED_BACKFILL, what, type, snapshotName, describe(was), describe(is), type);
          } else {
            at.add(Message.KEY_CHANGED, what, type, snapshotName, describe(was), describe(is));
          }
        }
      });
    }
    return report;
  }

  /** The finding on a table whose snapshot file exists but is not a key snapshot. */
  public Report unreadable(SourceRef table, String snapshotName, String tableName, String reason) {
    Report report = Report.about(table);
    report.add(Message.KEY_SNAPSHOT_UNREADABLE, snapshotName, tableName, reason);
    return report;
  }

  /** The finding on a table whose snapshot cannot be written. */
  public Report unwritable(SourceRef table, String snapshotName, String tableName, String reason) {
    Report report = Report.about(table);
    report.add(Message.KEY_SNAPSHOT_UNWRITABLE, snapshotName, tableName, reason);
    return report;
  }

  /** {@code "USER#<id>" (USER#<STRING>)}: the template and the encodings it stands for. */
  private static String describe(KeyLayout.Key key) {
    return "\"" + key.template() + "\" (" + key.shape() + ")";
  }

  private static String display(String setting) {
    return setting.isEmpty() ? "none" : "\"" + setting + "\"";
  }
}
