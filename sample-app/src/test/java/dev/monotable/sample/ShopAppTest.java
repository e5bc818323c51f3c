package dev.monotable.sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.testing.DynamoDbLocalExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DynamoDbLocalExtension.class)
class ShopAppTest {

  @Test
  void tour_writesAndReadsAUserAndAnOrder(DynamoDbClient client) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ShopApp.run(client, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertTrue(output.contains("Read user:  User[id=ada, email=ada@example.com"), output);
    assertTrue(output.contains("Read order: Order[userId=ada, orderId=o-1001"), output);
    assertTrue(output.contains("SK = \"ORDER#2024-05-01T09:30:00.000Z#o-1001\""), output);
    assertTrue(output.contains("GSI1PK = \"ORDER#o-1001\""), output);
    assertTrue(output.contains("_type = \"Order\""), output);
    assertTrue(output.contains("ordersOfUser(ada), newest first: [o-1002, o-1001]"), output);
    assertTrue(output.contains("ordersByStatus(PAID): [o-1001]"), output);
    assertTrue(output.contains("customer(ada): Ada Lovelace with 2 orders"), output);
    assertTrue(output.contains("Refused before sending: Invalid key for User, field 'id'"), output);
  }
}
