package dev.monotable.runtime.internal;

import dev.monotable.runtime.MappingException;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds the attribute map of one entity or document, as generated schemas write it: a null field
 * is left out, and a conversion failure names the type and attribute.
 *
 * <pre>{@code
 * ItemWriter out = ItemWriter.of("User");
 * out.key("PK", UserKeys.partitionKey(user.id()));
 * out.put("email", AttributeCodecs.STRING, user.email());
 * return out.attributes();
 * }</pre>
 */
public final class ItemWriter {
  private final String type;
  // DynamoDB keeps no attribute order, so neither does the item
  private final Map<String, AttributeValue> attributes = new HashMap<>();

  private ItemWriter(String type) {
    this.type = type;
  }

  /** A writer for an item or document of the named type. */
  public static ItemWriter of(String type) {
    return new ItemWriter(type);
  }

  /** Writes a key (or type) attribute of type S. */
  public ItemWriter key(String name, String value) {
    attributes.put(name, AttributeValue.fromS(value));
    return this;
  }

  /** Writes a key attribute of any type: a plain key field's value, checked present by its key builder. */
  public ItemWriter key(String name, AttributeValue value) {
    attributes.put(name, value);
    return this;
  }

  /** Writes a field through its codec; a null value, or one the codec stores as absent, is left out. */
  public <T> ItemWriter put(String name, AttributeCodec<T> codec, T value) {
    if (value == null) {
      return this;
    }
    AttributeValue written;
    try {
      written = codec.write(value);
    } catch (MappingException e) {
      throw ItemReader.within(e, type, name);
    }
    if (written != null) {
      attributes.put(name, written);
    }
    return this;
  }

  /**
   * The shard of the item among {@code shards}, from the primary key attributes written so far
   * (write them first).
   */
  public int shard(int shards, String... keyAttributes) {
    return Shards.of(shards, attributes, java.util.List.of(keyAttributes));
  }

  /** The attributes written so far; the writer must not be used afterwards. */
  public Map<String, AttributeValue> attributes() {
    return attributes;
  }
}
