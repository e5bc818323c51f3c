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

  private static final String ITEM_TOO_BIG = "Item size has exceeded the maximum allowed size";
  private static final String INCORRECT_OPERAND = "An operand in the update expression has an incorrect data type";
  private static final String INDEX_TYPE_MISMATCH = "One or more parameter values were invalid: Type mismatch for Index Key";

  final Kind kind;
  final Table table;
  final Map<String, Value> key;
  private final Map<String, Value> item;
  private final Update update;
  private final Condition condition;
  final String returnValuesOnConditionCheckFailure;
  private final int valueBytes;
  /** Whether this update came as AttributeUpdates rather than an UpdateExpression. */
  private boolean legacyUpdate;

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
    return put(state, request, false);
  }

  /**
   * Parses a PutItem request (with {@code allOldOrNone}, refusing PutItem's ReturnValues other than
   * ALL_OLD and NONE), or a transaction's Put. As DynamoDB, everything the request says by itself is
   * checked before the table is looked up; its key and index attributes after.
   */
  static Write put(EngineState state, JsonNode request, boolean allOldOrNone) {
    String tableName = Requests.tableName(request);
    Requests.expressionParameters(request, "ConditionExpression");
    Map<String, Value> item = Requests.item(request, "Item");
    if (allOldOrNone) {
      allOldOrNone(request);
    }
    if (ItemSize.of(item) > Table.ITEM_LIMIT) {
      throw DynamoError.validation(ITEM_TOO_BIG);
    }
    Placeholders placeholders = Requests.placeholders(request, "ConditionExpression");
    Condition condition = condition(request, placeholders);
    placeholders.checkAllUsed();
    Table table = state.table(tableName);
    table.checkItem(item);
    return new Write(Kind.PUT, table, table.key.keyOf(item), item, null, condition, returnOnFailure(request),
        placeholders);
  }

  /** Parses a DeleteItem request, or a transaction's Delete. */
  static Write delete(EngineState state, JsonNode request) {
    return delete(state, request, false);
  }

  /** Parses a DeleteItem request (with {@code allOldOrNone}, as {@link #put}), or a transaction's Delete. */
  static Write delete(EngineState state, JsonNode request, boolean allOldOrNone) {
    String tableName = Requests.tableName(request);
    Requests.expressionParameters(request, "ConditionExpression");
    Map<String, Value> key = Requests.item(request, "Key");
    if (allOldOrNone) {
      allOldOrNone(request);
    }
    Placeholders placeholders = Requests.placeholders(request, "ConditionExpression");
    Condition condition = condition(request, placeholders);
    placeholders.checkAllUsed();
    Table table = state.table(tableName);
    table.key.checkKey(key);
    return new Write(Kind.DELETE, table, key, null, null, condition, returnOnFailure(request), placeholders);
  }

  /** Parses an UpdateItem request, or a transaction's Update: the request first, then against its table. */
  static Write update(EngineState state, JsonNode request) {
    String tableName = Requests.tableName(request);
    Requests.expressionParameters(request, "UpdateExpression", "ConditionExpression");
    Map<String, Value> key = Requests.item(request, "Key");
    String expression = Requests.text(request, "UpdateExpression", null);
    Update legacy = expression != null ? null : LegacyUpdate.attributeUpdates(request.get("AttributeUpdates"));
    Placeholders placeholders = Requests.placeholders(request, "UpdateExpression", "ConditionExpression");
    Update update = expression != null ? Expressions.update(expression, placeholders) : legacy;
    Condition condition = condition(request, placeholders);
    placeholders.checkAllUsed();
    Table table = state.table(tableName);
    table.key.checkKey(key);
    if (update != null) {
      for (DocumentPath target : update.targets()) {
        if (table.key.isKeyAttribute(target.topLevelName())) {
          throw DynamoError.validation("One or more parameter values were invalid: Cannot update attribute "
              + target.topLevelName() + ". This attribute is part of the key");
        }
      }
      checkIndexKeyTypes(table, update.knownTypes());
      List<DocumentPath> paths = new ArrayList<>(update.targets());
      paths.addAll(update.operandPaths());
      table.checkProjectedKeys(paths);
    }
    Write write = new Write(Kind.UPDATE, table, key, null, update, condition, returnOnFailure(request), placeholders);
    write.legacyUpdate = expression == null;
    return write;
  }

  /**
   * Refuses an update that gives an index key attribute a value of another type than the index
   * declares, when the type is known without the item (a value, arithmetic, list_append, ADD).
   */
  private static void checkIndexKeyTypes(Table table, Map<String, String> knownTypes) {
    for (SecondaryIndex index : table.indexes.values()) {
      checkIndexKeyType(index, index.key.partitionKey(), index.key.partitionType(), knownTypes);
      if (index.key.hasSortKey()) {
        checkIndexKeyType(index, index.key.sortKey(), index.key.sortType(), knownTypes);
      }
    }
  }

  private static void checkIndexKeyType(SecondaryIndex index, String attribute, String type, Map<String, String> known) {
    String actual = known.get(attribute);
    if (actual != null && !actual.equals(type)) {
      throw DynamoError.validation("One or more parameter values were invalid: Type mismatch for Index Key " + attribute
          + " Expected: " + type + " Actual: " + actual + " IndexName: " + index.name);
    }
  }

  /** Parses a transaction's ConditionCheck, which must have a condition. */
  static Write check(EngineState state, JsonNode request) {
    String tableName = Requests.tableName(request);
    Requests.expressionParameters(request, "ConditionExpression");
    Map<String, Value> key = Requests.item(request, "Key");
    Placeholders placeholders = Requests.placeholders(request, "ConditionExpression");
    Condition condition = condition(request, placeholders);
    if (condition == null) {
      throw DynamoError.validation("1 validation error detected: Value null at 'conditionExpression' failed to satisfy "
          + "constraint: Member must not be null");
    }
    placeholders.checkAllUsed();
    Table table = state.table(tableName);
    table.key.checkKey(key);
    return new Write(Kind.CHECK, table, key, null, null, condition, returnOnFailure(request), placeholders);
  }

  /** PutItem's and DeleteItem's ReturnValues: the model's enum is UpdateItem's five, DynamoDB takes two here. */
  private static void allOldOrNone(JsonNode request) {
    String returnValues = Requests.text(request, "ReturnValues", "NONE");
    if (!returnValues.equals("NONE") && !returnValues.equals("ALL_OLD")) {
      throw DynamoError.validation("ReturnValues can only be ALL_OLD or NONE");
    }
  }

  private static Condition condition(JsonNode request, Placeholders placeholders) {
    return Requests.condition(request, "ConditionExpression", placeholders);
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
        Map<String, Value> updated;
        try {
          updated = update == null ? new LinkedHashMap<>(base) : update.apply(base);
        } catch (DynamoError e) {
          // AttributeUpdates say it in their own words
          if (legacyUpdate && INCORRECT_OPERAND.equals(e.getMessage())) {
            throw DynamoError.validation("Type mismatch for attribute to update");
          }
          throw e;
        }
        if (ItemSize.of(updated) > Table.ITEM_LIMIT) {
          throw DynamoError.validation("Item size to update has exceeded the maximum allowed size");
        }
        try {
          table.checkItem(updated);
        } catch (DynamoError e) {
          // an index key given another type by a value read from the item (the request's own values are checked before)
          if (e.getMessage().startsWith(INDEX_TYPE_MISMATCH)) {
            throw DynamoError.validation("The update expression attempted to update the secondary index key to "
                + "unsupported type");
          }
          throw e;
        }
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
