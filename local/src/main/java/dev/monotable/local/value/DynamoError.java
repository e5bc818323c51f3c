package dev.monotable.local.value;

/**
 * A failure the engine answers with, as DynamoDB does: an error type (the part of {@code __type}
 * after {@code #}), a message and an HTTP status. The SDK turns the type into its own exception
 * class ({@code ConditionalCheckFailedException}, {@code ResourceNotFoundException}, ...).
 */
public class DynamoError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final int status;

  public DynamoError(String type, String message, int status) {
    super(message, null, false, false);
    this.type = type;
    this.status = status;
  }

  /** {@code ValidationException}: the request is malformed or breaks a rule; nothing was done. */
  public static DynamoError validation(String message) {
    return new DynamoError("ValidationException", message, 400);
  }

  /** {@code ValidationException} with a printf-style message. */
  public static DynamoError validation(String format, Object... arguments) {
    return validation(String.format(format, arguments));
  }

  /** {@code ResourceNotFoundException}, for a table, index or stream that does not exist. */
  public static DynamoError notFound(String message) {
    return new DynamoError("ResourceNotFoundException", message, 400);
  }

  /** {@code ResourceInUseException}, for a table that exists already or is busy. */
  public static DynamoError inUse(String message) {
    return new DynamoError("ResourceInUseException", message, 400);
  }

  /** The error type, such as {@code ValidationException}. */
  public String type() {
    return type;
  }

  /** The full {@code __type} DynamoDB writes, with the service's namespace. */
  public String qualifiedType() {
    return switch (type) {
      case "ValidationException" -> "com.amazon.coral.validate#" + type;
      // IAM's refusal and an unknown operation come from the service framework, not from DynamoDB's own model
      case "AccessDeniedException", "UnknownOperationException" -> "com.amazon.coral.service#" + type;
      default -> "com.amazonaws.dynamodb.v20120810#" + type;
    };
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }
}
