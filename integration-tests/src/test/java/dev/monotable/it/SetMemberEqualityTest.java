package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monotable.it.survey.Survey;
import dev.monotable.it.survey.SurveyFields;
import dev.monotable.it.survey.SurveysTable;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Sets whose members are distinct in Java but equal to DynamoDB — numbers of one value written in
 * different forms, {@code byte[]} arrays of the same bytes — are written with each member once, as
 * DynamoDB holds them, by a put and by an update's {@code addToSet}/{@code removeFromSet}; DynamoDB
 * would refuse them as "contains duplicates" otherwise.
 */
@ExtendWith(DynamoDbExtension.class)
class SetMemberEqualityTest {
  private final SurveysTable surveys;

  SetMemberEqualityTest(DynamoDbClient client, TestDynamoDb dynamo) {
    surveys = SurveysTable.of(client, dynamo.uniqueTableName("Surveys"));
    surveys.createIfNotExists();
  }

  /** A set of the decimals in iteration order, as written: {@code 1.0} and {@code 1.00} are two of them. */
  private static Set<BigDecimal> decimals(String... texts) {
    Set<BigDecimal> set = new LinkedHashSet<>();
    for (String text : texts) {
      set.add(new BigDecimal(text));
    }
    return set;
  }

  private static Survey withSets(String id, Set<BigDecimal> weights, Set<Double> readings, Set<byte[]> attachments) {
    return new Survey(id, null, null, null, null, null, null, null, null, null, null, Optional.empty(), weights,
        readings, attachments, null, null);
  }

  /** The numbers by value, in order: {@code 1} and {@code 1.0} are one. */
  private static List<BigDecimal> byValue(Set<BigDecimal> numbers) {
    return numbers.stream().map(BigDecimal::stripTrailingZeros).sorted().toList();
  }

  @Test
  void aNumberSet_ofEqualValuesInOtherForms_isStoredByValue() {
    // 2 and 2E0 are one BigDecimal, but 20E-1 (2.0) is another, as 1.0 and 1.00 are two
    Set<BigDecimal> weights = decimals("1.0", "1.00", "2", "2E0", "20E-1", "0.5");
    assertEquals(5, weights.size(), "five members to Java");
    surveys.surveys().put(withSets("n1", weights, null, null));

    Survey read = surveys.surveys().get("n1").orElseThrow();
    assertEquals(List.of(new BigDecimal("0.5"), BigDecimal.ONE, new BigDecimal("2")), byValue(read.weights()));
    assertEquals(3, read.weights().size());
  }

  @Test
  void aDoubleSet_withBothZeros_isStoredWithOneZero() {
    Set<Double> readings = new LinkedHashSet<>(List.of(0.0, -0.0, 1.5));
    assertEquals(3, readings.size(), "Double.equals tells 0.0 from -0.0");
    surveys.surveys().put(withSets("n2", null, readings, null));
    assertEquals(Set.of(0.0, 1.5), surveys.surveys().get("n2").orElseThrow().readings());
  }

  @Test
  void aBinarySet_ofArraysWithTheSameBytes_isStoredWithThemOnce() {
    Set<byte[]> attachments = new LinkedHashSet<>(List.of(new byte[] {1, 2}, new byte[] {1, 2}, new byte[] {3}));
    assertEquals(3, attachments.size(), "arrays are equal by identity in Java");
    surveys.surveys().put(withSets("n3", null, null, attachments));

    List<byte[]> read = new ArrayList<>(surveys.surveys().get("n3").orElseThrow().attachments());
    read.sort(Comparator.comparingInt((byte[] bytes) -> bytes.length).reversed());
    assertEquals(2, read.size());
    assertArrayEquals(new byte[] {1, 2}, read.get(0));
    assertArrayEquals(new byte[] {3}, read.get(1));
  }

  @Test
  void aNumberSet_inAMap_isStoredByValue() {
    Survey survey = new Survey("n4", null, null, null, null, null, null, null,
        Map.of("intro", decimals("3.10", "3.1", "31E-1")), null, null, Optional.empty(), null, null, null, null, null);
    surveys.surveys().put(survey);
    assertEquals(List.of(new BigDecimal("3.1")),
        byValue(surveys.surveys().get("n4").orElseThrow().weightsBySection().get("intro")));
  }

  @Test
  void addToSetAndRemoveFromSet_ofEqualValuesInOtherForms_changeTheSetByValue() {
    surveys.surveys().put(withSets("n5", decimals("1"), null, null));

    surveys.surveys().update("n5").addToSet(SurveyFields.WEIGHTS, decimals("1.0", "1.00", "2.50", "2.5")).execute();
    assertEquals(List.of(BigDecimal.ONE, new BigDecimal("2.5")),
        byValue(surveys.surveys().get("n5").orElseThrow().weights()));

    surveys.surveys().update("n5").removeFromSet(SurveyFields.WEIGHTS, decimals("2.500", "25E-1")).execute();
    assertEquals(List.of(BigDecimal.ONE), byValue(surveys.surveys().get("n5").orElseThrow().weights()));

    Set<byte[]> twice = new LinkedHashSet<>(List.of(new byte[] {9}, new byte[] {9}));
    surveys.surveys().update("n5").addToSet(SurveyFields.ATTACHMENTS, twice).execute();
    assertEquals(List.of(List.of((byte) 9)), surveys.surveys().get("n5").orElseThrow().attachments().stream()
        .map(bytes -> List.of(bytes[0])).collect(Collectors.toList()));
  }

  @Test
  void onlyEqualValues_areMerged_notNearOnes() {
    // 1 and 1.000…001 differ in the 38th digit, the last DynamoDB keeps: two members
    Set<BigDecimal> weights = decimals("1", "1.000000000000000000000000000000000001", "10", "1E+1", "1E+20", "-0.0",
        "0");
    surveys.surveys().put(withSets("n6", weights, null, null));
    assertEquals(List.of(BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal("1.000000000000000000000000000000000001"),
        BigDecimal.TEN.stripTrailingZeros(), new BigDecimal("1E+20")),
        byValue(surveys.surveys().get("n6").orElseThrow().weights()));
    assertEquals(5, surveys.surveys().get("n6").orElseThrow().weights().size());
  }
}
