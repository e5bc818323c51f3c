package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.survey.Survey;
import dev.monotable.it.survey.SurveyFields;
import dev.monotable.it.survey.SurveysTable;
import dev.monotable.runtime.CostReport;
import dev.monotable.runtime.ItemTooLargeException;
import dev.monotable.runtime.TableOptions;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A write DynamoDB refuses because an item would be over 400 KB is an {@link ItemTooLargeException}
 * naming the entity, for every write operation: an update that grows an item (which Monotable cannot
 * count before sending), in a transaction too; and a put, batch put or transaction put, which
 * Monotable counts before sending, made too large on the way by an {@link ExecutionInterceptor} so
 * that DynamoDB's own answer is the one translated. On a real DynamoDB (monotable-local by default).
 */
@ExtendWith(DynamoDbExtension.class)
class ItemTooLargeTest {
  private static final String THIRD_OF_LIMIT = "x".repeat(140_000);

  private final TestDynamoDb dynamo;
  private final String tableName;
  private final SurveysTable surveys;
  private DynamoDbClient inflating;

  ItemTooLargeTest(DynamoDbClient client, TestDynamoDb dynamo) {
    this.dynamo = dynamo;
    tableName = dynamo.uniqueTableName("Surveys");
    surveys = SurveysTable.of(client, tableName);
    surveys.createIfNotExists();
  }

  @AfterEach
  void closeInflatingClient() {
    if (inflating != null) {
      inflating.close();
    }
  }

  private static Survey withText(String id, String text) {
    return new Survey(id, null, null, null, null, null, null, null, null, null, null, Optional.empty(), null, null,
        null, text, null);
  }

  @Test
  void anUpdate_growingTheItemPast400KB_isItemTooLarge_andChangesNothing() {
    surveys.surveys().put(withText("big", THIRD_OF_LIMIT + THIRD_OF_LIMIT));
    ItemTooLargeException tooLarge = assertThrows(ItemTooLargeException.class,
        () -> surveys.surveys().update("big").set(SurveyFields.NOTES, List.of(THIRD_OF_LIMIT)).execute());

    assertEquals("Survey", tooLarge.entity());
    assertEquals(-1, tooLarge.size());
    assertTrue(tooLarge.getMessage().contains("UpdateItem"), tooLarge.getMessage());
    assertTrue(tooLarge.getMessage().contains("Survey item would be over 409600 bytes"), tooLarge.getMessage());
    assertNull(surveys.surveys().get("big").orElseThrow().notes(), "nothing was written");
  }

  @Test
  void anAppend_growingTheItemPast400KB_withACapacityListener_isItemTooLarge() {
    SurveysTable metered = SurveysTable.of(dynamo.client(), tableName,
        TableOptions.defaults().withCapacityListener(CostReport.onDemand()));
    metered.surveys().put(withText("grows", THIRD_OF_LIMIT));
    metered.surveys().update("grows").append(SurveyFields.NOTES, List.of(THIRD_OF_LIMIT)).execute();
    ItemTooLargeException tooLarge = assertThrows(ItemTooLargeException.class,
        () -> metered.surveys().upsert("grows").append(SurveyFields.NOTES, List.of(THIRD_OF_LIMIT)).execute());
    assertEquals("Survey", tooLarge.entity());
    assertEquals(1, metered.surveys().get("grows").orElseThrow().notes().size());
  }

  @Test
  void aTransactionUpdate_growingTheItemPast400KB_isItemTooLarge_namingItsEntity() {
    surveys.surveys().put(withText("t", THIRD_OF_LIMIT + THIRD_OF_LIMIT));
    ItemTooLargeException tooLarge = assertThrows(ItemTooLargeException.class, () -> surveys.transaction()
        .put(surveys.surveys(), Survey.of("small"))
        .update(surveys.surveys().update("t").set(SurveyFields.NOTES, List.of(THIRD_OF_LIMIT)))
        .execute());

    assertEquals("Survey", tooLarge.entity());
    assertInstanceOf(TransactionCanceledException.class, tooLarge.getCause());
    assertTrue(surveys.surveys().get("small").isEmpty(), "nothing of the transaction was written");
  }

