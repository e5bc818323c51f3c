package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.monotable.it.stream.Customer;
import dev.monotable.it.stream.CustomerSchema;
import dev.monotable.it.stream.Order;
import dev.monotable.it.stream.OrderFields;
import dev.monotable.it.stream.OrderSchema;
import dev.monotable.it.stream.ShopChangeHandler;
import dev.monotable.it.stream.ShopChanges;
import dev.monotable.it.stream.ShopTable;
import dev.monotable.runtime.Change;
import dev.monotable.runtime.MappingException;
import dev.monotable.runtime.UnknownChange;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;

/**
 * DynamoDB stream events as a Lambda function receives them: JSON in the shape Lambda delivers
 * (under {@code src/test/resources/lambda/}), read by Lambda's own event serializer, then decoded
 * and handled by the generated {@code ShopChanges}, with the partial-batch response that makes
 * Lambda retry from the first record that failed.
 */
@ExtendWith(DynamoDbExtension.class)
class LambdaStreamTest {
  /** The six records of {@code shop-changes.json}, in order. */
  private static final String PLACED = "3100000000041527698101";
  private static final String SHIPPED = "3100000000041527698102";
  private static final String SIGNED_UP = "3100000000041527698103";
  private static final String NOTE = "3100000000041527698104";
  private static final String EXPIRED = "3100000000041527698105";
  private static final String CLOSED = "3100000000041527698106";

  private static final Order PENDING = new Order("ada", "o-1", Order.Status.PENDING, 1200, null);
  private static final Order SHIPPED_ORDER = new Order("ada", "o-1", Order.Status.SHIPPED, 1200, null);
  private static final Customer ADA = new Customer("ada", "Ada Lovelace");
  private static final Order EXPIRING = new Order("cy", "o-9", Order.Status.PENDING, 10,
      Instant.parse("2026-11-24T00:00:00Z"));

  private final ShopChanges changes;

  LambdaStreamTest(DynamoDbClient client, TestDynamoDb dynamo) {
    // decoding needs no table; the client is only needed to construct one
    this.changes = ShopTable.of(client, dynamo.uniqueTableName("StreamShop")).changes();
  }

