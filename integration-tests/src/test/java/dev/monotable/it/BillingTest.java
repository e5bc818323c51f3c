package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monotable.it.billing.MeterTable;
import dev.monotable.runtime.TableMismatchException;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputDescription;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * {@code @Table(billing = @Billing(mode = PROVISIONED, ...), deletionProtection = true)} and the units of
 * each {@code @GlobalIndex}: what {@code createIfNotExists()} creates, and the live tables it refuses,
 * unchanged, because their billing or protection differs from the design.
 */
@ExtendWith(DynamoDbExtension.class)
class BillingTest {
  private final DynamoDbClient client;
  private final TestDynamoDb dynamo;
  /** Tables to unprotect after the test, so that they can be deleted. */
  private final List<String> created = new ArrayList<>();

  BillingTest(DynamoDbClient client, TestDynamoDb dynamo) {
    this.client = client;
    this.dynamo = dynamo;
  }

  @AfterEach
  void unprotectTables() {
    for (String name : created) {
      try {
        if (client.describeTable(b -> b.tableName(name)).table().deletionProtectionEnabled()) {
          client.updateTable(b -> b.tableName(name).deletionProtectionEnabled(false));
        }
      } catch (ResourceNotFoundException never) {
        // the test did not get as far as making it
      }
    }
  }

  private MeterTable meter() {
    String name = dynamo.uniqueTableName("Meter");
    created.add(name);
    return MeterTable.of(client, name);
  }

  private TableDescription describe(MeterTable meter) {
    return client.describeTable(b -> b.tableName(meter.tableName())).table();
  }

  @Test
  void createIfNotExists_createsTheProvisionedUnitsOfTableAndEachIndex_andDeletionProtection() {
    MeterTable meter = meter();
    assertTrue(meter.createIfNotExists());

    TableDescription table = describe(meter);
    assertEquals("PROVISIONED", billingMode(table));
    assertEquals("7/3", units(table.provisionedThroughput()));
    Map<String, String> indexes = table.globalSecondaryIndexes().stream().collect(Collectors.toMap(
        GlobalSecondaryIndexDescription::indexName, index -> units(index.provisionedThroughput())));
    assertEquals(Map.of("BySite", "4/2", "ByStatus", "2/1"), indexes);
    assertTrue(table.deletionProtectionEnabled());

    assertFalse(meter.createIfNotExists(), "the table it made matches the design");
    DynamoDbException refused = assertThrows(DynamoDbException.class,
        () -> client.deleteTable(b -> b.tableName(meter.tableName())));
    assertEquals("ValidationException", refused.awsErrorDetails().errorCode());
    assertEquals(meter.tableName(), describe(meter).tableName(), "a protected table is not deleted");
  }

  @Test
  void createIfNotExists_refusesAnOnDemandTable() {
    MeterTable meter = meter();
    createByHand(meter, request -> request.toBuilder().billingMode(BillingMode.PAY_PER_REQUEST)
        .provisionedThroughput((ProvisionedThroughput) null)
        .globalSecondaryIndexes(request.globalSecondaryIndexes().stream()
            .map(index -> index.toBuilder().provisionedThroughput((ProvisionedThroughput) null).build()).toList())
        .build());

    TableMismatchException mismatch = assertThrows(TableMismatchException.class, meter::createIfNotExists);

    assertEquals("billing mode", mismatch.setting());
    assertTrue(mismatch.getMessage().contains("exists with billing mode PAY_PER_REQUEST, but its design says"
        + " PROVISIONED"), mismatch.getMessage());
    assertEquals("PAY_PER_REQUEST", billingMode(describe(meter)), "the live table is left as it was");
  }

  @Test
  void createIfNotExists_refusesATableOfOtherUnits() {
    MeterTable meter = meter();
    createByHand(meter, request -> request.toBuilder().provisionedThroughput(throughput(5, 3)).build());

    TableMismatchException mismatch = assertThrows(TableMismatchException.class, meter::createIfNotExists);

    assertEquals("provisioned throughput", mismatch.setting());
    assertTrue(mismatch.getMessage().contains("5 read and 3 write units")
        && mismatch.getMessage().contains("7 read and 3 write units"), mismatch.getMessage());
    assertEquals("5/3", units(describe(meter).provisionedThroughput()), "the live table is left as it was");
  }

