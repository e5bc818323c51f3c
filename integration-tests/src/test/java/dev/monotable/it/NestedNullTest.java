package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.survey.Respondent;
import dev.monotable.it.survey.Survey;
import dev.monotable.it.survey.SurveyFields;
import dev.monotable.it.survey.SurveysTable;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A null inside a list or map comes back null, whatever the element type, and stays apart from the
 * element type's empty value: an empty set there (which DynamoDB cannot store as a set) comes back
 * empty, not null. Through the generated schema, on a real DynamoDB (monotable-local by default),
 * checked on the raw item too.
 */
@ExtendWith(DynamoDbExtension.class)
class NestedNullTest {
  private final DynamoDbClient client;
  private final String tableName;
  private final SurveysTable surveys;

  NestedNullTest(DynamoDbClient client, TestDynamoDb dynamo) {
    this.client = client;
    tableName = dynamo.uniqueTableName("Surveys");
    surveys = SurveysTable.of(client, tableName);
    surveys.createIfNotExists();
  }

  private Map<String, AttributeValue> raw(String id) {
    return client.getItem(b -> b.tableName(tableName).consistentRead(true)
        .key(Map.of("PK", AttributeValue.fromS("SURVEY#" + id)))).item();
  }

  /** A list that holds null, which {@code List.of} refuses. */
  @SafeVarargs
  private static <E> List<E> listOf(E... elements) {
    return new ArrayList<>(Arrays.asList(elements));
  }

  /** A map that holds null values, in the given order. */
  private static <V> Map<String, V> mapOf(String k1, V v1, String k2, V v2, String k3, V v3) {
    Map<String, V> map = new LinkedHashMap<>();
    map.put(k1, v1);
    map.put(k2, v2);
    map.put(k3, v3);
    return map;
  }

  private static Survey nulls(String id) {
    return new Survey(id,
        listOf(Set.of("red"), null, Set.of()),
        listOf(null, Set.of(4), Set.of()),
        listOf(List.of("a1"), null, List.of()),
        listOf(Map.of("q1", "fine"), null, Map.of()),
        listOf(new Respondent("ada", 36), null),
        listOf(Optional.of("late"), Optional.empty()),
        mapOf("intro", Set.of("yes"), "middle", null, "end", Set.of()),
        mapOf("intro", Set.of(BigDecimal.ONE), "middle", null, "end", Set.of()),
        mapOf("intro", List.of("line"), "middle", null, "end", List.of()),
        mapOf("lead", new Respondent("bob", 41), "second", null, "third", new Respondent("cy", 29)),
        Optional.of(Set.of()), null, null, null, null, null);
  }

  private static void assertSameNesting(Survey expected, Survey actual) {
    assertEquals(expected.choices(), actual.choices(), "choices");
    assertEquals(expected.scores(), actual.scores(), "scores");
    assertEquals(expected.grid(), actual.grid(), "grid");
    assertEquals(expected.comments(), actual.comments(), "comments");
    assertEquals(expected.respondents(), actual.respondents(), "respondents");
    assertEquals(expected.remarks(), actual.remarks(), "remarks");
    assertEquals(expected.choicesBySection(), actual.choicesBySection(), "choicesBySection");
    assertEquals(expected.weightsBySection(), actual.weightsBySection(), "weightsBySection");
    assertEquals(expected.linesBySection(), actual.linesBySection(), "linesBySection");
    assertEquals(expected.reviewers(), actual.reviewers(), "reviewers");
    assertEquals(expected.flags(), actual.flags(), "flags");
  }

  @Test
  void nullElementsAndValues_ofEveryKind_readBackNull_andEmptySetsReadBackEmpty() {
    Survey written = nulls("s1");
    surveys.surveys().put(written);
    Survey read = surveys.surveys().get("s1").orElseThrow();

    assertSameNesting(written, read);
    assertEquals(null, read.choices().get(1), "a question not answered is not one answered with no choice");
    assertEquals(Set.of(), read.choices().get(2));
    assertTrue(read.choicesBySection().containsKey("middle"));
    assertEquals(null, read.choicesBySection().get("middle"));
    assertEquals(Optional.of(Set.of()), read.flags(), "present, though empty");
  }

  @Test
  void aNullElement_isStoredAsNull_andAnEmptySetWithin_asAnEmptyList() {
    surveys.surveys().put(nulls("s2"));
    Map<String, AttributeValue> item = raw("s2");

    List<AttributeValue> choices = item.get("choices").l();
    assertEquals(List.of("red"), choices.get(0).ss());
    assertEquals(Boolean.TRUE, choices.get(1).nul());
    assertEquals(AttributeValue.fromL(List.of()), choices.get(2));
    assertEquals(Boolean.TRUE, item.get("choicesBySection").m().get("middle").nul());
    assertEquals(AttributeValue.fromL(List.of()), item.get("choicesBySection").m().get("end"));
    assertEquals(Boolean.TRUE, item.get("reviewers").m().get("second").nul());
    assertEquals(Boolean.TRUE, item.get("remarks").l().get(1).nul(), "an empty Optional in a list is NULL");
    assertEquals(AttributeValue.fromL(List.of()), item.get("flags"), "Optional.of(empty set) is stored");
  }

  @Test
  void aNullOptional_inAList_readsBackEmpty() {
    Survey written = new Survey("s3", null, null, null, null, null, listOf(Optional.of("x"), null), null, null, null, null,
        Optional.empty(), null, null, null, null, null);
    surveys.surveys().put(written);
    assertEquals(List.of(Optional.of("x"), Optional.empty()), surveys.surveys().get("s3").orElseThrow().remarks());
  }

  @Test
  void anEmptyOptionalOfASet_isNotWritten_andReadsBackEmpty() {
    surveys.surveys().put(Survey.of("s4"));
    assertEquals(Optional.empty(), surveys.surveys().get("s4").orElseThrow().flags());
    assertFalse(raw("s4").containsKey("flags"));
  }

  @Test
  void anUpdate_writesNullElementsAndEmptySetsAsAPutDoes() {
    surveys.surveys().put(Survey.of("s5"));
    surveys.surveys().update("s5")
        .set(SurveyFields.CHOICES, listOf(null, Set.of(), Set.of("blue")))
        .set(SurveyFields.CHOICES_BY_SECTION, mapOf("a", null, "b", Set.of(), "c", Set.of("x")))
        .set(SurveyFields.FLAGS, Optional.of(Set.of()))
        .execute();
    surveys.surveys().update("s5").append(SurveyFields.CHOICES, listOf((Set<String>) null, Set.of())).execute();

    Survey read = surveys.surveys().get("s5").orElseThrow();
    assertEquals(listOf(null, Set.of(), Set.of("blue"), null, Set.of()), read.choices());
    assertEquals(mapOf("a", null, "b", Set.of(), "c", Set.of("x")), read.choicesBySection());
    assertEquals(Optional.of(Set.of()), read.flags());
  }
}
