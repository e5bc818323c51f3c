package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.shop.Order;
import dev.monotable.it.shop.OrderSchema;
import dev.monotable.it.shop.OrderStatus;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.runtime.Migration;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Rekeys: orders stored under an earlier partition-key template ({@code CUSTOMER#<userId>}, now
 * {@code USER#<userId>}) moved to their current keys, never duplicated or lost.
 */
@ExtendWith(DynamoDbExtension.class)
class RekeyTest {
  private static final Instant DAY = Instant.parse("2024-05-01T00:00:00Z");

  private final DynamoDbClient client;
  private final TestDynamoDb dynamo;

  RekeyTest(DynamoDbClient client, TestDynamoDb dynamo) {
    this.client = client;
    this.dynamo = dynamo;
  }

  private static Order order(int n) {
    return new Order("user-" + (n % 40), "o-" + n, DAY.plusSeconds(n), OrderStatus.PENDING, BigDecimal.valueOf(n));
  }

  /** The item of {@code order} as the earlier template wrote it. */
  private static Map<String, AttributeValue> oldItem(Order order) {
    Map<String, AttributeValue> item = new HashMap<>(OrderSchema.INSTANCE.toItem(order));
    item.put("PK", AttributeValue.fromS("CUSTOMER#" + order.userId()));
    return item;
  }

  private ShopTable shopWithOldKeys(int count) {
    ShopTable shop = ShopTable.of(client, dynamo.uniqueTableName("Shop"));
    shop.createIfNotExists();
    for (int from = 0; from < count; from += 25) {
      List<WriteRequest> writes = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + 25); i++) {
        writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(oldItem(order(i))).build()).build());
      }
      client.batchWriteItem(b -> b.requestItems(Map.of(shop.tableName(), writes)));
    }
    return shop;
  }

  private Map<String, Long> keysByPrefix(ShopTable shop) {
    Map<String, Long> counts = new HashMap<>();
    for (Map<String, AttributeValue> item : client.scanPaginator(b -> b.tableName(shop.tableName())).items()) {
      counts.merge(item.get("PK").s().substring(0, item.get("PK").s().indexOf('#')), 1L, Long::sum);
    }
    return counts;
  }

  @Test
  void itemsUnderAnEarlierTemplate_moveToTheirCurrentKeys_onceEach() {
    ShopTable shop = shopWithOldKeys(3_000);
    assertTrue(shop.orders().get("user-7", order(7).orderDate(), "o-7").isEmpty(), "not at its current key yet");

    assertEquals(new Migration.Progress(3_000, 3_000, 0, 0, null),
        shop.migrations().rekey(Order.class).segments(4).dryRun().run());
    assertEquals(Map.of("CUSTOMER", 3_000L), keysByPrefix(shop), "a dry run moves nothing");

    Migration.Progress moved = shop.migrations().rekey(Order.class).segments(4).run();
    assertEquals(3_000, moved.updated());
    assertEquals(0, moved.skipped());
    // an item moved into a part of the table the scan has yet to read is read again there, and is right
    assertEquals(3_000 + moved.alreadyRight(), moved.scanned());
    assertEquals(Map.of("USER", 3_000L), keysByPrefix(shop));
    assertEquals(order(7), shop.orders().get("user-7", order(7).orderDate(), "o-7").orElseThrow());
    assertEquals(List.of(order(7)), shop.orders().orderById("o-7").list(), "its index keys come along");

    assertEquals(new Migration.Progress(3_000, 0, 3_000, 0, null),
        shop.migrations().rekey(Order.class).segments(2).run(), "a rerun moves nothing");
  }

  @Test
  void aRunStoppedMidway_resumes_withoutDuplicatingOrLosingAnItem() {
    ShopTable shop = shopWithOldKeys(1_000);
    AtomicReference<String> checkpoint = new AtomicReference<>();
    int[] pages = {0};
    assertThrows(IllegalStateException.class, () -> shop.migrations().rekey(Order.class).pageSize(100)
        .listener(progress -> {
          if (++pages[0] == 4) {
            checkpoint.set(progress.checkpoint());
            throw new IllegalStateException("the process died");
          }
        })
        .run());
    assertNotNull(checkpoint.get());
    Map<String, Long> midway = keysByPrefix(shop);
    assertEquals(1_000L, midway.values().stream().mapToLong(Long::longValue).sum(), "moved, never copied");
    assertTrue(midway.getOrDefault("USER", 0L) > 0);

    Migration.Progress rest = shop.migrations().rekey(Order.class).resumeFrom(checkpoint.get()).run();
    assertNull(rest.checkpoint());
    assertEquals(Map.of("USER", 1_000L), keysByPrefix(shop));
  }

  @Test
  void aConcurrentWriteToAnOldItem_isCarriedToItsNewKey() throws InterruptedException {
    ShopTable shop = shopWithOldKeys(1_500);
    Map<String, String> lastTotal = new ConcurrentHashMap<>();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicReference<Throwable> failed = new AtomicReference<>();
    Thread writer = new Thread(() -> {
      int n = 0;
      try {
        while (running.get()) {
          Order order = order((n * 13) % 1_500);
          String total = Integer.toString(500_000 + n++);
          try {
            // old code still writing under the old key, only while the item is there
            client.updateItem(b -> b.tableName(shop.tableName())
                .key(Map.of("PK", AttributeValue.fromS("CUSTOMER#" + order.userId()),
                    "SK", OrderSchema.INSTANCE.toItem(order).get("SK")))
                .updateExpression("SET #t = :t")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeNames(Map.of("#t", "total"))
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromN(total))));
            lastTotal.put(order.orderId(), total);
          } catch (ConditionalCheckFailedException moved) {
            // already moved: nothing was written
          }
        }
      } catch (Throwable unexpected) {
        failed.set(unexpected);
      }
    });
    writer.start();
    Migration.Progress done = shop.migrations().rekey(Order.class).segments(3).run();
    running.set(false);
    writer.join();
    assertNull(failed.get());
    assertEquals(1_500, done.updated(), done.toString());
    assertEquals(Map.of("USER", 1_500L), keysByPrefix(shop));
    for (Map.Entry<String, String> written : lastTotal.entrySet()) {
      int n = Integer.parseInt(written.getKey().substring(2));
      Order moved = shop.orders().get(order(n).userId(), order(n).orderDate(), written.getKey()).orElseThrow();
      assertEquals(0, new BigDecimal(written.getValue()).compareTo(moved.total()), written.getKey());
    }
    assertTrue(!lastTotal.isEmpty());
  }
}
