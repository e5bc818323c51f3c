package dev.monotable.docs.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.testing.DynamoDbExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

@ExtendWith(DynamoDbExtension.class)
class MeterTest {
  @Test
  void billingAndDeletionProtection_areInTheTableDefinition(DynamoDbClient client) {
    CreateTableRequest request = MeterTable.of(client).createTableRequest();

    assertEquals(BillingMode.PROVISIONED, request.billingMode());
    assertEquals(7L, request.provisionedThroughput().readCapacityUnits());
    assertEquals(3L, request.provisionedThroughput().writeCapacityUnits());
    assertEquals(4L, request.globalSecondaryIndexes().get(0).provisionedThroughput().readCapacityUnits());
    assertTrue(request.deletionProtectionEnabled());
  }
}
