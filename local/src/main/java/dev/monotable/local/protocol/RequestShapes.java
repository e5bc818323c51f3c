package dev.monotable.local.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.monotable.local.value.DynamoError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a request against DynamoDB's service model before the engine reads it, as DynamoDB does:
 * first the JSON type of every member ({@code SerializationException}, such as {@code TRUE_VALUE
 * cannot be converted to String}), then every declared constraint ({@code ValidationException}, such
 * as {@code 1 validation error detected: Value null at 'tableName' failed to satisfy constraint:
 * Member must not be null}). What the request means (keys against the table, expressions, limits
 * of size) is the engine's to check after.
 */
public final class RequestShapes {
  /** The most constraint violations one ValidationException lists. */
  private static final int MAX_VIOLATIONS = 10;

  private RequestShapes() {}

  /**
   * Throws DynamoDB's error for the first wrong JSON type in {@code request}, or else for all its
   * constraint violations; does nothing for an operation the service's model does not have.
   *
   * @param service the target prefix, such as {@code DynamoDB_20120810}
   * @param operation the operation, such as {@code PutItem}
   * @param request the request body, a JSON object
   */
  public static void check(String service, String operation, JsonNode request) {
    ServiceModel model = Models.forTarget(service);
    Shape input = model == null ? null : model.input(operation);
    if (input == null) {
      return;
    }
    new TypeCheck(model).structure(input, request);
    EarlyChecks.check(operation, request);
    List<String> violations = new ConstraintCheck(model).violations(input, request);
    if (violations.size() > MAX_VIOLATIONS) {
      // DynamoDB lists the first ten and counts only those
      violations = violations.subList(0, MAX_VIOLATIONS);
    }
    if (!violations.isEmpty()) {
      throw DynamoError.validation(violations.size() + " validation error" + (violations.size() == 1 ? "" : "s")
          + " detected: " + String.join("; ", violations));
    }
  }

  /** Whether the service's model has {@code operation}, served by the engine or not. */
  public static boolean hasOperation(String service, String operation) {
    ServiceModel model = Models.forTarget(service);
    return model != null && model.input(operation) != null;
  }

  /**
   * DynamoDB's answer to a request body it cannot read at all, empty or not JSON: a
   * SerializationException with no message.
   */
  public static DynamoError unreadableBody() {
    return new SerializationError(null);
  }

  /**
   * Reads the service models now, so that the first request need not: the engine's warm-up calls it
   * on a thread of its own, beside the one that loads the JSON code (the models need none of it).
   */
  public static void load() {
    Models.forTarget("");
  }

  /** Loads the models on first use, not when the engine's classes load. */
  private static final class Models {
    private static final Map<String, ServiceModel> BY_TARGET;
    /** Why the models could not be read, or null: every request then fails with it, as an internal error. */
    private static final RuntimeException FAILURE;

    static {
      Map<String, ServiceModel> byTarget = Map.of();
      RuntimeException failure = null;
      try {
        // the build's ModelCompactor wrote these from AWS's model files, without their documentation
        byTarget = byTarget(ServiceModel.load("models/dynamodb-2012-08-10-model" + ModelCompactor.STORED_SUFFIX),
            ServiceModel.load("models/streams.dynamodb-2012-08-10-model" + ModelCompactor.STORED_SUFFIX));
      } catch (RuntimeException e) {
        failure = e;
      }
      BY_TARGET = byTarget;
      FAILURE = failure;
    }

    static ServiceModel forTarget(String service) {
      if (FAILURE != null) {
        throw FAILURE;
      }
      return BY_TARGET.get(service);
    }

    private static Map<String, ServiceModel> byTarget(ServiceModel... models) {
      Map<String, ServiceModel> byTarget = new HashMap<>();
      for (ServiceModel model : models) {
        byTarget.put(model.targetPrefix(), model);
      }
      return Map.copyOf(byTarget);
    }
  }
}
