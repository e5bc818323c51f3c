package dev.monotable.processor.model;

import java.util.List;
import java.util.Optional;

/** A table interface and its {@code @Table} values. */
public record TableModel(
    TypeRef type,
    String name,
    String partitionKey,
    String sortKey,
    List<IndexModel> indexes,
    String typeAttribute,
    String delimiter,
    String timeToLive,
    String declaredKind,
    Sources sources) {

  public TableModel {
    indexes = List.copyOf(indexes);
  }

  /** Where each value of the annotation is, for diagnostics. */
  public record Sources(
      SourceRef element,
      SourceRef name,
      SourceRef partitionKey,
      SourceRef sortKey,
      SourceRef globalIndexes,
      SourceRef localIndexes,
      SourceRef typeAttribute,
      SourceRef delimiter) {}

  /** Whether {@code @Table} is on an interface, as it must be. */
  public boolean onInterface() {
    return declaredKind.equals("interface");
  }

  public boolean hasTimeToLive() {
    return !timeToLive.isEmpty();
  }

  public boolean hasSortKey() {
    return !sortKey.isEmpty();
  }

  public Optional<IndexModel> index(String indexName) {
    return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
  }

  public List<IndexModel> indexes(IndexModel.Kind kind) {
    return indexes.stream().filter(i -> i.kind() == kind).toList();
  }

  /** The generated table class. */
  public TypeRef tableClass() {
    return type.companion("Table");
  }
}
