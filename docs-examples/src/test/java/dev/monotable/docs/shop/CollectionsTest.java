package dev.monotable.docs.shop;

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

@ExtendWith(DynamoDbExtension.class)
class CollectionsTest {
  private static final Instant MAY_1 = Instant.parse("2024-05-01T09:30:00Z");

  @Test
  void aCustomerIsReadInOneQuery(DynamoDbClient client, TestDynamoDb dynamo) {
    AppDataTable table = AppDataTable.of(client, dynamo.uniqueTableName("AppData"));
    table.createIfNotExists();
    User ada = new User("ada", "ada@example.com", "Ada", MAY_1);
    Order first = new Order("ada", "o-1", MAY_1, OrderStatus.PAID, BigDecimal.TEN, List.of());
    Order second = new Order("ada", "o-2", MAY_1.plusSeconds(60), OrderStatus.NEW, BigDecimal.ONE, List.of());
    table.users().put(ada);
    table.orders().put(first);
    table.orders().put(second);

    // region collection
    AppDataTable.Customer customer = table.customer("ada").read();
    Optional<User> user = customer.user();   // its sort key "PROFILE" has no placeholder, so at most one
    List<Order> orders = customer.orders();

    AppDataTable.CustomerPage page = table.customer("ada").page(25, null);   // cursor null: the first page
    Optional<String> cursor = page.cursor();                                  // empty at the end

    List<Order> latest = table.customer("ada").orders().descending().limit(5).list();   // begins_with(SK, "ORDER#")
    Optional<User> profile = table.customer("ada").user().first();                     // SK = "PROFILE"
    // endregion
    assertEquals(Optional.of(ada), user);
    assertEquals(List.of(first, second), orders);
    assertEquals(List.of(first, second), page.orders());
    assertEquals(Optional.empty(), cursor);
    assertEquals(List.of(second, first), latest);
    assertEquals(Optional.of(ada), profile);
  }
}
