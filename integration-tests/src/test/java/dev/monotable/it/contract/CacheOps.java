package dev.monotable.it.contract;

import dev.monotable.it.expiry.CacheAsyncTable;
import dev.monotable.it.expiry.CacheTable;
import dev.monotable.it.expiry.Entry;
import dev.monotable.it.expiry.EntryRepository;
import dev.monotable.it.expiry.Label;
import java.util.List;
import java.util.Optional;

/** The expiry design in sync terms, blocking: entries and labels of buckets, which expire. */
interface CacheOps {
  boolean createIfNotExists();

  EntityOps<Entry> entries();

  EntityOps<Label> labels();

  Optional<Entry> getEntry(String bucket, String key);

  UpdateOps<Entry> updateEntry(String bucket, String key);

  UpdateOps<Entry> upsertEntry(String bucket, String key);

  TransactionOps transaction();

  List<Optional<Entry>> batchGetEntries(List<EntryRepository.Key> keys);

  Optional<Label> getLabel(String bucket);

  QueryOps<Entry> entriesOfBucket(String bucket);

  QueryOps<Entry> entriesOfOwner(String owner);

  /** {@code bucket(bucket).read()}. */
  CacheTable.Bucket readBucket(String bucket);

  /** Over {@link CacheTable}. */
  record Sync(CacheTable cache) implements CacheOps {
    @Override
    public boolean createIfNotExists() {
      return cache.createIfNotExists();
    }

    @Override
    public EntityOps<Entry> entries() {
      return new EntityOps.Sync<>(cache.entries());
    }

    @Override
    public EntityOps<Label> labels() {
      return new EntityOps.Sync<>(cache.labels());
    }

    @Override
    public Optional<Entry> getEntry(String bucket, String key) {
      return cache.entries().get(bucket, key);
    }

    @Override
    public UpdateOps<Entry> updateEntry(String bucket, String key) {
      return new UpdateOps.Sync<>(cache.entries().update(bucket, key));
    }

    @Override
    public UpdateOps<Entry> upsertEntry(String bucket, String key) {
      return new UpdateOps.Sync<>(cache.entries().upsert(bucket, key));
    }

    @Override
    public TransactionOps transaction() {
      return new TransactionOps.Sync(cache.transaction());
    }

    @Override
    public List<Optional<Entry>> batchGetEntries(List<EntryRepository.Key> keys) {
      return cache.entries().batchGet(keys);
    }

    @Override
    public Optional<Label> getLabel(String bucket) {
      return cache.labels().get(bucket);
    }

    @Override
    public QueryOps<Entry> entriesOfBucket(String bucket) {
      return QueryOps.sync(cache.entries().entriesOfBucket(bucket));
    }

    @Override
    public QueryOps<Entry> entriesOfOwner(String owner) {
      return QueryOps.sync(cache.entries().entriesOfOwner(owner));
    }

    @Override
    public CacheTable.Bucket readBucket(String bucket) {
      return cache.bucket(bucket).read();
    }
  }

  /** Over {@link CacheAsyncTable}, each future awaited. */
  record Async(CacheAsyncTable cache) implements CacheOps {
    @Override
    public boolean createIfNotExists() {
      return Await.result(cache.createIfNotExists());
    }

    @Override
    public EntityOps<Entry> entries() {
      return new EntityOps.Async<>(cache.entries());
    }

    @Override
    public EntityOps<Label> labels() {
      return new EntityOps.Async<>(cache.labels());
    }

    @Override
    public Optional<Entry> getEntry(String bucket, String key) {
      return Await.result(cache.entries().get(bucket, key));
    }

    @Override
    public UpdateOps<Entry> updateEntry(String bucket, String key) {
      return new UpdateOps.Async<>(cache.entries().update(bucket, key));
    }

    @Override
    public UpdateOps<Entry> upsertEntry(String bucket, String key) {
      return new UpdateOps.Async<>(cache.entries().upsert(bucket, key));
    }

    @Override
    public TransactionOps transaction() {
      return new TransactionOps.Async(cache.transaction());
    }

    @Override
    public List<Optional<Entry>> batchGetEntries(List<EntryRepository.Key> keys) {
      return Await.result(cache.entries().batchGet(keys));
    }

    @Override
    public Optional<Label> getLabel(String bucket) {
      return Await.result(cache.labels().get(bucket));
    }

    @Override
    public QueryOps<Entry> entriesOfBucket(String bucket) {
      return QueryOps.async(cache.entries().entriesOfBucket(bucket));
    }

    @Override
    public QueryOps<Entry> entriesOfOwner(String owner) {
      return QueryOps.async(cache.entries().entriesOfOwner(owner));
    }

    @Override
    public CacheTable.Bucket readBucket(String bucket) {
      return Await.result(cache.bucket(bucket).read());
    }
  }
}
