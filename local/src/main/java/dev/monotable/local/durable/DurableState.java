package dev.monotable.local.durable;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * What a {@link WriteAheadLog} keeps on disk: a state that changes record by record and can be
 * written whole, as a snapshot that lets the log start over empty.
 */
public interface DurableState {

  /** Applies a logged change again, exactly as it was applied the first time. */
  void apply(LogRecord record);

  /** Writes the whole state, as {@link #readSnapshot} reads it. */
  void writeSnapshot(OutputStream out) throws IOException;

  /** Replaces the (empty) state by a snapshot's. */
  void readSnapshot(InputStream in) throws IOException;
}
