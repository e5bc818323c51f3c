package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.monotable.it.stream.Comment;
import dev.monotable.it.stream.Customer;
import dev.monotable.it.stream.KeysOnlyChangeHandler;
import dev.monotable.it.stream.KeysOnlyTable;
import dev.monotable.it.stream.Like;
import dev.monotable.it.stream.NewImagesChangeHandler;
import dev.monotable.it.stream.NewImagesTable;
import dev.monotable.it.stream.OldImagesChangeHandler;
import dev.monotable.it.stream.OldImagesTable;
import dev.monotable.it.stream.Order;
import dev.monotable.it.stream.OrderFields;
import dev.monotable.it.stream.Post;
import dev.monotable.it.stream.ShopChangeHandler;
import dev.monotable.it.stream.ShopTable;
import dev.monotable.runtime.Change;
import dev.monotable.runtime.StreamReader;
import dev.monotable.runtime.TableMismatchException;
import dev.monotable.runtime.TableOptions;
import dev.monotable.runtime.UnknownChange;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Writes through the generated repositories, read back from the table's stream with the SDK's
 * {@code DynamoDbStreamsClient} and decoded by the generated {@code <Table>Changes}: the typed
 * changes each view type allows, and nothing else.
 */
@ExtendWith(DynamoDbExtension.class)
class StreamTest {
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private final DynamoDbClient client;
  private final TestDynamoDb dynamo;
  private final DynamoDbStreamsClient streams;

  StreamTest(DynamoDbClient client, TestDynamoDb dynamo) {
    this.client = client;
    this.dynamo = dynamo;
    this.streams = dynamo.newStreamsClient();
  }

  @AfterEach
  void closeStreams() {
    streams.close();
  }

