package dev.monotable.runtime;

import dev.monotable.runtime.internal.AttributeCodecs;
import dev.monotable.runtime.internal.EntitySchema;
import dev.monotable.runtime.internal.EntityStore;
import dev.monotable.runtime.internal.Expression;
import dev.monotable.runtime.internal.IndexKeyRule;
import dev.monotable.runtime.internal.KeyFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A typed update of one item, built from {@code <Entity>Fields} paths and sent as one
 * {@code UpdateItem}. Every name and value goes through a placeholder. Fields of key templates cannot
 * be set (the update could move the item or leave a stale index key): such an update is refused
 * before sending, naming the fields.
 *
 * <pre>{@code
 * table.products().update("LAMP")
 *     .set(ProductFields.NAME, "Desk lamp")
 *     .increment(ProductFields.STOCK)
 *     .when(ProductFields.STOCK.lt(100L))
 *     .execute();
 * }</pre>
 *
 * @param <T> the entity type
 */
public final class Update<T> {
  private final EntityStore<T> store;
  private final Map<String, AttributeValue> key;
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, AttributeValue> values = new HashMap<>();
  private final Expression expression = new Expression("u", names, values);
  private final List<String> sets = new ArrayList<>();
  private final List<String> adds = new ArrayList<>();
  private final List<String> removes = new ArrayList<>();
  private final List<String> deletes = new ArrayList<>();
  private final List<String> refused = new ArrayList<>();
  private final Map<String, Object> given = new HashMap<>();
  private final Set<String> changedOtherwise = new LinkedHashSet<>();
  private final Set<String> removed = new LinkedHashSet<>();
  private final KeyFields keyFields;
  private final boolean upsert;
  private Condition condition;
  private UpdateReturn returning = UpdateReturn.NONE;

  /**
   * An update of the item at {@code key}: of an existing (live) item only, or with {@code upsert}
   * creating it when there is none.
   */
  Update(EntityStore<T> store, Map<String, AttributeValue> key, KeyFields keyFields, boolean upsert) {
    this.store = store;
    this.key = key;
    this.keyFields = keyFields;
    this.upsert = upsert;
    this.given.putAll(keyFields.values());
  }

  /** Remembers how an attribute changes, for the index keys built from it. */
  private void changed(Path<?> path, Object value, boolean set) {
    if (path.depth() == 1 && set) {
      given.put(path.attribute(), value);
    } else {
      changedOtherwise.add(path.attribute());
    }
  }

  private String target(Path<?> path) {
    if (store.schema().fixedAttributes().contains(path.attribute()) && !refused.contains(path.attribute())) {
      refused.add(path.attribute());
    }
    return path.render(expression);
  }

  private <V> AttributeValue written(Path<V> path, V value) {
    if (value == null) {
      throw new IllegalArgumentException("set " + path.attribute() + " to null with remove()");
    }
    AttributeValue written;
    try {
      written = path.codec().write(value);
    } catch (MappingException e) {
      throw e.within(store.schema().entityType(), path.attribute());
    }
    if (written == null) {
      throw new IllegalArgumentException("an empty " + path.attribute() + " is stored as no attribute: use remove()");
    }
    return written;
  }

  /**
   * Rewrites every index key built from a field this update changes: from the values set and the
   * key fields; refused, naming the fields, when the template needs one the update does not give.
   * Removing a field removes the index keys built from it (the item leaves that sparse index).
   */
  private void rewriteIndexKeys(Expression expression, List<String> sets, List<String> removes) {
    for (IndexKeyRule rule : store.indexKeyRules()) {
      boolean derivable = rule.fields().stream().allMatch(given::containsKey)
          && rule.fields().stream().noneMatch(f -> changedOtherwise.contains(f) || removed.contains(f));
      if (upsert && derivable) {
        // an upsert may create the item: every index key it can build is written
        String written = rule.keyFor(given, key, store.schema().keyAttributes());
        sets.add(expression.name(rule.attribute()) + " = " + expression.value(AttributeValue.fromS(written)));
        continue;
      }
      boolean touched = rule.fields().stream().anyMatch(f -> given.containsKey(f) && !isKeyField(f)
          || changedOtherwise.contains(f) || removed.contains(f));
      if (!touched) {
        continue;
      }
      List<String> otherwise = rule.fields().stream().filter(changedOtherwise::contains).toList();
      if (!otherwise.isEmpty()) {
        throw new InvalidUpdateException("an update of " + store.schema().entityType() + " changes " + otherwise
            + " without giving the new value, but index key " + rule.attribute() + " is built from it: set() it instead");
      }
      if (rule.fields().stream().anyMatch(removed::contains)) {
        removes.add(expression.name(rule.attribute()));
        continue;
      }
      List<String> missing = rule.fields().stream().filter(f -> !given.containsKey(f)).toList();
      if (!missing.isEmpty()) {
        throw new InvalidUpdateException("an update of " + store.schema().entityType() + " rewrites index key "
            + rule.attribute() + ", which also needs " + missing + "; set them in the same update");
      }
      String rewritten = rule.keyFor(given, key, store.schema().keyAttributes());
      sets.add(expression.name(rule.attribute()) + " = " + expression.value(AttributeValue.fromS(rewritten)));
    }
  }

