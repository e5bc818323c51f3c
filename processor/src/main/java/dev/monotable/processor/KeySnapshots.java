package dev.monotable.processor;

import dev.monotable.processor.check.KeyChangeChecker;
import dev.monotable.processor.check.Report;
import dev.monotable.processor.diag.Reporter;
import dev.monotable.processor.model.KeyLayout;
import dev.monotable.processor.model.SourceRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Key-change detection: with {@code -Amonotable.snapshot=<folder>}, each table's key layout is kept
 * in {@code <folder>/<TableName>.keys.json}, which the user commits. A build whose layout strands
 * items stored under the snapshot's keys fails with {@code MT-KEY-CHANGED}; additions pass and
 * are written to the snapshot; {@code -Amonotable.snapshot.update=true} accepts every change.
 */
final class KeySnapshots {
  static final String OPTION = "monotable.snapshot";
  static final String UPDATE_OPTION = "monotable.snapshot.update";

  private final Path folder;
  private final boolean update;

  private KeySnapshots(Path folder, boolean update) {
    this.folder = folder;
    this.update = update;
  }

  /** The snapshots the processor options ask for; none without {@code monotable.snapshot}. */
  static KeySnapshots of(Map<String, String> options) {
    String folder = options.get(OPTION);
    return new KeySnapshots(folder == null || folder.isBlank() ? null : Path.of(folder),
        Boolean.parseBoolean(options.get(UPDATE_OPTION)));
  }

  /**
   * Checks a complete, clean table design against its snapshot and rewrites the snapshot when the
   * layout grew or the change is accepted.
   */
  void check(KeyLayout now, SourceRef table, Reporter reporter) {
    if (folder == null) {
      return;
    }
    Path file = folder.resolve(now.table() + ".keys.json");
    KeyChangeChecker checker = new KeyChangeChecker();
    String written = KeyLayoutJson.write(now);
    String stored;
    try {
      stored = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      stored = null;
    } catch (IOException e) {
      reporter.report(checker.unreadable(table, file.toString(), now.table(), e.toString()).diagnostics());
      return;
    }
    if (stored != null && !update) {
      KeyLayout snapshot;
      try {
        snapshot = KeyLayoutJson.read(stored);
      } catch (IllegalArgumentException e) {
        reporter.report(checker.unreadable(table, file.toString(), now.table(), e.getMessage()).diagnostics());
        return;
      }
      Report report = checker.check(snapshot, now, table, file.toString());
      reporter.report(report.diagnostics());
      if (!report.isClean()) {
        return;
      }
    }
    if (written.equals(stored)) {
      return;
    }
    try {
      Files.createDirectories(folder);
      Files.writeString(file, written, StandardCharsets.UTF_8);
    } catch (IOException e) {
      reporter.report(checker.unwritable(table, file.toString(), now.table(), e.toString()).diagnostics());
    }
  }
}
