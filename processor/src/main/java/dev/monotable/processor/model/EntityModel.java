package dev.monotable.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code @Entity} with its key templates, index keys and access patterns.
 *
 * @param typeName the value of the table's type attribute for this entity
 * @param table the table interface named by {@code @Entity(table)}
 * @param partitionKey absent when the entity has no {@code @PartitionKey}
 * @param suppressedWarnings the {@code monotable.*} names of {@code @SuppressWarnings} on the entity
 * @param shards the number of shards of the table partition key ({@code @PartitionKey(shards)}), 0 for none
 */
public record EntityModel(
    TypeRef type,
    String typeName,
    TypeRef table,
    List<FieldModel> fields,
    Creation creation,
    Optional<KeyTemplate> partitionKey,
    Optional<KeyTemplate> sortKey,
    String collection,
    List<IndexKeyModel> indexKeys,
    List<AccessPatternModel> accessPatterns,
    Set<String> suppressedWarnings,
    int shards,
    Sources sources) {

  public EntityModel {
    fields = List.copyOf(fields);
    indexKeys = List.copyOf(indexKeys);
    accessPatterns = List.copyOf(accessPatterns);
    suppressedWarnings = Set.copyOf(suppressedWarnings);
  }

  /** Where the entity's annotations are, for diagnostics. */
  public record Sources(SourceRef element, SourceRef table, SourceRef typeName, SourceRef collection,
      SourceRef shards) {}

  /** Whether the table partition key is written in shards. */
  public boolean sharded() {
    return shards != 0;
  }

  public Optional<FieldModel> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The {@code @Version} field, if any. */
  public Optional<FieldModel> versionField() {
    return storedFields().stream().filter(FieldModel::version).findFirst();
  }

  /** The stored fields (not {@code @Ignore}d). */
  public List<FieldModel> storedFields() {
    return fields.stream().filter(f -> !f.ignored()).toList();
  }

  public Optional<FieldModel> fieldByAttribute(String attributeName) {
    return storedFields().stream().filter(f -> f.attributeName().equals(attributeName)).findFirst();
  }

  /**
   * The number of shards of this entity's partition key in {@code index}, 0 when it is not sharded:
   * its {@code @IndexKey}'s, or the table's for a local index, whose partition key is the table's.
   */
  public int shards(IndexModel index) {
    if (index.kind() == IndexModel.Kind.LOCAL) {
      return shards;
    }
    return indexKey(index.name()).map(IndexKeyModel::shards).orElse(0);
  }

  public Optional<IndexKeyModel> indexKey(String index) {
    return indexKeys.stream().filter(k -> k.index().equals(index)).findFirst();
  }

  /**
   * How this entity provides the key attributes of {@code index}: from its {@code @IndexKey}
   * templates, or from a field stored under the index's key attribute name (a raw attribute).
   */
  public IndexBinding bindingFor(TableModel table, IndexModel index) {
    Optional<IndexKeyModel> declared = indexKey(index.name());
    IndexBinding.KeyPart partition;
    if (index.kind() == IndexModel.Kind.LOCAL) {
      partition = new IndexBinding.TablePartitionKey();
    } else {
      partition = part(index.partitionKey(), declared.flatMap(IndexKeyModel::partitionKey));
    }
    IndexBinding.KeyPart sort = index.hasSortKey()
        ? part(index.sortKey(), declared.flatMap(IndexKeyModel::sortKey))
        : new IndexBinding.None();
    return new IndexBinding(index, partition, sort);
  }

  private IndexBinding.KeyPart part(String attribute, Optional<KeyTemplate> template) {
    if (template.isPresent()) {
      return new IndexBinding.Template(attribute, template.get());
    }
    Optional<FieldModel> raw = fieldByAttribute(attribute);
    if (raw.isPresent()) {
      return new IndexBinding.Raw(attribute, raw.get());
    }
    return new IndexBinding.None();
  }

  /**
   * How this entity fills the table's partition key attribute: from its template, or from its plain
   * key field as it is (a {@link IndexBinding.Raw}).
   */
  public IndexBinding.KeyPart tablePartitionKey(TableModel table) {
    return tablePart(table.partitionKey(), partitionKey);
  }

  /**
   * How this entity fills the partition key attribute of {@code index}: as {@link #bindingFor} says,
   * but for a local index the table partition key it shares, as {@link #tablePartitionKey} says.
   */
  public IndexBinding.KeyPart indexPartitionKey(TableModel table, IndexModel index) {
    IndexBinding.KeyPart part = bindingFor(table, index).partitionKey();
    return part instanceof IndexBinding.TablePartitionKey ? tablePartitionKey(table) : part;
  }

  /** How this entity fills the table's sort key attribute, or {@link IndexBinding.None} without one. */
  public IndexBinding.KeyPart tableSortKey(TableModel table) {
    return table.hasSortKey() ? tablePart(table.sortKey(), sortKey) : new IndexBinding.None();
  }

  private IndexBinding.KeyPart tablePart(String attribute, Optional<KeyTemplate> key) {
    if (key.isEmpty()) {
      return new IndexBinding.None();
    }
    KeyTemplate template = key.get();
    return template.plain()
        ? new IndexBinding.Raw(attribute, field(template.plainField()).orElseThrow())
        : new IndexBinding.Template(attribute, template);
  }

  /** Whether a primary-key attribute of the entity is a plain key field rather than a template. */
  public boolean hasPlainKey() {
    return partitionKey.map(KeyTemplate::plain).orElse(false) || sortKey.map(KeyTemplate::plain).orElse(false);
  }

  /**
   * Whether the primary key the table needs is declared, parses, and names only fields of the
   * entity: whether it can be compared with other entities' keys.
   */
  public boolean hasResolvedKey(TableModel table) {
    if (!resolves(partitionKey)) {
      return false;
    }
    return !table.hasSortKey() || resolves(sortKey);
  }

  private boolean resolves(Optional<KeyTemplate> key) {
    return key.isPresent() && key.get().isValid() && key.get().fields().stream().allMatch(f -> field(f).isPresent());
  }

  /** The templates of the primary key: the partition key, then the sort key when the table has one. */
  public List<KeyTemplate> primaryKeyTemplates(TableModel table) {
    List<KeyTemplate> templates = new ArrayList<>();
    partitionKey.ifPresent(templates::add);
    if (table.hasSortKey()) {
      sortKey.ifPresent(templates::add);
    }
    return templates;
  }

  /**
   * The fields of {@code templates}, each once, in template order: the parameters of a key
   * builder, and the values a key is built from.
   */
  public List<FieldModel> keyFields(List<KeyTemplate> templates) {
    List<FieldModel> fields = new ArrayList<>();
    for (KeyTemplate template : templates) {
      for (String name : template.fields()) {
        if (fields.stream().noneMatch(f -> f.name().equals(name))) {
          fields.add(field(name).orElseThrow());
        }
      }
    }
    return fields;
  }

  /**
   * The fields the entity's key in one index is built from, each once: those of its templates (of
   * the table's partition key, for a local index) and the fields stored as raw key attributes.
   */
  public List<FieldModel> keyFields(IndexBinding binding) {
    List<FieldModel> fields = new ArrayList<>();
    for (IndexBinding.KeyPart part : List.of(binding.partitionKey(), binding.sortKey())) {
      List<FieldModel> partFields = List.of();
      if (part instanceof IndexBinding.Template template) {
        partFields = keyFields(List.of(template.template()));
      } else if (part instanceof IndexBinding.TablePartitionKey) {
        partFields = keyFields(List.of(partitionKey.orElseThrow()));
      } else if (part instanceof IndexBinding.Raw raw) {
        partFields = List.of(raw.field());
      }
      for (FieldModel field : partFields) {
        if (fields.stream().noneMatch(f -> f.name().equals(field.name()))) {
          fields.add(field);
        }
      }
    }
    return fields;
  }

  /** The generated schema, keys and repository classes. */
  public TypeRef schemaType() {
    return type.companion("Schema");
  }

  public TypeRef keysType() {
    return type.companion("Keys");
  }

  public TypeRef repositoryType() {
    return type.companion("Repository");
  }

  /** The generated async twin of the repository, which the async table hands out. */
  public TypeRef asyncRepositoryType() {
    return type.companion("AsyncRepository");
  }
}
