package dev.monotable.runtime.internal;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.ConditionFailedException;
import dev.monotable.runtime.ItemTooLargeException;
import dev.monotable.runtime.Repository;
import dev.monotable.runtime.Transaction;
import dev.monotable.runtime.TransactionFailedException;
import dev.monotable.runtime.Update;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The implementation of {@link Transaction}.
 */
public final class DefaultTransaction implements Transaction {
  static final int MAX_ACTIONS = 100;

  private final DynamoTable table;
  private final List<TransactWriteItem> actions = new ArrayList<>();
  private final List<EntitySchema<?>> schemas = new ArrayList<>();
  /** The upsert of each action that is one (null for the others), to replace an expired item. */
  private final List<UpdateExecutor<?>> upserts = new ArrayList<>();
  private final Set<Map<String, AttributeValue>> items = new HashSet<>();
  private String idempotencyToken;

  DefaultTransaction(DynamoTable table) {
    this.table = table;
  }

  private void add(EntitySchema<?> schema, Map<String, AttributeValue> key, TransactWriteItem action) {
    if (actions.size() == MAX_ACTIONS) {
      throw new IllegalStateException("a transaction holds at most " + MAX_ACTIONS + " actions");
    }
    if (!items.add(key)) {
      throw new IllegalStateException("two actions of one transaction on the " + schema.entityType() + " item " + key
          + "; DynamoDB refuses that: combine them into one");
    }
    actions.add(action);
    schemas.add(schema);
    upserts.add(null);
  }

  private static <T> Map<String, AttributeValue> keyOf(EntitySchema<T> schema, Map<String, AttributeValue> item) {
    Map<String, AttributeValue> key = new HashMap<>();
    for (String attribute : schema.keyAttributes()) {
      key.put(attribute, item.get(attribute));
    }
    return key;
  }

  @Override
  public <T> Transaction put(Repository<T> repository, T entity) {
    return put(repository, entity, null);
  }

  @Override
  public <T> Transaction put(Repository<T> repository, T entity, Condition condition) {
    return put(AbstractRepository.storeOf(repository), entity, condition);
  }

  /** Adds the put of {@code entity}, on {@code condition} when it is not null. */
  <T> Transaction put(EntityStore<T> store, T entity, Condition condition) {
    Map<String, AttributeValue> item = store.itemFor(entity);
    Condition checked = store.schema().versionAttribute() != null || condition != null
        ? store.versionedCondition(item, condition) : null;
    Put.Builder put = Put.builder().tableName(table.name()).item(item);
    if (checked != null) {
      RenderedCondition rendered = RenderedCondition.of(checked);
      put.conditionExpression(rendered.expression())
          .expressionAttributeNames(rendered.names())
          .expressionAttributeValues(rendered.values())
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    }
    add(store.schema(), keyOf(store.schema(), item), TransactWriteItem.builder().put(put.build()).build());
    return this;
  }

  @Override
  public <T> Transaction update(Update<T> given) {
    return update(DefaultUpdate.of(given).executor());
  }

  /** Adds the update {@code update} runs. */
  <T> Transaction update(UpdateExecutor<T> update) {
    add(update.schema(), update.key(), TransactWriteItem.builder().update(update.toTransactionUpdate()).build());
    if (update.canReplaceExpired()) {
      upserts.set(upserts.size() - 1, update);
    }
    return this;
  }

  @Override
  public <T> Transaction delete(Repository<T> repository, T entity) {
    return delete(repository, entity, null);
  }

  @Override
  public <T> Transaction delete(Repository<T> repository, T entity, Condition condition) {
    return delete(AbstractRepository.storeOf(repository), entity, condition);
  }

  /** Adds the delete of {@code entity}'s item, on {@code condition} when it is not null. */
  <T> Transaction delete(EntityStore<T> store, T entity, Condition condition) {
    EntitySchema<T> schema = store.schema();
    Map<String, AttributeValue> key = schema.keyOf(entity);
    Delete.Builder delete = Delete.builder().tableName(table.name()).key(key);
    Condition version = store.versionCondition(entity);
    Condition checked = version == null ? condition : condition == null ? version : version.and(condition);
    if (checked != null) {
      RenderedCondition rendered = RenderedCondition.of(checked);
      delete.conditionExpression(rendered.expression())
          .expressionAttributeNames(rendered.names())
          .expressionAttributeValues(rendered.values())
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    }
    add(schema, key, TransactWriteItem.builder().delete(delete.build()).build());
    return this;
  }

  @Override
  public <T> Transaction conditionCheck(Repository<T> repository, T entity, Condition condition) {
    return conditionCheck(AbstractRepository.storeOf(repository), entity, condition);
  }

  /** Adds the check of {@code condition} on {@code entity}'s item. */
  <T> Transaction conditionCheck(EntityStore<T> store, T entity, Condition condition) {
    EntitySchema<T> schema = store.schema();
    Map<String, AttributeValue> key = schema.keyOf(entity);
    RenderedCondition rendered = RenderedCondition.of(condition);
    ConditionCheck check = ConditionCheck.builder().tableName(table.name()).key(key)
        .conditionExpression(rendered.expression())
        .expressionAttributeNames(rendered.names())
        .expressionAttributeValues(rendered.values())
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
        .build();
    add(schema, key, TransactWriteItem.builder().conditionCheck(check).build());
    return this;
  }

