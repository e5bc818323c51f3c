package dev.monotable.local.durable;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write-ahead log's file format: records come back in order, a torn tail is dropped, corruption refused. */
class DurabilityLogTest {
  @TempDir
  Path directory;

  private static LogRecord record(int n) {
    return new LogRecord("PutItem", Instant.ofEpochSecond(1_700_000_000L + n, n * 1000),
        n % 2 == 0 ? "id-" + n : null, ("{\"n\":" + n + "}").getBytes(UTF_8));
  }

  /** A state that is the list of records applied to it; its snapshot is that list. */
  private static final class RecordList implements DurableState {
    final List<LogRecord> records = new ArrayList<>();
    int snapshotsRead;

    @Override
    public void apply(LogRecord record) {
      records.add(record);
    }

    @Override
    public void writeSnapshot(OutputStream out) throws IOException {
      DataOutputStream data = new DataOutputStream(out);
      data.writeInt(records.size());
      for (LogRecord record : records) {
        byte[] bytes = record.encode();
        data.writeInt(bytes.length);
        data.write(bytes);
      }
      data.flush();
    }

    @Override
    public void readSnapshot(InputStream in) throws IOException {
      snapshotsRead++;
      DataInputStream data = new DataInputStream(in);
      for (int i = data.readInt(); i > 0; i--) {
        byte[] bytes = new byte[data.readInt()];
        data.readFully(bytes);
        records.add(LogRecord.decode(bytes));
      }
    }
  }

  private static RecordList nothing() {
    return new RecordList();
  }

  private List<LogRecord> reopen() throws IOException {
    RecordList replayed = new RecordList();
    WriteAheadLog.open(directory, replayed).close();
    return replayed.records;
  }

  private List<LogRecord> write(int count) throws IOException {
    List<LogRecord> written = new ArrayList<>();
    try (WriteAheadLog log = WriteAheadLog.open(directory, nothing())) {
      for (int i = 0; i < count; i++) {
        written.add(record(i));
        log.awaitDurable(log.append(record(i)));
      }
    }
    return written;
  }

  private Path file() {
    return directory.resolve(WriteAheadLog.FILE_NAME);
  }

  @Test
  void records_reopened_comeBackInOrder() throws IOException {
    List<LogRecord> written = write(5);
    assertEquals(written, reopen());
    try (WriteAheadLog log = WriteAheadLog.open(directory, nothing())) {
      assertEquals(5, log.records());
      log.awaitDurable(log.append(record(5)));
    }
    written.add(record(5));
    assertEquals(written, reopen());
  }

  @Test
  void tornLastRecord_reopened_isDroppedAndTheLogGoesOnAfterTheOthers() throws IOException {
    List<LogRecord> written = write(3);
    long whole = Files.size(file());
    write(0);
    try (WriteAheadLog log = WriteAheadLog.open(directory, nothing())) {
      log.append(record(3));
    }
    // cut the fourth record at every length: it was never acknowledged, the first three stay
    long full = Files.size(file());
    for (long cut = full - 1; cut > whole; cut -= 3) {
      truncate(cut);
      assertEquals(written, reopen(), "cut at " + cut);
      assertEquals(whole, Files.size(file()), "the torn bytes are gone");
      try (WriteAheadLog log = WriteAheadLog.open(directory, nothing())) {
        log.append(record(3));
      }
    }
    written.add(record(3));
    assertEquals(written, reopen());
  }

