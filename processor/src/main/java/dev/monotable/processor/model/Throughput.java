package dev.monotable.processor.model;

/**
 * Provisioned read and write capacity units of a table or a global index; {@link #NONE} (0 and 0)
 * where nothing is provisioned.
 */
public record Throughput(long read, long write) {
  public static final Throughput NONE = new Throughput(0, 0);

  /** Whether neither read nor write units are given. */
  public boolean isNone() {
    return read == 0 && write == 0;
  }
}
