package dev.monotable.runtime.internal;

import dev.monotable.runtime.InvalidCursorException;
import dev.monotable.runtime.TableOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Encodes a query's {@code LastEvaluatedKey} as an opaque URL-safe token: the access pattern it
 * belongs to, what the query that made it read (its direction, its shards, a digest of its
 * partitions and index), the key attributes, and a digest of all of them, so that a token from
 * another pattern, partition or direction, or an altered one, is recognised and refused. With a
 * cursor key in the table's options ({@link TableOptions#withCursorKey(byte[])}) the digest is an
 * HMAC-SHA256 under that key, which a client cannot forge; without one it is a plain SHA-256, which
 * detects changes but is no signature.
 */
final class Cursors {
  /** 2: the query's direction, shards, partitions and a fan-out's last sort key are recorded. */
  private static final byte VERSION = 2;
  private static final int DIGEST_BYTES = 12;
  private static final byte DESCENDING = 1;

  private Cursors() {}

  /**
   * A cursor: the key to continue after, and what the read that made it read. {@code shards} is the
   * number of partitions of a query (1 unless it fans out), 0 for a scan or an item collection;
   * {@code reads} a digest of the query's index and partitions ({@link #reads}), 0 for those. A
   * fan-out's key holds a position per shard; it also records {@code narrowing}, a digest of its
   * sort-key condition ({@link #narrowing}), and {@code last}, the key of the last item it handed out
   * (null when it handed out none); a query of one partition records 0 and null.
   */
  record Cursor(Map<String, AttributeValue> key, boolean descending, int shards, long reads, long narrowing,
      Map<String, AttributeValue> last) {}

  /** The cursor of a scan or an item collection: a key, read forwards, bound to {@code pattern} only. */
  static String encode(TableOptions options, String pattern, Map<String, AttributeValue> lastEvaluatedKey) {
    return encode(options, pattern, new Cursor(lastEvaluatedKey, false, 0, 0, 0, null));
  }

