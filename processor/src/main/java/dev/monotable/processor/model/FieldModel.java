package dev.monotable.processor.model;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One field of an entity or document.
 *
 * @param name the Java name, used in templates
 * @param attributeName the stored attribute name ({@code @Attribute} or the Java name)
 * @param javaType the declared type
 * @param valueType how the value is stored
 * @param read how generated code reads the value from an instance
 * @param write how generated code sets it when building an instance with setters (null when the
 *     type is built through its constructor or the field cannot be set)
 * @param ignored {@code @Ignore}: not stored
 * @param roles what the runtime does with the field besides storing it
 * @param source the field, record component or getter
 * @param attributeSource the {@code @Attribute} value, or the field when there is none
 */
public record FieldModel(
    String name,
    String attributeName,
    JavaType javaType,
    ValueType valueType,
    Access read,
    Access write,
    boolean ignored,
    Set<Role> roles,
    SourceRef source,
    SourceRef attributeSource) {

  /** What the runtime does with a field besides storing it. */
  public enum Role {
    /** {@code @Version}: the optimistic-locking version. */
    VERSION,
    /** {@code @TimeToLive}: stored as epoch seconds under the table's TTL attribute. */
    TIME_TO_LIVE,
    /** {@code @CreatedAt}: the time of the first write. */
    CREATED_AT,
    /** {@code @UpdatedAt}: the time of the last write. */
    UPDATED_AT,
    /** {@code @PartitionKey} on the field: the table's partition key attribute, as it is. */
    PARTITION_KEY,
    /** {@code @SortKey} on the field: the table's sort key attribute, as it is. */
    SORT_KEY
  }

  public FieldModel {
    roles = Set.copyOf(roles);
  }

  public boolean version() {
    return roles.contains(Role.VERSION);
  }

  public boolean timeToLive() {
    return roles.contains(Role.TIME_TO_LIVE);
  }

  /**
   * The first stored field of {@code fields} whose type, or a type nested in it, another processor
   * has not generated yet: the type that owns the fields waits for a later round.
   */
  public static Optional<FieldModel> firstAwaitingGeneration(List<FieldModel> fields) {
    return fields.stream().filter(f -> !f.ignored() && f.valueType().awaitsGeneration()).findFirst();
  }

  /** This field stored under another attribute name, as another value type. */
  public FieldModel storedAs(String attribute, ValueType type) {
    return new FieldModel(name, attribute, javaType, type, read, write, ignored, roles, source, attributeSource);
  }

  /** How a value is read or written: through a method ({@code id()}, {@code setId(..)}) or a field. */
  public record Access(Kind kind, String member) {
    public enum Kind { METHOD, FIELD }

    public static Access method(String name) {
      return new Access(Kind.METHOD, name);
    }

    public static Access field(String name) {
      return new Access(Kind.FIELD, name);
    }
  }
}
