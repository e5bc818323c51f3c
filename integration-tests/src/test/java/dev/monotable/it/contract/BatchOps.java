package dev.monotable.it.contract;

import dev.monotable.runtime.Repository;
import dev.monotable.runtime.TableBatch;
import dev.monotable.runtime.TableBatchGet;
import dev.monotable.runtime.TransactionRead;
import dev.monotable.runtime.async.AsyncRepository;
import dev.monotable.runtime.async.AsyncTableBatch;
import dev.monotable.runtime.async.AsyncTableBatchGet;
import dev.monotable.runtime.async.AsyncTransactionRead;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The table's multi-item requests of either flavour: a batch write ({@link TableBatch}), a batch get
 * ({@link TableBatchGet}) and a read transaction ({@link TransactionRead}). Both flavours answer a
 * get with the sync API's result handles.
 */
final class BatchOps {
  private BatchOps() {}

  /** {@code batchWrite()} of either flavour. */
  interface Write {
    <T> Write put(EntityOps<T> repository, T entity);

    <T> Write delete(EntityOps<T> repository, T entity);

    void execute();
  }

  /** {@code batchGet()} of either flavour. */
  interface Get {
    <T> TableBatchGet.Result<T> get(EntityOps<T> repository, Map<String, AttributeValue> key);

    void execute();
  }

  /** {@code transactionRead()} of either flavour. */
  interface ReadTransaction {
    <T> TransactionRead.Result<T> get(EntityOps<T> repository, Map<String, AttributeValue> key);

    void execute();
  }

  private static <T> Repository<T> sync(EntityOps<T> repository) {
    return ((EntityOps.Sync<T>) repository).repository();
  }

  private static <T> AsyncRepository<T> async(EntityOps<T> repository) {
    return ((EntityOps.Async<T>) repository).repository();
  }

  static Write write(TableBatch batch) {
    return new Write() {
      @Override
      public <T> Write put(EntityOps<T> repository, T entity) {
        batch.put(sync(repository), entity);
        return this;
      }

      @Override
      public <T> Write delete(EntityOps<T> repository, T entity) {
        batch.delete(sync(repository), entity);
        return this;
      }

      @Override
      public void execute() {
        batch.execute();
      }
    };
  }

  static Write write(AsyncTableBatch batch) {
    return new Write() {
      @Override
      public <T> Write put(EntityOps<T> repository, T entity) {
        batch.put(async(repository), entity);
        return this;
      }

      @Override
      public <T> Write delete(EntityOps<T> repository, T entity) {
        batch.delete(async(repository), entity);
        return this;
      }

      @Override
      public void execute() {
        Await.result(batch.execute());
      }
    };
  }

  static Get get(TableBatchGet batch) {
    return new Get() {
      @Override
      public <T> TableBatchGet.Result<T> get(EntityOps<T> repository, Map<String, AttributeValue> key) {
        return batch.get(sync(repository), key);
      }

      @Override
      public void execute() {
        batch.execute();
      }
    };
  }

  static Get get(AsyncTableBatchGet batch) {
    return new Get() {
      @Override
      public <T> TableBatchGet.Result<T> get(EntityOps<T> repository, Map<String, AttributeValue> key) {
        return batch.get(async(repository), key);
      }

      @Override
      public void execute() {
        Await.result(batch.execute());
      }
    };
  }

  static ReadTransaction read(TransactionRead transaction) {
    return new ReadTransaction() {
      @Override
      public <T> TransactionRead.Result<T> get(EntityOps<T> repository, Map<String, AttributeValue> key) {
        return transaction.get(sync(repository), key);
      }

      @Override
      public void execute() {
        transaction.execute();
      }
    };
  }

  static ReadTransaction read(AsyncTransactionRead transaction) {
    return new ReadTransaction() {
      @Override
      public <T> TransactionRead.Result<T> get(EntityOps<T> repository, Map<String, AttributeValue> key) {
        return transaction.get(async(repository), key);
      }

      @Override
      public void execute() {
        Await.result(transaction.execute());
      }
    };
  }
}
