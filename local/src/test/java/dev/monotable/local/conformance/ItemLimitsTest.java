package dev.monotable.local.conformance;

import static dev.monotable.local.conformance.Values.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The limits DynamoDB puts on items and values: the 400 KB item size (attribute names and values,
 * strings as UTF-8 bytes), numbers (38 significant digits, magnitude 1E-130 to below 1E+126,
 * normalised), key sizes (2048 bytes partition, 1024 bytes sort), empty and mistyped key values,
 * empty and duplicate sets.
 */
class ItemLimitsTest extends EngineTest {
  private static final int MAX_ITEM_BYTES = 400 * 1024;
  private static final String E_ACUTE = "\u00e9"; // two bytes in UTF-8

  // ---------------------------------------------------------------- item size

  @Test
  void putItem_itemOfExactly400KB_isStoredWhole() {
    String table = createTable("pk", null);
    // "pk" + "big" + "d" = 6 bytes of names and key; the rest is the string.
    String filler = "x".repeat(MAX_ITEM_BYTES - 6);

    client.putItem(r -> r.tableName(table).item(item("pk", s("big"), "d", s(filler))));

    assertEquals(filler.length(), read(table, item("pk", s("big"))).get("d").s().length());
  }

  @Test
  void putItem_oneByteOver400KB_throwsValidationAndStoresNothing() {
    String table = createTable("pk", null);
    String filler = "x".repeat(MAX_ITEM_BYTES - 5);

    assertValidation("Item size has exceeded the maximum allowed size",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("big"), "d", s(filler)))));

    assertAbsent(table, item("pk", s("big")));
  }

  @Test
  void putItem_attributeNamesCountTowardsItemSize() {
    String table = createTable("pk", null);
    String filler = "x".repeat(MAX_ITEM_BYTES - 6);

    // Exactly 400 KB with a one-character name, one byte over with a two-character name.
    assertValidation("Item size has exceeded the maximum allowed size",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("big"), "dd", s(filler)))));
    assertAbsent(table, item("pk", s("big")));
  }

  @Test
  void putItem_stringSizeIsCountedInUtf8Bytes() {
    String table = createTable("pk", null);
    String fits = E_ACUTE.repeat((MAX_ITEM_BYTES - 6) / 2);
    String tooBig = E_ACUTE.repeat((MAX_ITEM_BYTES - 6) / 2 + 1);

    // Both keys are three characters long, so names and key take 6 bytes as above.
    client.putItem(r -> r.tableName(table).item(item("pk", s("fit"), "d", s(fits))));
    assertValidation("Item size has exceeded the maximum allowed size",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("big"), "d", s(tooBig)))));

    assertEquals(fits, read(table, item("pk", s("fit"))).get("d").s());
    assertAbsent(table, item("pk", s("big")));
  }

  @Test
  void putItem_binarySizeIsCountedInBytes() {
    String table = createTable("pk", null);

    client.putItem(r -> r.tableName(table).item(item("pk", s("fit"), "d", bytes(MAX_ITEM_BYTES - 6))));
    assertValidation("Item size has exceeded the maximum allowed size",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("big"), "d",
        bytes(MAX_ITEM_BYTES - 5)))));

    assertEquals(MAX_ITEM_BYTES - 6, read(table, item("pk", s("fit"))).get("d").b().asByteArray().length);
    assertAbsent(table, item("pk", s("big")));
  }

  @Test
  void updateItem_growingItemPast400KB_throwsValidationAndKeepsItem() {
    String table = createTable("pk", null);
    String filler = "x".repeat(MAX_ITEM_BYTES - 1000);
    client.putItem(r -> r.tableName(table).item(item("pk", s("big"), "d", s(filler))));

    // an update's own words, as the dynalite project recorded them from DynamoDB
    assertValidation("Item size to update has exceeded the maximum allowed size",
        () -> client.updateItem(r -> r.tableName(table).key(item("pk", s("big")))
        .updateExpression("SET e = :e")
        .expressionAttributeValues(item(":e", s("y".repeat(1000))))));

    Map<String, AttributeValue> stored = read(table, item("pk", s("big")));
    assertEquals(filler.length(), stored.get("d").s().length());
    assertNull(stored.get("e"));
  }

  // ---------------------------------------------------------------- numbers

  @Test
  void number_38SignificantDigits_areKeptExactly() {
    String table = createTable("pk", null);
    List<String> numbers = List.of(
        "12345678901234567890123456789012345678",
        "-12345678901234567890123456789012345678",
        "0.12345678901234567890123456789012345678",
        "1234567890123456789.0123456789012345678");
    for (String number : numbers) {
      client.putItem(r -> r.tableName(table).item(item("pk", s(number), "n", n(number))));
      assertEquals(number, read(table, item("pk", s(number))).get("n").n());
    }
  }

  @Test
  void number_moreThan38SignificantDigits_throwsValidation() {
    String table = createTable("pk", null);
    for (String number : List.of(
        "123456789012345678901234567890123456789",
        "1.23456789012345678901234567890123456789",
        "-0.000123456789012345678901234567890123456789")) {
      assertValidation("Attempting to store more than 38 significant digits in a Number",
          () -> client.putItem(r -> r.tableName(table).item(item("pk", s(number), "n", n(number)))));
      assertAbsent(table, item("pk", s(number)));
    }
  }

  @Test
  void number_magnitudeAtTheDocumentedBounds_isAccepted() {
    String table = createTable("pk", null);
    for (String number : List.of(
        "1E-130",
        "-1E-130",
        "9.9999999999999999999999999999999999999E+125",
        "-9.9999999999999999999999999999999999999E+125",
        "0")) {
      client.putItem(r -> r.tableName(table).item(item("pk", s(number), "n", n(number))));
      String stored = read(table, item("pk", s(number))).get("n").n();
      assertEquals(0, new BigDecimal(number).compareTo(new BigDecimal(stored)), number + " read back as " + stored);
    }
  }

  @Test
  void number_magnitudeBeyondTheBounds_throwsValidation() {
    String table = createTable("pk", null);
    for (String number : List.of("1E-131", "-1E-131", "1E+126", "-1E+126", "1E+200", "1E-200")) {
      assertValidation(number.contains("E-")
              ? "Number underflow. Attempting to store a number with magnitude smaller than supported range"
              : "Number overflow. Attempting to store a number with magnitude larger than supported range",
          () -> client.putItem(r -> r.tableName(table).item(item("pk", s(number), "n", n(number)))));
      assertAbsent(table, item("pk", s(number)));
    }
  }

  @Test
  void number_leadingAndTrailingZeros_areTrimmed() {
    String table = createTable("pk", null);
    Map<String, String> normalised = new LinkedHashMap<>();
    normalised.put("1.50", "1.5");
    normalised.put("007", "7");
    normalised.put("0.10", "0.1");
    normalised.put("-0.50", "-0.5");
    normalised.put("5.0", "5");
    normalised.put("100", "100");
    normalised.put("-0012.3400", "-12.34");
    for (Map.Entry<String, String> entry : normalised.entrySet()) {
      client.putItem(r -> r.tableName(table).item(item("pk", s(entry.getKey()), "n", n(entry.getKey()))));
      assertEquals(entry.getValue(), read(table, item("pk", s(entry.getKey()))).get("n").n(), entry.getKey());
    }
  }

  @Test
  void number_insideSetsListsAndMaps_isNormalisedToo() {
    String table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(item(
        "pk", s("nested"),
        "set", ns("1.50", "2.0"),
        "list", l(n("0.10")),
        "map", m("x", n("010")))));

    Map<String, AttributeValue> stored = read(table, item("pk", s("nested")));
    assertEquals(new TreeSet<>(List.of("1.5", "2")), new TreeSet<>(stored.get("set").ns()));
    assertEquals("0.1", stored.get("list").l().get(0).n());
    assertEquals("10", stored.get("map").m().get("x").n());
  }

  @Test
  void number_notANumber_throwsValidation() {
    String table = createTable("pk", null);
    for (String text : List.of("abc", "1.2.3", "", "NaN", "Infinity", "--1", "1e", "0x10")) {
      // an empty number is not named after a colon (dynalite's recordings)
      assertValidation("The parameter cannot be converted to a numeric value" + (text.isEmpty() ? "" : ": " + text),
          () -> client.putItem(r -> r.tableName(table).item(item("pk", s("bad"), "n", n(text)))));
    }
    assertAbsent(table, item("pk", s("bad")));
  }

  @Test
  void numberKey_equalNumbersWrittenDifferently_addressOneItem() {
    String table = typedTable(ScalarAttributeType.N, null);
    client.putItem(r -> r.tableName(table).item(item("k", n("100"), "v", s("first"))));
    client.putItem(r -> r.tableName(table).item(item("k", n("1E+2"), "v", s("second"))));

    assertEquals("second", read(table, item("k", n("100.0"))).get("v").s());
  }

  @Test
  void updateItem_arithmeticBeyondTheMagnitudeRange_throwsValidation() {
    String table = createTable("pk", null);
    String max = "9.9999999999999999999999999999999999999E+125";
    client.putItem(r -> r.tableName(table).item(item("pk", s("max"), "n", n(max))));

    assertValidation("Attempting to store more than 38 significant digits in a Number",
        () -> client.updateItem(r -> r.tableName(table).key(item("pk", s("max")))
        .updateExpression("SET n = n + :max").expressionAttributeValues(item(":max", n(max)))));
    assertValidation("Attempting to store more than 38 significant digits in a Number",
        () -> client.updateItem(r -> r.tableName(table).key(item("pk", s("max")))
        .updateExpression("ADD n :max").expressionAttributeValues(item(":max", n(max)))));

    String stored = read(table, item("pk", s("max"))).get("n").n();
    assertEquals(0, new BigDecimal(max).compareTo(new BigDecimal(stored)));
  }

  // ---------------------------------------------------------------- key sizes

  @Test
  void partitionKey_2048BytesAccepted_2049Refused() {
    String table = createTable("pk", null);
    String longest = "p".repeat(2048);
    String tooLong = "p".repeat(2049);

    client.putItem(r -> r.tableName(table).item(item("pk", s(longest), "v", s("ok"))));
    assertValidation("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size "
        + "limit of2048 bytes",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s(tooLong)))));
    assertValidation("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size "
        + "limit of2048 bytes",
        () -> client.getItem(r -> r.tableName(table).key(item("pk", s(tooLong)))));

    assertEquals("ok", read(table, item("pk", s(longest))).get("v").s());
  }

  @Test
  void partitionKey_sizeIsCountedInUtf8Bytes() {
    String table = createTable("pk", null);
    String longest = E_ACUTE.repeat(1024);
    String tooLong = E_ACUTE.repeat(1025);

    client.putItem(r -> r.tableName(table).item(item("pk", s(longest))));
    assertValidation("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size "
        + "limit of2048 bytes",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s(tooLong)))));

    assertTrue(client.getItem(r -> r.tableName(table).key(item("pk", s(longest)))).hasItem());
  }

  @Test
  void sortKey_1024BytesAccepted_1025Refused() {
    String table = createTable("pk", "sk");
    String longest = E_ACUTE.repeat(512);
    String tooLong = E_ACUTE.repeat(512) + "x";

    client.putItem(r -> r.tableName(table).item(item("pk", s("p"), "sk", s(longest), "v", s("ok"))));
    assertValidation("One or more parameter values were invalid: Aggregated size of all range keys has exceeded the "
        + "size limit of 1024 bytes",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("p"), "sk", s(tooLong)))));

    assertEquals("ok", read(table, item("pk", s("p"), "sk", s(longest))).get("v").s());
  }

  @Test
  void binaryKeys_2048And1024BytesAccepted_oneMoreRefused() {
    String table = typedTable(ScalarAttributeType.B, ScalarAttributeType.B);

    client.putItem(r -> r.tableName(table).item(item("k", bytes(2048), "s", bytes(1024))));
    assertValidation("One or more parameter values were invalid: Size of hashkey has exceeded the maximum size "
        + "limit of2048 bytes",
        () -> client.putItem(r -> r.tableName(table).item(item("k", bytes(2049), "s", bytes(1)))));
    assertValidation("One or more parameter values were invalid: Aggregated size of all range keys has exceeded the "
        + "size limit of 1024 bytes",
        () -> client.putItem(r -> r.tableName(table).item(item("k", bytes(1), "s", bytes(1025)))));

    assertTrue(client.getItem(r -> r.tableName(table).key(item("k", bytes(2048), "s", bytes(1024)))).hasItem());
  }

  // ---------------------------------------------------------------- empty values

  @Test
  void emptyStringOrBinaryKey_isRefusedByEveryItemOperation() {
    String table = createTable("pk", null);
    Map<String, AttributeValue> emptyKey = item("pk", s(""));

    assertValidation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot "
        + "contain an empty string value. Key: pk",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s(""), "v", s("x")))));
    assertValidation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot "
        + "contain an empty string value. Key: pk",
        () -> client.getItem(r -> r.tableName(table).key(emptyKey)));
    assertValidation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot "
        + "contain an empty string value. Key: pk",
        () -> client.updateItem(r -> r.tableName(table).key(emptyKey)
        .updateExpression("SET v = :v").expressionAttributeValues(item(":v", s("x")))));
    assertValidation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot "
        + "contain an empty string value. Key: pk",
        () -> client.deleteItem(r -> r.tableName(table).key(emptyKey)));

    String binary = typedTable(ScalarAttributeType.B, null);
    assertValidation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot "
        + "contain an empty binary value. Key: k",
        () -> client.putItem(r -> r.tableName(binary).item(item("k", bytes(0)))));
  }

  @Test
  void emptySortKey_isRefused() {
    String table = createTable("pk", "sk");
    assertValidation("One or more parameter values are not valid. The AttributeValue for a key attribute cannot "
        + "contain an empty string value. Key: sk",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("p"), "sk", s("")))));
    assertAbsent(table, item("pk", s("p"), "sk", s("x")));
  }

  @Test
  void emptyNonKeyStringsAndBinaries_areStoredAndReadBack() {
    String table = createTable("pk", null);
    Map<String, AttributeValue> item = item(
        "pk", s("empties"),
        "str", s(""),
        "bin", bytes(0),
        "list", l(s(""), bytes(0)),
        "map", m("e", s("")),
        "strs", ss("", "a"),
        "bins", bs(new byte[0], new byte[] {1}));
    client.putItem(r -> r.tableName(table).item(item));

    assertItem(item, read(table, item("pk", s("empties"))));
  }

  @Test
  void indexKeyAttribute_emptyOrMistyped_isRefusedButMayBeAbsent() {
    String table = indexedTable();

    assertValidation("One or more parameter values are not valid. A value specified for a secondary index key is "
        + "not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName: "
        + "byGk, IndexKey: gk",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("a"), "gk", s("")))));
    assertValidation("One or more parameter values were invalid: Type mismatch for Index Key gk Expected: S Actual: "
        + "N IndexName: byGk",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("b"), "gk", n("1")))));
    assertValidation("One or more parameter values were invalid: Type mismatch for Index Key gk Expected: S Actual: "
        + "N IndexName: byGk",
        () -> client.updateItem(r -> r.tableName(table).key(item("pk", s("c")))
        .updateExpression("SET gk = :v").expressionAttributeValues(item(":v", n("1")))));
    assertAbsent(table, item("pk", s("a")));
    assertAbsent(table, item("pk", s("b")));
    assertAbsent(table, item("pk", s("c")));

    client.putItem(r -> r.tableName(table).item(item("pk", s("sparse"), "other", s("x"))));
    client.putItem(r -> r.tableName(table).item(item("pk", s("indexed"), "gk", s("g"))));
    assertEquals("x", read(table, item("pk", s("sparse"))).get("other").s());
    assertEquals("g", read(table, item("pk", s("indexed"))).get("gk").s());
  }

  // ---------------------------------------------------------------- key presence and types

  @Test
  void keyOfWrongType_isRefusedByEveryItemOperation() {
    String table = createTable("pk", null);
    Map<String, AttributeValue> numberKey = item("pk", n("1"));

    assertValidation("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N",
        () -> client.putItem(r -> r.tableName(table).item(numberKey)));
    assertValidation("The provided key element does not match the schema",
        () -> client.getItem(r -> r.tableName(table).key(numberKey)));
    assertValidation("The provided key element does not match the schema",
        () -> client.updateItem(r -> r.tableName(table).key(numberKey)
        .updateExpression("SET v = :v").expressionAttributeValues(item(":v", s("x")))));
    assertValidation("The provided key element does not match the schema",
        () -> client.deleteItem(r -> r.tableName(table).key(numberKey)));
    assertValidation("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: SS",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", ss("a")))));
    assertValidation("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: L",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", l(s("a"))))));
    assertValidation("One or more parameter values were invalid: Type mismatch for key pk expected: S actual: BOOL",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", bool(true)))));
  }

  @Test
  void missingKeyAttributes_areRefused() {
    String table = createTable("pk", "sk");

    assertValidation("One or more parameter values were invalid: Missing the key pk in the item",
        () -> client.putItem(r -> r.tableName(table).item(item("sk", s("s"), "v", s("x")))));
    assertValidation("One or more parameter values were invalid: Missing the key sk in the item",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("p"), "v", s("x")))));
    assertValidation("The provided key element does not match the schema",
        () -> client.getItem(r -> r.tableName(table).key(item("pk", s("p")))));
    assertValidation("The provided key element does not match the schema",
        () -> client.updateItem(r -> r.tableName(table).key(item("sk", s("s")))
        .updateExpression("SET v = :v").expressionAttributeValues(item(":v", s("x")))));
    assertValidation("The provided key element does not match the schema",
        () -> client.deleteItem(r -> r.tableName(table).key(item("pk", s("p")))));
    assertValidation("The provided key element does not match the schema",
        () -> client.deleteItem(r -> r.tableName(table)
        .key(item("pk", s("p"), "sk", s("s"), "v", s("x")))));
  }

  // ---------------------------------------------------------------- sets and malformed values

  @Test
  void emptySets_areRefused() {
    String table = createTable("pk", null);
    client.putItem(r -> r.tableName(table).item(item("pk", s("k"), "tags", ss("a"))));

    assertValidation("One or more parameter values were invalid: An string set  may not be empty",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("e1"), "x", ss()))));
    assertValidation("One or more parameter values were invalid: An number set  may not be empty",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("e2"), "x", ns()))));
    assertValidation("One or more parameter values were invalid: Binary sets should not be empty",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("e3"), "x", bs()))));
    assertValidation("One or more parameter values were invalid: An string set  may not be empty",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("e4"), "m", m("x", ss())))));
    // an expression value's error names its placeholder (dynalite's recordings)
    String emptyValue = "ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: "
        + "An string set  may not be empty for key :e";
    assertValidation(emptyValue,
        () -> client.updateItem(r -> r.tableName(table).key(item("pk", s("k")))
        .updateExpression("SET x = :e").expressionAttributeValues(item(":e", ss()))));
    assertValidation(emptyValue,
        () -> client.updateItem(r -> r.tableName(table).key(item("pk", s("k")))
        .updateExpression("ADD tags :e").expressionAttributeValues(item(":e", ss()))));
    assertValidation(emptyValue,
        () -> client.updateItem(r -> r.tableName(table).key(item("pk", s("k")))
        .updateExpression("DELETE tags :e").expressionAttributeValues(item(":e", ss()))));

    assertItem(item("pk", s("k"), "tags", ss("a")), read(table, item("pk", s("k"))));
    for (String key : List.of("e1", "e2", "e3", "e4")) {
      assertAbsent(table, item("pk", s(key)));
    }
  }

  @Test
  void duplicateSetElements_areRefused() {
    String table = createTable("pk", null);

    assertValidation("One or more parameter values were invalid: Input collection [a, a] contains duplicates.",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("d1"), "x", ss("a", "a")))));
    // as the dynalite project recorded it from DynamoDB: bare, unlike the other two sets
    assertValidation("Input collection contains duplicates",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("d2"), "x", ns("1", "1")))));
    assertValidation("One or more parameter values were invalid: Input collection [Bw==, Bw==]of type BS contains "
        + "duplicates.",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("d3"), "x",
        bs(new byte[] {7}, new byte[] {7})))));
    assertValidation("ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: "
        + "Input collection [b, b] contains duplicates. for key :d",
        () -> client.updateItem(r -> r.tableName(table).key(item("pk", s("d4")))
        .updateExpression("SET x = :d").expressionAttributeValues(item(":d", ss("b", "b")))));

    for (String key : List.of("d1", "d2", "d3", "d4")) {
      assertAbsent(table, item("pk", s(key)));
    }
  }

  @Test
  void malformedAttributeValues_areRefused() {
    String table = createTable("pk", null);

    assertValidation("One or more parameter values were invalid: Null attribute value types must have the value of "
        + "true",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("m1"), "x",
        AttributeValue.fromNul(false)))));
    assertValidation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("m2"), "x",
        AttributeValue.builder().build()))));
    assertValidation("Supplied AttributeValue has more than one datatypes set, must contain exactly one of the "
        + "supported datatypes",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("m3"), "x",
        AttributeValue.builder().s("a").n("1").build()))));

    for (String key : List.of("m1", "m2", "m3")) {
      assertAbsent(table, item("pk", s(key)));
    }
  }

  @Test
  void nesting_deepDocumentsUpToTheLimitAccepted_beyondRefused() {
    String table = createTable("pk", null);
    AttributeValue shallow = nested(20);
    AttributeValue tooDeep = nested(40);

    client.putItem(r -> r.tableName(table).item(item("pk", s("shallow"), "doc", shallow)));
    assertValidation("Nesting Levels have exceeded supported limits",
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("deep"), "doc", tooDeep))));

    assertItem(item("pk", s("shallow"), "doc", shallow), read(table, item("pk", s("shallow"))));
    assertAbsent(table, item("pk", s("deep")));
  }

  // ---------------------------------------------------------------- nesting, on every write path

  private static final String TOO_DEEP = "Nesting Levels have exceeded supported limits";

  @Test
  void putItem_32LevelsAccepted_33RefusedWithTheNestingMessage() {
    String table = createTable("pk", null);

    client.putItem(r -> r.tableName(table).item(item("pk", s("fits"), "doc", maps(32))));
    assertValidation(TOO_DEEP,
        () -> client.putItem(r -> r.tableName(table).item(item("pk", s("deep"), "doc", maps(33)))));

    assertItem(item("pk", s("fits"), "doc", maps(32)), read(table, item("pk", s("fits"))));
    assertAbsent(table, item("pk", s("deep")));
  }

  @Test
  void updateItem_setOfAMapMakingTheItem33LevelsDeep_refusedWithPutItemsMessageAndItemKept() {
    String table = createTable("pk", null);
    Map<String, AttributeValue> stored = item("pk", s("k"), "doc", maps(31));
    client.putItem(r -> r.tableName(table).item(stored));
    String inside = innermost(31) + ".x";

    assertValidation(TOO_DEEP, () -> client.updateItem(r -> r.tableName(table).key(item("pk", s("k")))
        .updateExpression("SET " + inside + " = :v").expressionAttributeValues(item(":v", maps(2)))));
    assertItem(stored, read(table, item("pk", s("k"))));

    client.updateItem(r -> r.tableName(table).key(item("pk", s("k")))
        .updateExpression("SET " + inside + " = :v").expressionAttributeValues(item(":v", maps(1))));
    assertItem(item("pk", s("k"), "doc", maps(31, "x")), read(table, item("pk", s("k"))));
  }

  @Test
  void updateItem_listAppendOrIfNotExistsMakingTheItem33LevelsDeep_refusedAndItemKept() {
    String table = createTable("pk", null);
    Map<String, AttributeValue> stored = item("pk", s("k"), "doc", maps(31));
    client.putItem(r -> r.tableName(table).item(stored));
    String inside = innermost(31) + ".x";

    // a list at level 32 holding a map at level 33
    assertValidation(TOO_DEEP, () -> client.updateItem(r -> r.tableName(table).key(item("pk", s("k")))
        .updateExpression("SET " + inside + " = list_append(:none, :one)")
        .expressionAttributeValues(item(":none", l(), ":one", l(maps(1))))));
    assertValidation(TOO_DEEP, () -> client.updateItem(r -> r.tableName(table).key(item("pk", s("k")))
        .updateExpression("SET " + inside + " = if_not_exists(" + inside + ", :v)")
        .expressionAttributeValues(item(":v", maps(2)))));

    assertItem(stored, read(table, item("pk", s("k"))));
  }

  @Test
  void batchWriteItem_put33LevelsDeep_refusedWithTheNestingMessage() {
    String table = createTable("pk", null);

    assertValidation(TOO_DEEP, () -> client.batchWriteItem(r -> r.requestItems(Map.of(table, List.of(
        WriteRequest.builder().putRequest(p -> p.item(item("pk", s("fits")))).build(),
        WriteRequest.builder().putRequest(p -> p.item(item("pk", s("deep"), "doc", maps(33)))).build())))));

    assertAbsent(table, item("pk", s("fits")));
    assertAbsent(table, item("pk", s("deep")));
  }

  @Test
  void transactWriteItems_put33LevelsDeep_refusedWithTheNestingMessage() {
    String table = createTable("pk", null);

    assertValidation(TOO_DEEP, () -> client.transactWriteItems(r -> r.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName(table).item(item("pk", s("fits")))).build(),
        TransactWriteItem.builder().put(p -> p.tableName(table).item(item("pk", s("deep"), "doc", maps(33)))).build())));

    assertAbsent(table, item("pk", s("fits")));
    assertAbsent(table, item("pk", s("deep")));
  }

  @Test
  void transactWriteItems_updateMakingTheItem33LevelsDeep_cancelledWithTheNestingMessageAndNothingWritten() {
    String table = createTable("pk", null);
    Map<String, AttributeValue> stored = item("pk", s("k"), "doc", maps(31));
    client.putItem(r -> r.tableName(table).item(stored));
    String inside = innermost(31) + ".x";

    TransactionCanceledException e = assertThrows(TransactionCanceledException.class,
        () -> client.transactWriteItems(r -> r.transactItems(
            TransactWriteItem.builder().put(p -> p.tableName(table).item(item("pk", s("other")))).build(),
            TransactWriteItem.builder().update(u -> u.tableName(table).key(item("pk", s("k")))
                .updateExpression("SET " + inside + " = :v").expressionAttributeValues(item(":v", maps(2)))).build())));

    assertEquals(List.of("None", "ValidationError"),
        e.cancellationReasons().stream().map(CancellationReason::code).toList());
    assertEquals(TOO_DEEP, e.cancellationReasons().get(1).message());
    assertItem(stored, read(table, item("pk", s("k"))));
    assertAbsent(table, item("pk", s("other")));
  }

  // ---------------------------------------------------------------- empty attribute names

  private static final String EMPTY_NAME = "Empty attribute name";
  private static final String EMPTY_PLACEHOLDER =
      "ExpressionAttributeNames contains invalid value: Empty attribute name for key #n";

  @Test
  void emptyAttributeName_inAnItem_isRefusedByEveryWrite() {
    String table = createTable("pk", null);
    Map<String, AttributeValue> unnamed = item("pk", s("k"), "", s("v"));

    assertValidation(EMPTY_NAME, () -> client.putItem(r -> r.tableName(table).item(unnamed)));
    assertValidation(EMPTY_NAME, () -> client.batchWriteItem(r -> r.requestItems(Map.of(table, List.of(
        WriteRequest.builder().putRequest(p -> p.item(unnamed)).build())))));
    assertValidation(EMPTY_NAME, () -> client.transactWriteItems(r -> r.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName(table).item(unnamed)).build())));

    assertAbsent(table, item("pk", s("k")));
  }

  @Test
  void emptyAttributeName_inAKey_isRefusedByEveryOperation() {
    String table = createTable("pk", null);
    Map<String, AttributeValue> stored = item("pk", s("k"), "v", s("kept"));
    client.putItem(r -> r.tableName(table).item(stored));
    Map<String, AttributeValue> unnamed = item("pk", s("k"), "", s("v"));

    assertValidation(EMPTY_NAME, () -> client.getItem(r -> r.tableName(table).key(unnamed)));
    assertValidation(EMPTY_NAME, () -> client.deleteItem(r -> r.tableName(table).key(unnamed)));
    assertValidation(EMPTY_NAME, () -> client.updateItem(r -> r.tableName(table).key(unnamed)
        .updateExpression("SET v = :v").expressionAttributeValues(item(":v", s("changed")))));
    assertValidation(EMPTY_NAME, () -> client.batchGetItem(r -> r.requestItems(Map.of(table,
        KeysAndAttributes.builder().keys(List.of(unnamed)).build()))));
    assertValidation(EMPTY_NAME, () -> client.batchWriteItem(r -> r.requestItems(Map.of(table, List.of(
        WriteRequest.builder().deleteRequest(d -> d.key(unnamed)).build())))));
    assertValidation(EMPTY_NAME, () -> client.transactGetItems(r -> r.transactItems(
        TransactGetItem.builder().get(g -> g.tableName(table).key(unnamed)).build())));
    assertValidation(EMPTY_NAME, () -> client.transactWriteItems(r -> r.transactItems(
        TransactWriteItem.builder().delete(d -> d.tableName(table).key(unnamed)).build())));

    assertItem(stored, read(table, item("pk", s("k"))));
  }

  @Test
  void emptyAttributeName_behindAPlaceholder_isRefusedByEveryExpression() {
    String table = createTable("pk", null);
    Map<String, AttributeValue> stored = item("pk", s("k"), "v", s("kept"));
    client.putItem(r -> r.tableName(table).item(stored));
    Map<String, String> names = Map.of("#n", "");

    assertValidation(EMPTY_PLACEHOLDER, () -> client.updateItem(r -> r.tableName(table).key(item("pk", s("k")))
        .updateExpression("SET #n = :v").expressionAttributeNames(names)
        .expressionAttributeValues(item(":v", s("changed")))));
    assertValidation(EMPTY_PLACEHOLDER, () -> client.updateItem(r -> r.tableName(table).key(item("pk", s("k")))
        .updateExpression("SET v.#n = :v").expressionAttributeNames(names)
        .expressionAttributeValues(item(":v", s("changed")))));
    assertValidation(EMPTY_PLACEHOLDER, () -> client.putItem(r -> r.tableName(table).item(item("pk", s("new")))
        .conditionExpression("attribute_not_exists(#n)").expressionAttributeNames(names)));
    assertValidation(EMPTY_PLACEHOLDER, () -> client.getItem(r -> r.tableName(table).key(item("pk", s("k")))
        .projectionExpression("#n").expressionAttributeNames(names)));
    assertValidation(EMPTY_PLACEHOLDER, () -> client.query(r -> r.tableName(table)
        .keyConditionExpression("pk = :k").filterExpression("attribute_exists(#n)")
        .expressionAttributeNames(names).expressionAttributeValues(item(":k", s("k")))));
    assertValidation(EMPTY_PLACEHOLDER, () -> client.scan(r -> r.tableName(table)
        .projectionExpression("#n").expressionAttributeNames(names)));

    assertItem(stored, read(table, item("pk", s("k"))));
    assertAbsent(table, item("pk", s("new")));
  }

  // ---------------------------------------------------------------- helpers

  /** {@code levels} maps, each the only value of the one around it under the name "n", the innermost empty. */
  private static AttributeValue maps(int levels) {
    AttributeValue value = AttributeValue.fromM(Map.of());
    for (int i = 1; i < levels; i++) {
      value = m("n", value);
    }
    return value;
  }

  /** {@link #maps(int)}, its innermost map holding an empty map under {@code name}. */
  private static AttributeValue maps(int levels, String name) {
    AttributeValue value = m(name, AttributeValue.fromM(Map.of()));
    for (int i = 1; i < levels; i++) {
      value = m("n", value);
    }
    return value;
  }

  /** The path to the innermost map of {@code maps(levels)} held in the attribute "doc". */
  private static String innermost(int levels) {
    return "doc" + ".n".repeat(levels - 1);
  }

  private static AttributeValue nested(int depth) {
    AttributeValue value = s("bottom");
    for (int i = 0; i < depth; i++) {
      value = i % 2 == 0 ? m("m", value) : l(value);
    }
    return value;
  }

  private String typedTable(ScalarAttributeType partition, ScalarAttributeType sort) {
    String name = uniqueName("limits");
    List<KeySchemaElement> keys = new ArrayList<>();
    List<AttributeDefinition> definitions = new ArrayList<>();
    keys.add(KeySchemaElement.builder().attributeName("k").keyType(KeyType.HASH).build());
    definitions.add(AttributeDefinition.builder().attributeName("k").attributeType(partition).build());
    if (sort != null) {
      keys.add(KeySchemaElement.builder().attributeName("s").keyType(KeyType.RANGE).build());
      definitions.add(AttributeDefinition.builder().attributeName("s").attributeType(sort).build());
    }
    client.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(keys).attributeDefinitions(definitions));
    return name;
  }

  private String indexedTable() {
    String name = uniqueName("limits-gsi");
    client.createTable(r -> r.tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
        .attributeDefinitions(
            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
            AttributeDefinition.builder().attributeName("gk").attributeType(ScalarAttributeType.S).build())
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
            .indexName("byGk")
            .keySchema(KeySchemaElement.builder().attributeName("gk").keyType(KeyType.HASH).build())
            .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
            .build()));
    return name;
  }

  private Map<String, AttributeValue> read(String table, Map<String, AttributeValue> key) {
    GetItemResponse got = client.getItem(r -> r.tableName(table).key(key));
    assertTrue(got.hasItem(), "item exists");
    return got.item();
  }

  private void assertAbsent(String table, Map<String, AttributeValue> key) {
    assertFalse(client.getItem(r -> r.tableName(table).key(key)).hasItem(), "nothing was stored");
  }

  private static AttributeValue bytes(int length) {
    byte[] raw = new byte[length];
    for (int i = 0; i < length; i++) {
      raw[i] = (byte) i;
    }
    return AttributeValue.fromB(SdkBytes.fromByteArray(raw));
  }
}
