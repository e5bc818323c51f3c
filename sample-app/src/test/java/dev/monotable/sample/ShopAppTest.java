package dev.monotable.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.local.MonotableLocal;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

@ExtendWith(DynamoDbExtension.class)
class ShopAppTest {

  private static void assertTour(String output) {
    assertTrue(output.contains("Read user:  User[id=ada, email=ada@example.com"), output);
    assertTrue(output.contains("Read order: Order[userId=ada, orderId=o-1001"), output);
    assertTrue(output.contains("SK = \"ORDER#2024-05-01T09:30:00.000000000Z#o-1001\""), output);
    assertTrue(output.contains("GSI1PK = \"ORDER#o-1001\""), output);
    assertTrue(output.contains("_type = \"Order\""), output);
    assertTrue(output.contains("ordersOfUser(ada), newest first: [o-1002, o-1001]"), output);
    assertTrue(output.contains("ordersByStatus(PAID): [o-1001]"), output);
    assertTrue(output.contains("customer(ada): Ada Lovelace with 2 orders"), output);
    assertTrue(output.contains("Refused before sending: Invalid key for User, field 'id'"), output);
    assertTrue(output.contains("Update of a missing order refused: there is no Order with this key"), output);
    assertTrue(output.contains("Upserted order o-2001, found by id through GSI1 with total 5"), output);
    assertTrue(output.contains("putIfAbsent refused, the stored user is Ada Lovelace"), output);
    assertTrue(output.contains("Order o-0042, stored before the GSI1 index key was designed, by id: 0 found"), output);
    assertTrue(output.contains("Backfill of Order: 4 scanned, 1 updated, 3 already right; o-0042 by id: 1 found"),
        output);
    assertTrue(output.contains("The stream consumer, on this run's changes:\n"), output);
    assertTrue(output.contains("  New order o-1002 of ada: 12 (SHIPPED)\n"), output);
    assertTrue(output.contains("  Order o-1001 status PAID -> SHIPPED\n  Order deleted o-1002\n"), output);
  }

  @Test
  void tour_writesAndReadsAUserAndAnOrder(DynamoDbClient client, TestDynamoDb dynamo) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DynamoDbStreamsClient streams = dynamo.newStreamsClient()) {
      ShopApp.run(client, streams, dynamo.uniqueTableName("AppData"),
          new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }
    String output = bytes.toString(StandardCharsets.UTF_8);
    assertTour(output);
    assertTrue(output.contains("  New order o-1001 of ada: 42.5 (PAID)\n"), output);
  }

  @Test
  void main_withoutArguments_runsTheTourOnMonotableLocalInProcess() {
    String output = mainOutput();
    assertTrue(output.startsWith("On monotable-local, in this JVM"), output);
    assertTrue(output.contains("Table AppData created"), output);
    assertTour(output);
  }

  @Test
  void main_withAnEndpoint_runsTheTourThere_overHttp() {
    try (MonotableLocal server = MonotableLocal.start()) {
      String output = mainOutput("--endpoint", server.endpoint().toString());
      assertTrue(output.startsWith("On " + server.endpoint()), output);
      assertTour(output);

      // a second run finds the table and its items on the server
      String again = mainOutput("--endpoint=" + server.endpoint());
      assertTrue(again.contains("Table AppData already there"), again);
      assertTour(again);
    }
  }

  @Test
  void endpointArgument_isParsed_andAnythingElseRefused() {
    assertNull(ShopApp.endpoint(new String[0]));
    assertEquals(URI.create("http://localhost:8000"), ShopApp.endpoint(new String[] {"--endpoint", "http://localhost:8000"}));
    assertThrows(IllegalArgumentException.class, () -> ShopApp.endpoint(new String[] {"--endpoint", "localhost:8000"}));
    assertThrows(IllegalArgumentException.class, () -> ShopApp.endpoint(new String[] {"--verbose"}));
  }

  /** What {@code main(args)} prints. */
  private static String mainOutput(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      ShopApp.main(args);
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
