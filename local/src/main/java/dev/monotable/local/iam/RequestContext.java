package dev.monotable.local.iam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What IAM authorizes, for one action of a request: the action ({@code dynamodb:GetItem}), the
 * resource's ARN and the request's condition keys with their values ({@code dynamodb:LeadingKeys},
 * {@code dynamodb:Attributes}, ...). The principal's own keys ({@code aws:PrincipalTag/...}) come
 * from the {@link Principal} it is evaluated for. A key given no value is absent, as IAM treats it.
 * Immutable: {@link #with} returns a new context.
 *
 * <pre>{@code
 * RequestContext context = RequestContext.of("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:000000000000:table/T")
 *     .with("dynamodb:LeadingKeys", List.of("TENANT#A#USER#1"));
 * }</pre>
 */
public final class RequestContext {
  /** The partition key values the request names (DynamoDB: always the partition key, however many items). */
  public static final String LEADING_KEYS = "dynamodb:LeadingKeys";
  /** The attribute names the request reads, writes or tests. */
  public static final String ATTRIBUTES = "dynamodb:Attributes";
  public static final String SELECT = "dynamodb:Select";
  public static final String RETURN_VALUES = "dynamodb:ReturnValues";
  public static final String RETURN_CONSUMED_CAPACITY = "dynamodb:ReturnConsumedCapacity";
  /** Whether a PartiQL SELECT reads the whole table (a Scan): {@code true} or {@code false}. */
  public static final String FULL_TABLE_SCAN = "dynamodb:FullTableScan";
  /** TransactGetItems or TransactWriteItems, on each action of a transaction. */
  public static final String ENCLOSING_OPERATION = "dynamodb:EnclosingOperation";

  private final String action;
  private final String resource;
  /** By lower-cased key name: IAM's key names are case-insensitive. */
  private final Map<String, List<String>> keys;

  private RequestContext(String action, String resource, Map<String, List<String>> keys) {
    this.action = action;
    this.resource = resource;
    this.keys = keys;
  }

  /** The context of {@code action} on {@code resource}, with no condition keys yet. */
  public static RequestContext of(String action, String resource) {
    return new RequestContext(action, resource, Map.of());
  }

  /** This context with {@code key} set to {@code values}; an empty list leaves the key absent. */
  public RequestContext with(String key, List<String> values) {
    Map<String, List<String>> copy = new LinkedHashMap<>(keys);
    if (values == null || values.isEmpty()) {
      copy.remove(key.toLowerCase(Locale.ROOT));
    } else {
      copy.put(key.toLowerCase(Locale.ROOT), List.copyOf(values));
    }
    return new RequestContext(action, resource, Map.copyOf(copy));
  }

  /** This context with the single-valued {@code key} set to {@code value}; null leaves it absent. */
  public RequestContext with(String key, String value) {
    return with(key, value == null ? List.of() : List.of(value));
  }

  /** The action, such as {@code dynamodb:GetItem}. */
  public String action() {
    return action;
  }

  /** The resource's ARN. */
  public String resource() {
    return resource;
  }

  /** The values of {@code key} in the request, or null when the request has none. */
  public List<String> values(String key) {
    return keys.get(key.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return action + " on " + resource + " " + keys;
  }
}
