package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.legacy.OrdersTable;
import dev.monotable.it.legacy.Purchase;
import dev.monotable.it.plainkey.BlobsTable;
import dev.monotable.it.plainkey.Chunk;
import dev.monotable.it.plainkey.Tag;
import dev.monotable.it.plainkey.TagsTable;
import dev.monotable.it.ranking.RankingTable;
import dev.monotable.it.ranking.Score;
import dev.monotable.it.shop.LogEntry;
import dev.monotable.it.shop.Order;
import dev.monotable.it.shop.OrderItem;
import dev.monotable.it.shop.OrderStatus;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.runtime.InvalidKeyException;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A range whose low bound is above its high bound ({@code between("b", "a")}) is refused with an
 * {@link IllegalArgumentException} naming the field and both values, before anything is sent — on
 * every kind of range (generic, text, {@code long}), on key templates and on plain key attributes.
 * The bounds are compared in the order DynamoDB compares the stored keys: strings by their UTF-8
 * bytes, numbers by value, binary values as unsigned bytes.
 */
@ExtendWith(DynamoDbExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReversedRangeTest {
  private static final Instant DAY = Instant.parse("2024-05-01T00:00:00Z");
  private static final Instant THIRD = DAY.plusSeconds(86_400L * 3);
  private static final Instant SIXTH = DAY.plusSeconds(86_400L * 6);
  /** In UTF-16 (Java's order) above the emoji, in UTF-8 (DynamoDB's) below it. */
  private static final String LAST_OF_THE_BMP = "\uFFFF";
  private static final String EMOJI = "\uD83D\uDE00";

  private final RequestCounter requests = new RequestCounter();
  private DynamoDbClient client;
  private ShopTable shop;
  private RankingTable ranking;
  private OrdersTable orders;
  private TagsTable tags;
  private BlobsTable blobs;

  @BeforeAll
  void fill(TestDynamoDb dynamo) {
    client = dynamo.newClient(b -> b.overrideConfiguration(c -> c.addExecutionInterceptor(requests)));
    shop = ShopTable.of(client, dynamo.uniqueTableName("Shop"));
    ranking = RankingTable.of(client, dynamo.uniqueTableName("Ranking"));
    orders = OrdersTable.of(client, dynamo.uniqueTableName("Orders"));
    tags = TagsTable.of(client, dynamo.uniqueTableName("Tags"));
    blobs = BlobsTable.of(client, dynamo.uniqueTableName("Blobs"));
    shop.createIfNotExists();
    ranking.createIfNotExists();
    orders.createIfNotExists();
    tags.createIfNotExists();
    blobs.createIfNotExists();
    for (int i = 0; i < 10; i++) {
      shop.orders().put(new Order("ada", "o" + i, DAY.plusSeconds(86_400L * i), OrderStatus.PAID, BigDecimal.valueOf(i - 5)));
    }
    shop.logEntries().put(new LogEntry("main", DAY, 5, "five"));
    shop.orderItems().put(new OrderItem("o1", 3, "lamp", 1));
    ranking.scores().put(new Score("main", "p1", 20, new byte[] {(byte) 0x80}));
    orders.purchases().put(new Purchase("u", 5, "PAID", BigDecimal.ONE));
    tags.tags().put(new Tag("ada", LAST_OF_THE_BMP, 1));
    tags.tags().put(new Tag("ada", EMOJI, 2));
    blobs.chunks().put(new Chunk(new byte[] {1}, new byte[] {(byte) 0x80}, "x"));
  }

  @AfterAll
  void close() {
    client.close();
  }

  /**
   * {@code reversed} throws IllegalArgumentException (not a key refusal) naming {@code field} and
   * both values, and sends nothing.
   */
  private void assertReversed(String field, String low, String high, Executable reversed) {
    int sent = requests.sent();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, reversed);
    assertTrue(!(e instanceof InvalidKeyException), "a reversed range is no bad key: " + e);
    assertTrue(e.getMessage().contains(field), "names the field " + field + ": " + e.getMessage());
    assertTrue(e.getMessage().contains(low) && e.getMessage().contains(high),
        "names both values " + low + " and " + high + ": " + e.getMessage());
    assertEquals(sent, requests.sent(), "nothing is sent for a reversed range");
  }

  @Test
  void reversedBounds_onKeyTemplates_areRefused() {
    assertReversed("orderDate", SIXTH.toString(), THIRD.toString(),
        () -> shop.orders().ordersOfUser("ada").orderDate().between(SIXTH, THIRD));
    assertReversed("orderId", "\"b\"", "\"a\"",
        () -> shop.orders().ordersOfUser("ada").orderDate(DAY).orderId().between("b", "a"));
    assertReversed("total", "10", "1",
        () -> shop.orders().ordersByTotal("ada").total().between(BigDecimal.TEN, BigDecimal.ONE));
    assertReversed("total", "1", "-1",
        () -> shop.orders().ordersByTotal("ada").total().between(BigDecimal.ONE, BigDecimal.ONE.negate()));
    assertReversed("seq", "9", "1", () -> shop.logEntries().entriesOfStream("main").at(DAY).seq().between(9, 1));
    assertReversed("lineNo", "5", "1", () -> shop.orderItems().itemsOfOrder("o1").lineNo().between(5, 1));
    assertReversed("player", "\"b\"", "\"a\"", () -> ranking.scores().playersOfBoard("main").player().between("b", "a"));

    // in order, and equal, they are ranges: DynamoDB answers them
    assertEquals(List.of("o3", "o4", "o5", "o6"),
        shop.orders().ordersOfUser("ada").orderDate().between(THIRD, SIXTH).list().stream().map(Order::orderId).toList());
    assertEquals(1, shop.orders().ordersOfUser("ada").orderDate().between(THIRD, THIRD).list().size());
    // negative numbers keep their order in the encoding: -2 to -1 is no reversed range
    assertEquals(List.of("o3", "o4"), shop.orders().ordersByTotal("ada").total()
        .between(new BigDecimal("-2"), new BigDecimal("-1")).list().stream().map(Order::orderId).toList());
    assertEquals(1, shop.logEntries().entriesOfStream("main").at(DAY).seq().between(5, 5).list().size());
    assertEquals(1, shop.orderItems().itemsOfOrder("o1").lineNo().between(1, 5).list().size());
  }

  @Test
  void reversedBounds_onPlainKeyAttributes_areRefused() {
    assertReversed("timestamp", "10", "1", () -> orders.purchases().purchasesOfUser("u").timestamp().between(10, 1));
    assertReversed("points", "50", "-5", () -> ranking.scores().byPoints("main").points().between(50, -5));
    assertReversed("name", "\"b\"", "\"a\"", () -> tags.tags().tagsOfOwner("ada").name().between("b", "a"));
    // binary values compare as unsigned bytes: 0x80 is above 0x7f
    assertReversed("badge", "0x80", "0x7f",
        () -> ranking.scores().byBadge("main").badge().between(new byte[] {(byte) 0x80}, new byte[] {0x7f}));
    assertReversed("part", "0x02", "0x01",
        () -> blobs.chunks().chunksOf(new byte[] {1}).part().between(new byte[] {2}, new byte[] {1}));

    assertEquals(1, orders.purchases().purchasesOfUser("u").timestamp().between(1, 10).list().size());
    assertEquals(1, ranking.scores().byPoints("main").points().between(-5, 50).list().size());
    assertEquals(1, ranking.scores().byBadge("main").badge().between(new byte[] {0x7f}, new byte[] {(byte) 0x80})
        .list().size());
    assertEquals(1, blobs.chunks().chunksOf(new byte[] {1}).part().between(new byte[] {1}, new byte[] {(byte) 0x80})
        .list().size());
  }

  @Test
  void strings_compareAsDynamoDbComparesThem_byTheirUtf8Bytes() {
    // U+FFFF is above the emoji's first UTF-16 unit, below its first UTF-8 byte
    assertEquals(List.of(LAST_OF_THE_BMP, EMOJI), tags.tags().tagsOfOwner("ada").name()
        .between(LAST_OF_THE_BMP, EMOJI).list().stream().map(Tag::name).toList());
    assertReversed("name", EMOJI, LAST_OF_THE_BMP,
        () -> tags.tags().tagsOfOwner("ada").name().between(EMOJI, LAST_OF_THE_BMP));
    assertEquals(List.of(), shop.orders().ordersOfUser("ada").orderDate(DAY).orderId()
        .between(LAST_OF_THE_BMP, EMOJI).list());
    assertReversed("orderId", EMOJI, LAST_OF_THE_BMP,
        () -> shop.orders().ordersOfUser("ada").orderDate(DAY).orderId().between(EMOJI, LAST_OF_THE_BMP));
  }

  @Test
  void filterAndConditionBetween_withReversedBounds_isRefusedBeforeSending() {
    IllegalArgumentException numbers = assertThrows(IllegalArgumentException.class,
        () -> dev.monotable.it.tracker.IssueFields.VOTES.between(5L, 1L));
    assertTrue(numbers.getMessage().contains("votes"), numbers.getMessage());
    assertThrows(IllegalArgumentException.class, () -> dev.monotable.it.tracker.IssueFields.TITLE.between("b", "a"));
    // in order, and equal bounds, are conditions
    assertTrue(dev.monotable.it.tracker.IssueFields.VOTES.between(1L, 5L) != null);
    assertTrue(dev.monotable.it.tracker.IssueFields.TITLE.between("a", "a") != null);
  }
}
