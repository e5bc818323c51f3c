package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.monotable.it.shop.Order;
import dev.monotable.it.shop.OrderStatus;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.runtime.InvalidCursorException;
import dev.monotable.runtime.Page;
import dev.monotable.runtime.TableOptions;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Cursors signed with the table's cursor key: continued under that key, refused under another or none. */
@ExtendWith(DynamoDbExtension.class)
class CursorKeyTest {
  private static final byte[] KEY = "a secret of 32 bytes for cursors".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OTHER = "another secret, also long enough".getBytes(StandardCharsets.US_ASCII);

  private final ShopTable signed;
  private final ShopTable otherKey;
  private final ShopTable unsigned;

  CursorKeyTest(DynamoDbClient client, TestDynamoDb dynamo) {
    String name = dynamo.uniqueTableName("Shop");
    signed = ShopTable.of(client, name, TableOptions.defaults().withCursorKey(KEY));
    otherKey = ShopTable.of(client, name, TableOptions.defaults().withCursorKey(OTHER));
    unsigned = ShopTable.of(client, name);
    signed.createIfNotExists();
    Instant day = Instant.parse("2024-05-01T00:00:00Z");
    for (int i = 0; i < 5; i++) {
      signed.orders().put(new Order("ada", "o" + i, day.plusSeconds(i), OrderStatus.PAID, BigDecimal.ONE));
    }
  }

  @Test
  void signedCursor_continuesUnderTheSameKey_andIsRefusedUnderAnotherOrNone() {
    Page<Order> first = signed.orders().ordersOfUser("ada").limit(2).page();
    String cursor = first.cursor().orElseThrow();

    List<String> rest = new ArrayList<>();
    signed.orders().ordersOfUser("ada").after(cursor).list().forEach(o -> rest.add(o.orderId()));
    assertEquals(List.of("o2", "o3", "o4"), rest);

    assertThrows(InvalidCursorException.class, () -> otherKey.orders().ordersOfUser("ada").after(cursor));
    assertThrows(InvalidCursorException.class, () -> unsigned.orders().ordersOfUser("ada").after(cursor));
  }

  @Test
  void unsignedCursor_isRefusedByASignedTable_soAClientCannotForgeOne() {
    String forged = unsigned.orders().ordersOfUser("ada").limit(2).page().cursor().orElseThrow();
    assertThrows(InvalidCursorException.class, () -> signed.orders().ordersOfUser("ada").after(forged));
  }

  @Test
  void shortKeys_areRefused() {
    assertThrows(IllegalArgumentException.class, () -> TableOptions.defaults().withCursorKey(new byte[15]));
  }
}
