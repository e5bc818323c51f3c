package dev.monotable.it;

import static dev.monotable.it.SampleAssertions.assertSameSample;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monotable.it.lab.LabTable;
import dev.monotable.it.lab.Sample;
import dev.monotable.it.lab.SampleKeys;
import dev.monotable.it.lab.SampleSchema;
import dev.monotable.testing.LocalDynamoDb;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What is written is what is read, for every supported type: in memory, and through DynamoDB Local. */
class MarshallingProperties {
  private static DynamoDbClient client;
  private static LabTable lab;

  @BeforeContainer
  static void startDynamoDbLocal() {
    client = LocalDynamoDb.shared().newClient();
    lab = LabTable.of(client, LocalDynamoDb.uniqueTableName("Lab"));
    lab.createIfNotExists();
  }

  @AfterContainer
  static void closeClient() {
    client.close();
  }

  @Provide
  Arbitrary<Sample> samples() {
    return SampleArbitraries.samples();
  }

  @Property(tries = 500)
  void toItemThenFromItem_givesTheSampleBack(@ForAll("samples") Sample sample) {
    Map<String, AttributeValue> item = SampleSchema.INSTANCE.toItem(sample);
    assertEquals("Sample", item.get("kind").s());
    assertEquals(SampleKeys.partitionKey(sample.id()), item.get("id_key").s());
    assertSameSample(sample, SampleSchema.INSTANCE.fromItem(item));
  }

  @Property(tries = 150)
  void putThenGet_throughDynamoDbLocal_givesTheSampleBack(@ForAll("samples") Sample sample) {
    lab.samples().put(sample);
    assertSameSample(sample, lab.samples().get(sample.id()).orElseThrow());
  }
}
