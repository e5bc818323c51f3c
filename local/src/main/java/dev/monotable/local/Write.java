package dev.monotable.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.monotable.local.expression.Condition;
import dev.monotable.local.expression.DocumentPath;
import dev.monotable.local.expression.Expressions;
import dev.monotable.local.expression.Placeholders;
import dev.monotable.local.expression.Projection;
import dev.monotable.local.expression.Update;
import dev.monotable.local.legacy.LegacyUpdate;
import dev.monotable.local.value.DynamoError;
import dev.monotable.local.value.ItemSize;
import dev.monotable.local.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One write (put, delete, update or a transaction's condition check), parsed and checked against
 * its table before anything changes, so that transactions can test every condition first and
 * then apply every write.
 */
final class Write {
  enum Kind { PUT, DELETE, UPDATE, CHECK }

  final Kind kind;
  final Table table;
  final Map<String, Value> key;
  private final Map<String, Value> item;
  private final Update update;
  private final Condition condition;
  final String returnValuesOnConditionCheckFailure;
  private final int valueBytes;

  private Write(Kind kind, Table table, Map<String, Value> key, Map<String, Value> item, Update update,
      Condition condition, String returnOnFailure, Placeholders placeholders) {
    this.kind = kind;
    this.table = table;
    this.key = key;
    this.item = item;
    this.update = update;
    this.condition = condition;
    this.returnValuesOnConditionCheckFailure = returnOnFailure;
    this.valueBytes = placeholders.valueBytes();
  }

  /**
   * The bytes of the item or key and of the expression values this write carries in its request:
   * what DynamoDB counts towards a transaction's 4 MB, the request's size rather than the size of
   * the items it changes (a transaction may delete more than 4 MB of items).
   */
  int payloadBytes() {
    return ItemSize.of(item != null ? item : key) + valueBytes;
  }

  /** Parses a PutItem request, or a transaction's Put. */
  static Write put(EngineState state, JsonNode request) {
    Table table = state.table(Requests.tableName(request));
    Map<String, Value> item = Requests.item(request, "Item");
    table.checkItem(item);
    Placeholders placeholders = Requests.placeholders(request, "ConditionExpression");
    Condition condition = condition(request, placeholders);
    placeholders.checkAllUsed();
    return new Write(Kind.PUT, table, table.key.keyOf(item), item, null, condition, returnOnFailure(request),
        placeholders);
  }

  /** Parses a DeleteItem request, or a transaction's Delete. */
  static Write delete(EngineState state, JsonNode request) {
    Table table = state.table(Requests.tableName(request));
    Map<String, Value> key = key(table, request);
    Placeholders placeholders = Requests.placeholders(request, "ConditionExpression");
    Condition condition = condition(request, placeholders);
    placeholders.checkAllUsed();
    return new Write(Kind.DELETE, table, key, null, null, condition, returnOnFailure(request), placeholders);
  }

  /** Parses an UpdateItem request, or a transaction's Update. */
  static Write update(EngineState state, JsonNode request) {
    Table table = state.table(Requests.tableName(request));
    Map<String, Value> key = key(table, request);
    Placeholders placeholders = Requests.placeholders(request, "ConditionExpression", "UpdateExpression");
    String expression = Requests.text(request, "UpdateExpression", null);
    Update update = expression != null ? Expressions.update(expression, placeholders)
        : LegacyUpdate.attributeUpdates(request.get("AttributeUpdates"));
    if (update != null) {
      for (DocumentPath target : update.targets()) {
        if (table.key.isKeyAttribute(target.topLevelName())) {
          throw DynamoError.validation("One or more parameter values were invalid: Cannot update attribute "
              + target.topLevelName() + ". This attribute is part of the key");
        }
      }
    }
    Condition condition = condition(request, placeholders);
    placeholders.checkAllUsed();
    return new Write(Kind.UPDATE, table, key, null, update, condition, returnOnFailure(request), placeholders);
  }

  /** Parses a transaction's ConditionCheck, which must have a condition. */
  static Write check(EngineState state, JsonNode request) {
    Table table = state.table(Requests.tableName(request));
    Map<String, Value> key = key(table, request);
    Placeholders placeholders = Requests.placeholders(request, "ConditionExpression");
    Condition condition = condition(request, placeholders);
    if (condition == null) {
      throw DynamoError.validation("1 validation error detected: Value null at 'conditionExpression' failed to satisfy "
          + "constraint: Member must not be null");
    }
    placeholders.checkAllUsed();
    return new Write(Kind.CHECK, table, key, null, null, condition, returnOnFailure(request), placeholders);
  }

  private static Condition condition(JsonNode request, Placeholders placeholders) {
    return Requests.condition(request, "ConditionExpression", placeholders);
  }

  /** The request's Key, checked against the table's key schema. */
  private static Map<String, Value> key(Table table, JsonNode request) {
    Map<String, Value> key = Requests.item(request, "Key");
    table.key.checkKey(key);
    return key;
  }

  private static String returnOnFailure(JsonNode request) {
    return Requests.choice(request, "ReturnValuesOnConditionCheckFailure", "NONE", "NONE", "ALL_OLD");
  }

  /** The item this write is about, as stored now, or null. */
  Map<String, Value> current() {
    return table.get(key);
  }

  /** Whether the write's condition holds on the current item (true without a condition). */
  boolean conditionHolds(Map<String, Value> current) {
    return condition == null || condition.test(current == null ? Map.of() : current);
  }

  /**
   * The item after this write (null for a delete, the current item for a check); checks the
   * updated item's keys and size.
   */
  Map<String, Value> result(Map<String, Value> current) {
    switch (kind) {
      case PUT:
        return item;
      case DELETE:
        return null;
      case CHECK:
        return current;
      default:
        Map<String, Value> base = current == null ? new LinkedHashMap<>(key) : current;
        Map<String, Value> updated = update == null ? new LinkedHashMap<>(base) : update.apply(base);
        table.checkItem(updated);
        return updated;
    }
  }

  /** Stores {@code result} (from {@link #result}); returns the old item. */
  Map<String, Value> apply(Map<String, Value> result, Capacity capacity, double factor, ChangeLog log) {
    if (kind == Kind.CHECK) {
      return result;
    }
    if (kind == Kind.DELETE && table.get(key) == null) {
      capacity.write(table.name, null, false, factor);
      return null;
    }
    return table.write(key, result, capacity, factor, log, false);
  }

  /**
   * The parts of {@code item} this update wrote, for UPDATED_OLD ({@code item} as it was) and
   * UPDATED_NEW ({@code item} as it is now, {@code after}): a nested path comes back as nested maps
   * and lists holding only the updated parts, as a projection of the path would; a path not in
   * {@code item} is left out, and so, after the update, is every path REMOVE named (a list index
   * there now holds the next element).
   */
  Map<String, Value> updatedParts(Map<String, Value> item, boolean after) {
    if (update == null || item == null) {
      return null;
    }
    List<DocumentPath> paths = new ArrayList<>(update.targets());
    if (after) {
      paths.removeAll(update.removals());
    }
    return Projection.of(paths).apply(item);
  }
}
