package dev.monotable.it.contract;

import dev.monotable.runtime.Condition;
import dev.monotable.runtime.Transaction;
import dev.monotable.runtime.async.AsyncTransaction;

/** A write transaction of either flavour; its actions take the same flavour's repositories and updates. */
interface TransactionOps {
  <T> TransactionOps put(EntityOps<T> repository, T entity);

  <T> TransactionOps put(EntityOps<T> repository, T entity, Condition condition);

  <T> TransactionOps update(UpdateOps<T> update);

  <T> TransactionOps delete(EntityOps<T> repository, T entity);

  <T> TransactionOps conditionCheck(EntityOps<T> repository, T entity, Condition condition);

  TransactionOps idempotencyToken(String token);

  void execute();

  /** Over {@link Transaction}. */
  final class Sync implements TransactionOps {
    private Transaction transaction;

    Sync(Transaction transaction) {
      this.transaction = transaction;
    }

    private static <T> dev.monotable.runtime.Repository<T> of(EntityOps<T> repository) {
      return ((EntityOps.Sync<T>) repository).repository();
    }

    @Override
    public <T> TransactionOps put(EntityOps<T> repository, T entity) {
      transaction = transaction.put(of(repository), entity);
      return this;
    }

    @Override
    public <T> TransactionOps put(EntityOps<T> repository, T entity, Condition condition) {
      transaction = transaction.put(of(repository), entity, condition);
      return this;
    }

    @Override
    public <T> TransactionOps update(UpdateOps<T> update) {
      transaction = transaction.update(((UpdateOps.Sync<T>) update).update());
      return this;
    }

    @Override
    public <T> TransactionOps delete(EntityOps<T> repository, T entity) {
      transaction = transaction.delete(of(repository), entity);
      return this;
    }

    @Override
    public <T> TransactionOps conditionCheck(EntityOps<T> repository, T entity, Condition condition) {
      transaction = transaction.conditionCheck(of(repository), entity, condition);
      return this;
    }

    @Override
    public TransactionOps idempotencyToken(String token) {
      transaction = transaction.idempotencyToken(token);
      return this;
    }

    @Override
    public void execute() {
      transaction.execute();
    }
  }

  /** Over {@link AsyncTransaction}, {@code execute()} awaited. */
  final class Async implements TransactionOps {
    private AsyncTransaction transaction;

    Async(AsyncTransaction transaction) {
      this.transaction = transaction;
    }

    private static <T> dev.monotable.runtime.async.AsyncRepository<T> of(EntityOps<T> repository) {
      return ((EntityOps.Async<T>) repository).repository();
    }

    @Override
    public <T> TransactionOps put(EntityOps<T> repository, T entity) {
      transaction = transaction.put(of(repository), entity);
      return this;
    }

    @Override
    public <T> TransactionOps put(EntityOps<T> repository, T entity, Condition condition) {
      transaction = transaction.put(of(repository), entity, condition);
      return this;
    }

    @Override
    public <T> TransactionOps update(UpdateOps<T> update) {
      transaction = transaction.update(((UpdateOps.Async<T>) update).update());
      return this;
    }

    @Override
    public <T> TransactionOps delete(EntityOps<T> repository, T entity) {
      transaction = transaction.delete(of(repository), entity);
      return this;
    }

    @Override
    public <T> TransactionOps conditionCheck(EntityOps<T> repository, T entity, Condition condition) {
      transaction = transaction.conditionCheck(of(repository), entity, condition);
      return this;
    }

    @Override
    public TransactionOps idempotencyToken(String token) {
      transaction = transaction.idempotencyToken(token);
      return this;
    }

    @Override
    public void execute() {
      Await.result(transaction.execute());
    }
  }
}
