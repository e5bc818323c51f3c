package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.shop.Activity;
import dev.monotable.it.shop.ActivityRepository;
import dev.monotable.it.shop.ActivitySchema;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.runtime.InvalidCursorException;
import dev.monotable.runtime.InvalidKeyException;
import dev.monotable.runtime.MappingException;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Input that would lose data or reach DynamoDB as a raw error: instants one nanosecond apart must be
 * two items; keys outside the encodings' range, null cursors and batch keys, empty map keys and
 * documents nested beyond DynamoDB's 32 levels are refused with a typed exception before anything is
 * sent. Against a real DynamoDB (monotable-local by default), with every request counted.
 */
@ExtendWith(DynamoDbExtension.class)
class InputSafetyTest {
  /** Three instants inside one millisecond. */
  private static final Instant T = Instant.parse("2024-05-01T09:30:00.123456789Z");
  private static final Instant T_PLUS_1_NS = T.plusNanos(1);
  private static final Instant T_PLUS_1_US = T.plusNanos(1_000);

  private final RequestCounter requests = new RequestCounter();
  private final DynamoDbClient client;
  private final ShopTable shop;

  InputSafetyTest(TestDynamoDb dynamo) {
    client = dynamo.newClient(b -> b.overrideConfiguration(c -> c.addExecutionInterceptor(requests)));
    shop = ShopTable.of(client, dynamo.uniqueTableName("Shop"));
    shop.createIfNotExists();
  }

  @AfterEach
  void close() {
    client.close();
  }

  /** Runs {@code action}, which must throw {@code type} without sending any request. */
  private <E extends Throwable> E refusedBeforeSending(Class<E> type, Executable action) {
    int before = requests.sent();
    E refused = assertThrows(type, action);
    assertEquals(before, requests.sent(), "a request was sent before the refusal: " + refused);
    return refused;
  }

  private static Activity activity(Instant at, String action) {
    return new Activity("ada", at, action, null, null);
  }

  /** A trail of {@code steps} steps, each leading to the next, built without recursion. */
  private static Activity.Step trail(int steps) {
    Activity.Step step = null;
    for (int i = steps; i >= 1; i--) {
      step = new Activity.Step("/page/" + i, step);
    }
    return step;
  }

  private List<String> actions(List<Activity> activities) {
    return activities.stream().map(Activity::action).toList();
  }

  // ---- instants in one millisecond

  @Test
  void activitiesInOneMillisecond_areDistinctItems_andSortByTheNanosecond() {
    shop.activities().put(activity(T_PLUS_1_US, "third"));
    shop.activities().put(activity(T, "first"));
    shop.activities().put(activity(T_PLUS_1_NS, "second"));

    assertEquals("first", shop.activities().get("ada", T).orElseThrow().action());
    assertEquals("second", shop.activities().get("ada", T_PLUS_1_NS).orElseThrow().action());
    assertEquals("third", shop.activities().get("ada", T_PLUS_1_US).orElseThrow().action());
    assertEquals(T_PLUS_1_NS, shop.activities().get("ada", T_PLUS_1_NS).orElseThrow().occurredAt());

    assertEquals(List.of("first", "second", "third"), actions(shop.activities().activitiesOfUser("ada").list()));
    assertEquals(List.of("second"),
        actions(shop.activities().activitiesOfUser("ada").occurredAt(T_PLUS_1_NS).list()));
    assertEquals(List.of("second", "third"),
        actions(shop.activities().activitiesOfUser("ada").occurredAt().greaterThan(T).list()));
    assertEquals(List.of("first", "second"),
        actions(shop.activities().activitiesOfUser("ada").occurredAt().lessThan(T_PLUS_1_US).list()));
  }

  @Test
  void activitiesInOneMillisecond_areReadBackByBatch() {
    shop.activities().batchPut(List.of(activity(T, "first"), activity(T_PLUS_1_NS, "second")));
    List<Optional<Activity>> read = shop.activities().batchGet(List.of(
        new ActivityRepository.Key("ada", T_PLUS_1_NS), new ActivityRepository.Key("ada", T)));
    assertEquals(List.of("second", "first"), read.stream().map(a -> a.orElseThrow().action()).toList());
  }

  // ---- timestamps outside the keys' range

  @Test
  void instantMinInAKey_isAnInvalidKey_namingEntityFieldAndValue_andNothingIsSent() {
    InvalidKeyException put = refusedBeforeSending(InvalidKeyException.class,
        () -> shop.activities().put(activity(Instant.MIN, "never")));
    assertEquals("Activity", put.entity());
    assertEquals("occurredAt", put.field());
    assertTrue(put.getMessage().contains("-1000000000-01-01T00:00:00Z"), put.getMessage());

    refusedBeforeSending(InvalidKeyException.class, () -> shop.activities().get("ada", Instant.MAX));
    refusedBeforeSending(InvalidKeyException.class, () -> shop.activities().delete("ada", Instant.MIN));
    refusedBeforeSending(InvalidKeyException.class,
        () -> shop.activities().put(activity(Instant.parse("+10000-01-01T00:00:00Z"), "never")));
    refusedBeforeSending(InvalidKeyException.class,
        () -> shop.activities().activitiesOfUser("ada").occurredAt().atLeast(Instant.MIN));
    refusedBeforeSending(InvalidKeyException.class,
        () -> shop.activities().batchGet(List.of(new ActivityRepository.Key("ada", Instant.MIN))));
  }

