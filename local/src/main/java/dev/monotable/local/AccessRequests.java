package dev.monotable.local;

import static dev.monotable.local.iam.RequestContext.ATTRIBUTES;
import static dev.monotable.local.iam.RequestContext.ENCLOSING_OPERATION;
import static dev.monotable.local.iam.RequestContext.FULL_TABLE_SCAN;
import static dev.monotable.local.iam.RequestContext.LEADING_KEYS;
import static dev.monotable.local.iam.RequestContext.RETURN_CONSUMED_CAPACITY;
import static dev.monotable.local.iam.RequestContext.RETURN_VALUES;
import static dev.monotable.local.iam.RequestContext.SELECT;

import com.fasterxml.jackson.databind.JsonNode;
import dev.monotable.local.expression.Expressions;
import dev.monotable.local.expression.KeyCondition;
import dev.monotable.local.expression.Placeholders;
import dev.monotable.local.iam.RequestContext;
import dev.monotable.local.legacy.LegacyConditions;
import dev.monotable.local.partiql.Ast;
import dev.monotable.local.partiql.Planner;
import dev.monotable.local.partiql.Planner.Plan;
import dev.monotable.local.value.DynamoError;
import dev.monotable.local.value.Value;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The IAM request contexts of a request: what IAM authorizes before DynamoDB runs it, one context
 * per action and resource, with DynamoDB's condition keys as its fine-grained access control
 * documents them.
 *
 * <ul>
 *   <li>GetItem, PutItem, UpdateItem, DeleteItem: {@code dynamodb:<operation>} on the table;
 *       {@code dynamodb:LeadingKeys} the partition key value of Key (PutItem: of Item).
 *   <li>Query and Scan: on the table, or on {@code table/<T>/index/<I>} for an index. A Query's
 *       LeadingKeys is the partition value its key condition (KeyConditionExpression or legacy
 *       KeyConditions) names: on an index, the index's partition key, since that is the only one the
 *       request names (IAM authorizes the request, not the items it reads). A Scan names none: with
 *       {@code ForAllValues} an absent key holds, so a tenant's policy must not grant Scan.
 *   <li>BatchGetItem, BatchWriteItem: one context per table, LeadingKeys every key of that table.
 *   <li>TransactGetItems, TransactWriteItems: one context per action, authorized as DynamoDB
 *       documents it, as the action's own operation ({@code dynamodb:GetItem}, {@code PutItem},
 *       {@code UpdateItem}, {@code DeleteItem}, {@code ConditionCheckItem}), with {@code
 *       dynamodb:EnclosingOperation} set.
 *   <li>PartiQL: each statement as {@code dynamodb:PartiQLSelect}, {@code PartiQLInsert}, {@code
 *       PartiQLUpdate} or {@code PartiQLDelete} on its table or index, keys from its plan (a SELECT
 *       planned as a Scan has no LeadingKeys and {@code dynamodb:FullTableScan} true).
 *   <li>Table, tag and stream operations: {@code dynamodb:<operation>} on the table, the ResourceArn,
 *       the stream; ListTables on {@code table/*}; DescribeLimits and DescribeEndpoints on {@code *}
 *       of the account.
 * </ul>
 *
 * <p>{@code dynamodb:Attributes} is every top-level attribute name the request names: key and item
 * attributes, projection, update, condition, filter and key-condition expressions and their legacy
 * parameters. {@code dynamodb:Select} is the request's, or its default (SPECIFIC_ATTRIBUTES with a
 * projection; else ALL_PROJECTED_ATTRIBUTES on an index, ALL_ATTRIBUTES on a table); {@code
 * dynamodb:ReturnValues} and {@code dynamodb:ReturnConsumedCapacity} the request's, or NONE. A
 * request the engine will refuse as malformed may lack a key it cannot compute; it reads nothing.
 * Runs under the engine's locks for the request, so that the tables' key schemas hold still.
 */
final class AccessRequests {
  private static final String ARN_PREFIX = "arn:aws:dynamodb:" + EngineState.REGION + ":" + EngineState.ACCOUNT + ":";
  private static final String[] EXPRESSIONS = {"ProjectionExpression", "ConditionExpression", "UpdateExpression",
      "FilterExpression", "KeyConditionExpression"};

  private final EngineState state;

  AccessRequests(EngineState state) {
    this.state = state;
  }

  /** The contexts of {@code operation} of {@code service} on {@code request}, checked against the service model. */
  List<RequestContext> of(String service, String operation, JsonNode request) {
    if (service.equals(Operations.STREAMS)) {
      return List.of(RequestContext.of("dynamodb:" + operation, streamArn(operation, request)));
    }
    String action = "dynamodb:" + operation;
    return switch (operation) {
      case "GetItem", "PutItem", "UpdateItem", "DeleteItem" -> List.of(item(action, text(request, "TableName"), request));
      case "Query" -> List.of(query(action, request));
      case "Scan" -> List.of(scan(action, request));
      case "BatchGetItem" -> batchGet(request);
      case "BatchWriteItem" -> batchWrite(request);
      case "TransactGetItems", "TransactWriteItems" -> transaction(operation, request);
      case "ExecuteStatement" -> statements(List.of(request), false);
      case "BatchExecuteStatement" -> statements(list(request.get("Statements")), true);
      case "ExecuteTransaction" -> statements(list(request.get("TransactStatements")), true);
      case "ListTables" -> List.of(RequestContext.of(action, ARN_PREFIX + "table/*"));
      case "DescribeLimits", "DescribeEndpoints" -> List.of(RequestContext.of(action, ARN_PREFIX + "*"));
      case "TagResource", "UntagResource", "ListTagsOfResource" ->
          List.of(RequestContext.of(action, text(request, "ResourceArn")));
      default -> List.of(RequestContext.of(action, tableArn(text(request, "TableName"))));
    };
  }

  /** A single-item action: GetItem, PutItem, UpdateItem, DeleteItem, ConditionCheckItem, or a PartiQL statement's. */
  private RequestContext item(String action, String tableName, JsonNode request) {
    Table table = state.tables.get(tableName);
    Map<String, Value> named = attributes(request.get("Key"));
    if (named == null) {
      named = attributes(request.get("Item"));
    }
    Set<String> names = new LinkedHashSet<>();
    if (named != null) {
      names.addAll(named.keySet());
    }
    boolean projected = expressionNames(request, names);
    RequestContext context = RequestContext.of(action, tableArn(tableName))
        .with(LEADING_KEYS, table == null || named == null ? null : partitionText(table.key, named))
        .with(ATTRIBUTES, List.copyOf(names))
        .with(RETURN_CONSUMED_CAPACITY, text(request, "ReturnConsumedCapacity", "NONE"));
    if (action.endsWith("GetItem") || action.endsWith("PartiQLSelect")) {
      context = context.with(SELECT, projected ? "SPECIFIC_ATTRIBUTES" : "ALL_ATTRIBUTES");
    } else {
      context = context.with(RETURN_VALUES, text(request, "ReturnValues", "NONE"));
    }
    return context;
  }

  private RequestContext query(String action, JsonNode request) {
    String tableName = text(request, "TableName");
    String indexName = text(request, "IndexName");
    KeySchema keys = keySchema(tableName, indexName);
    Set<String> names = new LinkedHashSet<>();
    boolean projected = expressionNames(request, names);
    String leading = null;
    String text = text(request, "KeyConditionExpression");
    if (keys != null && (text != null || request.hasNonNull("KeyConditions"))) {
      try {
        Placeholders placeholders = Requests.placeholders(request, EXPRESSIONS);
        KeyCondition condition = text != null
            ? Expressions.keyCondition(text, placeholders, keys.partitionKey(), keys.sortKey())
            : LegacyConditions.keyConditions(request.get("KeyConditions"), keys.partitionKey(), keys.partitionType(),
                keys.sortKey(), keys.sortType());
        leading = text(condition.partitionValue());
        names.add(condition.partitionKey());
        condition.sortKey().ifPresent(sort -> names.add(sort.attributeName()));
      } catch (DynamoError malformed) {
        // the Query itself refuses it, before it reads anything
      }
    }
    return RequestContext.of(action, resource(tableName, indexName))
        .with(LEADING_KEYS, leading)
        .with(ATTRIBUTES, List.copyOf(names))
        .with(SELECT, select(request, indexName, projected))
        .with(RETURN_CONSUMED_CAPACITY, text(request, "ReturnConsumedCapacity", "NONE"));
  }

  private RequestContext scan(String action, JsonNode request) {
    String tableName = text(request, "TableName");
    String indexName = text(request, "IndexName");
    Set<String> names = new LinkedHashSet<>();
    boolean projected = expressionNames(request, names);
    return RequestContext.of(action, resource(tableName, indexName))
        .with(ATTRIBUTES, List.copyOf(names))
        .with(SELECT, select(request, indexName, projected))
        .with(RETURN_CONSUMED_CAPACITY, text(request, "ReturnConsumedCapacity", "NONE"));
  }

  private static String select(JsonNode request, String indexName, boolean projected) {
    String select = text(request, "Select");
    if (select != null) {
      return select;
    }
    return projected ? "SPECIFIC_ATTRIBUTES" : indexName != null ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES";
  }

  private List<RequestContext> batchGet(JsonNode request) {
    List<RequestContext> contexts = new ArrayList<>();
    forEachTable(request, (tableName, entry) -> {
      Table table = state.tables.get(tableName);
      List<String> leading = new ArrayList<>();
      Set<String> names = new LinkedHashSet<>();
      for (JsonNode key : list(entry.get("Keys"))) {
        addKey(table, attributes(key), leading, names);
      }
      boolean projected = expressionNames(entry, names);
      contexts.add(RequestContext.of("dynamodb:BatchGetItem", tableArn(tableName))
          .with(LEADING_KEYS, leading)
          .with(ATTRIBUTES, List.copyOf(names))
          .with(SELECT, projected ? "SPECIFIC_ATTRIBUTES" : "ALL_ATTRIBUTES")
          .with(RETURN_CONSUMED_CAPACITY, text(request, "ReturnConsumedCapacity", "NONE")));
    });
    return contexts;
  }

  private List<RequestContext> batchWrite(JsonNode request) {
    List<RequestContext> contexts = new ArrayList<>();
    forEachTable(request, (tableName, entry) -> {
      Table table = state.tables.get(tableName);
      List<String> leading = new ArrayList<>();
      Set<String> names = new LinkedHashSet<>();
      for (JsonNode write : list(entry)) {
        addKey(table, attributes(write.path("PutRequest").get("Item")), leading, names);
        addKey(table, attributes(write.path("DeleteRequest").get("Key")), leading, names);
      }
      contexts.add(RequestContext.of("dynamodb:BatchWriteItem", tableArn(tableName))
          .with(LEADING_KEYS, leading)
          .with(ATTRIBUTES, List.copyOf(names))
          .with(RETURN_CONSUMED_CAPACITY, text(request, "ReturnConsumedCapacity", "NONE")));
    });
    return contexts;
  }

  /** Each action of a transaction, as the operation DynamoDB authorizes it as. */
  private List<RequestContext> transaction(String operation, JsonNode request) {
    List<RequestContext> contexts = new ArrayList<>();
    for (JsonNode entry : list(request.get("TransactItems"))) {
      for (Iterator<Map.Entry<String, JsonNode>> members = entry.fields(); members.hasNext(); ) {
        Map.Entry<String, JsonNode> member = members.next();
        String action = switch (member.getKey()) {
          case "Get" -> "dynamodb:GetItem";
          case "Put" -> "dynamodb:PutItem";
          case "Update" -> "dynamodb:UpdateItem";
          case "Delete" -> "dynamodb:DeleteItem";
          case "ConditionCheck" -> "dynamodb:ConditionCheckItem";
          default -> null;
        };
        if (action == null || !member.getValue().isObject()) {
          continue;
        }
        JsonNode body = member.getValue();
        RequestContext context = item(action, text(body, "TableName"), body)
            .with(ENCLOSING_OPERATION, operation)
            .with(RETURN_CONSUMED_CAPACITY, text(request, "ReturnConsumedCapacity", "NONE"));
        if (!action.equals("dynamodb:GetItem")) {
          // a transaction's action returns values only when its condition fails
          context = context.with(RETURN_VALUES, text(body, "ReturnValuesOnConditionCheckFailure", "NONE"));
        }
        contexts.add(context);
      }
    }
    return contexts;
  }

  /** Each PartiQL statement, planned as the engine runs it; {@code inBatch} for a batch's or transaction's. */
  private List<RequestContext> statements(List<JsonNode> entries, boolean inBatch) {
    List<RequestContext> contexts = new ArrayList<>();
    for (JsonNode entry : entries) {
      Ast.Statement statement;
      try {
        statement = PartiqlOperations.parse(entry);
      } catch (DynamoError malformed) {
        continue;  // the operation refuses it before it reads or writes anything
      }
      String action = statement instanceof Ast.Insert ? "dynamodb:PartiQLInsert"
          : statement instanceof Ast.Update ? "dynamodb:PartiQLUpdate"
          : statement instanceof Ast.Delete ? "dynamodb:PartiQLDelete"
          : "dynamodb:PartiQLSelect";
      Plan plan;
      try {
        Planner.Schema schema = state::keyShape;
        plan = !inBatch ? Planner.plan(statement, schema)
            : statement instanceof Ast.Select select ? Planner.get(select, schema) : Planner.write(statement, schema);
      } catch (DynamoError unplanned) {
        contexts.add(RequestContext.of(action, tableArn(statement.table())));
        continue;
      }
      RequestContext context = switch (plan.operation()) {
        case QUERY -> query(action, plan.request());
        case SCAN -> scan(action, plan.request());
        default -> item(action, plan.table(), plan.request());
      };
      if (action.equals("dynamodb:PartiQLSelect")) {
        context = context.with(FULL_TABLE_SCAN, plan.operation() == Planner.Operation.SCAN ? "true" : "false");
      }
      contexts.add(context);
    }
    return contexts;
  }

  /** The key schema of the table or its index, or null when either is missing. */
  private KeySchema keySchema(String tableName, String indexName) {
    Table table = tableName == null ? null : state.tables.get(tableName);
    if (table == null) {
      return null;
    }
    if (indexName == null) {
      return table.key;
    }
    SecondaryIndex index = table.indexes.get(indexName);
    return index == null ? null : index.key;
  }

  private static void addKey(Table table, Map<String, Value> key, List<String> leading, Set<String> names) {
    if (key == null) {
      return;
    }
    names.addAll(key.keySet());
    String partition = table == null ? null : partitionText(table.key, key);
    if (partition != null) {
      leading.add(partition);
    }
  }

  /**
   * Adds to {@code names} the top-level attribute names the request's expressions and legacy
   * parameters name; answers whether it has a projection (ProjectionExpression or AttributesToGet).
   */
  private static boolean expressionNames(JsonNode request, Set<String> names) {
    try {
      Placeholders placeholders = Requests.placeholders(request, EXPRESSIONS);
      String projection = text(request, "ProjectionExpression");
      if (projection != null) {
        Expressions.projection(projection, placeholders).paths().forEach(path -> names.add(path.topLevelName()));
      }
      for (String field : List.of("ConditionExpression", "FilterExpression", "KeyConditionExpression")) {
        String condition = text(request, field);
        if (condition != null) {
          names.addAll(Expressions.condition(condition, field, placeholders).attributeNames());
        }
      }
      String update = text(request, "UpdateExpression");
      if (update != null) {
        Expressions.update(update, placeholders).targets().forEach(path -> names.add(path.topLevelName()));
      }
    } catch (DynamoError malformed) {
      // the operation refuses it before it reads or writes anything
    }
    for (JsonNode name : list(request.get("AttributesToGet"))) {
      names.add(name.asText());
    }
    for (String legacy : List.of("Expected", "AttributeUpdates", "QueryFilter", "ScanFilter", "KeyConditions")) {
      JsonNode parameter = request.get(legacy);
      if (parameter != null && parameter.isObject()) {
        parameter.fieldNames().forEachRemaining(names::add);
      }
    }
    return request.hasNonNull("ProjectionExpression") || request.hasNonNull("AttributesToGet");
  }

  /** The partition key value of a key or item as IAM compares it: a string's text, a number's, a binary's base64. */
  private static String partitionText(KeySchema keys, Map<String, Value> key) {
    return text(key.get(keys.partitionKey()));
  }

  private static String text(Value value) {
    if (value instanceof Value.S s) {
      return s.value();
    }
    if (value instanceof Value.N n) {
      return n.text();
    }
    if (value instanceof Value.B b) {
      return b.value().toBase64();
    }
    return null;
  }

  private static Map<String, Value> attributes(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    try {
      return Requests.attributes(node);
    } catch (DynamoError malformed) {
      return null;
    }
  }

  private static void forEachTable(JsonNode request, BiConsumer<String, JsonNode> action) {
    JsonNode items = request.get("RequestItems");
    if (items == null || !items.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> tables = items.fields(); tables.hasNext(); ) {
      Map.Entry<String, JsonNode> table = tables.next();
      action.accept(table.getKey(), table.getValue());
    }
  }

  private static List<JsonNode> list(JsonNode node) {
    List<JsonNode> entries = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(entries::add);
    }
    return entries;
  }

  private String streamArn(String operation, JsonNode request) {
    return switch (operation) {
      case "DescribeStream", "GetShardIterator" -> text(request, "StreamArn", ARN_PREFIX + "table/*/stream/*");
      case "GetRecords" -> {
        try {
          String iterator = new String(Base64.getUrlDecoder().decode(text(request, "ShardIterator", "")),
              StandardCharsets.UTF_8);
          int bar = iterator.indexOf('|');
          yield bar > 0 ? iterator.substring(0, bar) : ARN_PREFIX + "table/*/stream/*";
        } catch (IllegalArgumentException malformed) {
          yield ARN_PREFIX + "table/*/stream/*";
        }
      }
      default -> {
        String table = text(request, "TableName");
        yield table == null ? ARN_PREFIX + "table/*/stream/*" : tableArn(table) + "/stream/*";
      }
    };
  }

  private static String tableArn(String tableName) {
    return ARN_PREFIX + "table/" + (tableName == null ? "" : tableName);
  }

  /** The ARN of the table, or of its index {@code indexName} unless null. */
  private static String resource(String tableName, String indexName) {
    return indexName == null ? tableArn(tableName) : tableArn(tableName) + "/index/" + indexName;
  }

  private static String text(JsonNode request, String field) {
    return text(request, field, null);
  }

  private static String text(JsonNode request, String field, String fallback) {
    JsonNode node = request == null ? null : request.get(field);
    return node == null || !node.isTextual() ? fallback : node.textValue();
  }
}
