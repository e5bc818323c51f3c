package dev.monotable.local.durable;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One state change as the engine applied it: the operation ({@code PutItem}, ..., or {@link
 * #EXPIRE_NOW} for a time-to-live sweep), the request body as JSON, the engine's time while it ran,
 * and the id it gave a table it created (null for other operations). Applying the records of a log
 * in order to an empty engine rebuilds its state.
 */
public record LogRecord(String operation, Instant time, String tableId, byte[] request) {
  /** The operation of a time-to-live sweep, which no client request carries. */
  public static final String EXPIRE_NOW = "monotable:ExpireNow";

  public LogRecord {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(request, "request");
  }

  /** The record's bytes, as framed in the log. */
  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(request.length + 64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeText(out, operation);
      out.writeLong(time.getEpochSecond());
      out.writeInt(time.getNano());
      writeText(out, tableId == null ? "" : tableId);
      out.writeInt(request.length);
      out.write(request);
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return bytes.toByteArray();
  }

  static LogRecord decode(byte[] payload) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
    String operation = readText(in);
    Instant time = Instant.ofEpochSecond(in.readLong(), in.readInt());
    String tableId = readText(in);
    byte[] request = new byte[in.readInt()];
    in.readFully(request);
    return new LogRecord(operation, time, tableId.isEmpty() ? null : tableId, request);
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readText(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return new String(bytes, UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LogRecord record && operation.equals(record.operation) && time.equals(record.time)
        && Objects.equals(tableId, record.tableId) && Arrays.equals(request, record.request);
  }

  @Override
  public int hashCode() {
    return Objects.hash(operation, time, tableId, Arrays.hashCode(request));
  }

  @Override
  public String toString() {
    return operation + " at " + time + (tableId == null ? "" : " (table id " + tableId + ")") + ": "
        + new String(request, UTF_8);
  }
}