  @Test
  void createIfNotExists_refusesATableWhoseIndexHasOtherUnits() {
    MeterTable meter = meter();
    createByHand(meter, request -> request.toBuilder()
        .globalSecondaryIndexes(request.globalSecondaryIndexes().stream()
            .map(index -> index.indexName().equals("ByStatus")
                ? index.toBuilder().provisionedThroughput(throughput(2, 2)).build() : index)
            .toList())
        .build());

    TableMismatchException mismatch = assertThrows(TableMismatchException.class, meter::createIfNotExists);

    assertEquals("provisioned throughput of index ByStatus", mismatch.setting());
    assertTrue(mismatch.getMessage().contains("2 read and 2 write units")
        && mismatch.getMessage().contains("2 read and 1 write units"), mismatch.getMessage());
    GlobalSecondaryIndexDescription byStatus = describe(meter).globalSecondaryIndexes().stream()
        .filter(index -> index.indexName().equals("ByStatus")).findFirst().orElseThrow();
    assertEquals("2/2", units(byStatus.provisionedThroughput()), "the live index is left as it was");
  }

  @Test
  void createIfNotExists_refusesAnUnprotectedTable() {
    MeterTable meter = meter();
    createByHand(meter, request -> request.toBuilder().deletionProtectionEnabled(false).build());

    TableMismatchException mismatch = assertThrows(TableMismatchException.class, meter::createIfNotExists);

    assertEquals("deletion protection", mismatch.setting());
    assertTrue(mismatch.getMessage().contains("exists with deletion protection disabled, but its design says"
        + " enabled"), mismatch.getMessage());
    assertFalse(describe(meter).deletionProtectionEnabled(), "the live table is left as it was");
  }

  @Test
  void jsonResource_statesTheBillingOfTheCreateTableRequest() throws IOException {
    JsonNode json;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/monotable/Meter.json")) {
      assertNotNull(in, "META-INF/monotable/Meter.json is in the class output");
      json = new ObjectMapper().readTree(in);
    }
    CreateTableRequest request = MeterTable.of(client).createTableRequest();
    assertEquals(request.billingModeAsString(), json.get("BillingMode").asText());
    assertEquals(units(request.provisionedThroughput()), units(json.get("ProvisionedThroughput")));
    assertEquals(request.deletionProtectionEnabled(), json.get("DeletionProtectionEnabled").asBoolean());
    assertEquals(request.globalSecondaryIndexes().size(), json.get("GlobalSecondaryIndexes").size());
    for (int i = 0; i < request.globalSecondaryIndexes().size(); i++) {
      GlobalSecondaryIndex index = request.globalSecondaryIndexes().get(i);
      JsonNode node = json.get("GlobalSecondaryIndexes").get(i);
      assertEquals(index.indexName(), node.get("IndexName").asText());
      assertEquals(units(index.provisionedThroughput()), units(node.get("ProvisionedThroughput")));
    }
  }

  /** Creates the table with the low-level client from the design's request, changed by {@code change}. */
  private void createByHand(MeterTable meter, UnaryOperator<CreateTableRequest> change) {
    client.createTable(change.apply(meter.createTableRequest()));
  }

  /** DescribeTable leaves BillingModeSummary out for a table that was never on demand. */
  private static String billingMode(TableDescription table) {
    return table.billingModeSummary() == null ? "PROVISIONED" : table.billingModeSummary().billingModeAsString();
  }

  private static ProvisionedThroughput throughput(long read, long write) {
    return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
  }

  private static String units(ProvisionedThroughputDescription throughput) {
    return throughput.readCapacityUnits() + "/" + throughput.writeCapacityUnits();
  }

  private static String units(ProvisionedThroughput throughput) {
    return throughput.readCapacityUnits() + "/" + throughput.writeCapacityUnits();
  }

  private static String units(JsonNode throughput) {
    return throughput.get("ReadCapacityUnits").asLong() + "/" + throughput.get("WriteCapacityUnits").asLong();
  }
}