  private DynamodbEvent event(String file) {
    try (InputStream json = getClass().getResourceAsStream("/lambda/" + file)) {
      assertTrue(json != null, "no test event " + file);
      return LambdaEventSerializers.serializerFor(DynamodbEvent.class, getClass().getClassLoader()).fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theEventFiles_holdTheItemsTheRuntimeWrites() {
    List<DynamodbEvent.DynamodbStreamRecord> records = event("shop-changes.json").getRecords();

    assertEquals(6, records.size());
    assertEquals(OrderSchema.INSTANCE.toItem(PENDING), changes.decode(records.get(0)).source().newImage().orElseThrow());
    assertEquals(OrderSchema.INSTANCE.toItem(SHIPPED_ORDER),
        changes.decode(records.get(1)).source().newImage().orElseThrow());
    assertEquals(CustomerSchema.INSTANCE.toItem(ADA), changes.decode(records.get(2)).source().newImage().orElseThrow());
    assertEquals(OrderSchema.INSTANCE.toItem(EXPIRING), changes.decode(records.get(4)).source().oldImage().orElseThrow());
  }

  @Test
  void decode_givesTheTypedChangeOfEachRecord() {
    List<DynamodbEvent.DynamodbStreamRecord> records = event("shop-changes.json").getRecords();
    List<Change<?>> decoded = records.stream().<Change<?>>map(changes::decode).toList();

    assertEquals(List.of(PLACED, SHIPPED, SIGNED_UP, NOTE, EXPIRED, CLOSED),
        decoded.stream().map(Change::sequenceNumber).toList());

    Change.Inserted<?> placed = assertInstanceOf(Change.Inserted.class, decoded.get(0));
    assertEquals(PENDING, placed.newImage());
    assertEquals(Map.of("PK", AttributeValue.fromS("CUSTOMER#ada"), "SK", AttributeValue.fromS("ORDER#o-1")),
        placed.keys());
    assertEquals(Instant.parse("2026-11-25T12:00:00Z"), placed.approximateCreationTime(),
        "ApproximateCreationDateTime is in epoch seconds");
    assertTrue(placed.changed(OrderFields.STATUS), "an insertion changes every field it stores");
    assertFalse(placed.changed(OrderFields.EXPIRES_AT), "a field the item does not store is unchanged");

    Change.Modified<?> shipped = assertInstanceOf(Change.Modified.class, decoded.get(1));
    assertEquals(Optional.of(PENDING), shipped.oldImage());
    assertEquals(Optional.of(SHIPPED_ORDER), shipped.newImage());
    assertTrue(shipped.changed(OrderFields.STATUS));
    assertFalse(shipped.changed(OrderFields.TOTAL));
    assertEquals(Instant.parse("2026-11-25T12:01:00Z"), shipped.approximateCreationTime());

    Change.Inserted<?> signedUp = assertInstanceOf(Change.Inserted.class, decoded.get(2));
    assertEquals(ADA, signedUp.newImage());
    assertEquals(Map.of("PK", AttributeValue.fromS("CUSTOMER#ada"), "SK", AttributeValue.fromS("PROFILE")),
        signedUp.keys());

    UnknownChange note = assertInstanceOf(UnknownChange.class, decoded.get(3));
    assertEquals(OperationType.INSERT, note.event());
    Map<String, AttributeValue> noteImage = note.newImage().orElseThrow();
    assertEquals(AttributeValue.fromS("Note"), noteImage.get("_type"));
    assertEquals(SdkBytes.fromUtf8String("hello, note"), noteImage.get("body").b(), "B arrives base64 in the JSON");
    assertEquals(List.of("gift", "urgent"), noteImage.get("tags").ss());
    assertEquals(Optional.empty(), note.oldImage());

    Change.Removed<?> expired = assertInstanceOf(Change.Removed.class, decoded.get(4));
    assertEquals(EXPIRING, expired.oldImage());
    assertTrue(expired.expired(), "removed by DynamoDB's time to live");
    assertEquals(Map.of("PK", AttributeValue.fromS("CUSTOMER#cy"), "SK", AttributeValue.fromS("ORDER#o-9")),
        expired.keys());

    Change.Removed<?> closed = assertInstanceOf(Change.Removed.class, decoded.get(5));
    assertEquals(ADA, closed.oldImage());
    assertFalse(closed.expired(), "deleted by a request");
  }

  @Test
  void decode_ofARecordAgain_givesTheSameChange() {
    DynamodbEvent.DynamodbStreamRecord note = event("shop-changes.json").getRecords().get(3);

    UnknownChange first = assertInstanceOf(UnknownChange.class, changes.decode(note));
    UnknownChange second = assertInstanceOf(UnknownChange.class, changes.decode(note));

    assertEquals(first.newImage(), second.newImage(), "the record's binary value is read, not used up");
  }

  @Test
  void handle_dispatchesEachRecordInOrder_andReportsNoFailure() {
    List<String> calls = new ArrayList<>();

    StreamsEventResponse response = changes.handle(event("shop-changes.json"), recording(calls));

    assertEquals(List.of(
        "order+ o-1 PENDING",
        "order~ o-1 PENDING -> SHIPPED",
        "customer+ Ada Lovelace",
        "unknown INSERT Note",
        "order- o-9 expired",
        "customer- Ada Lovelace"), calls);
    assertEquals(List.of(), response.getBatchItemFailures());
  }

  @Test
  void handle_stopsAtTheRecordWhoseHandlerThrows_andReportsItAlone() {
    List<String> calls = new ArrayList<>();

    StreamsEventResponse response = changes.handle(event("shop-changes.json"), recording(calls, "customer+"));

    assertEquals(List.of("order+ o-1 PENDING", "order~ o-1 PENDING -> SHIPPED", "customer+ Ada Lovelace"), calls,
        "the records after the failing one are not dispatched");
    assertEquals(List.of(SIGNED_UP), failures(response));
  }

  @Test
  void handle_reportsTheFirstRecord_whenItsHandlerThrows() {
    List<String> calls = new ArrayList<>();

    StreamsEventResponse response = changes.handle(event("shop-changes.json"), recording(calls, "order+"));

    assertEquals(List.of("order+ o-1 PENDING"), calls);
    assertEquals(List.of(PLACED), failures(response));
  }

  @Test
  void handle_reportsTheLastRecord_whenOnlyItsHandlerThrows() {
    List<String> calls = new ArrayList<>();

    StreamsEventResponse response = changes.handle(event("shop-changes.json"), recording(calls, "customer-"));

    assertEquals(6, calls.size(), calls::toString);
    assertEquals(List.of(CLOSED), failures(response));
  }

  @Test
  void anImageThatCannotBeRead_isTheFailureOfItsRecord() {
    DynamodbEvent event = event("unreadable-status.json");
    List<String> calls = new ArrayList<>();

    StreamsEventResponse response = changes.handle(event, recording(calls));

    assertEquals(List.of("order+ o-2 PENDING"), calls, "the customer after the unreadable order is not dispatched");
    assertEquals(List.of("3200000000007730455202"), failures(response));

    MappingException unreadable = assertThrows(MappingException.class, () -> changes.decode(event.getRecords().get(1)));
    assertTrue(unreadable.getMessage().contains("LOST"), unreadable.getMessage());
    assertEquals(new Customer("bob", "Bob"),
        assertInstanceOf(Change.Inserted.class, changes.decode(event.getRecords().get(2))).newImage());
  }

  private static List<String> failures(StreamsEventResponse response) {
    return response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList();
  }

  /** A handler that writes each call it receives to {@code calls}. */
  private static ShopChangeHandler recording(List<String> calls) {
    return recording(calls, null);
  }

  /**
   * A handler that writes each call it receives to {@code calls}, and throws after writing one
   * that starts with {@code failingCall}, as a handler whose downstream is unavailable does.
   */
  private static ShopChangeHandler recording(List<String> calls, String failingCall) {
    return new ShopChangeHandler() {
      private void call(String call) {
        calls.add(call);
        if (failingCall != null && call.startsWith(failingCall)) {
          throw new IllegalStateException("cannot handle " + call);
        }
      }

      @Override
      public void customerInserted(Customer customer) {
        call("customer+ " + customer.name());
      }

      @Override
      public void customerModified(Customer before, Customer after) {
        call("customer~ " + before.name() + " -> " + after.name());
      }

      @Override
      public void customerRemoved(Customer before, boolean expired) {
        call("customer- " + before.name() + (expired ? " expired" : ""));
      }

      @Override
      public void orderInserted(Order order) {
        call("order+ " + order.orderId() + " " + order.status());
      }

      @Override
      public void orderModified(Order before, Order after) {
        call("order~ " + after.orderId() + " " + before.status() + " -> " + after.status());
      }

      @Override
      public void orderRemoved(Order before, boolean expired) {
        call("order- " + before.orderId() + (expired ? " expired" : ""));
      }

      @Override
      public void unknown(UnknownChange change) {
        call("unknown " + change.event() + " " + change.newImage().orElseThrow().get("_type").s());
      }
    };
  }
}
