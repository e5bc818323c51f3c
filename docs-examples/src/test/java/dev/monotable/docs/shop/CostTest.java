package dev.monotable.docs.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.runtime.CostReport;
import dev.monotable.runtime.TableOptions;
import dev.monotable.runtime.micrometer.MicrometerCapacity;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DynamoDbExtension.class)
class CostTest {
  @Test
  void everyRequestIsReportedWithItsAccessPattern(DynamoDbClient client, TestDynamoDb dynamo) {
    String tableName = dynamo.uniqueTableName("AppData");
    SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
    List<String> log = new ArrayList<>();
    // region cost
    CostReport costs = CostReport.onDemand();            // $0.125 / $0.625 per million read / write request units
    AppDataTable table = AppDataTable.of(client, tableName, TableOptions.defaults().withCapacityListener(costs));

    TableOptions metered = TableOptions.defaults().withCapacityListener(new MicrometerCapacity(meterRegistry));
    TableOptions logged = TableOptions.defaults().withCapacityListener(event -> log.add(event.toString()));
    // endregion
    table.createIfNotExists();
    table.users().put(new User("ada", "ada@example.com", "Ada", Instant.parse("2024-05-01T09:30:00Z")));
    table.users().get("ada");
    AppDataTable.of(client, tableName, metered).users().get("ada");
    AppDataTable.of(client, tableName, logged).users().get("ada");

    String report = costs.render();
    assertTrue(report.contains("User.put"), report);
    assertTrue(report.contains("User.get"), report);
    assertTrue(meterRegistry.find("monotable.capacity").tag("pattern", "get").counter() != null, meterRegistry::getMetersAsString);
    assertEquals(1, log.size());
  }
}