  // ---- null cursors and batch keys

  @Test
  void afterNull_isAnInvalidCursor_namingThePattern_andNothingIsSent() {
    InvalidCursorException query = refusedBeforeSending(InvalidCursorException.class,
        () -> shop.activities().activitiesOfUser("ada").after(null));
    assertTrue(query.getMessage().startsWith("Activity.activitiesOfUser: after(cursor) was given null"),
        query.getMessage());
    refusedBeforeSending(InvalidCursorException.class,
        () -> shop.activities().activitiesOfUser("ada").occurredAt().atLeast(T).after(null));
    InvalidCursorException scan = refusedBeforeSending(InvalidCursorException.class,
        () -> shop.activities().scanAll().after(null));
    assertTrue(scan.getMessage().contains("was given null"), scan.getMessage());
  }

  @Test
  void batchOfANullListOrANullKey_isRefused_namingWhatWasNull_andNothingIsSent() {
    IllegalArgumentException nullList = refusedBeforeSending(IllegalArgumentException.class,
        () -> shop.activities().batchGet(null));
    assertEquals("the list of Activity keys is null; nothing was sent", nullList.getMessage());

    IllegalArgumentException nullKey = refusedBeforeSending(IllegalArgumentException.class,
        () -> shop.activities().batchGet(Arrays.asList(new ActivityRepository.Key("ada", T), null)));
    assertEquals("key 1 of the 2 Activity keys is null; nothing was sent", nullKey.getMessage());

    refusedBeforeSending(IllegalArgumentException.class, () -> shop.activities().batchDelete(null));
    refusedBeforeSending(IllegalArgumentException.class,
        () -> shop.activities().batchDelete(Arrays.asList((ActivityRepository.Key) null)));
  }

  // ---- map keys and nesting

  @Test
  void emptyMapKey_isAMappingException_namingEntityAndAttribute_andNothingIsSent() {
    Map<String, String> tags = new HashMap<>(Map.of("campaign", "spring", "", "blank"));
    MappingException e = refusedBeforeSending(MappingException.class,
        () -> shop.activities().put(new Activity("ada", T, "tagged", tags, null)));
    assertEquals("Activity", e.type());
    assertEquals("tags", e.attribute());
    assertEquals("Activity.tags: a map key is empty (\"\"); DynamoDB refuses empty map keys", e.getMessage());
    assertTrue(shop.activities().get("ada", T).isEmpty());
  }

  @Test
  void trailNested32Levels_isStored_andReadBackWhole() {
    Activity deep = new Activity("ada", T, "visit", Map.of("campaign", "spring"), trail(32));
    shop.activities().put(deep);
    assertEquals(deep, shop.activities().get("ada", T).orElseThrow());
  }

  @Test
  void trailNested33Levels_isAMappingException_namingThePath_andNothingIsSent() {
    MappingException e = refusedBeforeSending(MappingException.class,
        () -> shop.activities().put(new Activity("ada", T, "visit", null, trail(33))));
    assertEquals("Activity", e.type());
    assertEquals("trail" + ".next".repeat(32), e.attribute());
    assertTrue(e.getMessage().contains("more than 32 levels"), e.getMessage());
  }

  @Test
  void trailNested5000Levels_isAMappingException_notAStackOverflow() {
    MappingException e = refusedBeforeSending(MappingException.class,
        () -> shop.activities().put(new Activity("ada", T, "visit", null, trail(5_000))));
    assertEquals("trail" + ".next".repeat(32), e.attribute());
    assertTrue(shop.activities().get("ada", T).isEmpty());
  }

  @Test
  void theEngineRefusesLevel33_asTheRuntimeDoes() {
    // the 32 levels the runtime accepts, then one more map around them, sent without the runtime
    Map<String, AttributeValue> item = new HashMap<>(
        ActivitySchema.INSTANCE.toItem(new Activity("ada", T, "visit", null, trail(32))));
    item.put("trail", AttributeValue.fromM(Map.of("next", item.get("trail"))));
    DynamoDbException refused = assertThrows(DynamoDbException.class,
        () -> client.putItem(b -> b.tableName(shop.tableName()).item(item)));
    assertTrue(refused.getMessage().contains("Nesting Levels have exceeded supported limits"), refused.getMessage());
  }
}
