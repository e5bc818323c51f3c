package dev.monotable.runtime.internal;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * The DynamoDB stream records of AWS Lambda's event model ({@code aws-lambda-java-events}, an
 * optional dependency that only the generated Lambda methods load) converted to the SDK's model,
 * field by field and without reflection, and the partial-batch handling of an event.
 */
public final class LambdaRecords {
  private static final System.Logger LOG = System.getLogger(LambdaRecords.class.getName());

  private LambdaRecords() {}

  /** The SDK's model of a record of a Lambda event: every attribute type, both images, the identity. */
  public static Record toSdk(DynamodbEvent.DynamodbStreamRecord record) {
    Record.Builder sdk = Record.builder()
        .eventID(record.getEventID())
        .eventName(record.getEventName())
        .eventVersion(record.getEventVersion())
        .eventSource(record.getEventSource())
        .awsRegion(record.getAwsRegion());
    var change = record.getDynamodb();
    if (change != null) {
      StreamRecord.Builder stream = StreamRecord.builder()
          .sequenceNumber(change.getSequenceNumber())
          .sizeBytes(change.getSizeBytes())
          .streamViewType(change.getStreamViewType());
      if (change.getApproximateCreationDateTime() != null) {
        stream.approximateCreationDateTime(change.getApproximateCreationDateTime().toInstant());
      }
      if (change.getKeys() != null) {
        stream.keys(item(change.getKeys()));
      }
      if (change.getOldImage() != null) {
        stream.oldImage(item(change.getOldImage()));
      }
      if (change.getNewImage() != null) {
        stream.newImage(item(change.getNewImage()));
      }
      sdk.dynamodb(stream.build());
    }
    if (record.getUserIdentity() != null) {
      sdk.userIdentity(Identity.builder()
          .principalId(record.getUserIdentity().getPrincipalId())
          .type(record.getUserIdentity().getType())
          .build());
    }
    return sdk.build();
  }

  private static Map<String, AttributeValue> item(
      Map<String, com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue> attributes) {
    Map<String, AttributeValue> item = new LinkedHashMap<>(attributes.size() * 2);
    attributes.forEach((name, value) -> item.put(name, value(value, name)));
    return item;
  }

  /**
   * One attribute value of the Lambda model in the SDK's.
   *
   * @throws IllegalArgumentException when it carries no type at all
   */
  static AttributeValue value(com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue value,
      String name) {
    if (value.getS() != null) {
      return AttributeValue.fromS(value.getS());
    }
    if (value.getN() != null) {
      return AttributeValue.fromN(value.getN());
    }
    if (value.getB() != null) {
      return AttributeValue.fromB(bytes(value.getB()));
    }
    if (value.getSS() != null) {
      return AttributeValue.fromSs(value.getSS());
    }
    if (value.getNS() != null) {
      return AttributeValue.fromNs(value.getNS());
    }
    if (value.getBS() != null) {
      List<SdkBytes> set = new ArrayList<>(value.getBS().size());
      value.getBS().forEach(element -> set.add(bytes(element)));
      return AttributeValue.fromBs(set);
    }
    if (value.getM() != null) {
      return AttributeValue.fromM(item(value.getM()));
    }
    if (value.getL() != null) {
      List<AttributeValue> list = new ArrayList<>(value.getL().size());
      value.getL().forEach(element -> list.add(value(element, name)));
      return AttributeValue.fromL(list);
    }
    if (Boolean.TRUE.equals(value.getNULL())) {
      return AttributeValue.fromNul(true);
    }
    if (value.getBOOL() != null) {
      return AttributeValue.fromBool(value.getBOOL());
    }
    throw new IllegalArgumentException("attribute " + name + " of a stream record has no type: " + value);
  }

  /** The bytes of a buffer, leaving the buffer's position where it was. */
  private static SdkBytes bytes(ByteBuffer buffer) {
    return SdkBytes.fromByteBuffer(buffer.asReadOnlyBuffer());
  }

  /**
   * Hands each record of {@code event} to {@code handler} in order, and stops at the first that
   * fails: its sequence number is the one batch item failure, so Lambda retries from that record and
   * the ones before it are not handled twice. The failure is logged, with its cause.
   */
  public static StreamsEventResponse handle(DynamodbEvent event, Consumer<Record> handler) {
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>(1);
    for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords() == null
        ? List.<DynamodbEvent.DynamodbStreamRecord>of() : event.getRecords()) {
      try {
        handler.accept(toSdk(record));
      } catch (RuntimeException failure) {
        String sequenceNumber = record.getDynamodb() == null ? record.getEventID()
            : record.getDynamodb().getSequenceNumber();
        LOG.log(Level.WARNING, "record " + sequenceNumber + " failed; reporting it as the batch item failure", failure);
        failures.add(new StreamsEventResponse.BatchItemFailure(sequenceNumber));
        break;
      }
    }
    return new StreamsEventResponse(failures);
  }
}
