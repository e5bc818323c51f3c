package dev.monotable.runtime;

/**
 * A key component value that cannot be part of a key: null, empty, containing the table's key
 * delimiter, outside the range the encoding covers, or a key over DynamoDB's size limit (2,048
 * bytes for a partition key, 1,024 for a sort key). Plain keys, fields stored as they are, are
 * checked alike. Thrown before anything is sent, so a user-supplied {@code "victim#ORDER"} can
 * never address another entity's item.
 */
public class InvalidKeyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String entity;
  private final String field;
  private final String template;

  /**
   * @param entity the entity type name
   * @param field the field of the template, or {@code null} for the key as a whole
   * @param template the key template, e.g. {@code USER#<id>}; {@code <id>} for a plain key
   * @param reason what is wrong with the value
   */
  public InvalidKeyException(String entity, String field, String template, String reason) {
    super("Invalid key for " + entity + (field == null ? "" : ", field '" + field + "'")
        + " of template \"" + template + "\": " + reason);
    this.entity = entity;
    this.field = field;
    this.template = template;
  }

  /** The entity type name. */
  public String entity() {
    return entity;
  }

  /** The field whose value was refused, or {@code null} when the key as a whole was refused. */
  public String field() {
    return field;
  }

  /** The key template. */
  public String template() {
    return template;
  }
}
