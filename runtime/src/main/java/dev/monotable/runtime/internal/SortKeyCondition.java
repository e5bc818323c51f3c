package dev.monotable.runtime.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sort-key part of a key condition, with an optional sort key to leave out: an exclusive bound
 * that DynamoDB's inclusive {@code BETWEEN} cannot express, and that a filter cannot either (filters
 * may not name key attributes), so the runner drops that one item from what comes back.
 *
 * <p>{@link #admits} tells whether a sort key satisfies the condition, comparing as DynamoDB does:
 * strings by their UTF-8 bytes (which is code-point order, not Java's UTF-16 {@code compareTo}),
 * numbers by value, binary values as unsigned bytes.
 *
 * @param operator how the sort key is compared; null when the condition leaves it free
 * @param value the operand, or the lower bound of {@code BETWEEN}
 * @param upper the upper bound of {@code BETWEEN}, else null
 * @param excluded the sort key whose item is dropped from the results, or null
 */
public record SortKeyCondition(Operator operator, AttributeValue value, AttributeValue upper, AttributeValue excluded) {
  public static final String SK = "#sk";

  /** The comparisons of a key condition on the sort key. */
  enum Operator {
    EQUAL("="), LESS_THAN("<"), AT_MOST("<="), GREATER_THAN(">"), AT_LEAST(">="), BETWEEN("BETWEEN"),
    BEGINS_WITH("begins_with");

    final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    /** The comparison written {@code <}, {@code <=}, {@code >} or {@code >=}. */
    static Operator comparison(String symbol) {
      for (Operator operator : List.of(LESS_THAN, AT_MOST, GREATER_THAN, AT_LEAST)) {
        if (operator.symbol.equals(symbol)) {
          return operator;
        }
      }
      throw new IllegalArgumentException("not a comparison: " + symbol);
    }
  }

  static SortKeyCondition none() {
    return NONE;
  }

  private static final SortKeyCondition NONE = new SortKeyCondition(null, null, null, null);

  static SortKeyCondition equalTo(AttributeValue value) {
    return new SortKeyCondition(Operator.EQUAL, value, null, null);
  }

  static SortKeyCondition beginsWith(AttributeValue prefix) {
    return new SortKeyCondition(Operator.BEGINS_WITH, prefix, null, null);
  }

  /** A comparison written {@code <}, {@code <=}, {@code >} or {@code >=}. */
  static SortKeyCondition compare(String operator, AttributeValue value) {
    return new SortKeyCondition(Operator.comparison(operator), value, null, null);
  }

  static SortKeyCondition between(AttributeValue low, AttributeValue high) {
    return new SortKeyCondition(Operator.BETWEEN, low, high, null);
  }

  /** This condition, with items whose sort key is exactly {@code value} filtered out. */
  SortKeyCondition excluding(AttributeValue value) {
    return new SortKeyCondition(operator, this.value, upper, value);
  }

  /**
   * The whole key condition of a query: equality on the partition key ({@code #pk = :pk}) and this
   * condition on {@link #SK}, when there is one. Each a constant: nothing is built per request.
   */
  public String keyCondition() {
    if (operator == null) {
      return "#pk = :pk";
    }
    return switch (operator) {
      case EQUAL -> "#pk = :pk AND #sk = :sk";
      case LESS_THAN -> "#pk = :pk AND #sk < :sk";
      case AT_MOST -> "#pk = :pk AND #sk <= :sk";
      case GREATER_THAN -> "#pk = :pk AND #sk > :sk";
      case AT_LEAST -> "#pk = :pk AND #sk >= :sk";
      case BETWEEN -> "#pk = :pk AND #sk BETWEEN :sk AND :sk2";
      case BEGINS_WITH -> "#pk = :pk AND begins_with(#sk, :sk)";
    };
  }

  /** Adds the name and values the condition uses to a request's, when it has any. */
  public void addTo(Map<String, String> names, String sortAttribute, Map<String, AttributeValue> values) {
    if (operator == null) {
      return;
    }
    names.put(SK, sortAttribute);
    values.put(":sk", value);
    if (upper != null) {
      values.put(":sk2", upper);
    }
  }

  /**
   * Whether DynamoDB's key condition holds for {@code sortKey} (a missing key, or one of another
   * type than the operand, does not satisfy a condition).
   */
  boolean admits(AttributeValue sortKey) {
    if (operator == null) {
      return true;
    }
    if (sortKey == null || !sameType(sortKey, value)) {
      return false;
    }
    return switch (operator) {
      case EQUAL -> compare(sortKey, value) == 0;
      case LESS_THAN -> compare(sortKey, value) < 0;
      case AT_MOST -> compare(sortKey, value) <= 0;
      case GREATER_THAN -> compare(sortKey, value) > 0;
      case AT_LEAST -> compare(sortKey, value) >= 0;
      case BETWEEN -> compare(sortKey, value) >= 0 && compare(sortKey, upper) <= 0;
      case BEGINS_WITH -> value.n() == null && startsWith(bytes(sortKey), bytes(value));
    };
  }

  /**
   * Whether {@code sortKey} comes before every sort key the condition admits, reading
   * {@code descending} (or ascending): below them ascending, above them descending. False for a key
   * the condition admits, one after its range, or one of another type.
   */
  boolean precedes(AttributeValue sortKey, boolean descending) {
    if (operator == null || sortKey == null || !sameType(sortKey, value)) {
      return false;
    }
    return switch (operator) {
      case EQUAL -> descending ? compare(sortKey, value) > 0 : compare(sortKey, value) < 0;
      case LESS_THAN -> descending && compare(sortKey, value) >= 0;
      case AT_MOST -> descending && compare(sortKey, value) > 0;
      case GREATER_THAN -> !descending && compare(sortKey, value) <= 0;
      case AT_LEAST -> !descending && compare(sortKey, value) < 0;
      case BETWEEN -> descending ? compare(sortKey, upper) > 0 : compare(sortKey, value) < 0;
      // descending, a key above the prefix that does not begin with it is above all that do
      case BEGINS_WITH -> value.n() == null && (descending
          ? compare(sortKey, value) > 0 && !startsWith(bytes(sortKey), bytes(value))
          : compare(sortKey, value) < 0);
    };
  }

  /** The condition for a message, such as {@code SK between "ORDER#2024" and "ORDER$"}. */
  String describe(String attribute) {
    if (operator == null) {
      return "any " + attribute;
    }
    return switch (operator) {
      case BETWEEN -> attribute + " between " + describe(value) + " and " + describe(upper);
      case BEGINS_WITH -> attribute + " begins with " + describe(value);
      default -> attribute + " " + operator.symbol + " " + describe(value);
    };
  }

  /** A key value for a message: a string quoted, a number as written, bytes in hexadecimal. */
  static String describe(AttributeValue value) {
    if (value == null) {
      return "no value";
    }
    if (value.s() != null) {
      return "\"" + value.s() + "\"";
    }
    if (value.n() != null) {
      return value.n();
    }
    if (value.b() != null) {
      return "0x" + HexFormat.of().formatHex(value.b().asByteArray());
    }
    return value.toString();
  }

  /** Whether two values are scalars of one type (S, N or B), which DynamoDB can order. */
  public static boolean sameType(AttributeValue a, AttributeValue b) {
    return (a.s() != null && b.s() != null) || (a.n() != null && b.n() != null) || (a.b() != null && b.b() != null);
  }

  /**
   * Two values of one key type, ordered as DynamoDB orders sort keys: strings by their UTF-8 bytes,
   * numbers by value, binary values as unsigned bytes.
   */
  public static int compare(AttributeValue a, AttributeValue b) {
    if (a.n() != null) {
      return new BigDecimal(a.n()).compareTo(new BigDecimal(b.n()));
    }
    return Arrays.compareUnsigned(bytes(a), bytes(b));
  }

  /** A string's UTF-8 bytes or a binary value's bytes: what DynamoDB compares, unsigned. */
  private static byte[] bytes(AttributeValue value) {
    return value.s() != null ? value.s().getBytes(StandardCharsets.UTF_8) : value.b().asByteArray();
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }
}
