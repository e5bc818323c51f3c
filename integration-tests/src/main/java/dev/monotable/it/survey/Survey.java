package dev.monotable.it.survey;

import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One survey: per question (by position or by section) the choices made, where null is a question
 * not answered and an empty set one answered with no choice; and sets of numbers and bytes.
 */
@Entity(table = Surveys.class)
@PartitionKey("SURVEY#<id>")
public record Survey(
    String id,
    List<Set<String>> choices,
    List<Set<Integer>> scores,
    List<List<String>> grid,
    List<Map<String, String>> comments,
    List<Respondent> respondents,
    List<Optional<String>> remarks,
    Map<String, Set<String>> choicesBySection,
    Map<String, Set<BigDecimal>> weightsBySection,
    Map<String, List<String>> linesBySection,
    Map<String, Respondent> reviewers,
    Optional<Set<String>> flags,
    Set<BigDecimal> weights,
    Set<Double> readings,
    Set<byte[]> attachments,
    String text,
    List<String> notes) {

  /** A survey with only its id. */
  public static Survey of(String id) {
    return new Survey(id, null, null, null, null, null, null, null, null, null, null, Optional.empty(), null, null,
        null, null, null);
  }
}
