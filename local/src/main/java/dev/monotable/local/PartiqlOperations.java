package dev.monotable.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monotable.local.partiql.Ast;
import dev.monotable.local.partiql.Planner;
import dev.monotable.local.partiql.Planner.Plan;
import dev.monotable.local.partiql.StatementParser;
import dev.monotable.local.value.DynamoError;
import dev.monotable.local.value.ValueJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * ExecuteStatement, BatchExecuteStatement and ExecuteTransaction: each statement is parsed and
 * planned by {@code dev.monotable.local.partiql} into a Query, Scan, GetItem, PutItem, UpdateItem
 * or DeleteItem request (or a transaction's action), which the engine's own operations run.
 */
final class PartiqlOperations {
  static final int MAX_BATCH = 25;
  /** The API Reference's limit on a Statement's length. */
  static final int MAX_STATEMENT_LENGTH = 8192;
  static final String DUPLICATE_ITEM = "Duplicate primary key exists in table";
  // Not found in DynamoDB's documentation: the documentation says only that a batch or a
  // transaction cannot mix reads and writes.
  static final String MIXED_BATCH = "BatchExecuteStatement must contain only read statements or only write statements";
  static final String MIXED_TRANSACTION = "ExecuteTransaction must contain only read statements or only write statements";
  static final String INVALID_TOKEN = "Invalid NextToken";
  static final String EXISTS_IN_BATCH = "EXISTS can only be used in a statement of ExecuteTransaction";

  private final EngineState state;
  private final ItemOperations items;
  private final ReadOperations reads;
  private final TransactionOperations transactions;

  PartiqlOperations(EngineState state, ItemOperations items, ReadOperations reads, TransactionOperations transactions) {
    this.state = state;
    this.items = items;
    this.reads = reads;
    this.transactions = transactions;
  }

  ObjectNode executeStatement(JsonNode request) {
    Ast.Statement statement = parse(request);
    Plan plan = Planner.plan(statement, state::keyShape);
    ObjectNode call = plan.request();
    copy(request, call, "ReturnConsumedCapacity");
    return switch (plan.operation()) {
      case QUERY, SCAN -> read(plan, request);
      default -> {
        copy(request, call, "ReturnValuesOnConditionCheckFailure");
        yield write(plan);
      }
    };
  }

  private ObjectNode read(Plan plan, JsonNode request) {
    ObjectNode call = plan.request();
    copy(request, call, "Limit");
    copy(request, call, "ConsistentRead");
    String token = Requests.text(request, "NextToken", null);
    if (token != null) {
      call.set("ExclusiveStartKey", decodeToken(token));
    }
    ObjectNode answer = plan.operation() == Planner.Operation.QUERY ? reads.query(call) : reads.scan(call);
    ObjectNode response = Json.object();
    response.set("Items", answer.get("Items"));
    JsonNode last = answer.get("LastEvaluatedKey");
    if (last != null) {
      response.put("NextToken", encodeToken(last));
      response.set("LastEvaluatedKey", last);
    }
    copy(answer, response, "ConsumedCapacity");
    return response;
  }

  /** Runs an INSERT, UPDATE or DELETE; answers with the RETURNING attributes as the one item of Items. */
  private ObjectNode write(Plan plan) {
    ObjectNode call = plan.request();
    if (plan.returnValues() != null) {
      call.put("ReturnValues", plan.returnValues());
    }
    ObjectNode answer;
    switch (plan.operation()) {
      case INSERT -> {
        try {
          answer = items.putItem(call);
        } catch (DetailedError e) {
          if (e.type().equals("ConditionalCheckFailedException")) {
            throw new DynamoError("DuplicateItemException", DUPLICATE_ITEM, 400);
          }
          throw e;
        }
      }
      case UPDATE -> answer = items.updateItem(call);
      case DELETE -> answer = items.deleteItem(call);
      default -> throw new IllegalStateException("not a write: " + plan.operation());
    }
    ObjectNode response = Json.object();
    if (plan.returnValues() != null) {
      ArrayNode returned = response.putArray("Items");
      returned.add(answer.has("Attributes") ? answer.get("Attributes") : Json.object());
    }
    copy(answer, response, "ConsumedCapacity");
    return response;
  }

  ObjectNode batchExecuteStatement(JsonNode request) {
    JsonNode statements = list(request, "Statements", "statements", MAX_BATCH);
    List<Object> parsed = new ArrayList<>();
    boolean anyRead = false;
    boolean anyWrite = false;
    for (JsonNode entry : statements) {
      try {
        Ast.Statement statement = parse(entry);
        anyRead |= statement instanceof Ast.Select;
        anyWrite |= !(statement instanceof Ast.Select);
        parsed.add(statement);
      } catch (DynamoError e) {
        parsed.add(e);
      }
    }
    if (anyRead && anyWrite) {
      throw DynamoError.validation(MIXED_BATCH);
    }
    ObjectNode response = Json.object();
    ArrayNode responses = response.putArray("Responses");
    for (int i = 0; i < parsed.size(); i++) {
      ObjectNode entry = responses.addObject();
      Object statement = parsed.get(i);
      try {
        if (statement instanceof DynamoError e) {
          throw e;
        }
        Ast.Statement parsedStatement = (Ast.Statement) statement;
        entry.put("TableName", parsedStatement.table());
        if (parsedStatement instanceof Ast.Select select) {
          Plan plan = Planner.get(select, state::keyShape);
          copy(statements.get(i), plan.request(), "ConsistentRead");
          JsonNode item = items.getItem(plan.request()).get("Item");
          if (item != null) {
            entry.set("Item", item);
          }
        } else if (parsedStatement instanceof Ast.Exists) {
          throw DynamoError.validation(EXISTS_IN_BATCH);
        } else {
          Plan plan = Planner.write(parsedStatement, state::keyShape);
          copy(statements.get(i), plan.request(), "ReturnValuesOnConditionCheckFailure");
          write(plan);
        }
      } catch (DynamoError e) {
        entry.set("Error", batchError(e));
      }
    }
    return response;
  }

  private static ObjectNode batchError(DynamoError e) {
    ObjectNode error = Json.object();
    String code = switch (e.type()) {
      case "ConditionalCheckFailedException" -> "ConditionalCheckFailed";
      case "DuplicateItemException" -> "DuplicateItem";
      case "ValidationException" -> "ValidationError";
      case "ResourceNotFoundException" -> "ResourceNotFound";
      case "ProvisionedThroughputExceededException" -> "ProvisionedThroughputExceeded";
      case "ItemCollectionSizeLimitExceededException" -> "ItemCollectionSizeLimitExceeded";
      case "TransactionConflictException" -> "TransactionConflict";
      case "RequestLimitExceeded" -> "RequestLimitExceeded";
      default -> "InternalServerError";
    };
    error.put("Code", code);
    error.put("Message", e.getMessage());
    if (e instanceof DetailedError detailed && detailed.details().has("Item")) {
      error.set("Item", detailed.details().get("Item"));
    }
    return error;
  }

  ObjectNode executeTransaction(JsonNode request) {
    JsonNode statements = list(request, "TransactStatements", "transactStatements", TransactionOperations.MAX_ACTIONS);
    List<Ast.Statement> parsed = new ArrayList<>();
    for (JsonNode entry : statements) {
      parsed.add(parse(entry));
    }
    boolean reads = parsed.stream().allMatch(statement -> statement instanceof Ast.Select);
    boolean writes = parsed.stream().noneMatch(statement -> statement instanceof Ast.Select);
    if (!reads && !writes) {
      throw DynamoError.validation(MIXED_TRANSACTION);
    }
    ObjectNode call = Json.object();
    ArrayNode actions = call.putArray("TransactItems");
    copy(request, call, "ReturnConsumedCapacity");
    List<Integer> inserts = new ArrayList<>();
    for (int i = 0; i < parsed.size(); i++) {
      Ast.Statement statement = parsed.get(i);
      if (reads) {
        actions.addObject().set("Get", Planner.get((Ast.Select) statement, state::keyShape).request());
        continue;
      }
      Plan plan = Planner.write(statement, state::keyShape);
      copy(statements.get(i), plan.request(), "ReturnValuesOnConditionCheckFailure");
      String action = switch (plan.operation()) {
        case INSERT -> "Put";
        case UPDATE -> "Update";
        case CHECK -> "ConditionCheck";
        default -> "Delete";
      };
      if (plan.operation() == Planner.Operation.INSERT) {
        inserts.add(i);
      }
      actions.addObject().set(action, plan.request());
    }
    if (reads) {
      return transactions.transactGetItems(call);
    }
    copy(request, call, "ClientRequestToken");
    try {
      return transactions.transactWriteItems(call);
    } catch (DetailedError e) {
      if (!e.type().equals("TransactionCanceledException")) {
        throw e;
      }
      throw duplicates(e, inserts);
    }
  }

  /** The cancellation with an INSERT's failed condition told as DynamoDB tells it: DuplicateItem. */
  private static DetailedError duplicates(DetailedError cancelled, List<Integer> inserts) {
    ObjectNode details = cancelled.details();
    List<String> codes = new ArrayList<>();
    JsonNode reasons = details.get("CancellationReasons");
    for (int i = 0; i < reasons.size(); i++) {
      ObjectNode reason = (ObjectNode) reasons.get(i);
      if (inserts.contains(i) && reason.path("Code").asText().equals("ConditionalCheckFailed")) {
        reason.put("Code", "DuplicateItem");
        reason.put("Message", DUPLICATE_ITEM);
      }
      codes.add(reason.path("Code").asText());
    }
    return new DetailedError("TransactionCanceledException",
        "Transaction cancelled, please refer cancellation reasons for specific reasons " + codes, details);
  }

  // ------------------------------------------------------------------ helpers

  /** Parses the Statement of a request (or of a batch's or transaction's entry) with its Parameters. */
  static Ast.Statement parse(JsonNode request) {
    String statement = Requests.required(request, "Statement");
    if (statement.isEmpty() || statement.length() > MAX_STATEMENT_LENGTH) {
      throw DynamoError.validation("1 validation error detected: Value '" + statement + "' at 'statement' failed to "
          + "satisfy constraint: Member must have length " + (statement.isEmpty() ? "greater than or equal to 1"
          : "less than or equal to " + MAX_STATEMENT_LENGTH));
    }
    List<ObjectNode> parameters = new ArrayList<>();
    JsonNode list = request.get("Parameters");
    if (list != null && list.isArray()) {
      for (JsonNode parameter : list) {
        ValueJson.read(parameter); // checks the attribute value
        parameters.add((ObjectNode) parameter);
      }
    }
    return StatementParser.parse(statement, parameters);
  }

  private static JsonNode list(JsonNode request, String field, String member, int max) {
    JsonNode list = request.get(field);
    if (list == null || !list.isArray()) {
      throw DynamoError.validation("1 validation error detected: Value null at '" + member + "' failed to satisfy "
          + "constraint: Member must not be null");
    }
    if (list.size() < 1 || list.size() > max) {
      throw DynamoError.validation("1 validation error detected: Value '" + list + "' at '" + member + "' failed to "
          + "satisfy constraint: Member must have length " + (list.size() < 1 ? "greater than or equal to 1"
          : "less than or equal to " + max));
    }
    return list;
  }

  private static void copy(JsonNode from, ObjectNode to, String field) {
    JsonNode value = from.get(field);
    if (value != null && !value.isNull()) {
      to.set(field, value);
    }
  }

  private static String encodeToken(JsonNode lastEvaluatedKey) {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(lastEvaluatedKey));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode decodeToken(String token) {
    try {
      JsonNode key = Json.read(Base64.getUrlDecoder().decode(token.getBytes(UTF_8)));
      if (key == null || !key.isObject()) {
        throw DynamoError.validation(INVALID_TOKEN);
      }
      return key;
    } catch (IOException | IllegalArgumentException e) {
      throw DynamoError.validation(INVALID_TOKEN);
    }
  }
}
