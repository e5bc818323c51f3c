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
 * {@code @Table(billing = @Billing(...), deletionProtection = ...)} and {@code @GlobalIndex(read, write)}:
 * what the table class and its JSON description say, and the billing designs the processor refuses.
 */
class BillingDesignTest {
  /** Table Meter, its annotation body given: {@code billing}, {@code deletionProtection} and indexes. */
  private static JavaFileObject meter(String settings) {
    return source("test.Meter", """
        package test;
        import dev.monotable.annotation.*;
        @Table(name = "Meter", partitionKey = "PK", sortKey = "SK",
        %s)
        public interface Meter {}
        """.formatted(settings));
  }

  private static JavaFileObject reading() {
    return entity("Reading", """
        @Entity(table = Meter.class)
        @PartitionKey("METER#<id>")
        @SortKey("READING#<at>")
        @IndexKey(index = "BySite", partitionKey = "SITE#<site>", sortKey = "READING#<at>")
        record Reading(String id, String site, long at) {}
        """);
  }

  /** An entity without index keys, for designs refused before their indexes matter. */
  private static JavaFileObject note() {
    return entity("Note", """
        @Entity(table = Meter.class)
        @PartitionKey("NOTE#<id>")
        @SortKey("NOTE")
        record Note(String id, String text) {}
        """);
  }

  private static String generated(Compilation compilation, String name) throws IOException {
    return compilation.generatedSourceFile(name).orElseThrow().getCharContent(true).toString();
  }

  private static String json(Compilation compilation) throws IOException {
    return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "", "META-INF/monotable/Meter.json")
        .orElseThrow().getCharContent(true).toString();
  }

  @Test
  void provisioned_givesTheTableAndEachGlobalIndexItsUnits_inTheRequestAndTheJson() throws IOException {
    Compilation compilation = compile(meter("""
            billing = @Billing(mode = BillingMode.PROVISIONED, read = 10, write = 4),
            deletionProtection = true,
            globalIndexes = @GlobalIndex(name = "BySite", partitionKey = "GSI1PK", sortKey = "GSI1SK",
                read = 3, write = 2)"""),
        reading());
    assertThat(compilation).succeededWithoutWarnings();
    String table = generated(compilation, "test.MeterTable");
    assertThat(table).contains(".billingMode(BillingMode.PROVISIONED)");
    assertThat(table).contains(".provisionedThroughput(TableDefinitions.throughput(10, 4))");
    assertThat(table).contains("TableDefinitions.throughput(3, 2))");
    assertThat(table).contains(".deletionProtectionEnabled(true)");
    assertThat(table).doesNotContain("PAY_PER_REQUEST");
    assertThat(table).contains("provisioned billing.");
    table.lines().forEach(line -> assertThat(line.length()).isAtMost(120));

    String json = json(compilation);
    assertThat(json).contains("\"BillingMode\": \"PROVISIONED\"");
    assertThat(json).contains("\"ProvisionedThroughput\": {\"ReadCapacityUnits\": 10, \"WriteCapacityUnits\": 4}");
    assertThat(json).contains("\"ProvisionedThroughput\": {\"ReadCapacityUnits\": 3, \"WriteCapacityUnits\": 2}");
    assertThat(json).contains("\"DeletionProtectionEnabled\": true");
  }

  @Test
  void onDemand_isTheDefault_withoutUnitsOrDeletionProtection() throws IOException {
    Compilation compilation = compile(meter("""
            globalIndexes = @GlobalIndex(name = "BySite", partitionKey = "GSI1PK", sortKey = "GSI1SK")"""),
        reading());
    assertThat(compilation).succeededWithoutWarnings();
    String table = generated(compilation, "test.MeterTable");
    assertThat(table).contains(".billingMode(BillingMode.PAY_PER_REQUEST)");
    assertThat(table).doesNotContain("throughput");
    assertThat(table).doesNotContain("deletionProtection");
    String json = json(compilation);
    assertThat(json).contains("\"BillingMode\": \"PAY_PER_REQUEST\"");
    assertThat(json).doesNotContain("ProvisionedThroughput");
    assertThat(json).doesNotContain("DeletionProtectionEnabled");
  }

  @Test
  void provisionedWithoutWriteUnits_isAnError_onTheBillingAnnotation() {
    JavaFileObject table = meter("""
            billing = @Billing(mode = BillingMode.PROVISIONED,
                read = 5)""");
    Compilation compilation = compile(table, note());
    assertThat(compilation).hadErrorContaining("[MT-TABLE-BILLING] table Meter is PROVISIONED with write = 0, but a"
        + " provisioned table needs at least 1 read and 1 write capacity unit").inFile(table)
        .onLineContaining("billing = @Billing(mode = BillingMode.PROVISIONED,");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void provisionedWithZeroReadUnits_isAnError_onTheValue() {
    JavaFileObject table = meter("""
            billing = @Billing(mode = BillingMode.PROVISIONED, write = 5,
                read = 0)""");
    Compilation compilation = compile(table, note());
    assertThat(compilation).hadErrorContaining("[MT-TABLE-BILLING] table Meter is PROVISIONED with read = 0")
        .inFile(table).onLineContaining("read = 0");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void onDemandWithUnits_isAnError_onTheValue() {
    JavaFileObject table = meter("""
            billing = @Billing(
                write = 5)""");
    Compilation compilation = compile(table, note());
    assertThat(compilation).hadErrorContaining("[MT-TABLE-BILLING] table Meter is ON_DEMAND, so @Billing(write = 5)"
        + " provisions nothing; remove it or set mode = BillingMode.PROVISIONED").inFile(table)
        .onLineContaining("write = 5");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aGlobalIndexOfAProvisionedTableWithoutUnits_isAnError_perMissingValue_onTheIndex() {
    JavaFileObject table = meter("""
            billing = @Billing(mode = BillingMode.PROVISIONED, read = 5, write = 5),
            globalIndexes = {
                @GlobalIndex(name = "BySite", partitionKey = "GSI1PK", sortKey = "GSI1SK", read = 2, write = 2),
                @GlobalIndex(name = "ByOwner", partitionKey = "owner")}""");
    Compilation compilation = compile(table, note());
    String prefix = "[MT-TABLE-BILLING] global index ByOwner of table Meter has ";
    String reason = ", but on a PROVISIONED table every global index needs at least 1 read and 1 write capacity unit";
    assertThat(compilation).hadErrorContaining(prefix + "read = 0" + reason).inFile(table)
        .onLineContaining("name = \"ByOwner\"");
    assertThat(compilation).hadErrorContaining(prefix + "write = 0" + reason).inFile(table)
        .onLineContaining("name = \"ByOwner\"");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void aGlobalIndexWithUnitsOnAnOnDemandTable_isAnError_onTheValue() {
    JavaFileObject table = meter("""
            globalIndexes = @GlobalIndex(name = "BySite", partitionKey = "GSI1PK", sortKey = "GSI1SK",
                read = 5)""");
    Compilation compilation = compile(table, note());
    assertThat(compilation).hadErrorContaining("[MT-TABLE-BILLING] global index BySite of table Meter has read = 5,"
        + " but the table is ON_DEMAND, so it provisions nothing").inFile(table).onLineContaining("read = 5");
    assertThat(compilation).hadErrorCount(1);
  }
}
