package dev.monotable.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.monotable.processor.ProcessorTestSupport.compile;
import static dev.monotable.processor.ProcessorTestSupport.entity;
import static dev.monotable.processor.ProcessorTestSupport.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Write sharding ({@code @IndexKey(shards = n)}) and the warnings that point to it: hot index
 * partitions, date-only partition keys, and sort keys that are a bare {@code Instant}.
 */
class ShardingDesignTest {
  private static JavaFileObject orders() {
    return source("test.Orders", """
        package test;
        import dev.monotable.annotation.*;
        @Table(name = "Orders", partitionKey = "PK", sortKey = "SK",
            globalIndexes = {
                @GlobalIndex(name = "ByStatus", partitionKey = "GSI1PK", sortKey = "GSI1SK"),
                @GlobalIndex(name = "ByState", partitionKey = "state")},
            localIndexes = @LocalIndex(name = "ByTotal", sortKey = "LSI1SK"))
        public interface Orders {}
        """);
  }

  private static JavaFileObject order(String indexKey) {
    return entity("Order", """
        @Entity(table = Orders.class)
        @PartitionKey("ORDER#<id>")
        @SortKey("ORDER")
        %s
        @AccessPattern(name = "ordersByStatus", index = "ByStatus")
        record Order(String id, Status status, Instant placedAt, String state, long total) {
          enum Status { NEW, PAID }
        }
        """.formatted(indexKey));
  }

