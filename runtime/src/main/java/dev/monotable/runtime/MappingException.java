package dev.monotable.runtime;

/**
 * An item or field value that cannot be converted between Java and DynamoDB: an attribute of the
 * wrong type, a number out of range, an unknown enum constant, an item of another entity type.
 * The message names the entity (or document) type, the attribute path and the value.
 */
public class MappingException extends MonotableException {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final String attribute;
  private final String detail;

  /** A failure not yet placed in an entity or attribute; the reader adds both. */
  public MappingException(String detail) {
    this(null, null, detail, null);
  }

  /** A failure not yet placed in an entity or attribute, with its cause. */
  public MappingException(String detail, Throwable cause) {
    this(null, null, detail, cause);
  }

  /** A failure of the given type's attribute (a dotted path for nested values). */
  public MappingException(String type, String attribute, String detail, Throwable cause) {
    super(message(type, attribute, detail), cause);
    this.type = type;
    this.attribute = attribute;
    this.detail = detail;
  }

  private static String message(String type, String attribute, String detail) {
    if (type == null && attribute == null) {
      return detail;
    }
    if (attribute == null || attribute.isEmpty()) {
      return type + ": " + detail;
    }
    return (type == null ? "" : type + ".") + attribute + ": " + detail;
  }

  /** The entity or document type name, or {@code null} when not known. */
  public String type() {
    return type;
  }

  /** The attribute path ({@code address.city}, {@code tags[2]}), or {@code null} when not known. */
  public String attribute() {
    return attribute;
  }

  /** What is wrong, without the type and attribute. */
  public String detail() {
    return detail;
  }
}
