package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.sharded.PlainVisit;
import dev.monotable.it.sharded.PlainVisitsTable;
import dev.monotable.it.sharded.Visit;
import dev.monotable.it.sharded.VisitKeys;
import dev.monotable.it.sharded.VisitsTable;
import dev.monotable.runtime.InvalidCursorException;
import dev.monotable.runtime.Page;
import dev.monotable.runtime.Query;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A cursor continues the query whose page made it, and a sharded query (a fan-out over four
 * shards) treats a cursor exactly as its unsharded twin does: a cursor of the other direction,
 * another partition, another access pattern or the other kind of query is refused before anything
 * is sent; one given to a query narrowed otherwise continues after the last item handed out, or is
 * refused when that item lies outside the narrowing.
 *
 * <p>The visits of each day are written at minutes 1 to 40, each in a shard chosen here (a shard is
 * the CRC-32 of the key, so the visitor's name is picked to land it), to both twins alike.
 */
@ExtendWith(DynamoDbExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CursorContinuationTest {
  /** Visits spread evenly over the shards. */
  private static final LocalDate EVEN = LocalDate.parse("2026-03-01");
  /** The first two visits alone in shard 0, which holds nothing else that day. */
  private static final LocalDate FIRST_TWO_ALONE = LocalDate.parse("2026-03-02");
  /** Shard 0 holds minutes 1, 2, 30 and 31; the other shards the rest. */
  private static final LocalDate GAP_IN_SHARD_0 = LocalDate.parse("2026-03-03");
  private static final int VISITS = 40;

  private final RequestCounter requests = new RequestCounter();
  private DynamoDbClient client;
  private VisitsTable sharded;
  private PlainVisitsTable plain;

  @BeforeAll
  void writeTheVisits(TestDynamoDb dynamo) {
    client = dynamo.newClient(b -> b.overrideConfiguration(c -> c.addExecutionInterceptor(requests)));
    sharded = VisitsTable.of(client, dynamo.uniqueTableName("Visits"));
    plain = PlainVisitsTable.of(client, dynamo.uniqueTableName("PlainVisits"));
    sharded.createIfNotExists();
    plain.createIfNotExists();
    for (int minute = 1; minute <= VISITS; minute++) {
      write(EVEN, minute, minute % 4);
      write(FIRST_TWO_ALONE, minute, minute <= 2 ? 0 : 1 + minute % 3);
      write(GAP_IN_SHARD_0, minute, minute <= 2 || minute == 30 || minute == 31 ? 0 : 1 + minute % 3);
    }
  }

  @AfterAll
  void close() {
    client.close();
  }

  /** Writes the visit of {@code day} at {@code minute} to both twins, in shard {@code shard} of the sharded one. */
  private void write(LocalDate day, int minute, int shard) {
    Instant at = at(day, minute);
    for (int candidate = 0; ; candidate++) {
      String visitor = "visitor-" + candidate;
      String partition = VisitKeys.primaryKey(day, at, visitor).get("PK").s();
      if (partition.endsWith("#" + shard)) {
        sharded.visits().put(new Visit(day, at, visitor, minute));
        plain.plainVisits().put(new PlainVisit(day, at, visitor, minute));
        return;
      }
    }
  }

  private static Instant at(LocalDate day, int minute) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60L * minute);
  }

  private static List<Integer> minutes(int from, int to) {
    return IntStream.rangeClosed(from, to).boxed().toList();
  }

  /** The minutes of the visits read, which the {@code pages} field of both twins holds. */
  private static List<Integer> minutes(List<?> visits) {
    List<Integer> minutes = new ArrayList<>();
    for (Object visit : visits) {
      minutes.add(visit instanceof Visit v ? v.pages() : ((PlainVisit) visit).pages());
    }
    return minutes;
  }

  /** The whole-day query of each twin, by name, with what a test narrows it to. */
  private List<Twin> twins() {
    return List.of(
        new Twin("sharded", (day, narrowing) -> narrowing.apply(sharded.visits().visitsOfDay(day), day)),
        new Twin("unsharded", (day, narrowing) -> narrowing.apply(plain.plainVisits().visitsOfDay(day), day)));
  }

  private record Twin(String name, BiFunction<LocalDate, BiFunction<Query<?, ?>, LocalDate, Query<?, ?>>, Query<?, ?>> query) {
    Query<?, ?> of(LocalDate day) {
      return query.apply(day, (q, d) -> q);
    }

    Query<?, ?> of(LocalDate day, BiFunction<Query<?, ?>, LocalDate, Query<?, ?>> narrowing) {
      return query.apply(day, narrowing);
    }
  }

  private static String cursor(Page<?> page) {
    return page.cursor().orElseThrow(() -> new AssertionError("the page has no cursor"));
  }

  /** {@code refused} throws InvalidCursorException naming the pattern and {@code problem}, and sends nothing. */
  private void assertRefused(String problem, Executable refused) {
    int sent = requests.sent();
    InvalidCursorException e = assertThrows(InvalidCursorException.class, refused);
    assertTrue(e.getMessage().contains("Visit.visitsOfDay"), e.getMessage());
    assertTrue(e.getMessage().contains(problem), "names " + problem + ": " + e.getMessage());
    assertEquals(sent, requests.sent(), "nothing is sent for a refused cursor");
  }

  /** Every terminal of {@code query}, and its request, refuse the cursor it carries. */
  private void assertEveryTerminalRefuses(String problem, Query<?, ?> query) {
    assertRefused(problem, query::toRequest);
    assertRefused(problem, query::page);
    assertRefused(problem, query::list);
    assertRefused(problem, query::first);
    assertRefused(problem, query::count);
    assertRefused(problem, () -> query.stream().findFirst());
  }

  @Test
  void aCursor_continuesOnlyTheDirectionOfItsQuery_shardedOrNot() {
    for (Twin twin : twins()) {
      Page<?> ascending = twin.of(EVEN).limit(5).page();
      assertEquals(minutes(1, 5), minutes(ascending.items()), twin.name());
      String forward = cursor(ascending);
      // the brief's case: read from the wrong end by the fan-out, from the cursor back by the twin
      assertEveryTerminalRefuses("an ascending query", twin.of(EVEN).descending().limit(3).after(forward));
      assertEveryTerminalRefuses("an ascending query", twin.of(EVEN).limit(3).after(forward).descending());
      assertEveryTerminalRefuses("an ascending query",
          twin.of(EVEN, (q, day) -> q.descending()).after(forward));

      Page<?> descending = twin.of(EVEN).descending().limit(5).page();
      assertEquals(List.of(40, 39, 38, 37, 36), minutes(descending.items()), twin.name());
      String backward = cursor(descending);
      assertEveryTerminalRefuses("a descending query", twin.of(EVEN).limit(3).after(backward));

      // each continues its own direction
      assertEquals(minutes(6, 8), minutes(twin.of(EVEN).limit(3).after(forward).page().items()), twin.name());
      assertEquals(List.of(35, 34, 33),
          minutes(twin.of(EVEN).descending().limit(3).after(backward).page().items()), twin.name());
      assertEquals(List.of(35, 34, 33), minutes(twin.of(EVEN).after(backward).descending().limit(3).list()));
    }
  }

  @Test
  void aCursor_ofAnotherPartition_isRefused_evenWhenNoShardOfItHoldsAPosition() {
    for (Twin twin : twins()) {
      Page<?> first = twin.of(FIRST_TWO_ALONE).limit(2).page();
      assertEquals(List.of(1, 2), minutes(first.items()), twin.name());
      // in the fan-out, shard 0 is read to its end and no other shard has handed out an item yet
      String cursor = cursor(first);
      assertRefused("another partition", () -> twin.of(EVEN).after(cursor));
      assertEquals(minutes(3, VISITS), minutes(twin.of(FIRST_TWO_ALONE).after(cursor).list()), twin.name());
      assertEquals(VISITS - 2, twin.of(FIRST_TWO_ALONE).after(cursor).count(), twin.name());
    }
  }

  @Test
  void aCursor_ofAnotherPattern_orOfTheOtherTwin_isRefused() {
    String shardedCursor = cursor(sharded.visits().visitsOfDay(EVEN).limit(5).page());
    String plainCursor = cursor(plain.plainVisits().visitsOfDay(EVEN).limit(5).page());
    // both twins name their pattern Visit.visitsOfDay: the cursor itself tells a fan-out's from a query's
    assertRefused("shards", () -> plain.plainVisits().visitsOfDay(EVEN).after(shardedCursor));
    assertRefused("shards", () -> sharded.visits().visitsOfDay(EVEN).after(plainCursor));
    assertThrows(InvalidCursorException.class,
        () -> sharded.visits().visitsOfDayByVisitor(EVEN).after(shardedCursor));
    assertThrows(InvalidCursorException.class,
        () -> plain.plainVisits().visitsOfDayByVisitor(EVEN).after(plainCursor));
  }

  @Test
  void aCursor_givenToAnotherNarrowing_continuesAfterItsLastItem_asTheUnshardedQueryDoes() {
    Instant tenth = at(GAP_IN_SHARD_0, 10);
    Instant twentyFifth = at(GAP_IN_SHARD_0, 25);
    for (Twin twin : twins()) {
      // the whole day to minute 20; shard 0 of the fan-out last handed out minute 2
      String whole = cursor(twin.of(GAP_IN_SHARD_0).limit(20).page());
      BiFunction<Query<?, ?>, LocalDate, Query<?, ?>> fromTheTenth = (q, day) -> narrowFrom(q, tenth);
      assertEquals(minutes(21, VISITS), minutes(twin.of(GAP_IN_SHARD_0, fromTheTenth).after(whole).list()),
          twin.name());
      assertEquals(VISITS - 20, twin.of(GAP_IN_SHARD_0, fromTheTenth).after(whole).count(), twin.name());
      assertEquals(minutes(21, 23),
          minutes(twin.of(GAP_IN_SHARD_0, fromTheTenth).after(whole).limit(3).page().items()), twin.name());
      // minute 20 lies outside a narrowing from minute 25 on
      assertEveryTerminalRefuses("outside", twin.of(GAP_IN_SHARD_0, (q, day) -> narrowFrom(q, twentyFifth))
          .after(whole));

      // from minute 10 to minute 14, then the whole day after it: not minutes 1 and 2 of shard 0 first
      String narrowed = cursor(twin.of(GAP_IN_SHARD_0, fromTheTenth).limit(5).page());
      assertEquals(minutes(15, VISITS), minutes(twin.of(GAP_IN_SHARD_0).after(narrowed).list()), twin.name());
      assertEquals(VISITS - 14, twin.of(GAP_IN_SHARD_0).after(narrowed).count(), twin.name());
      assertEquals(minutes(15, 18), minutes(twin.of(GAP_IN_SHARD_0).after(narrowed).limit(4).page().items()),
          twin.name());
    }
  }

  /** {@code query} narrowed to visits at {@code from} or later. */
  private static Query<?, ?> narrowFrom(Query<?, ?> query, Instant from) {
    if (query instanceof dev.monotable.it.sharded.VisitRepository.VisitsOfDayQuery visits) {
      return visits.at().atLeast(from);
    }
    return ((dev.monotable.it.sharded.PlainVisitRepository.VisitsOfDayQuery) query).at().atLeast(from);
  }
}
