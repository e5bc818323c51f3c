package dev.monotable.runtime.internal;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.UpdateReturn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What one update asks for, as an immutable value: the item (its key and key fields), whether it
 * may create the item, the clauses in the order they were given, the caller's condition and what
 * to return. {@link DefaultUpdate} makes a new plan for each clause; {@link UpdateExecutor} runs it.
 *
 * @param store the item operations of the entity type
 * @param key the item's primary key
 * @param keyFields the item's primary-key fields, which an upsert writes
 * @param upsert whether the update creates the item when there is none
 * @param clauses the clauses, in order
 * @param condition the caller's condition, null for none
 * @param returning what the update returns
 * @param <T> the entity type
 */
record UpdatePlan<T>(EntityStore<T> store, Map<String, AttributeValue> key, KeyFields keyFields, boolean upsert,
    List<Clause<T>> clauses, Condition condition, UpdateReturn returning) {
  UpdatePlan {
    clauses = List.copyOf(clauses);
  }

  /** One clause of an update ({@code SET a = :v}, {@code ADD n :one}, ...), applied by the executor. */
  @FunctionalInterface
  interface Clause<T> {
    void applyTo(UpdateExecutor<T> executor);
  }

  /**
   * The plan of a new update of the item at {@code key}: of an existing (live) item only, or with
   * {@code upsert} creating it when there is none. An upsert hands back the entity as stored, as a
   * put does; an update what {@code returning()} asks, nothing by default.
   */
  static <T> UpdatePlan<T> of(EntityStore<T> store, Map<String, AttributeValue> key, KeyFields keyFields,
      boolean upsert) {
    return new UpdatePlan<>(store, key, keyFields, upsert, List.of(), null,
        upsert ? UpdateReturn.ALL_NEW : UpdateReturn.NONE);
  }

  /** This plan with {@code clause} after its own. */
  UpdatePlan<T> with(Clause<T> clause) {
    List<Clause<T>> more = new ArrayList<>(clauses);
    more.add(clause);
    return new UpdatePlan<>(store, key, keyFields, upsert, more, condition, returning);
  }

  /** This plan on the condition that {@code added} holds too. */
  UpdatePlan<T> when(Condition added) {
    return new UpdatePlan<>(store, key, keyFields, upsert, clauses, condition == null ? added : condition.and(added),
        returning);
  }

  /** This plan returning {@code what}. */
  UpdatePlan<T> returning(UpdateReturn what) {
    return new UpdatePlan<>(store, key, keyFields, upsert, clauses, condition, what);
  }
}