  @Test
  void zerosAfterTheLastRecord_reopened_areDropped() throws IOException {
    List<LogRecord> written = write(2);
    long whole = Files.size(file());
    try (FileChannel channel = FileChannel.open(file(), StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      channel.write(ByteBuffer.allocate(100));
    }
    assertEquals(written, reopen());
    assertEquals(whole, Files.size(file()));
  }

  @Test
  void badChecksumOnTheLastRecord_reopened_isDropped() throws IOException {
    List<LogRecord> written = write(3);
    flipLastByte();
    assertEquals(written.subList(0, 2), reopen());
  }

  @Test
  void badChecksumBeforeOtherRecords_reopened_refusesToStart() throws IOException {
    write(3);
    byte[] bytes = Files.readAllBytes(file());
    bytes[WriteAheadLog.HEADER + 8 + 3] ^= 0x40; // inside the first record's payload
    Files.write(file(), bytes);
    IOException refused = assertThrows(IOException.class, this::reopen);
    assertTrue(refused.getMessage().contains("corrupt"), refused.getMessage());
  }

  @Test
  void anotherFile_opened_isRefused() throws IOException {
    Files.writeString(file(), "not a log at all");
    IOException refused = assertThrows(IOException.class, this::reopen);
    assertTrue(refused.getMessage().contains("is not a monotable-local write-ahead log"), refused.getMessage());
  }

  @Test
  void openLog_openedAgain_isRefused() throws IOException {
    try (WriteAheadLog log = WriteAheadLog.open(directory, nothing())) {
      assertThrows(IOException.class, this::reopen);
    }
  }

  @Test
  void longLog_reopened_isCompactedIntoASnapshotAndGoesOnAfterIt() throws IOException {
    List<LogRecord> written = write(5);
    RecordList state = new RecordList();
    try (WriteAheadLog log = WriteAheadLog.open(directory, state, 5)) {
      assertEquals(written, state.records);
      assertEquals(0, log.records(), "the records are in the snapshot now");
      log.awaitDurable(log.append(record(5)));
    }
    assertEquals(WriteAheadLog.HEADER + 8 + record(5).encode().length, Files.size(file()));
    written.add(record(5));
    RecordList again = new RecordList();
    WriteAheadLog.open(directory, again, 100).close();
    assertEquals(1, again.snapshotsRead);
    assertEquals(written, again.records);
  }

  @Test
  void appendsReachingTheLimit_compactAsTheyGo() throws IOException {
    RecordList state = new RecordList();
    try (WriteAheadLog log = WriteAheadLog.open(directory, state, 3)) {
      for (int i = 0; i < 7; i++) {
        state.apply(record(i)); // the engine applies, then appends
        long position = log.append(record(i));
        log.awaitDurable(position);
      }
      assertEquals(1, log.records(), "compacted at the third and the sixth");
    }
    assertEquals(WriteAheadLog.HEADER + 8 + record(6).encode().length, Files.size(file()));
    RecordList again = new RecordList();
    WriteAheadLog.open(directory, again, 100).close();
    assertEquals(1, again.snapshotsRead);
    assertEquals(state.records, again.records);
    assertEquals(7, again.records.size());
  }

  @Test
  void crashBetweenSnapshotAndNewLog_reopened_appliesTheOldLogOnlyOnce() throws IOException {
    List<LogRecord> written = write(4);
    byte[] oldLog = Files.readAllBytes(file());
    WriteAheadLog.open(directory, new RecordList(), 1).close();
    // as if the process died after renaming the snapshot and before replacing the log
    Files.write(file(), oldLog);
    assertEquals(written, reopen());
    try (WriteAheadLog log = WriteAheadLog.open(directory, nothing(), 100)) {
      assertEquals(0, log.records(), "the old log was set aside");
      log.awaitDurable(log.append(record(4)));
    }
    written.add(record(4));
    assertEquals(written, reopen());
  }

  @Test
  void corruptSnapshot_reopened_refusesToStart() throws IOException {
    write(3);
    WriteAheadLog.open(directory, new RecordList(), 1).close();
    Path snapshot = directory.resolve(WriteAheadLog.SNAPSHOT_NAME);
    byte[] bytes = Files.readAllBytes(snapshot);
    bytes[bytes.length - 2] ^= 4;
    Files.write(snapshot, bytes);
    IOException refused = assertThrows(IOException.class, this::reopen);
    assertTrue(refused.getMessage().contains("corrupt"), refused.getMessage());
  }

  private void truncate(long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file(), StandardOpenOption.WRITE)) {
      channel.truncate(size);
    }
  }

  private void flipLastByte() throws IOException {
    byte[] bytes = Files.readAllBytes(file());
    bytes[bytes.length - 1] ^= 1;
    Files.write(file(), bytes);
  }
}
