package dev.monotable.local.durable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Every restart test again, with the log compacted into a snapshot at every write and every start:
 * what a restart keeps, a snapshot keeps too.
 */
class DurabilityRestartCompactedTest extends DurabilityRestartTest {
  private static final String PROPERTY = "monotable.local.compactAbove";

  @BeforeEach
  @Override
  void start() {
    System.setProperty(PROPERTY, "1");
    super.start();
  }

  @AfterEach
  @Override
  void stop() {
    try {
      super.stop();
      if (Files.exists(directory.resolve(WriteAheadLog.SNAPSHOT_NAME))) {
        // the last start compacted: its log holds only what came after the snapshot
        assertTrue(Files.size(directory.resolve(WriteAheadLog.FILE_NAME)) >= WriteAheadLog.HEADER);
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    } finally {
      System.clearProperty(PROPERTY);
    }
  }

  @Override
  void afterRestart() {
    assertTrue(Files.exists(directory.resolve(WriteAheadLog.SNAPSHOT_NAME)), "the restart wrote a snapshot");
    try {
      assertEquals(WriteAheadLog.HEADER, Files.size(directory.resolve(WriteAheadLog.FILE_NAME)), "and emptied the log");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