  @Test
  void aShardedIndexKey_isWrittenPerShard_andQueriedOverEveryShard() throws IOException {
    Compilation compilation = compile(orders(), order(
        "@IndexKey(index = \"ByStatus\", partitionKey = \"STATUS#<status>\", sortKey = \"<placedAt>#<id>\","
            + " shards = 8)"));
    assertThat(compilation).succeededWithoutWarnings();
    String keys = compilation.generatedSourceFile("test.OrderKeys").orElseThrow().getCharContent(true).toString();
    assertThat(keys).contains("KeyFormat.shardedPartitionKey(\"Order\",");
    assertThat(keys).contains("public static String byStatusPartitionKey(Order.Status status, int shard)");
    assertThat(keys).contains("public static List<AttributeValue> byStatusPartitionKeys(Order.Status status)");
    String schema = compilation.generatedSourceFile("test.OrderSchema").orElseThrow().getCharContent(true).toString();
    assertThat(schema).contains("out.shard(8, \"PK\", \"SK\")");
    assertThat(schema).contains("values.shard()");
    String repository = compilation.generatedSourceFile("test.OrderRepository").orElseThrow().getCharContent(true)
        .toString();
    assertThat(repository).contains("List<AttributeValue> partitionKeys = OrderKeys.byStatusPartitionKeys(status);");
    assertThat(repository).contains(".queryShards(OrdersTable.BY_STATUS, \"Order.ordersByStatus\", partitionKeys)");
    String report = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "", "META-INF/monotable/Orders.html")
        .orElseThrow().getCharContent(true).toString();
    assertThat(report).contains("in 8 shards, keys ending #0 to #7");
  }

  @Test
  void aShardedIndexKeyWithoutPlaceholders_asTheHotPartitionWarningAdvises_compiles() throws IOException {
    Compilation compilation = compile(orders(), entity("Order", """
            @Entity(table = Orders.class)
            @PartitionKey("ORDER#<id>")
            @SortKey("ORDER")
            @IndexKey(index = "ByStatus", partitionKey = "ALL", sortKey = "<placedAt>#<id>", shards = 4)
            @AccessPattern(name = "allOrders", index = "ByStatus")
            record Order(String id, Instant placedAt) {}
            """),
        source("test.Usage", """
            package test;
            import java.util.List;
            class Usage {
              static List<Order> all(OrderRepository orders) {
                return orders.allOrders().list();
              }
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    String schema = compilation.generatedSourceFile("test.OrderSchema").orElseThrow().getCharContent(true).toString();
    assertThat(schema).contains("OrderKeys.byStatusPartitionKey(out.shard(4, \"PK\", \"SK\"))");
    String keys = compilation.generatedSourceFile("test.OrderKeys").orElseThrow().getCharContent(true).toString();
    assertThat(keys).contains("public static String byStatusPartitionKey(int shard)");
  }

  @Test
  void aKeyFieldNamedShard_keepsItsName_andTheShardParameterTakesAnother() throws IOException {
    Compilation compilation = compile(orders(), entity("Slice", """
            @Entity(table = Orders.class)
            @PartitionKey(value = "SLICE#<shard>", shards = 4)
            @SortKey("SLICE#<id>")
            @IndexKey(index = "ByStatus", partitionKey = "SHARD#<shard>", sortKey = "<id>", shards = 4)
            @IndexKey(index = "ByTotal", sortKey = "<total>")
            @AccessPattern(name = "slices")
            @AccessPattern(name = "slicesByShard", index = "ByStatus")
            @AccessPattern(name = "slicesByTotal", index = "ByTotal")
            record Slice(String shard, String id, long total) {}
            """),
        source("test.Usage", """
            package test;
            import java.util.List;
            class Usage {
              static List<Slice> read(SliceRepository slices) {
                String key = SliceKeys.partitionKey("a", 3) + SliceKeys.byStatusPartitionKey("a", 1);
                return slices.get("a", "b").isPresent() ? slices.slicesByShard("a").list()
                    : slices.slicesByTotal(key).total().atLeast(5).list();
              }
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    String keys = compilation.generatedSourceFile("test.SliceKeys").orElseThrow().getCharContent(true).toString();
    assertThat(keys).contains("public static String partitionKey(String shard, int shard_)");
    assertThat(keys).contains("Shards.partitions(4, shard_ -> partitionKey(shard, shard_))");
    assertThat(keys).contains("public static String byStatusPartitionKey(String shard, int shard_)");
    assertThat(keys).contains(
        "public static Map<String, AttributeValue> byStatusKey(String shard, String id, int shard_)");
  }

  @Test
  void aNumberOfShardsOutOfRange_isAnError_onTheValue() {
    JavaFileObject order = order(
        "@IndexKey(index = \"ByStatus\", partitionKey = \"STATUS#<status>\", sortKey = \"<placedAt>#<id>\", shards = 1)");
    Compilation compilation = compile(orders(), order);
    assertThat(compilation).hadErrorContaining("[MT-INDEX-KEY-SHARDS] shards = 1 on the @IndexKey of index ByStatus"
        + " of Order is not a number of shards: use 2 to 32").inFile(order).onLineContaining("shards = 1");
    JavaFileObject tooMany = order(
        "@IndexKey(index = \"ByStatus\", partitionKey = \"STATUS#<status>\", sortKey = \"<placedAt>#<id>\", shards = 64)");
    assertThat(compile(orders(), tooMany)).hadErrorContaining("shards = 64 on the @IndexKey of index ByStatus");
  }

  @Test
  void shardsOnALocalIndex_orOnAFieldStoredAsTheKey_areErrors() {
    JavaFileObject local = order("@IndexKey(index = \"ByTotal\", sortKey = \"<total>\", shards = 4)");
    assertThat(compile(orders(), local)).hadErrorContaining("[MT-INDEX-KEY-SHARDS] index ByTotal is local: its"
        + " partition key is the table's, so the @IndexKey of Order cannot shard it");
    JavaFileObject raw = order("@IndexKey(index = \"ByState\", shards = 4)");
    assertThat(compile(orders(), raw)).hadErrorContaining("[MT-INDEX-KEY-SHARDS] the @IndexKey of index ByState of"
        + " Order shards no partition key template: state is stored as a field's value");
  }

  @Test
  void aShardedTablePartition_computesTheShardOfEveryKey() throws IOException {
    JavaFileObject visit = entity("Visit", """
        @Entity(table = Orders.class)
        @PartitionKey(value = "DAY#<day>", shards = 4)
        @SortKey("VISIT#<at>#<id>")
        @AccessPattern(name = "visitsOfDay")
        record Visit(LocalDate day, Instant at, String id) {}
        """);
    Compilation compilation = compile(orders(), visit);
    assertThat(compilation).succeededWithoutWarnings();
    String keys = compilation.generatedSourceFile("test.VisitKeys").orElseThrow().getCharContent(true).toString();
    assertThat(keys).contains("static int shard(LocalDate day, Instant at, String id)");
    assertThat(keys).contains("return KeyMaps.of(\"PK\", partitionKey(day, shard(day, at, id)),");
    String repository = compilation.generatedSourceFile("test.VisitRepository").orElseThrow().getCharContent(true)
        .toString();
    assertThat(repository).contains(".queryShards(OrdersTable.PRIMARY_KEY, \"Visit.visitsOfDay\", partitionKeys)");
  }

  @Test
  void tableShards_outOfRange_onAPlainKey_orInACollection_areErrors() {
    JavaFileObject one = entity("Visit", """
        @Entity(table = Orders.class)
        @PartitionKey(value = "DAY#<day>", shards = 1)
        @SortKey("VISIT#<id>")
        record Visit(LocalDate day, String id) {}
        """);
    assertThat(compile(orders(), one)).hadErrorContaining("[MT-KEY-SHARDS] shards = 1 on the @PartitionKey of Visit")
        .inFile(one).onLineContaining("shards = 1");
    JavaFileObject plain = entity("Visit", """
        @Entity(table = Orders.class)
        @SortKey("VISIT#<id>")
        record Visit(@PartitionKey(shards = 4) String PK, String id) {}
        """);
    assertThat(compile(orders(), plain)).hadErrorContaining("[MT-KEY-SHARDS] the partition key of Visit is its field PK"
        + " as it is, which has no room for a shard");
    JavaFileObject member = entity("Visit", """
        @Entity(table = Orders.class)
        @PartitionKey(value = "DAY#<day>", collection = "daily", shards = 4)
        @SortKey("VISIT#<id>")
        record Visit(LocalDate day, String id) {}
        """);
    JavaFileObject other = entity("Sale", """
        @Entity(table = Orders.class)
        @PartitionKey(value = "DAY#<day>", collection = "daily")
        @SortKey("SALE#<id>")
        @SuppressWarnings("monotable.hot-partition")
        record Sale(LocalDate day, String id) {}
        """);
    assertThat(compile(orders(), member, other)).hadErrorContaining("[MT-COLLECTION-SHARDED] collection daily is read"
        + " as one partition, but the partition key of Visit is written in 4 shards")
        .inFile(member).onLineContaining("collection = \"daily\"");
  }

  private static JavaFileObject sharded(String name, String partitionKey, String sortKey, String fields) {
    return entity(name, """
        @Entity(table = Orders.class)
        @PartitionKey(%s)
        @SortKey("%s")
        record %s(%s) {}
        """.formatted(partitionKey, sortKey, name, fields));
  }

  @Test
  void aShardSuffixThatAnotherKeyCanSpell_isAKeyCollision_onBothEntities() {
    // A("foo") in shard 2 is stored at X#foo#2 / S, where B("foo", "2") is stored
    JavaFileObject erroneousA = sharded("ErroneousA", "value = \"X#<id>\", shards = 4", "S", "String id");
    JavaFileObject erroneousB = sharded("ErroneousB", "\"X#<id>#<s>\"", "S", "String id, String s");
    Compilation compilation = compile(orders(), erroneousA, erroneousB);
    assertThat(compilation).hadErrorCount(2);
    String message = "[MT-KEY-COLLISION] the keys of ErroneousA (\"X#<id>\" in 4 shards, ending #0 to #3 / \"S\")"
        + " and ErroneousB (\"X#<id>#<s>\" / \"S\") can be equal for some values";
    assertThat(compilation).hadErrorContaining(message).inFile(erroneousA).onLineContaining("@SortKey");
    assertThat(compilation).hadErrorContaining(message).inFile(erroneousB).onLineContaining("@SortKey");
  }

  @Test
  void aShardSuffix_collidesWithTheShardsItCanBe_andOtherShardedKeys_andAPlainStringKey() {
    JavaFileObject a = sharded("A", "value = \"X#<id>\", shards = 4", "S", "String id");
    // a literal in the range of the shards, another sharded key of other counts, a field stored as the key
    for (JavaFileObject erroneous : List.of(
        sharded("ErroneousB", "\"X#<id>#3\"", "S", "String id"),
        sharded("ErroneousB", "value = \"X#<id>\", shards = 8", "S", "String id"),
        sharded("ErroneousB", "value = \"X#<code>\", shards = 2", "S", "String code"),
        entity("ErroneousB", """
            @Entity(table = Orders.class)
            record ErroneousB(@PartitionKey String PK, @SortKey String SK) {}
            """))) {
      Compilation compilation = compile(orders(), a, erroneous);
      assertThat(compilation).hadErrorCount(2);
      assertThat(compilation).hadErrorContaining("[MT-KEY-COLLISION] the keys of A (\"X#<id>\" in 4 shards")
          .inFile(erroneous).onLineContaining("SortKey");
    }
  }

  @Test
  void aShardSuffix_doesNotCollideWithKeysItCannotSpell() {
    JavaFileObject a = sharded("A", "value = \"X#<id>\", shards = 4", "S", "String id");
    // shard 7 is not one of 0 to 3; an int is ten digits; an unsharded X#<id> has no third part
    for (JavaFileObject other : List.of(
        sharded("B", "\"X#<id>#7\"", "S", "String id"),
        sharded("B", "\"X#<id>#<n>\"", "S", "String id, int n"),
        sharded("B", "\"X#<id>\"", "S", "String id"))) {
      assertThat(compile(orders(), a, other)).succeededWithoutWarnings();
    }
  }

  @Test
  void anUnshardedIndexPartitionOfFewValues_warns_andSuggestsShards() {
    JavaFileObject order = order(
        "@IndexKey(index = \"ByStatus\", partitionKey = \"STATUS#<status>\", sortKey = \"<placedAt>#<id>\")");
    Compilation compilation = compile(orders(), order);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[MT-KEY-HOT-PARTITION] partition key \"STATUS#<status>\" of index"
        + " ByStatus of Order has only enum or boolean placeholders, so its items share few partitions (a hot"
        + " partition); spread the writes with shards = 8 on the @IndexKey")
        .inFile(order).onLineContaining("STATUS#<status>");
  }

  @Test
  void aDateOnlyPartitionKey_warns() {
    JavaFileObject day = entity("Visit", """
        @Entity(table = Orders.class)
        @PartitionKey("DATE#<day>")
        @SortKey("VISIT#<id>")
        record Visit(LocalDate day, String id) {}
        """);
    Compilation compilation = compile(orders(), day);
    assertThat(compilation).hadWarningContaining("[MT-KEY-HOT-PARTITION] partition key \"DATE#<day>\" of Visit has"
        + " only date placeholders, so each day's items share one partition").inFile(day).onLineContaining("DATE#<day>");
  }

  @Test
  void aSortKeyOfABareInstant_warns_unlessSuppressed() {
    JavaFileObject reading = entity("Reading", """
        @Entity(table = Orders.class)
        @PartitionKey("SENSOR#<sensor>")
        @SortKey("READING#<at>")
        record Reading(String sensor, Instant at, double value) {}
        """);
    Compilation compilation = compile(orders(), reading);
    assertThat(compilation).hadWarningContaining("[MT-KEY-INSTANT-ONLY] sort key \"READING#<at>\" of Reading has no"
        + " placeholder but the Instant <at>, so two items of one partition written at the same instant")
        .inFile(reading).onLineContaining("READING#<at>");

    JavaFileObject suppressed = entity("Reading", """
        @Entity(table = Orders.class)
        @SuppressWarnings("monotable.instant-key")
        @PartitionKey("SENSOR#<sensor>")
        @SortKey("READING#<at>")
        record Reading(String sensor, Instant at, double value) {}
        """);
    assertThat(compile(orders(), suppressed)).succeededWithoutWarnings();
  }
}
