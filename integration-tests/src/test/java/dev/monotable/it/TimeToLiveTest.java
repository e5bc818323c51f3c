package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.lab.LabTable;
import dev.monotable.it.lab.Session;
import dev.monotable.runtime.TableOptions;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Time to live, against a real DynamoDB (monotable-local by default, which deletes expired items only when
 * asked; DynamoDB takes its time): the hiding shows.
 */
@ExtendWith(DynamoDbExtension.class)
class TimeToLiveTest {
  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

  private final DynamoDbClient client;
  private final String name;
  private final LabTable lab;

  TimeToLiveTest(DynamoDbClient client, TestDynamoDb dynamo) {
    this.client = client;
    name = dynamo.uniqueTableName("Lab");
    lab = LabTable.of(client, name, TableOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
    lab.createIfNotExists();
  }

  @Test
  void createIfNotExists_enablesTimeToLive_andTheFieldIsStoredAsEpochSeconds() {
    var description = client.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
    assertEquals("expires_at", description.attributeName());
    assertTrue(description.timeToLiveStatusAsString().startsWith("ENABL"), description.timeToLiveStatusAsString());
    lab.createIfNotExists();

    lab.sessions().put(new Session("t1", "ada", NOW.plusSeconds(60)));
    Map<String, AttributeValue> item = client.getItem(b -> b.tableName(name)
        .key(Map.of("id_key", AttributeValue.fromS("SESSION#t1")))).item();
    assertEquals(Long.toString(NOW.plusSeconds(60).getEpochSecond()), item.get("expires_at").n());
    assertFalse(item.containsKey("expiresAt"));
  }

  @Test
  void expiredItems_areHiddenFromGetsAndQueries_unlessTheOptionsShowThem() {
    lab.sessions().put(new Session("live", "ada", NOW.plusSeconds(60)));
    lab.sessions().put(new Session("gone", "ada", NOW.minusSeconds(1)));

    assertTrue(lab.sessions().get("live").isPresent());
    assertTrue(lab.sessions().get("gone").isEmpty());
    assertEquals(1, lab.sessions().session("live").list().size());
    assertEquals(0, lab.sessions().session("gone").list().size());

    LabTable showing = LabTable.of(client, name,
        TableOptions.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC)).withExpiredItemsShown());
    assertEquals(NOW.minusSeconds(1), showing.sessions().get("gone").orElseThrow().expiresAt());
    assertEquals(1, showing.sessions().session("gone").list().size());
  }
}
