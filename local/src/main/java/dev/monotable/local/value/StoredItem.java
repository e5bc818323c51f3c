package dev.monotable.local.value;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An item as a table or an index holds it: its attributes, which never change once stored, with
 * its size ({@link ItemSize}) and its JSON wire form kept once they were first needed. A Query of a
 * hundred items then sizes each for the 1 MB page by reading a field and writes each into the
 * answer by copying its bytes, instead of measuring and escaping every string again on every read.
 * The JSON is kept only for items that were read, and costs at most the item's size again.
 */
public final class StoredItem extends AbstractMap<String, Value> {
  private static final JsonFactory JSON = new JsonFactory();

  private final Map<String, Value> attributes;
  /** -1 until first asked for; a race computes it twice, to the same value (as String's hash). */
  private int size = -1;
  /** Null until first written; safely published by its final fields, so a race only writes it twice. */
  private RawJson json;

  private StoredItem(Map<String, Value> attributes) {
    this.attributes = attributes;
  }

  /** The item to store: {@code item} itself when it is already stored, else an unmodifiable copy. */
  public static StoredItem of(Map<String, Value> item) {
    return item instanceof StoredItem stored ? stored : new StoredItem(Collections.unmodifiableMap(new LinkedHashMap<>(item)));
  }

  /** The item's size as DynamoDB counts it. */
  public int itemSize() {
    int known = size;
    if (known < 0) {
      known = ItemSize.of(attributes);
      size = known;
    }
    return known;
  }

  /** The item as the JSON object of the wire protocol, ready to be copied into an answer. */
  SerializableString json() {
    RawJson known = json;
    if (known == null) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, itemSize() + 16 * attributes.size()));
      try (JsonGenerator generator = JSON.createGenerator(out)) {
        ValueJson.writeItem(generator, attributes);
      } catch (IOException e) {
        throw new UncheckedIOException(e);  // an in-memory stream does not fail
      }
      known = new RawJson(out.toByteArray());
      json = known;
    }
    return known;
  }

  @Override
  public Set<Entry<String, Value>> entrySet() {
    return attributes.entrySet();
  }

  @Override
  public Value get(Object name) {
    return attributes.get(name);
  }

  @Override
  public boolean containsKey(Object name) {
    return attributes.containsKey(name);
  }

  @Override
  public int size() {
    return attributes.size();
  }

  @Override
  public Set<String> keySet() {
    return attributes.keySet();
  }

  @Override
  public Collection<Value> values() {
    return attributes.values();
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Value> action) {
    attributes.forEach(action);
  }

  @Override
  public boolean equals(Object other) {
    return other == this || attributes.equals(other);
  }

  @Override
  public int hashCode() {
    return attributes.hashCode();
  }

  /**
   * JSON already encoded as UTF-8, for Jackson's {@code writeRawValue}: its generator copies the
   * bytes into its buffer ({@link #appendUnquotedUTF8}) or, when they do not fit, writes them
   * through ({@link #asUnquotedUTF8}). The quoted forms, which a raw value never asks for, go
   * through Jackson's own {@link SerializedString} of the same text.
   */
  private static final class RawJson implements SerializableString {
    private final byte[] bytes;

    RawJson(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public String getValue() {
      return new String(bytes, UTF_8);
    }

    @Override
    public int charLength() {
      return getValue().length();
    }

    @Override
    public byte[] asUnquotedUTF8() {
      return bytes;
    }

    @Override
    public int appendUnquotedUTF8(byte[] buffer, int offset) {
      if (offset + bytes.length > buffer.length) {
        return -1;
      }
      System.arraycopy(bytes, 0, buffer, offset, bytes.length);
      return bytes.length;
    }

    @Override
    public int writeUnquotedUTF8(OutputStream out) throws IOException {
      out.write(bytes);
      return bytes.length;
    }

    @Override
    public int putUnquotedUTF8(ByteBuffer buffer) {
      if (buffer.remaining() < bytes.length) {
        return -1;
      }
      buffer.put(bytes);
      return bytes.length;
    }

    @Override
    public char[] asQuotedChars() {
      return text().asQuotedChars();
    }

    @Override
    public byte[] asQuotedUTF8() {
      return text().asQuotedUTF8();
    }

    @Override
    public int appendQuotedUTF8(byte[] buffer, int offset) {
      return text().appendQuotedUTF8(buffer, offset);
    }

    @Override
    public int appendQuoted(char[] buffer, int offset) {
      return text().appendQuoted(buffer, offset);
    }

    @Override
    public int appendUnquoted(char[] buffer, int offset) {
      return text().appendUnquoted(buffer, offset);
    }

    @Override
    public int writeQuotedUTF8(OutputStream out) throws IOException {
      return text().writeQuotedUTF8(out);
    }

    @Override
    public int putQuotedUTF8(ByteBuffer buffer) throws IOException {
      return text().putQuotedUTF8(buffer);
    }

    private SerializedString text() {
      return new SerializedString(getValue());
    }
  }
}
