package dev.monotable.processor.model;

/**
 * How one entity fills the key attributes of one secondary index. The index holds the entity's
 * items only when both parts are present ({@link #complete()}).
 */
public record IndexBinding(IndexModel index, KeyPart partitionKey, KeyPart sortKey) {

  /** One key attribute of the index. */
  public sealed interface KeyPart {}

  /** Written from a template of the entity's {@code @IndexKey}. */
  public record Template(String attribute, KeyTemplate template) implements KeyPart {}

  /** The entity's own attribute, used as it is. */
  public record Raw(String attribute, FieldModel field) implements KeyPart {}

  /** A local index: the table's partition key. */
  public record TablePartitionKey() implements KeyPart {}

  /** The entity does not provide this attribute (or the index has no sort key). */
  public record None() implements KeyPart {}

  /** Whether items of the entity can appear in the index. */
  public boolean complete() {
    boolean partition = !(partitionKey instanceof None);
    boolean sort = !index.hasSortKey() || !(sortKey instanceof None);
    return partition && sort;
  }

  /** Whether the entity writes anything into the index's key attributes. */
  public boolean declared() {
    return partitionKey instanceof Template || partitionKey instanceof Raw
        || sortKey instanceof Template || sortKey instanceof Raw;
  }
}
