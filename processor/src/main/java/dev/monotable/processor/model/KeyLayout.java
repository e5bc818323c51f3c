package dev.monotable.processor.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What decides where a table's items are stored: the table's key settings, and for each entity
 * type each of its keys, as a template and as a shape. The shape is the template with every
 * placeholder replaced by its field's encoding ({@code USER#<STRING>}), so renaming a field changes
 * the template but not the shape, while changing a literal, the delimiter or an encoding changes the
 * shape: items written under the old shape can no longer be found.
 *
 * <p>{@link #sources} says where each part is declared, for diagnostics; it is not stored.
 */
public record KeyLayout(
    String table, Map<String, String> settings, Map<String, Map<String, Key>> entities, Map<String, SourceRef> sources) {

  public KeyLayout {
    settings = Collections.unmodifiableMap(new TreeMap<>(settings));
    Map<String, Map<String, Key>> sorted = new TreeMap<>();
    entities.forEach((entity, keys) -> sorted.put(entity, Collections.unmodifiableMap(new TreeMap<>(keys))));
    entities = Collections.unmodifiableMap(sorted);
    sources = Map.copyOf(sources);
  }

  /** One key of an entity: its template as written and its shape. */
  public record Key(String template, String shape) {}

  /** The layout of a table and its entities, as the design declares it now. */
  public static KeyLayout of(TableModel table, List<EntityModel> entities) {
    Map<String, String> settings = new LinkedHashMap<>();
    Map<String, SourceRef> sources = new LinkedHashMap<>();
    settings.put("partition key attribute", table.partitionKey());
    sources.put("partition key attribute", table.sources().partitionKey());
    settings.put("sort key attribute", table.sortKey());
    sources.put("sort key attribute", table.sources().sortKey());
    settings.put("key delimiter", table.delimiter());
    sources.put("key delimiter", table.sources().delimiter());
    settings.put("type attribute", table.typeAttribute());
    sources.put("type attribute", table.sources().typeAttribute());
    for (IndexModel index : table.indexes()) {
      String what = "key attributes of index " + index.name();
      String partition = index.kind() == IndexModel.Kind.LOCAL ? table.partitionKey() : index.partitionKey();
      settings.put(what, index.hasSortKey() ? partition + " / " + index.sortKey() : partition);
      sources.put(what, index.source());
    }
    Map<String, Map<String, Key>> keys = new LinkedHashMap<>();
    for (EntityModel entity : entities) {
      Map<String, Key> entityKeys = new LinkedHashMap<>();
      add(entityKeys, sources, entity, "partition key", entity.tablePartitionKey(table));
      KeyLayout.Key partition = entityKeys.get("partition key");
      if (entity.sharded() && partition != null) {
        entityKeys.put("partition key", new Key(partition.template(), partition.shape() + " in " + entity.shards()
            + " shards"));
      }
      add(entityKeys, sources, entity, "sort key", entity.tableSortKey(table));
      for (IndexModel index : table.indexes()) {
        IndexBinding binding = entity.bindingFor(table, index);
        if (!binding.declared()) {
          continue;
        }
        if (index.kind() == IndexModel.Kind.GLOBAL) {
          String what = "partition key of index " + index.name();
          add(entityKeys, sources, entity, what, binding.partitionKey());
          int shards = entity.shards(index);
          KeyLayout.Key key = entityKeys.get(what);
          if (shards != 0 && key != null) {
            // the shard count decides which partition each item is in
            entityKeys.put(what, new Key(key.template(), key.shape() + " in " + shards + " shards"));
          }
        }
        add(entityKeys, sources, entity, "sort key of index " + index.name(), binding.sortKey());
      }
      keys.put(entity.typeName(), entityKeys);
      sources.put(entity.typeName(), entity.sources().element());
    }
    return new KeyLayout(table.name(), settings, keys, sources);
  }

  private static void add(Map<String, Key> keys, Map<String, SourceRef> sources, EntityModel entity, String what,
      IndexBinding.KeyPart part) {
    if (part instanceof IndexBinding.Template template) {
      keys.put(what, new Key(template.template().text(), shape(entity, template.template())));
      sources.put(entity.typeName() + "/" + what, template.template().source());
    } else if (part instanceof IndexBinding.Raw raw) {
      keys.put(what, new Key("<" + raw.field().name() + ">", "stored as " + encoding(raw.field().valueType())));
      sources.put(entity.typeName() + "/" + what, raw.field().source());
    }
  }

  /** {@code USER#<STRING>}: the template's literals, and the encoding of each placeholder's field. */
  private static String shape(EntityModel entity, KeyTemplate template) {
    StringBuilder shape = new StringBuilder();
    for (KeyTemplate.Segment segment : template.segments()) {
      if (segment instanceof KeyTemplate.Literal literal) {
        shape.append(literal.text());
      } else {
        String field = ((KeyTemplate.Placeholder) segment).field();
        shape.append('<').append(entity.field(field).map(f -> encoding(f.valueType())).orElse("?")).append('>');
      }
    }
    return shape.toString();
  }

  /** The encoding a value type gives a key component or attribute: its scalar kind, or its sort of type. */
  private static String encoding(ValueType type) {
    if (type instanceof ValueType.Scalar scalar) {
      return scalar.kind().name();
    }
    if (type instanceof ValueType.EnumValue) {
      return "ENUM";
    }
    return type.getClass().getSimpleName().toUpperCase(Locale.ROOT);
  }

  /** Where {@code what} ({@code "partition key"}, a setting) of {@code entity} (null for the table) is declared. */
  public SourceRef source(String entity, String what) {
    SourceRef source = sources.get(entity == null ? what : entity + "/" + what);
    return source == null ? SourceRef.NONE : source;
  }
}
