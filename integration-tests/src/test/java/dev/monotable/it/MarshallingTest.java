package dev.monotable.it;

import static dev.monotable.it.SampleAssertions.assertSameSample;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monotable.it.SampleArbitraries.Samples;
import dev.monotable.it.lab.LabTable;
import dev.monotable.it.lab.Sample;
import dev.monotable.it.lab.SampleKeys;
import dev.monotable.it.lab.SampleSchema;
import dev.monotable.testing.TestDynamoDb;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What is written is what is read, for every supported type: in memory, and through a real DynamoDB
 * (monotable-local by default).
 *
 * <p>Each test runs the {@linkplain SampleArbitraries#edges() edge samples}, then samples drawn
 * from {@link SampleArbitraries#model()} with the test's fixed seed. A case is named
 * {@code edge <name>} or {@code seed S, try N}, in the report and at the head of its failure
 * message; {@code SampleArbitraries.model().withSeed(S).stream().skip(N - 1)} draws try N again.
 */
class MarshallingTest {
  private static final long IN_MEMORY_SEED = 5_200_101L;
  private static final long DYNAMO_DB_SEED = 5_200_102L;
  private static final int IN_MEMORY_TRIES = 500;
  private static final int DYNAMO_DB_TRIES = 150;

  private static LabTable lab;

  /** One case: where its sample comes from, and the sample. */
  record Try(String origin, Sample sample) {
    @Override
    public String toString() {
      return origin;
    }
  }

  @BeforeAll
  static void createTable() {
    TestDynamoDb dynamo = TestDynamoDb.shared();
    lab = LabTable.of(dynamo.client(), dynamo.uniqueTableName("Lab"));
    lab.createIfNotExists();
  }

  private static Stream<Try> tries(long seed, int count) {
    Stream<Try> edges = SampleArbitraries.edges().entrySet().stream()
        .map(edge -> new Try("edge " + edge.getKey(), edge.getValue()));
    List<Sample> drawn = new Samples(seed).stream().limit(count).toList();
    Stream<Try> generated = IntStream.range(0, count)
        .mapToObj(i -> new Try("seed " + seed + ", try " + (i + 1), drawn.get(i)));
    return Stream.concat(edges, generated);
  }

  /** Runs the check; a failure names the case and keeps the original failure as its cause. */
  private static void check(Try t, Executable check) {
    try {
      check.execute();
    } catch (Throwable failure) {
      throw new AssertionError(t + ": " + failure.getMessage() + "\n  sample: " + t.sample(), failure);
    }
  }

  static Stream<Try> inMemory() {
    return tries(IN_MEMORY_SEED, IN_MEMORY_TRIES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inMemory")
  void toItemThenFromItem_givesTheSampleBack(Try t) {
    check(t, () -> {
      Map<String, AttributeValue> item = SampleSchema.INSTANCE.toItem(t.sample());
      assertEquals("Sample", item.get("kind").s());
      assertEquals(SampleKeys.partitionKey(t.sample().id()), item.get("id_key").s());
      assertSameSample(t.sample(), SampleSchema.INSTANCE.fromItem(item));
    });
  }

  static Stream<Try> throughDynamoDb() {
    return tries(DYNAMO_DB_SEED, DYNAMO_DB_TRIES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("throughDynamoDb")
  void putThenGet_throughDynamoDb_givesTheSampleBack(Try t) {
    check(t, () -> {
      lab.samples().put(t.sample());
      assertSameSample(t.sample(), lab.samples().get(t.sample().id()).orElseThrow());
    });
  }
}