  /** The cursor of a query's page: {@code cursor.key()} and what the query read, bound to {@code pattern}. */
  static String encode(TableOptions options, String pattern, Cursor cursor) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeUTF(pattern);
      out.writeByte(cursor.descending() ? DESCENDING : 0);
      out.writeShort(cursor.shards());
      out.writeLong(cursor.reads());
      out.writeLong(cursor.narrowing());
      write(out, cursor.last() == null ? Map.of() : cursor.last());
      write(out, cursor.key());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] body = bytes.toByteArray();
    byte[] token = Arrays.copyOf(body, body.length + DIGEST_BYTES);
    System.arraycopy(digest(options, body), 0, token, body.length, DIGEST_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  /** The key of a cursor of {@code pattern}: a scan's or an item collection's. */
  static Map<String, AttributeValue> decode(TableOptions options, String pattern, String cursor) {
    return decodeCursor(options, pattern, cursor).key();
  }

  /**
   * The cursor of {@code pattern} that {@code token} encodes.
   *
   * @throws InvalidCursorException when the token is malformed, altered, made with another cursor key,
   *     by an earlier version, or for another pattern
   */
  static Cursor decodeCursor(TableOptions options, String pattern, String token) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(token);
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException("the cursor is not one Monotable made: it is not URL-safe base64");
    }
    if (bytes.length <= DIGEST_BYTES) {
      throw new InvalidCursorException("the cursor is too short to be one Monotable made");
    }
    byte[] body = Arrays.copyOf(bytes, bytes.length - DIGEST_BYTES);
    byte[] digest = Arrays.copyOfRange(bytes, bytes.length - DIGEST_BYTES, bytes.length);
    if (!MessageDigest.isEqual(digest, Arrays.copyOf(digest(options, body), DIGEST_BYTES))) {
      throw new InvalidCursorException("the cursor was altered, or was not made with this table's cursor key");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(body))) {
      byte version = in.readByte();
      if (version != VERSION) {
        throw new InvalidCursorException(version == 1
            ? "the cursor was made by an earlier Monotable, which did not record the query's direction; start "
                + pattern + " again from its first page"
            : "the cursor is of an unknown version");
      }
      String madeBy = in.readUTF();
      if (!madeBy.equals(pattern)) {
        throw new InvalidCursorException("the cursor continues access pattern " + madeBy + ", not " + pattern);
      }
      boolean descending = (in.readByte() & DESCENDING) != 0;
      int shards = in.readUnsignedShort();
      long reads = in.readLong();
      long narrowing = in.readLong();
      Map<String, AttributeValue> last = readKey(in);
      Map<String, AttributeValue> key = readKey(in);
      return new Cursor(key, descending, shards, reads, narrowing, last.isEmpty() ? null : last);
    } catch (IOException e) {
      throw new InvalidCursorException("the cursor is truncated");
    }
  }

  /**
   * The key of an item collection's cursor of {@code pattern}, which must continue the partition
   * {@code partitionValue}.
   *
   * @throws InvalidCursorException when it does not, or is not a cursor of {@code pattern}
   */
  static Map<String, AttributeValue> decodePartition(TableOptions options, String pattern, String partitionAttribute,
      AttributeValue partitionValue, String token) {
    Map<String, AttributeValue> key = decode(options, pattern, token);
    if (!partitionValue.equals(key.get(partitionAttribute))) {
      throw otherPartition(pattern, partitionValue, 1);
    }
    return key;
  }

  /** The refusal of a cursor of {@code pattern} that continues another partition than {@code partition}. */
  static InvalidCursorException otherPartition(String pattern, AttributeValue partition, int shards) {
    String value = partition.s() != null ? partition.s() : partition.n() != null ? partition.n() : String.valueOf(partition);
    return new InvalidCursorException("the cursor of " + pattern + " continues another partition than " + value
        + (shards == 1 ? "" : " (and its other shards)"));
  }

  /**
   * A digest of what a query reads: its index and the partition of each of its shards. Two queries
   * of one pattern that read other partitions have other digests.
   */
  static long reads(QueryPlan<?> state) {
    return digest(out -> {
      out.writeUTF(state.indexName() == null ? "" : state.indexName());
      out.writeUTF(state.partitionAttribute());
      out.writeShort(state.partitionValues().size());
      for (AttributeValue partition : state.partitionValues()) {
        write(out, partition);
      }
    });
  }

  /** A digest of a query's sort-key condition: its key condition and its operands. */
  static long narrowing(QueryPlan<?> state) {
    SortKeyCondition condition = state.condition();
    return digest(out -> {
      out.writeUTF(condition.keyCondition());
      for (AttributeValue operand : Arrays.asList(condition.value(), condition.upper(), condition.excluded())) {
        out.writeBoolean(operand != null);
        if (operand != null) {
          write(out, operand);
        }
      }
    });
  }

  /** What a digest is taken of. */
  private interface Content {
    void writeTo(DataOutputStream out) throws IOException;
  }

  /** The first eight bytes of the SHA-256 of {@code content}. */
  private static long digest(Content content) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        content.writeTo(out);
      }
      return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray())).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(DataOutputStream out, Map<String, AttributeValue> key) throws IOException {
    out.writeShort(key.size());
    for (Map.Entry<String, AttributeValue> entry : key.entrySet()) {
      out.writeUTF(entry.getKey());
      write(out, entry.getValue());
    }
  }

  private static Map<String, AttributeValue> readKey(DataInputStream in) throws IOException {
    int size = in.readUnsignedShort();
    Map<String, AttributeValue> key = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      key.put(in.readUTF(), read(in));
    }
    return key;
  }

  private static void write(DataOutputStream out, AttributeValue value) throws IOException {
    byte[] content;
    if (value.s() != null) {
      out.writeByte('S');
      content = value.s().getBytes(StandardCharsets.UTF_8);
    } else if (value.n() != null) {
      out.writeByte('N');
      content = value.n().getBytes(StandardCharsets.UTF_8);
    } else {
      out.writeByte('B');
      content = value.b().asByteArray();
    }
    out.writeInt(content.length);
    out.write(content);
  }

  private static AttributeValue read(DataInputStream in) throws IOException {
    int type = in.readUnsignedByte();
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new InvalidCursorException("the cursor is truncated");
    }
    byte[] content = new byte[length];
    in.readFully(content);
    return switch (type) {
      case 'S' -> AttributeValue.fromS(new String(content, StandardCharsets.UTF_8));
      case 'N' -> AttributeValue.fromN(new String(content, StandardCharsets.UTF_8));
      default -> AttributeValue.fromB(SdkBytes.fromByteArray(content));
    };
  }

  private static byte[] digest(TableOptions options, byte[] body) {
    byte[] key = options.cursorKey();
    if (key != null) {
      try {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        mac.update("monotable-cursor".getBytes(StandardCharsets.US_ASCII));
        return mac.doFinal(body);
      } catch (NoSuchAlgorithmException | java.security.InvalidKeyException e) {
        throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
      }
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("monotable-cursor".getBytes(StandardCharsets.US_ASCII));
      return sha.digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}