  // ---- puts are counted before sending: made too large on the way, DynamoDB's answer is translated

  /** A client that adds 410 KB to the first item every PutItem, BatchWriteItem or transaction put sends. */
  private SurveysTable inflatingTable() {
    AttributeValue padding = AttributeValue.fromS("p".repeat(410_000));
    ExecutionInterceptor inflate = new ExecutionInterceptor() {
      @Override
      public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (context.request() instanceof PutItemRequest put) {
          return put.toBuilder().item(padded(put.item(), padding)).build();
        }
        if (context.request() instanceof BatchWriteItemRequest batch) {
          Map<String, List<WriteRequest>> items = new HashMap<>(batch.requestItems());
          List<WriteRequest> writes = new ArrayList<>(items.get(tableName));
          writes.set(0, WriteRequest.builder().putRequest(PutRequest.builder()
              .item(padded(writes.get(0).putRequest().item(), padding)).build()).build());
          items.put(tableName, writes);
          return batch.toBuilder().requestItems(items).build();
        }
        if (context.request() instanceof TransactWriteItemsRequest transaction) {
          List<TransactWriteItem> actions = new ArrayList<>(transaction.transactItems());
          TransactWriteItem first = actions.get(0);
          actions.set(0, first.toBuilder().put(first.put().toBuilder().item(padded(first.put().item(), padding))
              .build()).build());
          return transaction.toBuilder().transactItems(actions).build();
        }
        return context.request();
      }
    };
    inflating = dynamo.newClient(b -> b.overrideConfiguration(c -> c.addExecutionInterceptor(inflate)));
    return SurveysTable.of(inflating, tableName);
  }

  private static Map<String, AttributeValue> padded(Map<String, AttributeValue> item, AttributeValue padding) {
    Map<String, AttributeValue> padded = new HashMap<>(item);
    padded.put("padding", padding);
    return padded;
  }

  @Test
  void aPut_refusedByDynamoDbForItsSize_isItemTooLarge() {
    SurveysTable table = inflatingTable();
    ItemTooLargeException tooLarge = assertThrows(ItemTooLargeException.class,
        () -> table.surveys().put(Survey.of("p1")));
    assertEquals("Survey", tooLarge.entity());
    assertTrue(tooLarge.getMessage().contains("PutItem"), tooLarge.getMessage());
    assertTrue(surveys.surveys().get("p1").isEmpty());
  }

  @Test
  void aBatchPut_refusedByDynamoDbForItsSize_isItemTooLarge() {
    SurveysTable table = inflatingTable();
    ItemTooLargeException ofRepository = assertThrows(ItemTooLargeException.class,
        () -> table.surveys().batchPut(List.of(Survey.of("b1"), Survey.of("b2"))));
    assertEquals("Survey", ofRepository.entity());
    assertTrue(ofRepository.getMessage().contains("BatchWriteItem"), ofRepository.getMessage());

    ItemTooLargeException ofTable = assertThrows(ItemTooLargeException.class,
        () -> table.batchWrite().put(table.surveys(), Survey.of("b3")).execute());
    assertTrue(ofTable.getMessage().contains("BatchWriteItem"), ofTable.getMessage());
    assertTrue(surveys.surveys().get("b1").isEmpty());
    assertTrue(surveys.surveys().get("b3").isEmpty());
  }

  @Test
  void aTransactionPut_refusedByDynamoDbForItsSize_isItemTooLarge() {
    SurveysTable table = inflatingTable();
    ItemTooLargeException tooLarge = assertThrows(ItemTooLargeException.class,
        () -> table.transaction().put(table.surveys(), Survey.of("x1")).put(table.surveys(), Survey.of("x2"))
            .execute());
    assertTrue(tooLarge.getMessage().contains("TransactWriteItems"), tooLarge.getMessage());
    assertTrue(surveys.surveys().get("x2").isEmpty());
  }
}
