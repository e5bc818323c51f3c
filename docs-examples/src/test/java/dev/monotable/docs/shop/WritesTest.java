package dev.monotable.docs.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.monotable.runtime.ConditionFailedException;
import dev.monotable.runtime.TransactionRead;
import dev.monotable.runtime.UpdateReturn;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DynamoDbExtension.class)
class WritesTest {
  private static final Instant MAY_1 = Instant.parse("2024-05-01T09:30:00Z");
  private final AppDataTable table;
  private final User user = new User("ada", "ada@example.com", "Ada", MAY_1);
  private final Order order = new Order("ada", "o-1001", MAY_1, OrderStatus.PAID, new BigDecimal("12.5"), List.of());

  WritesTest(DynamoDbClient client, TestDynamoDb dynamo) {
    table = AppDataTable.of(client, dynamo.uniqueTableName("AppData"));
    table.createIfNotExists();
  }

  @Test
  void putsAndConditions() {
    String oldEmail = user.email();
    // region puts
    User stored = table.users().put(user);                    // replaces the item with the same key
    table.users().put(user, UserFields.EMAIL.eq(oldEmail));   // only if the condition holds
    table.users().delete("ada", UserFields.NAME.eq("Ada"));   // conditional delete
    table.users().putIfAbsent(user);                          // only if no item has its key
    // endregion
    assertEquals(user, stored);
    User someoneElse = new User("ada", "someone@example.com", "Someone", Instant.now());
    // region condition-failed
    ConditionFailedException taken = assertThrows(ConditionFailedException.class,
        () -> table.users().putIfAbsent(someoneElse));
    Optional<User> current = taken.current(User.class);       // the item as it is now, decoded
    // endregion
    assertEquals(Optional.of(user), current);
  }

  @Test
  void updatesAndUpserts() {
    table.products().put(new Product("LAMP", "Lamp", 3, Set.of("desk"), "lighting"));
    // region update
    Optional<Product> lamp = table.products().update("LAMP")   // one UpdateItem of an existing item
        .set(ProductFields.NAME, "Desk lamp")
        .increment(ProductFields.STOCK)                        // atomic; also add, decrement
        .addToSet(ProductFields.TAGS, Set.of("led"))           // removeFromSet, append/prepend for lists
        .remove(ProductFields.CATEGORY)
        .when(ProductFields.STOCK.lt(100L))
        .returning(UpdateReturn.ALL_NEW)
        .execute();
    // endregion
    assertEquals(Optional.of(new Product("LAMP", "Desk lamp", 4, Set.of("desk", "led"), null)), lamp);
    // region upsert
    Optional<Product> pen = table.products().upsert("PEN")     // creates the item when there is none, with
        .increment(ProductFields.STOCK)                        // its key fields, type and index keys;
        .execute();                                            // the product as stored
    // endregion
    assertEquals(Optional.of(new Product("PEN", null, 1, Set.of(), null)), pen);
  }

  @Test
  void batchesAndTransactions() {
    Order old = new Order("ada", "o-0001", MAY_1.minusSeconds(86_400), OrderStatus.SHIPPED, BigDecimal.ONE, List.of());
    table.orders().put(old);
    table.products().put(new Product("LAMP", "Lamp", 3, Set.of(), null));
    List<Order> orders = List.of(order);
    List<OrderRepository.Key> keys = List.of(new OrderRepository.Key("ada", MAY_1, "o-1001"));
    // region batches
    table.orders().batchPut(orders);
    List<Optional<Order>> found = table.orders().batchGet(keys);   // in the order asked
    table.orders().batchDelete(keys);
    table.batchWrite().put(table.users(), user).delete(table.orders(), old).execute();   // mixed entities
    // endregion
    assertEquals(List.of(Optional.of(order)), found);
    assertEquals(Optional.empty(), table.orders().get("ada", old.orderDate(), "o-0001"));

    // region transaction
    table.transaction()                                        // all or nothing, up to 100 actions
        .put(table.orders(), order)
        .update(table.products().update("LAMP").decrement(ProductFields.STOCK).when(ProductFields.STOCK.gt(0L)))
        .conditionCheck(table.users(), user, UserFields.EMAIL.exists())
        .idempotencyToken("order-o-1001")
        .execute();
    // endregion
    assertEquals(2, table.products().get("LAMP").orElseThrow().stock());

    // region transaction-read
    TransactionRead read = table.transactionRead();            // one snapshot, up to 100 gets, any entity types
    TransactionRead.Result<User> reader = read.get(table.users(), UserKeys.primaryKey("ada"));
    TransactionRead.Result<Order> bought = read.get(table.orders(), OrderKeys.primaryKey("ada", MAY_1, "o-1001"));
    read.execute();                                            // TransactGetItems
    Optional<User> buyer = reader.value();
    // endregion
    assertEquals(Optional.of(user), buyer);
    assertEquals(Optional.of(order), bought.value());
  }
}
