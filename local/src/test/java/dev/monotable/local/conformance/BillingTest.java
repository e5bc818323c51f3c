package dev.monotable.local.conformance;

import static dev.monotable.local.conformance.Values.assertValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Billing and deletion protection in CreateTable, DescribeTable, UpdateTable and DeleteTable, as the
 * API Reference describes them: {@code BillingModeSummary} (which DynamoDB gives only once a table has
 * been on demand), {@code ProvisionedThroughput} of the table and each global index (every member
 * required and at least 1), and {@code DeletionProtectionEnabled}.
 */
class BillingTest extends EngineTest {

  @Test
  void createTable_onDemand_describesSinceWhenItIsOnDemand_andZeroUnits() {
    String name = createTable("pk", null);

    TableDescription table = describe(name);
    assertEquals(BillingMode.PAY_PER_REQUEST, table.billingModeSummary().billingMode());
    assertNotNull(table.billingModeSummary().lastUpdateToPayPerRequestDateTime());
    assertEquals(0L, table.provisionedThroughput().readCapacityUnits());
    assertEquals(0L, table.provisionedThroughput().writeCapacityUnits());
  }

  @Test
  void createTable_provisioned_describesUnitsOfTableAndIndex_andNoBillingModeSummary() {
    String name = uniqueName("bill-prov");
    client.createTable(provisioned(name, throughput(8, 3), throughput(2, 1)));

    TableDescription table = describe(name);
    assertNull(table.billingModeSummary(), "a table that was never on demand has no BillingModeSummary");
    assertEquals(8L, table.provisionedThroughput().readCapacityUnits());
    assertEquals(3L, table.provisionedThroughput().writeCapacityUnits());
    GlobalSecondaryIndexDescription index = table.globalSecondaryIndexes().get(0);
    assertEquals(2L, index.provisionedThroughput().readCapacityUnits());
    assertEquals(1L, index.provisionedThroughput().writeCapacityUnits());
  }

  @Test
  void updateTable_provisionedToOnDemand_describesTheSwitch_andDropsTheUnitsOfTableAndIndexes() {
    String name = uniqueName("bill-switch");
    client.createTable(provisioned(name, throughput(8, 3), throughput(2, 1)));

    client.updateTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST));

    TableDescription table = describe(name);
    assertEquals(BillingMode.PAY_PER_REQUEST, table.billingModeSummary().billingMode());
    assertNotNull(table.billingModeSummary().lastUpdateToPayPerRequestDateTime());
    assertEquals(0L, table.provisionedThroughput().readCapacityUnits());
    assertEquals(0L, table.globalSecondaryIndexes().get(0).provisionedThroughput().readCapacityUnits());
    assertEquals(0L, table.globalSecondaryIndexes().get(0).provisionedThroughput().writeCapacityUnits());
  }

  @Test
  void createTable_provisionedWithoutWriteUnits_throwsValidation() {
    assertCreateRejected("1 validation error detected: Value null at 'provisionedThroughput.writeCapacityUnits' "
        + "failed to satisfy constraint: Member must not be null",
        name -> provisioned(name, ProvisionedThroughput.builder().readCapacityUnits(5L).build(),
        throughput(1, 1)));
  }

  @Test
  void createTable_provisionedGlobalIndexWithZeroUnits_throwsValidation() {
    assertCreateRejected("1 validation error detected: Value '0' at "
        + "'globalSecondaryIndexes.1.member.provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: "
        + "Member must have value greater than or equal to 1",
        name -> provisioned(name, throughput(5, 5), throughput(5, 0)));
    assertCreateRejected("1 validation error detected: Value '0' at "
        + "'globalSecondaryIndexes.1.member.provisionedThroughput.readCapacityUnits' failed to satisfy constraint: "
        + "Member must have value greater than or equal to 1",
        name -> provisioned(name, throughput(5, 5), throughput(0, 5)));
  }

  @Test
  void createTable_provisionedGlobalIndexWithoutReadUnits_throwsValidation() {
    assertCreateRejected("1 validation error detected: Value null at "
        + "'globalSecondaryIndexes.1.member.provisionedThroughput.readCapacityUnits' failed to satisfy constraint: "
        + "Member must not be null",
        name -> provisioned(name, throughput(5, 5),
        ProvisionedThroughput.builder().writeCapacityUnits(5L).build()));
  }

  @Test
  void createTable_onDemandGlobalIndexWithUnits_throwsValidation() {
    assertCreateRejected("One or more parameter values were invalid: ProvisionedThroughput should not be specified "
        + "for index: byG when BillingMode is PAY_PER_REQUEST",
        name -> provisioned(name, throughput(5, 5), throughput(1, 1)).toBuilder()
        .billingMode(BillingMode.PAY_PER_REQUEST).provisionedThroughput((ProvisionedThroughput) null).build());
  }

  @Test
  void createTable_withoutDeletionProtection_describesItDisabled_andDeleteTableDeletes() {
    String name = createTable("pk", null);
    assertFalse(describe(name).deletionProtectionEnabled());

    client.deleteTable(r -> r.tableName(name));
    assertThrows(ResourceNotFoundException.class, () -> describe(name));
  }

  @Test
  void createTable_withDeletionProtection_refusesDeleteTable_untilUpdateTableTurnsItOff() {
    String name = uniqueName("bill-protected");
    client.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .deletionProtectionEnabled(true)
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("pk")));
    assertTrue(describe(name).deletionProtectionEnabled());

    assertValidation("Resource cannot be deleted as it is currently protected against deletion. Disable deletion "
        + "protection first.",
        () -> client.deleteTable(r -> r.tableName(name)));
    assertEquals(name, describe(name).tableName(), "a protected table stays");

    client.updateTable(r -> r.tableName(name).deletionProtectionEnabled(false));
    assertFalse(describe(name).deletionProtectionEnabled());
    client.deleteTable(r -> r.tableName(name));
    assertThrows(ResourceNotFoundException.class, () -> describe(name));
  }

  /** A provisioned table with global index {@code byG}, its throughput {@code index}. */
  private static CreateTableRequest provisioned(String name, ProvisionedThroughput table, ProvisionedThroughput index) {
    return CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PROVISIONED)
        .provisionedThroughput(table)
        .keySchema(hash("pk"))
        .attributeDefinitions(attr("pk"), attr("g"))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
            .indexName("byG")
            .keySchema(hash("g"))
            .projection(p -> p.projectionType(ProjectionType.ALL))
            .provisionedThroughput(index)
            .build())
        .build();
  }

  private TableDescription describe(String name) {
    return client.describeTable(r -> r.tableName(name)).table();
  }

  /** CreateTable of the request made for a fresh name fails with the ValidationException {@code message}, and creates nothing. */
  private void assertCreateRejected(String message, Function<String, CreateTableRequest> request) {
    String name = uniqueName("bill-bad");
    assertValidation(message, () -> client.createTable(request.apply(name)));
    assertThrows(ResourceNotFoundException.class, () -> describe(name));
  }

  private static ProvisionedThroughput throughput(long read, long write) {
    return ProvisionedThroughput.builder().readCapacityUnits(read).writeCapacityUnits(write).build();
  }

  private static KeySchemaElement hash(String name) {
    return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
  }

  private static AttributeDefinition attr(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }
}