  private ShopTable shop() {
    ShopTable shop = ShopTable.of(client, dynamo.uniqueTableName("StreamShop"),
        TableOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
    shop.createIfNotExists();
    return shop;
  }

  @Test
  void theTableIsCreatedWithItsStream_andTheDescriptionSaysSo() {
    ShopTable shop = shop();
    var description = client.describeTable(b -> b.tableName(shop.tableName())).table();
    assertTrue(description.streamSpecification().streamEnabled());
    assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, description.streamSpecification().streamViewType());
    assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, shop.createTableRequest().streamSpecification().streamViewType());
    assertFalse(shop.createIfNotExists(), "a second call finds the table as designed");
  }

  @Test
  void createIfNotExists_refusesAnExistingTableWhoseStreamDiffers() {
    String name = dynamo.uniqueTableName("StreamShop");
    ShopTable shop = ShopTable.of(client, name);
    client.createTable(shop.createTableRequest().toBuilder().streamSpecification((b) -> b.streamEnabled(false)).build());

    TableMismatchException mismatch = assertThrows(TableMismatchException.class, shop::createIfNotExists);
    assertEquals("stream", mismatch.setting());
    assertTrue(mismatch.getMessage().contains("NONE") && mismatch.getMessage().contains("NEW_AND_OLD_IMAGES"),
        mismatch.getMessage());
    var stream = client.describeTable(b -> b.tableName(name)).table().streamSpecification();
    assertTrue(stream == null || !stream.streamEnabled(), "the live table is left as it was");
  }

  @Test
  void putUpdateUpsertDelete_areDecodedToTypedChanges_withBothImages() {
    ShopTable shop = shop();
    StreamReader reader = shop.changes().poll(streams);
    Order placed = new Order("ada", "o-1", Order.Status.PENDING, 1200, null);
    shop.orders().put(placed);
    shop.orders().update("ada", "o-1").set(OrderFields.STATUS, Order.Status.PAID).execute();
    shop.customers().upsert("ada").set(dev.monotable.it.stream.CustomerFields.NAME, "Ada").execute();
    shop.orders().put(new Order("ada", "o-1", Order.Status.PAID, 1200, null));   // a put that changes nothing
    shop.orders().delete("ada", "o-1");

    List<Change<?>> changes = shop.changes().decode(reader.read());

    assertEquals(4, changes.size(), "a write that changes nothing adds no record: " + changes);
    Change.Inserted<?> inserted = assertInstanceOf(Change.Inserted.class, changes.get(0));
    assertEquals(placed, inserted.newImage());
    assertEquals(Map.of("PK", AttributeValue.fromS("CUSTOMER#ada"), "SK", AttributeValue.fromS("ORDER#o-1")),
        inserted.keys());
    assertTrue(inserted.changed(OrderFields.STATUS), "an insertion changes every field it stores");

    Change.Modified<?> paid = assertInstanceOf(Change.Modified.class, changes.get(1));
    assertEquals(Optional.of(placed), paid.oldImage());
    assertEquals(Optional.of(new Order("ada", "o-1", Order.Status.PAID, 1200, null)), paid.newImage());
    assertTrue(paid.changed(OrderFields.STATUS));
    assertFalse(paid.changed(OrderFields.TOTAL));

    Change.Inserted<?> customer = assertInstanceOf(Change.Inserted.class, changes.get(2));
    assertEquals(new Customer("ada", "Ada"), customer.newImage());

    Change.Removed<?> removed = assertInstanceOf(Change.Removed.class, changes.get(3));
    assertEquals(new Order("ada", "o-1", Order.Status.PAID, 1200, null), removed.oldImage());
    assertFalse(removed.expired());

    List<String> sequence = changes.stream().map(Change::sequenceNumber).toList();
    assertEquals(sequence.stream().sorted((a, b) -> new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b)))
        .toList(), sequence, "in stream order");
    assertTrue(changes.stream().allMatch(c -> c.approximateCreationTime() != null));
    assertEquals(List.of(), reader.read(), "a second read starts where the first ended");
  }

  @Test
  void theHandler_isCalledPerEntityAndEvent_inOrder() {
    ShopTable shop = shop();
    StreamReader reader = shop.changes().poll(streams);
    shop.customers().put(new Customer("bob", "Bob"));
    shop.orders().put(new Order("bob", "o-2", Order.Status.PENDING, 50, null));
    shop.orders().update("bob", "o-2").set(OrderFields.STATUS, Order.Status.SHIPPED).execute();
    shop.transaction()
        .put(shop.orders(), new Order("bob", "o-3", Order.Status.PENDING, 75, null))
        .delete(shop.customers(), new Customer("bob", "Bob"))
        .execute();
    client.putItem(b -> b.tableName(shop.tableName()).item(Map.of(
        "PK", AttributeValue.fromS("CUSTOMER#bob"), "SK", AttributeValue.fromS("NOTE#1"),
        "_type", AttributeValue.fromS("Note"))));

    List<String> calls = new ArrayList<>();
    shop.changes().dispatch(reader.read(), new ShopChangeHandler() {
      @Override
      public void customerInserted(Customer customer) {
        calls.add("customer+ " + customer.name());
      }

      @Override
      public void customerRemoved(Customer before, boolean expired) {
        calls.add("customer- " + before.name() + (expired ? " expired" : ""));
      }

      @Override
      public void orderInserted(Order order) {
        calls.add("order+ " + order.orderId() + " " + order.status());
      }

      @Override
      public void orderModified(Order before, Order after) {
        calls.add("order~ " + after.orderId() + " " + before.status() + " -> " + after.status());
      }

      @Override
      public void unknown(UnknownChange change) {
        calls.add("unknown " + change.event() + " " + change.newImage().orElseThrow().get("_type").s());
      }
    });

    assertEquals(List.of("customer+ Bob", "order+ o-2 PENDING", "order~ o-2 PENDING -> SHIPPED", "order+ o-3 PENDING",
        "customer- Bob", "unknown INSERT Note"), calls);
  }

  @Test
  void anItemRemovedByTimeToLive_isAnExpiredRemoval() {
    assumeTrue(dynamo.isLocal(), "DynamoDB deletes expired items within days; the engine does when asked");
    ShopTable shop = shop();
    StreamReader reader = shop.changes().poll(streams, ShardIteratorType.LATEST);
    Order expiring = new Order("cy", "o-9", Order.Status.PENDING, 10, Instant.now().minusSeconds(60));
    shop.orders().put(expiring);
    dynamo.local().orElseThrow().expireNow();

    List<Change<?>> changes = shop.changes().decode(reader.read());

    assertEquals(2, changes.size(), changes::toString);
    Change.Removed<?> removed = assertInstanceOf(Change.Removed.class, changes.get(1));
    assertTrue(removed.expired());
    assertEquals(expiring.expiresAt().getEpochSecond(), ((Order) removed.oldImage()).expiresAt().getEpochSecond());
  }

  @Test
  void aReaderFromLatest_seesOnlyLaterRecords() {
    ShopTable shop = shop();
    shop.customers().put(new Customer("dee", "Dee"));
    StreamReader reader = shop.changes().poll(streams, ShardIteratorType.LATEST);
    shop.customers().put(new Customer("dee", "Deirdre"));

    List<Change<?>> changes = shop.changes().decode(reader.read());

    assertEquals(1, changes.size(), changes::toString);
    Change.Modified<?> renamed = assertInstanceOf(Change.Modified.class, changes.get(0));
    assertEquals(Optional.of(new Customer("dee", "Deirdre")), renamed.newImage());
  }

  @Test
  void newImageStreams_typeInsertionsAndModifications_butNotRemovals() {
    NewImagesTable table = NewImagesTable.of(client, dynamo.uniqueTableName("StreamNewImages"));
    table.createIfNotExists();
    StreamReader reader = table.changes().poll(streams);
    table.posts().put(new Post("p1", "hello"));
    table.posts().put(new Post("p1", "hello, world"));
    table.posts().delete("p1");

    List<Change<?>> changes = table.changes().decode(reader.read());
    assertEquals(3, changes.size());
    assertEquals(new Post("p1", "hello"), assertInstanceOf(Change.Inserted.class, changes.get(0)).newImage());
    Change.Modified<?> edited = assertInstanceOf(Change.Modified.class, changes.get(1));
    assertEquals(Optional.empty(), edited.oldImage(), "the view carries no old image: absent, not half-filled");
    assertEquals(Optional.of(new Post("p1", "hello, world")), edited.newImage());
    assertThrows(IllegalStateException.class, () -> edited.changed(dev.monotable.it.stream.PostFields.TEXT));
    UnknownChange removal = assertInstanceOf(UnknownChange.class, changes.get(2));
    assertEquals(OperationType.REMOVE, removal.event());
    assertEquals(AttributeValue.fromS("POST#p1"), removal.keys().get("PK"));

    List<String> calls = new ArrayList<>();
    table.changes().dispatch(reader.read(), new NewImagesChangeHandler() { });
    table.posts().put(new Post("p2", "again"));
    table.posts().put(new Post("p2", "again!"));
    table.posts().delete("p2");
    table.changes().dispatch(reader.read(), new NewImagesChangeHandler() {
      @Override
      public void postInserted(Post post) {
        calls.add("+" + post.text());
      }

      @Override
      public void postModified(Post after) {
        calls.add("~" + after.text());
      }

      @Override
      public void unknown(UnknownChange change) {
        calls.add("?" + change.event());
      }
    });
    assertEquals(List.of("+again", "~again!", "?REMOVE"), calls);
  }

  @Test
  void oldImageStreams_typeModificationsAndRemovals_butNotInsertions() {
    OldImagesTable table = OldImagesTable.of(client, dynamo.uniqueTableName("StreamOldImages"));
    table.createIfNotExists();
    StreamReader reader = table.changes().poll(streams);
    table.comments().put(new Comment("c1", "first"));
    table.comments().put(new Comment("c1", "second"));
    table.comments().delete("c1");

    List<String> calls = new ArrayList<>();
    table.changes().dispatch(reader.read(), new OldImagesChangeHandler() {
      @Override
      public void commentModified(Comment before) {
        calls.add("~" + before.text());
      }

      @Override
      public void commentRemoved(Comment before, boolean expired) {
        calls.add("-" + before.text() + (expired ? " expired" : ""));
      }

      @Override
      public void unknown(UnknownChange change) {
        calls.add("?" + change.event() + " " + change.newImage().isPresent());
      }
    });
    assertEquals(List.of("?INSERT false", "~first", "-second"), calls);
  }

  @Test
  void keysOnlyStreams_leaveEveryChangeUnknown_withItsKeys() {
    KeysOnlyTable table = KeysOnlyTable.of(client, dynamo.uniqueTableName("StreamKeysOnly"));
    table.createIfNotExists();
    StreamReader reader = table.changes().poll(streams);
    table.likes().put(new Like("l1", "+1"));
    table.likes().update("l1").set(dev.monotable.it.stream.LikeFields.TEXT, "+2").execute();
    table.likes().delete("l1");

    List<String> calls = new ArrayList<>();
    table.changes().dispatch(reader.read(), new KeysOnlyChangeHandler() {
      @Override
      public void unknown(UnknownChange change) {
        calls.add(change.event() + " " + change.keys().get("PK").s() + " " + change.oldImage().isPresent()
            + change.newImage().isPresent());
      }
    });
    assertEquals(List.of("INSERT LIKE#l1 falsefalse", "MODIFY LIKE#l1 falsefalse", "REMOVE LIKE#l1 falsefalse"), calls);
  }
}
