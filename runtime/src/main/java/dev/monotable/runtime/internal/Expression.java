package dev.monotable.runtime.internal;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The text of a condition or filter expression with every attribute name and value behind a
 * placeholder ({@code #n0}, {@code :v0}), so reserved words and names with {@code .} or {@code -}
 * always work. One builder serves one request; names are shared, values never are.
 */
public final class Expression {
  private final String prefix;
  private final Map<String, String> names;
  private final Map<String, AttributeValue> values;
  private final Map<String, String> placeholderOfName = new HashMap<>();
  private int counter;

  /**
   * @param prefix distinguishes this expression's placeholders from others in the same request
   * @param names the request's attribute-name placeholders, added to
   * @param values the request's value placeholders, added to
   */
  public Expression(String prefix, Map<String, String> names, Map<String, AttributeValue> values) {
    this.prefix = prefix;
    this.names = names;
    this.values = values;
  }

  /** The placeholder of an attribute name, the same one each time for one name. */
  public String name(String attribute) {
    return placeholderOfName.computeIfAbsent(attribute, a -> {
      String placeholder = "#" + prefix + "n" + counter++;
      names.put(placeholder, a);
      return placeholder;
    });
  }

  /** A new placeholder for a value. */
  public String value(AttributeValue value) {
    String placeholder = ":" + prefix + "v" + counter++;
    values.put(placeholder, value);
    return placeholder;
  }
}