  private boolean isKeyField(String attribute) {
    return store.schema().fixedAttributes().contains(attribute);
  }

  /** Merges several SET clauses into one, as an update expression has at most one. */
  private static void mergeSets(List<String> clauses) {
    List<String> sets = clauses.stream().filter(c -> c.startsWith("SET ")).map(c -> c.substring(4)).toList();
    if (sets.size() > 1) {
      clauses.removeIf(c -> c.startsWith("SET "));
      clauses.add(0, "SET " + String.join(", ", sets));
    }
  }

  /** Sets the attribute to {@code value}. */
  public <V> Update<T> set(Path<V> path, V value) {
    changed(path, value, true);
    sets.add(target(path) + " = " + expression.value(written(path, value)));
    return this;
  }

  /** Sets the attribute to {@code value} unless it has a value ({@code if_not_exists}). */
  public <V> Update<T> setIfAbsent(Path<V> path, V value) {
    changed(path, null, false);
    String target = target(path);
    sets.add(target + " = if_not_exists(" + target + ", " + expression.value(written(path, value)) + ")");
    return this;
  }

  /** Adds {@code delta} to the number (an absent number counts as zero). */
  public <N extends Number> Update<T> add(Path<N> path, N delta) {
    changed(path, null, false);
    adds.add(target(path) + " " + expression.value(written(path, delta)));
    return this;
  }

  /** Adds one to the number, atomically (an absent number counts as zero). */
  public Update<T> increment(Path<? extends Number> path) {
    changed(path, null, false);
    adds.add(target(path) + " " + expression.value(AttributeValue.fromN("1")));
    return this;
  }

  /** Subtracts one from the number, atomically. */
  public Update<T> decrement(Path<? extends Number> path) {
    changed(path, null, false);
    adds.add(target(path) + " " + expression.value(AttributeValue.fromN("-1")));
    return this;
  }

  /** Adds the elements to the set. */
  public <E> Update<T> addToSet(Path<Set<E>> path, Set<E> elements) {
    changed(path, null, false);
    adds.add(target(path) + " " + expression.value(written(path, elements)));
    return this;
  }

  /** Removes the elements from the set. */
  public <E> Update<T> removeFromSet(Path<Set<E>> path, Set<E> elements) {
    changed(path, null, false);
    deletes.add(target(path) + " " + expression.value(written(path, elements)));
    return this;
  }

  /** Appends the elements to the list (an absent list counts as empty). */
  public <E> Update<T> append(Path<List<E>> path, List<E> elements) {
    changed(path, null, false);
    String target = target(path);
    sets.add(target + " = list_append(if_not_exists(" + target + ", " + expression.value(AttributeValue.fromL(List.of()))
        + "), " + expression.value(written(path, elements)) + ")");
    return this;
  }

  /** Puts the elements in front of the list (an absent list counts as empty). */
  public <E> Update<T> prepend(Path<List<E>> path, List<E> elements) {
    changed(path, null, false);
    String target = target(path);
    sets.add(target + " = list_append(" + expression.value(written(path, elements)) + ", if_not_exists(" + target + ", "
        + expression.value(AttributeValue.fromL(List.of())) + "))");
    return this;
  }

  /** Removes the attribute. */
  public Update<T> remove(Path<?> path) {
    if (path.depth() == 1) {
      removed.add(path.attribute());
    } else {
      changedOtherwise.add(path.attribute());
    }
    removes.add(target(path));
    return this;
  }

