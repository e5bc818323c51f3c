package dev.monotable.local.durable;

/**
 * Where an engine records its state changes: a {@link WriteAheadLog} on disk, or {@link #none()}
 * for an engine that lives in memory only. The engine calls {@link #append} under the lock that
 * applied the change, and {@link #awaitDurable} after releasing it, before it answers.
 */
public interface Journal extends AutoCloseable {

  /** Whether records reach a disk: when not, the engine need not prepare them. */
  boolean isDurable();

  /** Appends a record after the previous ones; returns the log's end after it. */
  long append(LogRecord record);

  /** The log's end: where the next record goes. */
  long end();

  /**
   * Returns once every record before {@code position} is on disk; one call forces the records
   * other threads appended meanwhile too (group commit).
   */
  void awaitDurable(long position);

  @Override
  void close();

  /** The journal of an in-memory engine: keeps nothing. */
  static Journal none() {
    return InMemory.INSTANCE;
  }

  /** Keeps nothing; every position is durable at once. */
  enum InMemory implements Journal {
    INSTANCE;

    @Override
    public boolean isDurable() {
      return false;
    }

    @Override
    public long append(LogRecord record) {
      return 0;
    }

    @Override
    public long end() {
      return 0;
    }

    @Override
    public void awaitDurable(long position) {}

    @Override
    public void close() {}
  }
}
