package dev.monotable.docs.existing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynamoDbExtension.class)
class ExistingTableTest {
  @Test
  void plainKeys_areStoredAsTheyAre(DynamoDbClient client, TestDynamoDb dynamo) {
    OrdersTable orders = OrdersTable.of(client, dynamo.uniqueTableName("Orders"));
    orders.createIfNotExists();
    Purchase early = new Purchase("u-1", 1_600_000_000_000L, "PAID", new BigDecimal("3.5"));
    Purchase late = new Purchase("u-1", 1_750_000_000_000L, "PAID", new BigDecimal("7.5"));
    orders.purchases().put(early);
    orders.purchases().put(late);

    // region plain-keys
    List<Purchase> recent = orders.purchases().purchasesOfUser("u-1")
        .timestamp().between(1_700_000_000_000L, 1_800_000_000_000L).list();
    Map<String, AttributeValue> key = PurchaseKeys.primaryKey("u-1", 42L);   // {userId: S "u-1", timestamp: N 42}
    // endregion
    assertEquals(List.of(late), recent);
    assertEquals(Map.of("userId", AttributeValue.fromS("u-1"), "timestamp", AttributeValue.fromN("42")), key);
    assertEquals(List.of(early, late), orders.purchases().purchasesByStatus("PAID").list());
  }
}
