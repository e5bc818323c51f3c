package dev.monotable.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.monotable.processor.ProcessorTestSupport.compile;
import static dev.monotable.processor.ProcessorTestSupport.entity;
import static dev.monotable.processor.ProcessorTestSupport.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
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
    assertThat(schema).contains("(Integer) values.get(IndexKeyRule.SHARD)");
    String repository = compilation.generatedSourceFile("test.OrderRepository").orElseThrow().getCharContent(true)
        .toString();
    assertThat(repository).contains("List<AttributeValue> partitionKeys = OrderKeys.byStatusPartitionKeys(status);");
    assertThat(repository).contains(".queryIndexShards(\"ByStatus\", \"Order.ordersByStatus\", \"GSI1PK\", partitionKeys,");
    String report = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "", "META-INF/monotable/Orders.html")
        .orElseThrow().getCharContent(true).toString();
    assertThat(report).contains("in 8 shards, keys ending #0 to #7");
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
    assertThat(repository).contains(".queryTableShards(\"Visit.visitsOfDay\", \"PK\", partitionKeys, \"SK\")");
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
