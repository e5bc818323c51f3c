package dev.monotable.runtime.internal;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.ConditionFailedException;
import dev.monotable.runtime.InvalidUpdateException;
import dev.monotable.runtime.MappingException;
import dev.monotable.runtime.Path;
import dev.monotable.runtime.Update;
import dev.monotable.runtime.UpdateReturn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Runs an {@link UpdatePlan}: applies its clauses in order into one update expression (checking each
 * as it comes: overlapping paths, values that cannot be stored), adds what every update writes
 * (index keys, timestamps, version, type attribute; key fields for an upsert), renders the request
 * and sends it — or hands it to a transaction. Made afresh for each plan, it is never shared.
 *
 * @param <T> the entity type
 */
final class UpdateExecutor<T> {
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
  /**
   * The SET clauses of this update applied to no item at all, for an upsert that replaces an expired
   * item: an added number is the delta, an appended list the elements; removals are nothing.
   */
  private final List<String> freshSets = new ArrayList<>();
  /** The top-level attributes {@link #freshSets} write. */
  private final Set<String> freshTargets = new LinkedHashSet<>();
  /** Whether a clause names a nested path, which no item created afresh can hold. */
  private boolean nested;
  private final Map<String, Object> given = new HashMap<>();
  private final Set<String> changedOtherwise = new LinkedHashSet<>();
  private final Set<String> removed = new LinkedHashSet<>();
  /** The top-level attributes this update's own clauses name (not the stamps and keys it adds). */
  private final Set<String> touched = new LinkedHashSet<>();
  /** The paths the clauses name, which must not overlap. */
  private final List<List<Object>> targets = new ArrayList<>();
  private final KeyFields keyFields;
  private final boolean upsert;
  private final Condition condition;
  private final UpdateReturn returning;

  /** The executor of {@code plan}, its clauses applied. */
  UpdateExecutor(UpdatePlan<T> plan) {
    this.store = plan.store();
    this.key = plan.key();
    this.keyFields = plan.keyFields();
    this.upsert = plan.upsert();
    this.condition = plan.condition();
    this.returning = plan.returning();
    this.given.putAll(keyFields.values());
    for (UpdatePlan.Clause<T> clause : plan.clauses()) {
      clause.applyTo(this);
    }
  }

  /** Remembers how an attribute changes, for the index keys built from it. */
  private void changed(Path<?> path, Object value, boolean set) {
    TypedPath<?> typed = TypedPath.of(path);
    if (typed.depth() == 1 && set) {
      given.put(typed.attribute(), value);
    } else {
      changedOtherwise.add(typed.attribute());
    }
  }

  private String target(Path<?> path) {
    TypedPath<?> typed = TypedPath.of(path);
    List<Object> segments = typed.segments();
    if (store.schema().fixedAttributes().contains(typed.attribute()) && !refused.contains(typed.attribute())) {
      refused.add(typed.attribute());
    }
    for (List<Object> target : targets) {
      List<Object> shorter = target.size() <= segments.size() ? target : segments;
      List<Object> longer = shorter == target ? segments : target;
      if (longer.subList(0, shorter.size()).equals(shorter)) {
        throw new InvalidUpdateException("an update of " + store.schema().entityType() + " names " + segments
            + (target.equals(segments) ? " twice" : " and " + target + ", one inside the other")
            + "; DynamoDB refuses overlapping paths in one update: give each path one clause");
      }
    }
    targets.add(segments);
    touched.add(typed.attribute());
    nested |= typed.depth() > 1;
    return typed.render(expression);
  }

  /** Records {@code target = value} as what the clause writes on an item created afresh. */
  private void fresh(Path<?> path, String target, String value) {
    freshSets.add(target + " = " + value);
    freshTargets.add(TypedPath.of(path).attribute());
  }

  private <V> AttributeValue written(Path<V> path, V value) {
    TypedPath<V> typed = TypedPath.of(path);
    if (value == null) {
      throw new IllegalArgumentException("set " + typed.attribute() + " to null with remove()");
    }
    AttributeValue written;
    try {
      written = typed.codec().write(value);
    } catch (MappingException e) {
      throw ItemReader.within(e, store.schema().entityType(), typed.attribute());
    }
    if (written == null) {
      throw new IllegalArgumentException("an empty " + typed.attribute() + " is stored as no attribute: use remove()");
    }
    return written;
  }

