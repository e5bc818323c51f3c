package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DynamoDbExtension.class)   // a DynamoDbClient on monotable-local, in this JVM
class ShopTest {
  private static final Instant MAY_1 = Instant.parse("2024-05-01T09:30:00Z");
  private static final Instant MAY_2 = Instant.parse("2024-05-02T14:00:00Z");

  @Test
  void ordersOfCustomer_newestFirstAndFromADate(DynamoDbClient client, TestDynamoDb dynamo) {
    ShopTable shop = ShopTable.of(client, dynamo.uniqueTableName("Shop"));   // generated
    shop.createIfNotExists();

    Customer ada = new Customer("ada", "Ada Lovelace", "ada@example.com");
    Order first = new Order("ada", MAY_1, "o-1", new BigDecimal("12.5"));
    Order second = new Order("ada", MAY_2, "o-2", new BigDecimal("99.9"));
    shop.customers().put(ada);
    shop.orders().put(first);
    shop.orders().put(second);

    assertEquals(Optional.of(ada), shop.customers().get("ada"));
    assertEquals(List.of(second, first), shop.orders().ordersOfCustomer("ada").descending().list());
    assertEquals(List.of(second), shop.orders().ordersOfCustomer("ada").placedAt().greaterThan(MAY_1).list());

    ShopTable.Account account = shop.account("ada").read();   // the whole partition in one query
    assertEquals(Optional.of(ada), account.customer());
    assertEquals(List.of(first, second), account.orders());
    assertEquals("CUSTOMER#ada", OrderKeys.partitionKey("ada"));
  }
}
