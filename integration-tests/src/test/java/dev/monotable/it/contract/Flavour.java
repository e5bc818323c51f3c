package dev.monotable.it.contract;

import dev.monotable.it.expiry.CacheTable;
import dev.monotable.it.sharded.ShardedOrdersTable;
import dev.monotable.it.sharded.VisitsTable;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.runtime.TableOptions;
import dev.monotable.testing.TestDynamoDb;
import java.util.function.Consumer;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** The two flavours of every generated table; each opens the designs' facades on tables that exist or not. */
enum Flavour {
  SYNC {
    @Override
    ShopOps shop(TestDynamoDb dynamo, String tableName, TableOptions options) {
      return new SyncShopOps(ShopTable.of(dynamo.client(), tableName, options));
    }

    @Override
    ShopOps shop(TestDynamoDb dynamo, String tableName, ExecutionInterceptor interceptor,
        Consumer<SdkAutoCloseable> opened) {
      DynamoDbClient client = dynamo.newClient(b -> b.overrideConfiguration(c -> c.addExecutionInterceptor(interceptor)));
      opened.accept(client);
      return new SyncShopOps(ShopTable.of(client, tableName));
    }

    @Override
    ShardedOps sharded(TestDynamoDb dynamo, String ordersTable, String visitsTable) {
      return new ShardedOps.Sync(ShardedOrdersTable.of(dynamo.client(), ordersTable),
          VisitsTable.of(dynamo.client(), visitsTable));
    }

    @Override
    CacheOps cache(TestDynamoDb dynamo, String tableName, TableOptions options) {
      return new CacheOps.Sync(CacheTable.of(dynamo.client(), tableName, options));
    }
  },

  ASYNC {
    @Override
    ShopOps shop(TestDynamoDb dynamo, String tableName, TableOptions options) {
      return new AsyncShopOps(ShopTable.async(dynamo.asyncClient(), tableName, options));
    }

    @Override
    ShopOps shop(TestDynamoDb dynamo, String tableName, ExecutionInterceptor interceptor,
        Consumer<SdkAutoCloseable> opened) {
      DynamoDbAsyncClient client = dynamo.newAsyncClient(
          b -> b.overrideConfiguration(c -> c.addExecutionInterceptor(interceptor)));
      opened.accept(client);
      return new AsyncShopOps(ShopTable.async(client, tableName));
    }

    @Override
    ShardedOps sharded(TestDynamoDb dynamo, String ordersTable, String visitsTable) {
      return new ShardedOps.Async(ShardedOrdersTable.async(dynamo.asyncClient(), ordersTable),
          VisitsTable.async(dynamo.asyncClient(), visitsTable));
    }

    @Override
    CacheOps cache(TestDynamoDb dynamo, String tableName, TableOptions options) {
      return new CacheOps.Async(CacheTable.async(dynamo.asyncClient(), tableName, options));
    }
  };

  abstract ShopOps shop(TestDynamoDb dynamo, String tableName, TableOptions options);

  /** The Shop facade on a client of its own that {@code interceptor} watches; {@code opened} closes it. */
  abstract ShopOps shop(TestDynamoDb dynamo, String tableName, ExecutionInterceptor interceptor,
      Consumer<SdkAutoCloseable> opened);

  abstract ShardedOps sharded(TestDynamoDb dynamo, String ordersTable, String visitsTable);

  abstract CacheOps cache(TestDynamoDb dynamo, String tableName, TableOptions options);

  ShopOps shop(TestDynamoDb dynamo, String tableName) {
    return shop(dynamo, tableName, TableOptions.defaults());
  }

  /** The flavour a scenario checks this one against: what one writes, the other reads. */
  Flavour other() {
    return this == SYNC ? ASYNC : SYNC;
  }
}