  /**
   * Rewrites every index key built from a field this update changes: from the values set and the
   * key fields; refused, naming the fields, when the template needs one the update does not give.
   * Removing a field removes the index keys built from it (the item leaves that sparse index).
   *
   * @return the index-key attributes the update writes or removes
   */
  private Set<String> rewriteIndexKeys(Expression expression, List<String> sets, List<String> removes,
      Map<String, Object> given) {
    Set<String> rewritten = new LinkedHashSet<>();
    for (IndexKeyRule rule : store.indexKeyRules()) {
      boolean derivable = rule.fields().stream().allMatch(given::containsKey)
          && rule.fields().stream().noneMatch(f -> changedOtherwise.contains(f) || removed.contains(f));
      if (upsert && derivable) {
        // an upsert may create the item: every index key it can build is written
        String written = rule.keyFor(given, key, store.schema().keyAttributes());
        sets.add(expression.name(rule.attribute()) + " = " + expression.value(AttributeValue.fromS(written)));
        rewritten.add(rule.attribute());
        continue;
      }
      boolean changes = rule.fields().stream().anyMatch(f -> given.containsKey(f) && !isKeyField(f)
          || changedOtherwise.contains(f) || removed.contains(f));
      if (!changes) {
        continue;
      }
      List<String> otherwise = rule.fields().stream().filter(changedOtherwise::contains).toList();
      if (!otherwise.isEmpty()) {
        throw new InvalidUpdateException("an update of " + store.schema().entityType() + " changes " + otherwise
            + " without giving the new value, but index key " + rule.attribute() + " is built from it: set() it instead");
      }
      rewritten.add(rule.attribute());
      if (rule.fields().stream().anyMatch(removed::contains)) {
        removes.add(expression.name(rule.attribute()));
        continue;
      }
      List<String> missing = rule.fields().stream().filter(f -> !given.containsKey(f)).toList();
      if (!missing.isEmpty()) {
        throw new InvalidUpdateException("an update of " + store.schema().entityType() + " rewrites index key "
            + rule.attribute() + ", which also needs " + missing + "; set them in the same update (to the values"
            + " stored, when they do not change)");
      }
      String key = rule.keyFor(given, this.key, store.schema().keyAttributes());
      sets.add(expression.name(rule.attribute()) + " = " + expression.value(AttributeValue.fromS(key)));
    }
    return rewritten;
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

  <V> void set(Path<V> path, V value) {
    changed(path, value, true);
    String target = target(path);
    String written = expression.value(written(path, value));
    sets.add(target + " = " + written);
    fresh(path, target, written);
  }

  <V> void setIfAbsent(Path<V> path, V value) {
    changed(path, null, false);
    String target = target(path);
    String written = expression.value(written(path, value));
    sets.add(target + " = if_not_exists(" + target + ", " + written + ")");
    fresh(path, target, written);
  }

  <N extends Number> void add(Path<N> path, N delta) {
    changed(path, null, false);
    added(path, expression.value(written(path, delta)));
  }

  void increment(Path<? extends Number> path) {
    changed(path, null, false);
    added(path, expression.value(AttributeValue.fromN("1")));
  }

  void decrement(Path<? extends Number> path) {
    changed(path, null, false);
    added(path, expression.value(AttributeValue.fromN("-1")));
  }

  <E> void addToSet(Path<Set<E>> path, Set<E> elements) {
    changed(path, null, false);
    added(path, expression.value(written(path, elements)));
  }

  /** {@code ADD target value}; on an item created afresh, the value itself. */
  private void added(Path<?> path, String value) {
    String target = target(path);
    adds.add(target + " " + value);
    fresh(path, target, value);
  }

  <E> void removeFromSet(Path<Set<E>> path, Set<E> elements) {
    changed(path, null, false);
    deletes.add(target(path) + " " + expression.value(written(path, elements)));
  }

  <E> void append(Path<List<E>> path, List<E> elements) {
    changed(path, null, false);
    String target = target(path);
    String written = expression.value(written(path, elements));
    sets.add(target + " = list_append(if_not_exists(" + target + ", " + expression.value(AttributeValue.fromL(List.of()))
        + "), " + written + ")");
    fresh(path, target, written);
  }

  <E> void prepend(Path<List<E>> path, List<E> elements) {
    changed(path, null, false);
    String target = target(path);
    String written = expression.value(written(path, elements));
    sets.add(target + " = list_append(" + written + ", if_not_exists(" + target + ", "
        + expression.value(AttributeValue.fromL(List.of())) + "))");
    fresh(path, target, written);
  }

  void remove(Path<?> path) {
    TypedPath<?> typed = TypedPath.of(path);
    if (typed.depth() == 1) {
      removed.add(typed.attribute());
    } else {
      changedOtherwise.add(typed.attribute());
    }
    removes.add(target(path));
  }

  /** Sends the update, as {@link Update#execute()} says. */
  Optional<T> execute() {
    UpdateItemResponse response = null;
    Rendered rendered = render();
    for (int attempt = 0; response == null; attempt++) {
      try {
        response = send(request(rendered));
      } catch (ConditionalCheckFailedException failed) {
        if (replacesExpired(attempt, failed)) {
          // a nested path cannot be created on an item made afresh: remove the expired item, then
          // the upsert meets no item, as DynamoDB would after its own deletion
          removeExpired();
          rendered = render();
        } else {
          rendered = renderReplacing(failed.item());
        }
      }
    }
    return returned(response);
  }

  /**
   * {@link #execute()} through the async client: an upsert that meets an expired item removes or
   * replaces it and is sent again, chained on the answers.
   */
  CompletableFuture<Optional<T>> executeAsync() {
    return sendAsync(render(), 0).thenApply(this::returned);
  }

  private CompletableFuture<UpdateItemResponse> sendAsync(Rendered rendered, int attempt) {
    AsyncMetering metering = store.table().asyncMetering();
    String entity = store.schema().entityType();
    return metering.updateItem(entity, upsert ? "upsert" : "update", request(rendered))
        .handle((response, failure) -> {
          if (failure == null) {
            return CompletableFuture.completedFuture(response);
          }
          if (!(Futures.cause(failure) instanceof ConditionalCheckFailedException failed)) {
            return CompletableFuture.<UpdateItemResponse>failedFuture(Futures.cause(failure));
          }
          if (!replacesExpired(attempt, failed)) {
            return sendAsync(renderReplacing(failed.item()), attempt + 1);
          }
          Condition expired = Condition.not(store.table().notExpired());
          return metering.deleteItem(entity, "delete", store.deleteRequest(key, expired))
              .handle((deleted, notExpired) -> {
                if (notExpired != null && !(Futures.cause(notExpired) instanceof ConditionalCheckFailedException)) {
                  throw new CompletionException(Futures.cause(notExpired));
                }
                // written again meanwhile (the delete's condition failed): the retried upsert sees it as it is now
                return null;
              })
              .thenCompose(removed -> sendAsync(render(), attempt + 1));
        })
        .thenCompose(next -> next);
  }

  /**
   * What to do about an update whose condition failed on attempt {@code attempt}: true to remove the
   * expired item it met and send it again (it names a nested path), false to send it again
   * replacing that item.
   *
   * @throws ConditionFailedException when it is not an upsert meeting an expired item (or has met one
   *     twice already): the update failed
   */
  private boolean replacesExpired(int attempt, ConditionalCheckFailedException failed) {
    if (!upsert || attempt == 2 || !failed.hasItem() || !store.table().expired(failed.item())) {
      throw store.conditionFailed("update", failed);
    }
    return nested;
  }

  /** The entity the answer returns, as {@code returning} asks. */
  private Optional<T> returned(UpdateItemResponse response) {
    if (!response.hasAttributes() || response.attributes().isEmpty()) {
      return Optional.empty();
    }
    Map<String, AttributeValue> item = new HashMap<>(response.attributes());
    // UPDATED_* answers only what changed: the key fields are the update's own
    keyFields.attributes().forEach(item::putIfAbsent);
    if (!store.schema().typeAttribute().isEmpty()) {
      item.putIfAbsent(store.schema().typeAttribute(), AttributeValue.fromS(store.schema().entityType()));
    }
    return Optional.of(store.schema().fromItem(item));
  }

  private UpdateItemRequest request(Rendered rendered) {
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
    return request.build();
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


  /** Whether this upsert can replace an expired item in one write (it names no nested path). */
  boolean canReplaceExpired() {
    return upsert && !nested;
  }

  /** This update as an action of a transaction. */
  software.amazon.awssdk.services.dynamodb.model.Update toTransactionUpdate() {
    return transactionUpdate(render());
  }

  /**
   * This upsert as an action of a transaction that replaces {@code expired}, an item whose time to
   * live has passed, as {@link #execute()} does.
   */
  software.amazon.awssdk.services.dynamodb.model.Update toTransactionUpdateReplacing(Map<String, AttributeValue> expired) {
    return transactionUpdate(renderReplacing(expired));
  }

  private software.amazon.awssdk.services.dynamodb.model.Update transactionUpdate(Rendered rendered) {
    software.amazon.awssdk.services.dynamodb.model.Update.Builder update =
        software.amazon.awssdk.services.dynamodb.model.Update.builder()
            .tableName(store.table().name())
            .key(key)
            .updateExpression(rendered.update());
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
    String update = updateExpression(new Expression("s", sentNames, sentValues), null);
    Condition sent = sentCondition();
    String condition = sent == null ? null : ExpressionCondition.of(sent).render(new Expression("c", sentNames, sentValues));
    return new Rendered(update, condition, sentNames, sentValues);
  }

  /**
   * Renders this upsert as the creation of its item afresh over {@code expired}, an item whose time
   * to live has passed: the update applied to no item, every other attribute of the expired item
   * removed, on the condition that the expired item is still the one stored (its time to live
   * unchanged). The caller's condition is decided here, as DynamoDB decides it for an absent item.
   *
   * @throws ConditionFailedException when the caller's condition does not hold for an absent item
   */
  private Rendered renderReplacing(Map<String, AttributeValue> expired) {
    if (condition != null && !ExpressionCondition.of(condition).holdsWithoutItem()) {
      throw new ConditionFailedException("the condition of this upsert of a " + store.schema().entityType()
          + " did not hold for the item it creates (the one stored had expired); nothing was written", null, null);
    }
    Map<String, String> sentNames = new HashMap<>(names);
    Map<String, AttributeValue> sentValues = new HashMap<>(values);
    Expression expression = new Expression("s", sentNames, sentValues);
    String update = updateExpression(expression, expired);
    String timeToLive = store.table().timeToLiveAttribute();
    String condition = expression.name(timeToLive) + " = " + expression.value(expired.get(timeToLive));
    keepUsed(sentNames, sentValues, update + " " + condition);
    return new Rendered(update, condition, sentNames, sentValues);
  }

  /** A {@code #name} or {@code :value} placeholder in expression text. */
  private static final Pattern PLACEHOLDER = Pattern.compile("[#:][A-Za-z0-9_]+");

  /**
   * Leaves out of {@code names} and {@code values} the placeholders {@code text} does not use:
   * DynamoDB refuses unused ones, and a clause applied to no item may drop its placeholders.
   */
  private static void keepUsed(Map<String, String> names, Map<String, AttributeValue> values, String text) {
    Matcher used = PLACEHOLDER.matcher(text);
    Set<String> placeholders = new HashSet<>();
    while (used.find()) {
      placeholders.add(used.group());
    }
    names.keySet().retainAll(placeholders);
    values.keySet().retainAll(placeholders);
  }

  /**
   * The update expression: the clauses built so far, plus what every update writes (index keys,
   * timestamps, version, type attribute; key fields for an upsert), named through {@code expression}.
   * With {@code replacing}, the expression creates the item afresh over that expired item instead.
   */
  private String updateExpression(Expression expression, Map<String, AttributeValue> replacing) {
    if (!refused.isEmpty()) {
      throw new InvalidUpdateException("an update of " + store.schema().entityType() + " cannot set " + refused
          + ": they are fields of key templates; write the whole item with put() instead");
    }
    String version = store.schema().versionAttribute();
    if (version != null && touched.contains(version)) {
      throw new InvalidUpdateException("an update of " + store.schema().entityType() + " cannot change its @Version"
          + " attribute " + version + ": every update moves it on by one; check the version read with"
          + " expectingVersion(version)");
    }
    boolean afresh = replacing != null;
    // the stamps are values the update stores: index keys built from them are built from them
    Instant now = store.table().options().clock().instant();
    AttributeValue stamp = AttributeCodecs.INSTANT.write(now);
    String updatedAt = store.schema().updatedAtAttribute();
    boolean stampUpdated = updatedAt != null && !touched.contains(updatedAt);
    String createdAt = store.schema().createdAtAttribute();
    // a creation time the caller sets, or an upsert writes as a key field, is not stamped over
    boolean stampCreated = createdAt != null && !touched.contains(createdAt)
        && !(upsert && keyFields.attributes().containsKey(createdAt));
    Map<String, Object> values = given;
    if (stampUpdated) {
      values = new HashMap<>(given);
      values.put(updatedAt, now);
    }
    List<String> sets = new ArrayList<>(afresh ? freshSets : this.sets);
    List<String> removes = new ArrayList<>(afresh ? List.of() : this.removes);
    Set<String> written = new LinkedHashSet<>(rewriteIndexKeys(expression, sets, removes, values));
    if (!afresh && sets.isEmpty() && adds.isEmpty() && removes.isEmpty() && deletes.isEmpty()) {
      throw new InvalidUpdateException("the update of " + store.schema().entityType() + " changes nothing");
    }
    List<String> clauses = new ArrayList<>();
    if (!sets.isEmpty()) {
      clauses.add("SET " + String.join(", ", sets));
    }
    if (!afresh && !adds.isEmpty()) {
      clauses.add("ADD " + String.join(", ", adds));
    }
    if (!afresh && !deletes.isEmpty()) {
      clauses.add("DELETE " + String.join(", ", deletes));
    }
    if (stampUpdated) {
      clauses.add(0, "SET " + expression.name(updatedAt) + " = " + expression.value(stamp));
      written.add(updatedAt);
    }
    if (stampCreated) {
      String created = expression.name(createdAt);
      clauses.add(0, "SET " + created + " = " + (afresh ? expression.value(stamp)
          : "if_not_exists(" + created + ", " + expression.value(stamp) + ")"));
      written.add(createdAt);
    }
    mergeSets(clauses);
    if (version != null && afresh) {
      clauses.add(0, "SET " + expression.name(version) + " = " + expression.value(AttributeValue.fromN("1")));
      written.add(version);
    } else if (version != null) {
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
      keyFields.attributes().forEach((attribute, value) -> {
        keySets.add(expression.name(attribute) + " = " + expression.value(value));
        written.add(attribute);
      });
      if (!keySets.isEmpty()) {
        clauses.add(0, "SET " + String.join(", ", keySets));
      }
    }
    // the type attribute keeps an item created by an upsert readable as this entity
    if (!store.schema().typeAttribute().isEmpty()) {
      String type = expression.name(store.schema().typeAttribute());
      clauses.add(0, "SET " + type + " = " + expression.value(AttributeValue.fromS(store.schema().entityType())));
      written.add(store.schema().typeAttribute());
    }
    mergeSets(clauses);
    if (afresh) {
      // nothing of the expired item survives but its key
      written.addAll(freshTargets);
      written.addAll(store.schema().keyAttributes());
      for (String attribute : replacing.keySet()) {
        if (!written.contains(attribute)) {
          removes.add(expression.name(attribute));
        }
      }
    }
    if (!removes.isEmpty()) {
      clauses.add("REMOVE " + String.join(", ", removes));
    }
    return String.join(" ", clauses);
  }
}