  @Override
  public Transaction idempotencyToken(String token) {
    // DynamoDB's ClientRequestToken has 1 to 36 characters
    if (token == null || token.isEmpty() || token.length() > 36) {
      throw new IllegalArgumentException("an idempotency token has 1 to 36 characters, not "
          + (token == null ? "null" : token.length() + " (\"" + token + "\")")
          + ": a UUID (UUID.randomUUID().toString()) has 36");
    }
    this.idempotencyToken = token;
    return this;
  }

  @Override
  public void execute() {
    Attempt attempt = first();
    while (true) {
      try {
        table.metering().transactWriteItems(null, "transaction", attempt.request());
        return;
      } catch (TransactionCanceledException cancelled) {
        attempt = next(attempt, cancelled);
      }
    }
  }

  /** {@link #execute()} through the async client: a retry is chained on the cancellation. */
  CompletableFuture<Void> executeAsync() {
    return send(first());
  }

  private CompletableFuture<Void> send(Attempt attempt) {
    return table.asyncMetering().transactWriteItems(null, "transaction", attempt.request())
        .handle((sent, failure) -> {
          if (failure == null) {
            return CompletableFuture.<Void>completedFuture(null);
          }
          if (!(Futures.cause(failure) instanceof TransactionCanceledException cancelled)) {
            return CompletableFuture.<Void>failedFuture(Futures.cause(failure));
          }
          return send(next(attempt, cancelled));
        })
        .thenCompose(next -> next);
  }

  /** One request of the transaction: its actions, its token, and how many were sent before it. */
  private record Attempt(List<TransactWriteItem> sent, String token, int number) {
    TransactWriteItemsRequest request() {
      return TransactWriteItemsRequest.builder().transactItems(sent).clientRequestToken(token).build();
    }
  }

  private Attempt first() {
    if (actions.isEmpty()) {
      throw new IllegalStateException("the transaction has no action");
    }
    return new Attempt(actions, idempotencyToken, 0);
  }

  /**
   * The attempt after {@code attempt} was cancelled: once, the actions again with each upsert that met
   * an expired item replacing it.
   *
   * @throws ItemTooLargeException when an action would make its item over 400 KB
   * @throws TransactionFailedException when the cancellation is final
   */
  private Attempt next(Attempt attempt, TransactionCanceledException cancelled) {
    int tooLarge = Metering.itemTooLarge(cancelled);
    if (tooLarge >= 0) {
      // an action would make its item over 400 KB: no retry can succeed, so not a TransactionFailedException
      throw new ItemTooLargeException(tooLarge < schemas.size() ? schemas.get(tooLarge).entityType() : null,
          "TransactWriteItems", cancelled);
    }
    List<TransactWriteItem> replacing = attempt.number() == 0 ? replacingExpired(attempt.sent(), cancelled) : null;
    if (replacing == null) {
      throw failed(cancelled);
    }
    // an upsert met an expired item DynamoDB has not deleted yet: it creates the item afresh, in a
    // request of its own token (derived, so that a retry of this execute() is idempotent too)
    String token = attempt.token() == null ? null
        : java.util.UUID.nameUUIDFromBytes((attempt.token() + "#replacing-expired").getBytes(
            java.nio.charset.StandardCharsets.UTF_8)).toString();
    return new Attempt(replacing, token, attempt.number() + 1);
  }

  /**
   * The actions again with each upsert whose item had expired replacing that item, when those are
   * the only actions whose condition failed; null otherwise.
   */
  private List<TransactWriteItem> replacingExpired(List<TransactWriteItem> sent, TransactionCanceledException cancelled) {
    List<CancellationReason> given = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
    List<TransactWriteItem> replacing = new ArrayList<>(sent);
    boolean replaced = false;
    for (int i = 0; i < given.size() && i < sent.size(); i++) {
      CancellationReason reason = given.get(i);
      if (reason.code() == null || reason.code().equals("None")) {
        continue;
      }
      UpdateExecutor<?> upsert = upserts.get(i);
      boolean expired = reason.code().equals("ConditionalCheckFailed") && upsert != null && reason.hasItem()
          && table.expired(reason.item());
      if (!expired) {
        return null;
      }
      try {
        replacing.set(i, TransactWriteItem.builder().update(upsert.toTransactionUpdateReplacing(reason.item())).build());
      } catch (ConditionFailedException notWithoutItem) {
        return null; // the upsert's own condition fails where there is no item: cancelled, as it was
      }
      replaced = true;
    }
    return replaced ? replacing : null;
  }

  /** The exception of a cancelled transaction, with one typed reason per action. */
  private TransactionFailedException failed(TransactionCanceledException cancelled) {
    List<TransactionFailedException.Reason> reasons = new ArrayList<>();
    List<CancellationReason> given = cancelled.hasCancellationReasons() ? cancelled.cancellationReasons() : List.of();
    for (int i = 0; i < actions.size(); i++) {
      CancellationReason reason = i < given.size() ? given.get(i) : null;
      Object item = null;
      if (reason != null && reason.hasItem() && !reason.item().isEmpty()) {
        EntitySchema<?> schema = schemas.get(i);
        if (schema.holds(reason.item())) {
          item = schema.fromItem(reason.item());
        }
      }
      reasons.add(new TransactionFailedException.Reason(reason == null ? "Unknown" : reason.code(),
          reason == null ? null : reason.message(), item));
    }
    return new TransactionFailedException("the transaction was cancelled; nothing of it was written: "
        + reasons.stream().map(TransactionFailedException.Reason::code).toList(), reasons, cancelled);
  }

}
