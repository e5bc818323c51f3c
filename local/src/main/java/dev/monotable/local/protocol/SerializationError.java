package dev.monotable.local.protocol;

import dev.monotable.local.value.DynamoError;

/**
 * DynamoDB's {@code SerializationException}: a member of the request has the wrong JSON type. Its
 * {@code __type} is in the protocol layer's namespace, not the service's.
 */
final class SerializationError extends DynamoError {
  private static final long serialVersionUID = 1L;

  SerializationError(String message) {
    super("SerializationException", message, 400);
  }

  @Override
  public String qualifiedType() {
    return "com.amazon.coral.service#SerializationException";
  }
}
