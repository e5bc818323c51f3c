package dev.monotable.runtime;

/**
 * DynamoDB refused a request because the caller's IAM policy does not allow it (its
 * {@code AccessDeniedException}): in a tenant table ({@code @Table(tenant = ...)}), a key of another
 * tenant than the caller's, or an operation the tenant policy does not grant (a scan). Nothing of the
 * request was read or written. The message is DynamoDB's, naming the principal, the action and the
 * resource.
 *
 * <pre>{@code
 * try {
 *   table.orders().get(otherTenant, orderId);
 * } catch (AccessDeniedException denied) {
 *   // this role may not read another tenant's items
 * }
 * }</pre>
 */
public class AccessDeniedException extends MonotableException {
  private static final long serialVersionUID = 1L;

  private final String entityType;
  private final String operation;

  public AccessDeniedException(String entityType, String operation, String message, Throwable cause) {
    super((entityType == null ? "" : entityType + ": ") + operation + " was denied by IAM; nothing was read or"
        + " written: " + message, cause);
    this.entityType = entityType;
    this.operation = operation;
  }

  /** The entity type the request was for, or null for one across entity types (a transaction, a batch). */
  public String entityType() {
    return entityType;
  }

  /** The DynamoDB operation denied: {@code GetItem}, {@code Query}, {@code TransactWriteItems}, ... */
  public String operation() {
    return operation;
  }
}
