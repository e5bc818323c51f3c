package dev.monotable.it;

import static dev.monotable.it.SampleAssertions.assertSameSample;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monotable.it.lab.LabTable;
import dev.monotable.it.lab.Sample;
import dev.monotable.it.lab.SampleKeys;
import dev.monotable.it.lab.SampleSchema;
import dev.monotable.testing.TestDynamoDb;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What is written is what is read, for every supported type: in memory, and through a real DynamoDB
 * (monotable-local by default).
 */
class MarshallingProperties {
  private static LabTable lab;

  @BeforeContainer
  static void createTable() {
    TestDynamoDb dynamo = TestDynamoDb.shared();
    lab = LabTable.of(dynamo.client(), dynamo.uniqueTableName("Lab"));
    lab.createIfNotExists();
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
  void putThenGet_throughDynamoDb_givesTheSampleBack(@ForAll("samples") Sample sample) {
    lab.samples().put(sample);
    assertSameSample(sample, lab.samples().get(sample.id()).orElseThrow());
  }
}
