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
    String stream,
    String billingMode,
    Throughput throughput,
    boolean deletionProtection,
    String tenant,
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
      SourceRef delimiter,
      SourceRef stream,
      SourceRef billing,
      SourceRef billingMode,
      SourceRef read,
      SourceRef write,
      SourceRef tenant) {}

  /** The stream view types {@code @Table(stream = ...)} can name, besides {@code NONE}. */
  public static final List<String> STREAM_VIEWS =
      List.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES");

  /** The billing modes {@code @Billing(mode = ...)} can name. */
  public static final List<String> BILLING_MODES = List.of("ON_DEMAND", "PROVISIONED");

  /** Whether the table is billed for provisioned capacity rather than per request. */
  public boolean provisioned() {
    return billingMode.equals("PROVISIONED");
  }

  /** Whether several tenants share the table: {@code @Table(tenant = ...)} names their key field. */
  public boolean hasTenant() {
    return !tenant.isEmpty();
  }

  /** Whether {@code @Table} is on an interface, as it must be. */
  public boolean onInterface() {
    return declaredKind.equals("interface");
  }

  /** Whether items carry their entity type; a table without holds a single entity type. */
  public boolean hasTypeAttribute() {
    return !typeAttribute.isEmpty();
  }

  public boolean hasTimeToLive() {
    return !timeToLive.isEmpty();
  }

  /** Whether the table has a DynamoDB stream. */
  public boolean hasStream() {
    return !stream.equals("NONE");
  }

  /** Whether the stream's records carry the item after the change. */
  public boolean streamHasNewImage() {
    return stream.equals("NEW_IMAGE") || stream.equals("NEW_AND_OLD_IMAGES");
  }

  /** Whether the stream's records carry the item before the change. */
  public boolean streamHasOldImage() {
    return stream.equals("OLD_IMAGE") || stream.equals("NEW_AND_OLD_IMAGES");
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

  /** The generated migrations of the table, which its {@code migrations()} returns. */
  public TypeRef migrationsClass() {
    return type.companion("Migrations");
  }

  /** The generated async twin of the table class. */
  public TypeRef asyncTableClass() {
    return type.companion("AsyncTable");
  }

  /** The generated decoder of the table's stream records. */
  public TypeRef changesClass() {
    return type.companion("Changes");
  }

  /** The generated handler interface of the table's changes. */
  public TypeRef changeHandlerClass() {
    return type.companion("ChangeHandler");
  }
}