  /** Only when {@code condition} holds for the stored item. */
  public Update<T> when(Condition condition) {
    this.condition = this.condition == null ? condition : this.condition.and(condition);
    return this;
  }

  /**
   * Only when the stored {@code @Version} is {@code version}, the version read: a stale update
   * throws {@link OptimisticLockException}. (Every update of a versioned entity moves its version on.)
   */
  public Update<T> expectingVersion(long version) {
    String attribute = store.schema().versionAttribute();
    if (attribute == null) {
      throw new InvalidUpdateException(store.schema().entityType() + " has no @Version field");
    }
    return when(Path.of(List.of(attribute), AttributeCodecs.LONG).eq(version));
  }

  /** What {@link #execute()} returns. */
  public Update<T> returning(UpdateReturn returning) {
    this.returning = returning;
    return this;
  }

  /**
   * Sends the update. An update ({@code repository.update(key…)}) changes an existing item only; an
   * upsert ({@code repository.upsert(key…)}) creates the item when there is none, with its key fields,
   * type attribute, derivable index keys, version 1 and creation time.
   *
   * @return the entity as asked by {@link #returning}: whole for {@code ALL_OLD}/{@code ALL_NEW};
   *     for {@code UPDATED_*} only the updated attributes are read, the other fields absent
   * @throws ConditionFailedException when the condition does not hold, or an update finds no item
   * @throws InvalidUpdateException when a key-template field is set, or nothing is updated; nothing is sent
   */
  public Optional<T> execute() {
    Rendered rendered = render();
    UpdateItemRequest.Builder request = UpdateItemRequest.builder()
        .tableName(store.table().name())
        .key(key)
        .updateExpression(rendered.update())
        .returnValues(ReturnValue.fromValue(returning.name()));
    if (rendered.condition() != null) {
      request.conditionExpression(rendered.condition())
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    }
    request.expressionAttributeNames(rendered.names());
    if (!rendered.values().isEmpty()) {
      request.expressionAttributeValues(rendered.values());
    }
    UpdateItemResponse response;
    try {
      response = send(request.build());
    } catch (ConditionalCheckFailedException failed) {
      if (!upsert || !failed.hasItem() || !store.table().expired(failed.item())) {
        throw store.conditionFailed("update", failed);
      }
      // the item has expired but DynamoDB has not deleted it yet: delete it, then create afresh
      removeExpired();
      try {
        response = send(request.build());
      } catch (ConditionalCheckFailedException again) {
        throw store.conditionFailed("update", again);
      }
    }
    if (!response.hasAttributes() || response.attributes().isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> item = new HashMap<>(response.attributes());
    if (!store.schema().typeAttribute().isEmpty()) {
      item.putIfAbsent(store.schema().typeAttribute(), AttributeValue.fromS(store.schema().entityType()));
    }
    return Optional.of(store.schema().fromItem(item));
  }

  private UpdateItemResponse send(UpdateItemRequest request) {
    return store.table().metering().updateItem(store.schema().entityType(), upsert ? "upsert" : "update", request);
  }

  /**
   * The condition sent: the caller's {@code when}, and that a live item exists (an update) or that
   * the item, if any, has not expired (an upsert, which replaces an expired one).
   */
  private Condition sentCondition() {
    Condition mode = upsert ? store.table().notExpired() : store.present();
    if (mode == null) {
      return condition;
    }
    return condition == null ? mode : mode.and(condition);
  }

  /** Deletes the item at the key if it is still expired. */
  private void removeExpired() {
    Condition live = store.table().notExpired();
    try {
      store.delete(key, Condition.not(live));
    } catch (ConditionFailedException revived) {
      // written again meanwhile: the retried upsert sees it as it is now
    }
  }

  EntitySchema<T> schema() {
    return store.schema();
  }

  Map<String, AttributeValue> key() {
    return key;
  }

  /** This update as an action of a transaction. */
  software.amazon.awssdk.services.dynamodb.model.Update toTransactionUpdate() {
    software.amazon.awssdk.services.dynamodb.model.Update.Builder update =
        software.amazon.awssdk.services.dynamodb.model.Update.builder()
            .tableName(store.table().name())
            .key(key);
    Rendered rendered = render();
    update.updateExpression(rendered.update());
    if (rendered.condition() != null) {
      update.conditionExpression(rendered.condition())
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    }
    update.expressionAttributeNames(rendered.names());
    if (!rendered.values().isEmpty()) {
      update.expressionAttributeValues(rendered.values());
    }
    return update.build();
  }

  /** What one request sends: expressions and the placeholders they use. */
  private record Rendered(String update, String condition, Map<String, String> names,
      Map<String, AttributeValue> values) {}

  /**
   * Renders the request from this update as it stands, into copies of its placeholders, so that
   * sending does not change the update: sending it twice sends the same request.
   */
  private Rendered render() {
    Map<String, String> sentNames = new HashMap<>(names);
    Map<String, AttributeValue> sentValues = new HashMap<>(values);
    String update = updateExpression(new Expression("s", sentNames, sentValues));
    Condition sent = sentCondition();
    String condition = sent == null ? null : sent.toExpression(new Expression("c", sentNames, sentValues));
    return new Rendered(update, condition, sentNames, sentValues);
  }

  /**
   * The update expression: the clauses built so far, plus what every update writes (index keys,
   * timestamps, version, type attribute; key fields for an upsert), named through {@code expression}.
   */
  private String updateExpression(Expression expression) {
    if (!refused.isEmpty()) {
      throw new InvalidUpdateException("an update of " + store.schema().entityType() + " cannot set " + refused
          + ": they are fields of key templates; write the whole item with put() instead");
    }
    List<String> sets = new ArrayList<>(this.sets);
    List<String> removes = new ArrayList<>(this.removes);
    rewriteIndexKeys(expression, sets, removes);
    if (sets.isEmpty() && adds.isEmpty() && removes.isEmpty() && deletes.isEmpty()) {
      throw new InvalidUpdateException("the update of " + store.schema().entityType() + " changes nothing");
    }
    List<String> clauses = new ArrayList<>();
    if (!sets.isEmpty()) {
      clauses.add("SET " + String.join(", ", sets));
    }
    if (!adds.isEmpty()) {
      clauses.add("ADD " + String.join(", ", adds));
    }
    if (!removes.isEmpty()) {
      clauses.add("REMOVE " + String.join(", ", removes));
    }
    if (!deletes.isEmpty()) {
      clauses.add("DELETE " + String.join(", ", deletes));
    }
    AttributeValue now = AttributeCodecs.INSTANT.write(store.table().options().clock().instant());
    if (store.schema().updatedAtAttribute() != null) {
      String updated = expression.name(store.schema().updatedAtAttribute());
      clauses.add(0, "SET " + updated + " = " + expression.value(now));
    }
    if (store.schema().createdAtAttribute() != null) {
      String created = expression.name(store.schema().createdAtAttribute());
      clauses.add(0, "SET " + created + " = if_not_exists(" + created + ", " + expression.value(now) + ")");
    }
    mergeSets(clauses);
    String version = store.schema().versionAttribute();
    if (version != null) {
      clauses.add("ADD " + expression.name(version) + " " + expression.value(AttributeValue.fromN("1")));
      if (clauses.stream().filter(c -> c.startsWith("ADD ")).count() > 1) {
        // one ADD clause: merge the version into the one there is
        String merged = clauses.stream().filter(c -> c.startsWith("ADD ")).map(c -> c.substring(4))
            .reduce((a, b) -> a + ", " + b).orElseThrow();
        clauses.removeIf(c -> c.startsWith("ADD "));
        clauses.add("ADD " + merged);
      }
    }
    if (upsert) {
      // an upsert may create the item: it carries its key fields, as a put writes them
      List<String> keySets = new ArrayList<>();
      keyFields.attributes().forEach((attribute, value) ->
          keySets.add(expression.name(attribute) + " = " + expression.value(value)));
      if (!keySets.isEmpty()) {
        clauses.add(0, "SET " + String.join(", ", keySets));
      }
    }
    // the type attribute keeps an item created by an upsert readable as this entity
    if (!store.schema().typeAttribute().isEmpty()) {
      String type = expression.name(store.schema().typeAttribute());
      clauses.add(0, "SET " + type + " = " + expression.value(AttributeValue.fromS(store.schema().entityType())));
    }
    mergeSets(clauses);
    return String.join(" ", clauses);
  }
}
