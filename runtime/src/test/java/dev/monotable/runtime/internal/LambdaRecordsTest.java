package dev.monotable.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import dev.monotable.runtime.ChangeSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Records of AWS Lambda's event model, built with its setters as its JSON reader fills them, and
 * their SDK counterparts: every attribute type, every field of a record, and the partial-batch
 * handling of an event.
 */
class LambdaRecordsTest {
  private static final Instant CREATED = Instant.parse("2026-11-25T12:00:00Z");

  @Test
  void toSdk_convertsEveryAttributeType_nestedMapsAndListsToo() {
    var image = image();
    image.put("s", s("text"));
    image.put("n", n("-12.5"));
    image.put("b", b(1, 2, 3));
    image.put("ss", ss("red", "green"));
    image.put("ns", ns("1", "2.5"));
    image.put("bs", bs(bytes(4), bytes(5, 6)));
    image.put("nothing", nul());
    image.put("no", bool(false));
    image.put("yes", bool(true));
    image.put("emptyList", l());
    image.put("emptyMap", m(Map.of()));
    var address = image();
    address.put("street", s("Main St"));
    address.put("lines", l(s("flat 2"), n("7")));
    address.put("geo", m(Map.of("lat", n("51.5"), "verified", bool(false))));
    image.put("address", m(address));
    image.put("history", l(m(Map.of("at", n("1"), "note", nul())), l(bool(false), b(9)), ss("x")));

    Record sdk = LambdaRecords.toSdk(record("MODIFY", "1", null, image));

    Map<String, AttributeValue> expected = new LinkedHashMap<>();
    expected.put("s", AttributeValue.fromS("text"));
    expected.put("n", AttributeValue.fromN("-12.5"));
    expected.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3})));
    expected.put("ss", AttributeValue.fromSs(List.of("red", "green")));
    expected.put("ns", AttributeValue.fromNs(List.of("1", "2.5")));
    expected.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {4}),
        SdkBytes.fromByteArray(new byte[] {5, 6}))));
    expected.put("nothing", AttributeValue.fromNul(true));
    expected.put("no", AttributeValue.fromBool(false));
    expected.put("yes", AttributeValue.fromBool(true));
    expected.put("emptyList", AttributeValue.fromL(List.of()));
    expected.put("emptyMap", AttributeValue.fromM(Map.of()));
    expected.put("address", AttributeValue.fromM(Map.of(
        "street", AttributeValue.fromS("Main St"),
        "lines", AttributeValue.fromL(List.of(AttributeValue.fromS("flat 2"), AttributeValue.fromN("7"))),
        "geo", AttributeValue.fromM(Map.of("lat", AttributeValue.fromN("51.5"),
            "verified", AttributeValue.fromBool(false))))));
    expected.put("history", AttributeValue.fromL(List.of(
        AttributeValue.fromM(Map.of("at", AttributeValue.fromN("1"), "note", AttributeValue.fromNul(true))),
        AttributeValue.fromL(List.of(AttributeValue.fromBool(false),
            AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {9})))),
        AttributeValue.fromSs(List.of("x")))));
    assertEquals(expected, sdk.dynamodb().newImage());
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(sdk.dynamodb().newImage().keySet()),
        "attributes keep their order");

    AttributeValue no = sdk.dynamodb().newImage().get("no");
    assertEquals(Boolean.FALSE, no.bool(), "BOOL false is a boolean, not an absent value");
    assertNull(no.nul(), "BOOL false is not NULL");
    assertEquals(Boolean.TRUE, sdk.dynamodb().newImage().get("nothing").nul());
    assertNull(sdk.dynamodb().newImage().get("nothing").bool());
  }

  @Test
  void toSdk_readsBinaryValues_withoutMovingTheSourceBuffers() {
    ByteBuffer single = ByteBuffer.wrap(new byte[] {10, 20, 30});
    ByteBuffer first = ByteBuffer.wrap(new byte[] {1});
    ByteBuffer second = ByteBuffer.wrap("two".getBytes(StandardCharsets.UTF_8));
    var record = record("INSERT", "1", null, Map.of(
        "b", b(single),
        "bs", bs(first, second)));

    Record sdk = LambdaRecords.toSdk(record);

    assertEquals(SdkBytes.fromByteArray(new byte[] {10, 20, 30}), sdk.dynamodb().newImage().get("b").b());
    assertEquals(List.of(SdkBytes.fromByteArray(new byte[] {1}), SdkBytes.fromUtf8String("two")),
        sdk.dynamodb().newImage().get("bs").bs());
    assertEquals(0, single.position());
    assertEquals(3, single.remaining());
    assertEquals(0, first.position());
    assertEquals(0, second.position());
    assertEquals(3, second.remaining());
    assertEquals(sdk, LambdaRecords.toSdk(record), "a record reads alike a second time: its buffers are unread");
  }

  @Test
  void toSdk_carriesEveryFieldOfTheRecord() {
    var record = record("MODIFY", "4421584500000000017450439091", Map.of("s", s("before")), Map.of("s", s("after")));
    record.getDynamodb().setSizeBytes(59L);
    record.getDynamodb().setStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
    record.getDynamodb().setApproximateCreationDateTime(Date.from(CREATED));
    record.setEventID("e1f9");
    record.setEventVersion("1.1");
    record.setEventSource("aws:dynamodb");
    record.setAwsRegion("eu-west-1");

    Record sdk = LambdaRecords.toSdk(record);

    assertEquals("e1f9", sdk.eventID());
    assertEquals(OperationType.MODIFY, sdk.eventName());
    assertEquals("1.1", sdk.eventVersion());
    assertEquals("aws:dynamodb", sdk.eventSource());
    assertEquals("eu-west-1", sdk.awsRegion());
    assertEquals(Map.of("PK", AttributeValue.fromS("CUSTOMER#ada"), "SK", AttributeValue.fromS("ORDER#o-1")),
        sdk.dynamodb().keys());
    assertEquals(Map.of("s", AttributeValue.fromS("before")), sdk.dynamodb().oldImage());
    assertEquals(Map.of("s", AttributeValue.fromS("after")), sdk.dynamodb().newImage());
    assertEquals("4421584500000000017450439091", sdk.dynamodb().sequenceNumber());
    assertEquals(59L, sdk.dynamodb().sizeBytes());
    assertEquals(software.amazon.awssdk.services.dynamodb.model.StreamViewType.NEW_AND_OLD_IMAGES,
        sdk.dynamodb().streamViewType());
    assertEquals(CREATED, sdk.dynamodb().approximateCreationDateTime());
    assertNull(sdk.userIdentity(), "a change made by a request has no identity");
  }

  @Test
  void toSdk_leavesOutTheImagesTheRecordDoesNotCarry() {
    Record insertion = LambdaRecords.toSdk(record("INSERT", "1", null, Map.of("s", s("new"))));
    Record removal = LambdaRecords.toSdk(record("REMOVE", "2", Map.of("s", s("old")), null));

    assertFalse(insertion.dynamodb().hasOldImage());
    assertTrue(insertion.dynamodb().hasNewImage());
    assertTrue(removal.dynamodb().hasOldImage());
    assertFalse(removal.dynamodb().hasNewImage());
    assertEquals(ChangeSource.of(removal).oldImage(), java.util.Optional.of(Map.of("s", AttributeValue.fromS("old"))));
  }

  @Test
  void toSdk_carriesTheIdentity_soThatATimeToLiveRemovalIsExpired() {
    var expiry = record("REMOVE", "3", Map.of("s", s("old")), null);
    expiry.setUserIdentity(new Identity().withType("Service").withPrincipalId("dynamodb.amazonaws.com"));

    Record sdk = LambdaRecords.toSdk(expiry);

    assertEquals("Service", sdk.userIdentity().type());
    assertEquals("dynamodb.amazonaws.com", sdk.userIdentity().principalId());
    assertTrue(ChangeSource.of(sdk).expired());
  }

  @Test
  void toSdk_ofARemovalByARequest_isNotExpired() {
    Record delete = LambdaRecords.toSdk(record("REMOVE", "4", Map.of("s", s("old")), null));
    var otherService = record("REMOVE", "5", Map.of("s", s("old")), null);
    otherService.setUserIdentity(new Identity().withType("Service").withPrincipalId("replication.amazonaws.com"));

    assertFalse(ChangeSource.of(delete).expired());
    assertFalse(ChangeSource.of(LambdaRecords.toSdk(otherService)).expired(),
        "only DynamoDB's own principal removes expired items");
  }

  @Test
  void toSdk_refusesAnAttributeWithNoType_namingIt() {
    IllegalArgumentException top = assertThrows(IllegalArgumentException.class,
        () -> LambdaRecords.toSdk(record("INSERT", "1", null, Map.of("s", s("ok"), "ghost", untyped()))));
    assertTrue(top.getMessage().contains("ghost"), top.getMessage());

    IllegalArgumentException nested = assertThrows(IllegalArgumentException.class,
        () -> LambdaRecords.toSdk(record("INSERT", "1", null,
            Map.of("address", m(Map.of("street", s("Main St"), "phantom", untyped()))))));
    assertTrue(nested.getMessage().contains("phantom"), nested.getMessage());

    IllegalArgumentException inList = assertThrows(IllegalArgumentException.class,
        () -> LambdaRecords.toSdk(record("INSERT", "1", null, Map.of("history", l(s("a"), untyped())))));
    assertTrue(inList.getMessage().contains("history"), inList.getMessage());
  }

  @Test
  void handle_handlesEveryRecordInOrder_andReportsNoFailure() {
    List<String> handled = new ArrayList<>();

    StreamsEventResponse response = LambdaRecords.handle(event("101", "102", "103"),
        record -> handled.add(record.dynamodb().sequenceNumber()));

    assertEquals(List.of("101", "102", "103"), handled);
    assertEquals(List.of(), response.getBatchItemFailures());
  }

  @Test
  void handle_stopsAtTheFirstRecordThatFails_andReportsItsSequenceNumberAlone() {
    List<String> handled = new ArrayList<>();

    StreamsEventResponse response = LambdaRecords.handle(event("101", "102", "103", "104"), record -> {
      handled.add(record.dynamodb().sequenceNumber());
      if (record.dynamodb().sequenceNumber().equals("102")) {
        throw new IllegalStateException("handler failed on " + record.dynamodb().sequenceNumber());
      }
    });

    assertEquals(List.of("101", "102"), handled, "the records after the failing one are not handled");
    assertEquals(List.of("102"), failures(response));
  }

  @Test
  void handle_reportsTheFirstRecord_whenItFails() {
    List<String> handled = new ArrayList<>();

    StreamsEventResponse response = LambdaRecords.handle(event("201", "202"), record -> {
      handled.add(record.dynamodb().sequenceNumber());
      throw new IllegalStateException("always");
    });

    assertEquals(List.of("201"), handled);
    assertEquals(List.of("201"), failures(response));
  }

  @Test
  void handle_reportsARecordThatCannotBeConverted_asItsFailure() {
    DynamodbEvent event = event("301", "302", "303");
    event.getRecords().get(1).getDynamodb().getNewImage().put("ghost", untyped());
    List<String> handled = new ArrayList<>();

    StreamsEventResponse response = LambdaRecords.handle(event, record -> handled.add(record.dynamodb().sequenceNumber()));

    assertEquals(List.of("301"), handled);
    assertEquals(List.of("302"), failures(response));
  }

  @Test
  void handle_ofAnEventWithoutRecords_reportsNoFailure() {
    DynamodbEvent empty = new DynamodbEvent();
    List<Record> handled = new ArrayList<>();

    assertEquals(List.of(), LambdaRecords.handle(empty, handled::add).getBatchItemFailures());
    empty.setRecords(List.of());
    assertEquals(List.of(), LambdaRecords.handle(empty, handled::add).getBatchItemFailures());
    assertEquals(List.of(), handled);
  }

  private static List<String> failures(StreamsEventResponse response) {
    return response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList();
  }

  /** An event of insertions, one per sequence number, as Lambda hands a batch to a function. */
  private static DynamodbEvent event(String... sequenceNumbers) {
    List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
    for (String sequenceNumber : sequenceNumbers) {
      records.add(record("INSERT", sequenceNumber, null, Map.of("s", s("item " + sequenceNumber))));
    }
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(records);
    return event;
  }

  private static DynamodbEvent.DynamodbStreamRecord record(String eventName, String sequenceNumber,
      Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> oldImage, Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> newImage) {
    StreamRecord change = new StreamRecord();
    change.setKeys(Map.of("PK", s("CUSTOMER#ada"), "SK", s("ORDER#o-1")));
    change.setSequenceNumber(sequenceNumber);
    change.setOldImage(oldImage == null ? null : new LinkedHashMap<>(oldImage));
    change.setNewImage(newImage == null ? null : new LinkedHashMap<>(newImage));
    DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
    record.setEventName(eventName);
    record.setEventID("event-" + sequenceNumber);
    record.setDynamodb(change);
    return record;
  }

  /** An empty image of Lambda's model, filled in attribute order. */
  private static Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> image() {
    return new LinkedHashMap<>();
  }

  /** A value of Lambda's model with no type set yet. */
  private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue untyped() {
    return new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue();
  }

  private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue s(String value) {
    var attribute = untyped();
    attribute.setS(value);
    return attribute;
  }

  private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue n(String value) {
    var attribute = untyped();
    attribute.setN(value);
    return attribute;
  }

  private static ByteBuffer bytes(int... values) {
    byte[] array = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      array[i] = (byte) values[i];
    }
    return ByteBuffer.wrap(array);
  }

  private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue b(int... values) {
    return b(bytes(values));
  }

  private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue b(ByteBuffer value) {
    var attribute = untyped();
    attribute.setB(value);
    return attribute;
  }

  private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue ss(String... values) {
    var attribute = untyped();
    attribute.setSS(List.of(values));
    return attribute;
  }

  private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue ns(String... values) {
    var attribute = untyped();
    attribute.setNS(List.of(values));
    return attribute;
  }

  private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue bs(ByteBuffer... values) {
    var attribute = untyped();
    attribute.setBS(List.of(values));
    return attribute;
  }

  private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue nul() {
    var attribute = untyped();
    attribute.setNULL(true);
    return attribute;
  }

  private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue bool(boolean value) {
    var attribute = untyped();
    attribute.setBOOL(value);
    return attribute;
  }

  private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue m(Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> entries) {
    var attribute = untyped();
    attribute.setM(new LinkedHashMap<>(entries));
    return attribute;
  }

  private static com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue l(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue... elements) {
    var attribute = untyped();
    attribute.setL(List.of(elements));
    return attribute;
  }
}
