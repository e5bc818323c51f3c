package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.survey.Survey;
import dev.monotable.it.survey.SurveyFields;
import dev.monotable.it.survey.SurveysTable;
import dev.monotable.runtime.IdempotencyTokenReusedException;
import dev.monotable.runtime.Transaction;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;

/**
 * A transaction's idempotency token: checked before sending (DynamoDB takes 1 to 36 characters),
 * and reused with another transaction, a {@link IdempotencyTokenReusedException} saying so, not the
 * SDK's exception. On a real DynamoDB (monotable-local by default).
 */
@ExtendWith(DynamoDbExtension.class)
class IdempotencyTokenTest {
  private final SurveysTable surveys;

  IdempotencyTokenTest(DynamoDbClient client, TestDynamoDb dynamo) {
    surveys = SurveysTable.of(client, dynamo.uniqueTableName("Surveys"));
    surveys.createIfNotExists();
  }

  @Test
  void aTokenOfAnotherTransaction_isIdempotencyTokenReused_andWritesNothing() {
    String token = UUID.randomUUID().toString();
    surveys.transaction().put(surveys.surveys(), Survey.of("first")).idempotencyToken(token).execute();

    Transaction other = surveys.transaction().put(surveys.surveys(), Survey.of("second")).idempotencyToken(token);
    IdempotencyTokenReusedException reused = assertThrows(IdempotencyTokenReusedException.class, other::execute);

    assertEquals(token, reused.token());
    assertTrue(reused.getMessage().contains("\"" + token + "\""), reused.getMessage());
    assertTrue(reused.getMessage().contains("a token of its own"), reused.getMessage());
    assertInstanceOf(IdempotentParameterMismatchException.class, reused.getCause());
    assertTrue(surveys.surveys().get("second").isEmpty());
  }

  @Test
  void theSameTransaction_sentAgainWithItsToken_isCarriedOutOnce() {
    surveys.surveys().put(Survey.of("counted"));
    Transaction append = surveys.transaction()
        .update(surveys.surveys().update("counted").append(SurveyFields.NOTES, List.of("once")))
        .idempotencyToken("append-once");
    append.execute();
    append.execute();
    assertEquals(List.of("once"), surveys.surveys().get("counted").orElseThrow().notes());
  }

  @Test
  void aTokenOutside1To36Characters_isRefusedBeforeSending() {
    Transaction transaction = surveys.transaction().put(surveys.surveys(), Survey.of("t"));
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> transaction.idempotencyToken(""));
    assertTrue(empty.getMessage().contains("1 to 36 characters"), empty.getMessage());
    IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
        () -> transaction.idempotencyToken("x".repeat(37)));
    assertTrue(tooLong.getMessage().contains("not 37"), tooLong.getMessage());
    assertThrows(IllegalArgumentException.class, () -> transaction.idempotencyToken(null));

    transaction.idempotencyToken("y".repeat(36)).execute();
    assertTrue(surveys.surveys().get("t").isPresent());
  }
}
