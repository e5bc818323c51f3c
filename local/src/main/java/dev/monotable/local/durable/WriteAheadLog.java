package dev.monotable.local.durable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * The engine's write-ahead log: {@code wal.log} in the data directory, of framed {@link
 * LogRecord}s, after a {@code snapshot} of the state the log starts from. A frame is the payload's
 * length (4 bytes), its CRC32 (4 bytes) and the payload, so that a record cut short by a crash
 * mid-append — never acknowledged, since it was not yet forced — is recognised at the end of the
 * file and dropped; a bad frame anywhere else is corruption and refuses the start.
 *
 * <p>{@link #append} writes to the file (the engine calls it under its lock, so records are in the
 * order their changes were applied); {@link #awaitDurable} forces it with {@link FileChannel#force}:
 * a thread that finds a force running waits for it and then finds its record already durable, or
 * forces everything appended meanwhile in one call. After a failed write or force every later call
 * fails: the engine's memory may then hold a change the disk does not, and must not answer from it.
 *
 * <p>Compaction, when the log holds {@code compactAbove} records — at start, or at the append that
 * reaches it, still under the engine's lock so that the state is the log's: the state is written
 * to {@code snapshot.tmp}, forced and renamed to {@code snapshot}, then an empty log replaces the
 * old one the same way. Each log carries an epoch and the snapshot the epoch of the last log it
 * contains, so a crash between the two renames leaves an old log that the next start recognises as
 * already in the snapshot and does not apply twice. A {@code lock} file keeps a second process off
 * the directory.
 */
public final class WriteAheadLog implements Journal {
  static final String FILE_NAME = "wal.log";
  static final String SNAPSHOT_NAME = "snapshot";
  /** Compact when the log holds this many records. */
  public static final long DEFAULT_COMPACT_ABOVE = 50_000;
  /** The log's first bytes, then its epoch (8 bytes): what it is, and the format's version. */
  private static final byte[] MAGIC = {'M', 'T', 'W', 'A', 'L', 0, 0, 2};
  private static final byte[] SNAPSHOT_MAGIC = {'M', 'T', 'S', 'N', 'A', 'P', 0, 2};
  static final int HEADER = MAGIC.length + 8;
  private static final int FRAME_HEADER = 8;
  /** No record is this large (a request is at most a few MB); a larger length is a torn or bad frame. */
  private static final int MAX_PAYLOAD = 64 * 1024 * 1024;

  private final Path directory;
  private final Path file;
  private final DurableState state;
  private final long compactAbove;
  private final FileChannel lockChannel;
  /** The current log file; replaced by a compaction while holding both this and {@link #forcing}. */
  private FileChannel channel;
  private long epoch;
  /** Bytes appended since the log was opened, plus where it started: only grows, across compactions. */
  private volatile long end;
  private final Object forcing = new Object();
  /** Everything before this position is on disk; guarded by {@link #forcing}. */
  private long forced;
  private volatile IOException failure;
  private long records;

  private WriteAheadLog(Path directory, DurableState state, long compactAbove, FileChannel lockChannel,
      FileChannel channel, long epoch, long end, long records) {
    this.directory = directory;
    this.file = directory.resolve(FILE_NAME);
    this.state = state;
    this.compactAbove = compactAbove;
    this.epoch = epoch;
    this.lockChannel = lockChannel;
    this.channel = channel;
    this.end = end;
    this.forced = end;
    this.records = records;
  }

  /** {@link #open(Path, DurableState, long)}, compacting a log of {@value #DEFAULT_COMPACT_ABOVE} records or more. */
  public static WriteAheadLog open(Path directory, DurableState state) throws IOException {
    return open(directory, state, DEFAULT_COMPACT_ABOVE);
  }

  /**
   * Opens the log in {@code directory} (created when missing): loads the snapshot into {@code
   * state}, applies every record of the log after it in order, drops a torn last record, compacts
   * when the log holds {@code compactAbove} records or more, and returns the log ready to append;
   * it compacts again whenever appends bring it to {@code compactAbove} records. {@code state} must
   * be the state the records are applied to, unchanged but by them.
   */
  public static WriteAheadLog open(Path directory, DurableState state, long compactAbove) throws IOException {
    Files.createDirectories(directory);
    FileChannel lockChannel = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    FileChannel channel = null;
    try {
      if (lock(lockChannel) == null) {
        throw new IOException(directory + " is in use by another process");
      }
      long covered = readSnapshot(directory, state);
      Path file = directory.resolve(FILE_NAME);
      long epoch = epochOf(file);
      if (epoch <= covered) {
        // no log yet, or one whose records the snapshot holds already (a crash ended a compaction)
        epoch = covered + 1;
        createLog(directory, epoch);
      }
      channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      long[] count = {0};
      long end = read(channel, file, record -> {
        count[0]++;
        state.apply(record);
      });
      if (end < channel.size()) {
        channel.truncate(end); // the torn record: never acknowledged
        channel.force(true);
      }
      if (count[0] >= compactAbove) {
        channel.close();
        writeSnapshot(directory, state, epoch);
        epoch++;
        createLog(directory, epoch);
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        end = HEADER;
        count[0] = 0;
      }
      channel.position(end);
      return new WriteAheadLog(directory, state, compactAbove, lockChannel, channel, epoch, end, count[0]);
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      lockChannel.close();
      throw e;
    }
  }

  /** Keeps other processes off the directory while this log lives (the lock goes with the channel). */
  private static FileLock lock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      throw new IOException("the data directory is already open in this process", e);
    }
  }

  /** The epoch of the log file, or 0 when there is none (or only the start of its header: a crash at creation). */
  private static long epochOf(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      if (channel.size() < HEADER) {
        return 0;
      }
      ByteBuffer header = ByteBuffer.allocate(HEADER);
      readFully(channel, header, 0);
      if (!Arrays.equals(Arrays.copyOf(header.array(), MAGIC.length), MAGIC)) {
        throw new IOException(file + " is not a monotable-local write-ahead log (or one of another version)");
      }
      return header.getLong(MAGIC.length);
    }
  }

  /** Writes an empty log of {@code epoch} beside the current one and renames it over it. */
  private static void createLog(Path directory, long epoch) throws IOException {
    Path fresh = directory.resolve(FILE_NAME + ".tmp");
    try (FileChannel channel = FileChannel.open(fresh, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer header = ByteBuffer.allocate(HEADER).put(MAGIC).putLong(epoch).flip();
      while (header.hasRemaining()) {
        channel.write(header);
      }
      channel.force(true);
    }
    Files.move(fresh, directory.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceDirectory(directory);
  }

  /** Writes the state as the snapshot of every log up to {@code epoch}, atomically. */
  private static void writeSnapshot(Path directory, DurableState state, long epoch) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    state.writeSnapshot(bytes);
    byte[] payload = bytes.toByteArray();
    Path fresh = directory.resolve(SNAPSHOT_NAME + ".tmp");
    try (FileChannel channel = FileChannel.open(fresh, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer header = ByteBuffer.allocate(SNAPSHOT_MAGIC.length + 16).put(SNAPSHOT_MAGIC).putLong(epoch)
          .putInt(payload.length).putInt(crc32(payload)).flip();
      ByteBuffer body = ByteBuffer.wrap(payload);
      while (header.hasRemaining()) {
        channel.write(header);
      }
      while (body.hasRemaining()) {
        channel.write(body);
      }
      channel.force(true);
    }
    Files.move(fresh, directory.resolve(SNAPSHOT_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    forceDirectory(directory);
  }

  /** Loads the snapshot, if any, into {@code state}; returns the epoch of the last log it holds, or 0. */
  private static long readSnapshot(Path directory, DurableState state) throws IOException {
    Path snapshot = directory.resolve(SNAPSHOT_NAME);
    if (!Files.exists(snapshot)) {
      return 0;
    }
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(snapshot));
    byte[] magic = new byte[SNAPSHOT_MAGIC.length];
    if (bytes.remaining() >= magic.length + 16) {
      bytes.get(magic);
    }
    if (!Arrays.equals(magic, SNAPSHOT_MAGIC)) {
      throw new IOException(snapshot + " is not a monotable-local snapshot (or one of another version)");
    }
    long epoch = bytes.getLong();
    int length = bytes.getInt();
    int crc = bytes.getInt();
    byte[] payload = new byte[bytes.remaining()];
    bytes.get(payload);
    if (payload.length != length || crc32(payload) != crc) {
      throw new IOException(snapshot + " is corrupt: its length or checksum does not match its contents");
    }
    state.readSnapshot(new ByteArrayInputStream(payload));
    return epoch;
  }

  /** Reads every whole record; returns where the valid log ends. */
  private static long read(FileChannel channel, Path file, Consumer<LogRecord> replay) throws IOException {
    long size = channel.size();
    long position = HEADER;
    ByteBuffer header = ByteBuffer.allocate(FRAME_HEADER);
    while (position < size) {
      if (size - position < FRAME_HEADER) {
        return position;
      }
      header.clear();
      readFully(channel, header, position);
      int length = header.getInt(0);
      int crc = header.getInt(4);
      long frameEnd = position + FRAME_HEADER + length;
      if (length <= 0 || length > MAX_PAYLOAD || frameEnd > size) {
        // cut short, or the zeros a file system may leave past the last write it completed
        return position;
      }
      ByteBuffer payload = ByteBuffer.allocate(length);
      readFully(channel, payload, position + FRAME_HEADER);
      if (crc32(payload.array()) != crc) {
        if (frameEnd == size) {
          return position;
        }
        throw new IOException(file + " is corrupt: the record at byte " + position + " fails its checksum and "
            + (size - frameEnd) + " bytes follow it");
      }
      replay.accept(LogRecord.decode(payload.array()));
      position = frameEnd;
    }
    return position;
  }

  @Override
  public boolean isDurable() {
    return true;
  }

  @Override
  public synchronized long append(LogRecord record) {
    checkHealthy();
    byte[] payload = record.encode();
    ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER + payload.length);
    frame.putInt(payload.length).putInt(crc32(payload)).put(payload).flip();
    try {
      while (frame.hasRemaining()) {
        channel.write(frame);
      }
    } catch (IOException e) {
      throw fail(e);
    }
    records++;
    end += frame.limit();
    if (records >= compactAbove) {
      compact();
    }
    return end;
  }

  /**
   * Writes the state (which holds every record, the last one included) as the snapshot of this
   * log's epoch and starts an empty log of the next; everything appended is durable after it.
   */
  private void compact() {
    synchronized (forcing) {
      try {
        channel.force(false);
        forced = end;
        writeSnapshot(directory, state, epoch);
        createLog(directory, epoch + 1);
        FileChannel fresh = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        fresh.position(HEADER);
        channel.close();
        channel = fresh;
        epoch++;
        records = 0;
      } catch (IOException e) {
        throw fail(e);
      }
    }
  }

  @Override
  public long end() {
    return end;
  }

  /** How many records the log holds. */
  public synchronized long records() {
    return records;
  }

  @Override
  public void awaitDurable(long position) {
    synchronized (forcing) {
      checkHealthy();
      if (forced >= position) {
        return;
      }
      long target = end;
      try {
        channel.force(false);
      } catch (IOException e) {
        throw fail(e);
      }
      forced = target;
    }
  }

  @Override
  public synchronized void close() {
    try {
      synchronized (forcing) {
        if (failure == null && channel.isOpen()) {
          channel.force(false);
        }
        channel.close();
      }
      lockChannel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + file, e);
    }
  }

  private void checkHealthy() {
    IOException failed = failure;
    if (failed != null) {
      throw new UncheckedIOException("the write-ahead log " + file + " failed earlier; restart to recover", failed);
    }
    if (!channel.isOpen()) {
      throw new IllegalStateException("the write-ahead log " + file + " is closed");
    }
  }

  private UncheckedIOException fail(IOException e) {
    failure = e;
    return new UncheckedIOException("cannot write the write-ahead log " + file, e);
  }

  private static int crc32(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return (int) crc.getValue();
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, position + buffer.position());
      if (read < 0) {
        throw new IOException("unexpected end of file");
      }
    }
  }

  /** Makes a new file's directory entry durable (Linux and macOS; elsewhere a no-op). */
  private static void forceDirectory(Path directory) {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // some systems cannot open a directory; the file's own force is then all there is
    }
  }
}
