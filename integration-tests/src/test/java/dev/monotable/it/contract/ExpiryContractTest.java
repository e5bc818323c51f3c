package dev.monotable.it.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.expiry.CacheTable;
import dev.monotable.it.expiry.Entry;
import dev.monotable.it.expiry.EntryFields;
import dev.monotable.it.expiry.EntryRepository;
import dev.monotable.it.expiry.Label;
import dev.monotable.runtime.ConditionFailedException;
import dev.monotable.runtime.TableOptions;
import dev.monotable.runtime.UpdateReturn;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Time to live, for both flavours (TimeToLiveTest): items written with the table's clock at {@code
 * NOW}, then read by tables whose clocks say later, are hidden from every kind of read once expired
 * — get, batch get, query, index query, item collection, scan — unless the options show them.
 * monotable-local deletes expired items only when asked, so the hiding is the runtime's.
 */
@ExtendWith(DynamoDbExtension.class)
class ExpiryContractTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

  private final TestDynamoDb dynamo;
  private final String tableName;

  ExpiryContractTest(TestDynamoDb dynamo) {
    this.dynamo = dynamo;
    this.tableName = dynamo.uniqueTableName("Cache");
    CacheTable.of(dynamo.client(), tableName).createIfNotExists();
  }

  private CacheOps cache(Flavour flavour, Instant now) {
    return flavour.cache(dynamo, tableName, TableOptions.defaults().withClock(Clock.fixed(now, ZoneOffset.UTC)));
  }

  private static List<String> keys(List<Entry> entries) {
    return entries.stream().map(Entry::key).toList();
  }

  /** Two entries and the label of bucket b, one entry and the label expiring a minute from now. */
  private void write(CacheOps cache) {
    cache.entries().put(new Entry("b", "short", "ann", "s", NOW.plusSeconds(60), 0));
    cache.entries().put(new Entry("b", "long", "ann", "l", NOW.plusSeconds(3600), 0));
    cache.labels().put(new Label("b", "bucket b", NOW.plusSeconds(60)));
  }

  @ContractTest
  void beforeExpiry_everyReadSeesTheItems(Flavour flavour) {
    CacheOps cache = cache(flavour, NOW);
    write(cache);
    assertTrue(cache.getEntry("b", "short").isPresent());
    assertEquals(List.of("long", "short"), keys(cache.entriesOfBucket("b").list()));
    assertEquals(List.of("long", "short"), keys(cache.entriesOfOwner("ann").list()));
    assertEquals(Optional.of("bucket b"), cache.readBucket("b").label().map(Label::text));
  }

  @ContractTest
  void expiredItems_areHiddenFromGetBatchGetQueryIndexCollectionAndScan(Flavour flavour) {
    write(cache(flavour, NOW));
    CacheOps later = cache(flavour, NOW.plusSeconds(120));

    assertEquals(Optional.empty(), later.getEntry("b", "short"));
    assertEquals("l", later.getEntry("b", "long").orElseThrow().value());
    assertEquals(Optional.empty(), later.getLabel("b"));
    List<Optional<Entry>> batch = later.batchGetEntries(List.of(new EntryRepository.Key("b", "short"),
        new EntryRepository.Key("b", "long")));
    assertEquals(Optional.empty(), batch.get(0));
    assertEquals("long", batch.get(1).orElseThrow().key());
    assertEquals(List.of("long"), keys(later.entriesOfBucket("b").list()));
    assertEquals(1, later.entriesOfBucket("b").count());
    assertEquals(List.of("long"), keys(later.entriesOfOwner("ann").list()));
    CacheTable.Bucket bucket = later.readBucket("b");
    assertEquals(List.of("long"), keys(bucket.entries()));
    assertEquals(Optional.empty(), bucket.label());
    assertEquals(List.of("long"), keys(later.entries().scanAll().list()));
  }

  @ContractTest
  void expiredItems_areShownWhenTheOptionsSaySo(Flavour flavour) {
    write(cache(flavour, NOW));
    CacheOps showing = flavour.cache(dynamo, tableName, TableOptions.defaults()
        .withClock(Clock.fixed(NOW.plusSeconds(120), ZoneOffset.UTC)).withExpiredItemsShown());
    assertEquals(NOW.plusSeconds(60), showing.getEntry("b", "short").orElseThrow().expiresAt());
    assertEquals(List.of("long", "short"), keys(showing.entriesOfBucket("b").list()));
    assertEquals(Optional.of("bucket b"), showing.readBucket("b").label().map(Label::text));
  }

  @ContractTest
  void anExpiredItem_isNotUpdated_asAMissingOneIsNot(Flavour flavour) {
    write(cache(flavour, NOW));
    CacheOps later = cache(flavour, NOW.plusSeconds(120));
    ConditionFailedException failed = assertThrows(ConditionFailedException.class,
        () -> later.updateEntry("b", "short").set(EntryFields.VALUE, "changed").execute());
    assertEquals(Optional.empty(), failed.current(Entry.class), "an expired item is no current item");
    later.updateEntry("b", "long").set(EntryFields.VALUE, "changed").execute();
    assertEquals("changed", later.getEntry("b", "long").orElseThrow().value());
  }

  @ContractTest
  void whatOneFlavourWrites_expiresAlikeForTheOther(Flavour flavour) {
    write(cache(flavour.other(), NOW));
    CacheOps later = cache(flavour, NOW.plusSeconds(120));
    assertEquals(List.of("long"), keys(later.entriesOfBucket("b").list()));
    assertEquals(1, later.getEntry("b", "long").orElseThrow().version());
  }

  @ContractTest
  void anUpsertOverAnExpiredItem_createsItAfresh_atVersion1(Flavour flavour) {
    CacheOps cache = cache(flavour, NOW);
    write(cache);
    cache.updateEntry("b", "short").set(EntryFields.OWNER, "bob").execute();
    CacheOps later = cache(flavour, NOW.plusSeconds(120));
    Entry created = later.upsertEntry("b", "short").set(EntryFields.VALUE, "fresh")
        .returning(UpdateReturn.ALL_NEW).execute().orElseThrow();
    assertEquals(new Entry("b", "short", null, "fresh", null, 1), created, "nothing of the expired item is kept");
    assertEquals(Optional.of(created), later.getEntry("b", "short"));
  }

  @ContractTest
  void anUpsertOverAnExpiredItem_inATransaction_createsItAfresh(Flavour flavour) {
    write(cache(flavour, NOW));
    CacheOps later = cache(flavour, NOW.plusSeconds(120));
    later.transaction()
        .update(later.upsertEntry("b", "short").set(EntryFields.VALUE, "fresh").set(EntryFields.OWNER, "cy"))
        .put(later.entries(), new Entry("b", "other", "cy", "o", null, 0))
        .execute();
    assertEquals(new Entry("b", "short", "cy", "fresh", null, 1), later.getEntry("b", "short").orElseThrow());
    assertEquals(List.of("other", "short"), keys(later.entriesOfOwner("cy").list()));
  }

  @ContractTest
  void aPutIfAbsentOverAnExpiredItem_writesTheNewItem(Flavour flavour) {
    write(cache(flavour, NOW));
    CacheOps later = cache(flavour, NOW.plusSeconds(120));
    later.labels().putIfAbsent(new Label("b", "renamed", null));
    assertEquals(Optional.of(new Label("b", "renamed", null)), later.getLabel("b"));
    assertThrows(ConditionFailedException.class,
        () -> later.labels().putIfAbsent(new Label("b", "again", null)));
  }

  @ContractTest
  void createIfNotExists_enablesTimeToLiveOnItsAttribute(Flavour flavour) {
    String name = dynamo.uniqueTableName("Cache");
    CacheOps cache = flavour.cache(dynamo, name, TableOptions.defaults());
    assertTrue(cache.createIfNotExists());
    assertFalse(cache.createIfNotExists());
    var description = dynamo.client().describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
    assertEquals("ttl", description.attributeName());
    assertTrue(description.timeToLiveStatusAsString().startsWith("ENABL"), description.timeToLiveStatusAsString());
    cache.entries().put(new Entry("b", "k", "o", "v", NOW.plusSeconds(60), 0));
    assertEquals(Long.toString(NOW.plusSeconds(60).getEpochSecond()), dynamo.client().scan(b -> b.tableName(name))
        .items().get(0).get("ttl").n());
  }
}
