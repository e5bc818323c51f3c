package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.lab.LabTable;
import dev.monotable.it.lab.Sample;
import dev.monotable.it.lab.SampleSchema;
import dev.monotable.it.shop.LogEntry;
import dev.monotable.it.shop.LogEntrySchema;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.it.shop.User;
import dev.monotable.it.shop.UserFields;
import dev.monotable.runtime.ConditionFailedException;
import dev.monotable.runtime.ItemTooLargeException;
import dev.monotable.runtime.MappingException;
import dev.monotable.runtime.internal.ItemSize;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/** Conditional writes and the limits checked before sending, against a real DynamoDB (monotable-local by default). */
@ExtendWith(DynamoDbExtension.class)
class WriteTest {
  private final DynamoDbClient client;
  private final ShopTable shop;
  private final LabTable lab;

  WriteTest(DynamoDbClient client, TestDynamoDb dynamo) {
    this.client = client;
    shop = ShopTable.of(client, dynamo.uniqueTableName("Shop"));
    shop.createIfNotExists();
    lab = LabTable.of(client, dynamo.uniqueTableName("Lab"));
    lab.createIfNotExists();
  }

  @Test
  void putIfAbsent_refusesASecondItem_andHandsBackTheCurrentOne() {
    User first = new User("grace", "grace@example.com", "Grace", Instant.EPOCH);
    shop.users().putIfAbsent(first);
    ConditionFailedException failed = assertThrows(ConditionFailedException.class,
        () -> shop.users().putIfAbsent(new User("grace", "other@example.com", "Impostor", Instant.EPOCH)));
    assertEquals(Optional.of(first), failed.current(User.class));
    assertEquals("Grace", shop.users().get("grace").orElseThrow().name());
  }

  @Test
  void conditionalPutAndDelete_onReservedWordAttributes() {
    User ada = new User("ada", "ada@example.com", "Ada", Instant.EPOCH);
    shop.users().put(ada);
    // "name" is a DynamoDB reserved word; the condition still works through placeholders
    shop.users().put(new User("ada", "ada@new.example", "Ada", Instant.EPOCH), UserFields.NAME.eq("Ada"));
    assertEquals("ada@new.example", shop.users().get("ada").orElseThrow().email());
    assertThrows(ConditionFailedException.class,
        () -> shop.users().put(ada, UserFields.NAME.eq("Somebody else")));

    ConditionFailedException refused = assertThrows(ConditionFailedException.class,
        () -> shop.users().delete("ada", UserFields.EMAIL.eq("ada@example.com")));
    assertEquals("ada@new.example", refused.current(User.class).orElseThrow().email());
    shop.users().delete("ada", UserFields.EMAIL.eq("ada@new.example"));
    assertTrue(shop.users().get("ada").isEmpty());
  }

  @Test
  void itemOf400Kb_isStored_andOneByteMore_isRefusedBeforeSending() {
    Instant at = Instant.parse("2024-05-01T00:00:00Z");
    long empty = ItemSize.of(LogEntrySchema.INSTANCE.toItem(new LogEntry("big", at, 1, "")));
    long room = ItemSize.MAX_BYTES - empty;
    // two-byte characters, then one-byte ones to land exactly on the limit
    String payload = "é".repeat((int) (room / 2)) + "a".repeat((int) (room % 2));
    LogEntry atLimit = new LogEntry("big", at, 1, payload);
    assertEquals(ItemSize.MAX_BYTES, ItemSize.of(LogEntrySchema.INSTANCE.toItem(atLimit)));
    shop.logEntries().put(atLimit);
    assertEquals(payload.length(), shop.logEntries().get("big", at, 1).orElseThrow().payload().length());

    LogEntry over = new LogEntry("big", at, 1, payload + "a");
    ItemTooLargeException e = assertThrows(ItemTooLargeException.class, () -> shop.logEntries().put(over));
    assertEquals("LogEntry", e.entity());
    assertEquals(ItemSize.MAX_BYTES + 1, e.size());
    assertEquals(payload, shop.logEntries().get("big", at, 1).orElseThrow().payload(), "nothing was sent");

    // DynamoDB itself refuses the same item sent past the check: the two counts agree
    assertThrows(DynamoDbException.class, () -> client.putItem(b -> b.tableName(shop.tableName())
        .item(LogEntrySchema.INSTANCE.toItem(over))));
  }

  @Test
  void numbersDynamoDbCannotStore_areRefusedNamingTheField() {
    Sample sample = SampleArbitraries.samples().sample();
    Sample tooPrecise = withDecimal(sample, new BigDecimal("1.23456789012345678901234567890123456789"));
    MappingException digits = assertThrows(MappingException.class, () -> SampleSchema.INSTANCE.toItem(tooPrecise));
    assertEquals("decimal", digits.attribute());
    assertTrue(digits.getMessage().startsWith("Sample.decimal: cannot store"), digits.getMessage());
    assertThrows(MappingException.class, () -> lab.samples().put(withDecimal(sample, new BigDecimal("1E+126"))));
    assertThrows(MappingException.class, () -> lab.samples().put(withDecimal(sample, new BigDecimal("1E-131"))));
    lab.samples().put(withDecimal(sample, new BigDecimal("9.9999999999999999999999999999999999999E+125")));
    lab.samples().put(withDecimal(sample, new BigDecimal("1E-130")));
  }

  private static Sample withDecimal(Sample s, BigDecimal decimal) {
    return new Sample(s.id(), s.text(), s.flag(), s.boxedFlag(), s.tiny(), s.small(), s.number(), s.big(), s.ratio(),
        s.measure(), s.boxedNumber(), s.boxedBig(), decimal, s.huge(), s.color(), s.instant(), s.date(),
        s.localDateTime(), s.offsetDateTime(), s.zonedDateTime(), s.duration(), s.uri(), s.bytes(), s.sdkBytes(),
        s.buffer(), s.strings(), s.addresses(), s.stringSet(), s.intSet(), s.binarySet(), s.colors(), s.counts(),
        s.addressBook(), s.address(), s.nickname(), s.backupAddress(), s.price());
  }
}
