package dev.monotable.local.conformance;

import static dev.monotable.local.conformance.Values.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * UpdateItem with update expressions: SET (with +, -, list_append, if_not_exists, nested document
 * paths), REMOVE, ADD, DELETE, the validation of paths and placeholders, upserts and ReturnValues.
 */
class UpdateItemTest extends EngineTest {

  // ---------------------------------------------------------------- SET

  @Test
  void updateItem_setNewAndExistingAttributes_storesNewValues() {
    String table = table();
    put(table, item("pk", s("k"), "a", s("old"), "keep", n("1")));

    update(table, "k", "SET a = :a, b = :b", null, values(":a", s("new"), ":b", l(s("x"))));

    assertItem(item("pk", s("k"), "a", s("new"), "b", l(s("x")), "keep", n("1")), get(table, "k"));
  }

  @Test
  void updateItem_setChangesAttributeType_replacesValue() {
    String table = table();
    put(table, item("pk", s("k"), "a", s("text")));

    update(table, "k", "SET a = :m", null, values(":m", m("now", s("a map"))));

    assertItem(item("pk", s("k"), "a", m("now", s("a map"))), get(table, "k"));
  }

  @Test
  void updateItem_setPlusAndMinus_usesDecimalArithmeticOnPreUpdateValues() {
    String table = table();
    put(table, item("pk", s("k"), "n", n("10"), "f", n("0.1")));

    // Every action reads the item as it was before the update, so "m" is computed from n = 10.
    update(table, "k", "SET n = n + :five, m = n - :three, f = f + :fifth", null,
        values(":five", n("5"), ":three", n("3"), ":fifth", n("0.2")));

    Map<String, AttributeValue> got = get(table, "k");
    assertEquals("15", got.get("n").n());
    assertEquals("7", got.get("m").n());
    assertEquals("0.3", got.get("f").n());
  }

  @Test
  void updateItem_setArithmeticOfTwoValues_storesResult() {
    String table = table();
    put(table, item("pk", s("k")));

    update(table, "k", "SET summed = :a + :b, diff = :b - :c", null,
        values(":a", n("2"), ":b", n("3"), ":c", n("5.5")));

    Map<String, AttributeValue> got = get(table, "k");
    assertEquals("5", got.get("summed").n());
    assertEquals("-2.5", got.get("diff").n());
  }

  @Test
  void updateItem_setArithmeticOnMissingAttribute_throwsValidationAndKeepsItem() {
    String table = table();
    put(table, item("pk", s("k"), "a", n("1")));

    assertValidation("The provided expression refers to an attribute that does not exist in the item",
        () -> update(table, "k", "SET a = absent + :one", null, values(":one", n("1"))));

    assertItem(item("pk", s("k"), "a", n("1")), get(table, "k"));
  }

  @Test
  void updateItem_setArithmeticOnNonNumber_throwsValidation() {
    String table = table();
    put(table, item("pk", s("k"), "str", s("1")));

    assertValidation("An operand in the update expression has an incorrect data type",
        () -> update(table, "k", "SET str = str + :one", null, values(":one", n("1"))));
    assertValidation("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or "
        + "function: -, operand type: S",
        () -> update(table, "k", "SET x = :s - :one", null, values(":s", s("2"), ":one", n("1"))));

    assertItem(item("pk", s("k"), "str", s("1")), get(table, "k"));
  }

  @Test
  void updateItem_listAppend_appendsAtEndOrStartByOperandOrder() {
    String table = table();
    put(table, item("pk", s("k"), "tools", l(s("hammer"))));

    update(table, "k", "SET tools = list_append(tools, :more)", null, values(":more", l(s("nails"), s("saw"))));
    update(table, "k", "SET tools = list_append(:first, tools)", null, values(":first", l(s("chisel"))));

    assertValue(l(s("chisel"), s("hammer"), s("nails"), s("saw")), get(table, "k").get("tools"));
  }

  @Test
  void updateItem_listAppendWithIfNotExists_createsMissingListThenAppends() {
    String table = table();
    put(table, item("pk", s("k")));
    String expression = "SET events = list_append(if_not_exists(events, :empty), :event)";

    update(table, "k", expression, null, values(":empty", l(), ":event", l(s("created"))));
    update(table, "k", expression, null, values(":empty", l(), ":event", l(s("paid"))));

    assertValue(l(s("created"), s("paid")), get(table, "k").get("events"));
  }

  @Test
  void updateItem_listAppendOnNonList_throwsValidation() {
    String table = table();
    put(table, item("pk", s("k"), "str", s("text")));

    assertValidation("An operand in the update expression has an incorrect data type",
        () -> update(table, "k", "SET str = list_append(str, :l)", null, values(":l", l(s("x")))));
    assertValidation("Invalid UpdateExpression: Incorrect operand type for operator or function; operator or "
        + "function: list_append, operand type: S",
        () -> update(table, "k", "SET x = list_append(:l, :s)", null,
        values(":l", l(s("x")), ":s", s("y"))));
  }

  @Test
  void updateItem_ifNotExists_keepsExistingValueAndFillsMissingOne() {
    String table = table();
    put(table, item("pk", s("k"), "price", n("52")));

    update(table, "k", "SET price = if_not_exists(price, :p), stock = if_not_exists(stock, :s)", null,
        values(":p", n("100"), ":s", n("5")));

    Map<String, AttributeValue> got = get(table, "k");
    assertEquals("52", got.get("price").n());
    assertEquals("5", got.get("stock").n());
  }

  @Test
  void updateItem_ifNotExistsPlusValue_countsFromDefault() {
    String table = table();
    put(table, item("pk", s("k")));
    String expression = "SET hits = if_not_exists(hits, :zero) + :one";

    update(table, "k", expression, null, values(":zero", n("0"), ":one", n("1")));
    update(table, "k", expression, null, values(":zero", n("0"), ":one", n("1")));

    assertEquals("2", get(table, "k").get("hits").n());
  }

  @Test
  void updateItem_functionNameInWrongCase_throwsValidation() {
    String table = table();
    put(table, item("pk", s("k"), "l", l()));

    assertValidation("Invalid UpdateExpression: Invalid function name; function: LIST_APPEND",
        () -> update(table, "k", "SET l = LIST_APPEND(l, :v)", null, values(":v", l(s("x")))));
    assertValidation("Invalid UpdateExpression: Invalid function name; function: If_Not_Exists",
        () -> update(table, "k", "SET a = If_Not_Exists(a, :v)", null, values(":v", s("x"))));
  }

  @Test
  void updateItem_nestedPathIntoListOfMaps_setsOnlyThatElement() {
    String table = table();
    put(table, item("pk", s("k"), "a", m("b", l(m("c", n("0")), m("c", n("1")), m("c", n("2"), "d", s("kept"))))));

    update(table, "k", "SET a.b[2].c = :v", null, values(":v", s("changed")));

    assertValue(m("b", l(m("c", n("0")), m("c", n("1")), m("c", s("changed"), "d", s("kept")))),
        get(table, "k").get("a"));
  }

  @Test
  void updateItem_setNewKeyInExistingMap_addsNestedAttribute() {
    String table = table();
    put(table, item("pk", s("k"), "reviews", m("five", l(s("great")))));

    update(table, "k", "SET #r.#three = :three, #r.#five[1] = :five", names("#r", "reviews", "#three", "ThreeStar",
        "#five", "five"), values(":three", l(s("ok")), ":five", s("superb")));

    assertItem(item("five", l(s("great"), s("superb")), "ThreeStar", l(s("ok"))), get(table, "k").get("reviews").m());
  }

  @Test
  void updateItem_setListElement_replacesElementInPlace() {
    String table = table();
    put(table, item("pk", s("k"), "l", l(s("a"), s("b"), s("c"))));

    update(table, "k", "SET l[0] = :x, l[2] = :z", null, values(":x", s("x"), ":z", s("z")));

    assertValue(l(s("x"), s("b"), s("z")), get(table, "k").get("l"));
  }

  @Test
  void updateItem_setListIndexPastTheEnd_appendsAtTheEnd() {
    String table = table();
    put(table, item("pk", s("k"), "l", l(s("a"), s("b"))));

    update(table, "k", "SET l[10] = :c", null, values(":c", s("c")));

    assertValue(l(s("a"), s("b"), s("c")), get(table, "k").get("l"));
  }

  @Test
  void updateItem_setUnderMissingParent_throwsValidation() {
    String table = table();
    put(table, item("pk", s("k"), "m", m()));

    assertValidation("The document path provided in the update expression is invalid for update",
        () -> update(table, "k", "SET nothing.child = :v", null, values(":v", s("x"))));
    assertValidation("The document path provided in the update expression is invalid for update",
        () -> update(table, "k", "SET m.absent.child = :v", null, values(":v", s("x"))));
    assertItem(item("pk", s("k"), "m", m()), get(table, "k"));
  }

  @Test
  void updateItem_indexIntoNonList_throwsValidation() {
    String table = table();
    put(table, item("pk", s("k"), "str", s("text"), "m", m("x", n("1"))));

    assertValidation("The document path provided in the update expression is invalid for update",
        () -> update(table, "k", "SET str[0] = :v", null, values(":v", s("x"))));
    assertValidation("The document path provided in the update expression is invalid for update",
        () -> update(table, "k", "SET m[0] = :v", null, values(":v", s("x"))));
  }

  // ---------------------------------------------------------------- REMOVE

  @Test
  void updateItem_removeTopLevelNestedAndMissing_removesWhatExists() {
    String table = table();
    put(table, item("pk", s("k"), "a", s("1"), "b", s("2"), "m", m("x", n("1"), "y", n("2"))));

    update(table, "k", "REMOVE a, m.x, notThere", null, null);

    assertItem(item("pk", s("k"), "b", s("2"), "m", m("y", n("2"))), get(table, "k"));
  }

  @Test
  void updateItem_removeListElements_shiftsTheRemainingElements() {
    String table = table();
    put(table, item("pk", s("k"), "parts", l(s("chisel"), s("hammer"), s("nails"), s("screwdriver"), s("hacksaw"))));

    update(table, "k", "REMOVE parts[1], parts[2]", null, null);

    assertValue(l(s("chisel"), s("screwdriver"), s("hacksaw")), get(table, "k").get("parts"));
  }

  // ---------------------------------------------------------------- ADD

  @Test
  void updateItem_addNumber_addsAndSubtracts() {
    String table = table();
    put(table, item("pk", s("k"), "qty", n("5")));

    update(table, "k", "ADD qty :three", null, values(":three", n("3")));
    assertEquals("8", get(table, "k").get("qty").n());

    update(table, "k", "ADD qty :minus", null, values(":minus", n("-10.5")));
    assertEquals("-2.5", get(table, "k").get("qty").n());
  }

  @Test
  void updateItem_addToMissingAttribute_startsFromZero() {
    String table = table();
    put(table, item("pk", s("k")));

    update(table, "k", "ADD itemcount :three", null, values(":three", n("3")));

    assertEquals("3", get(table, "k").get("itemcount").n());
  }

  @Test
  void updateItem_addOnMissingItem_createsItemWithValue() {
    String table = table();

    update(table, "fresh", "ADD clicks :one", null, values(":one", n("1")));

    assertItem(item("pk", s("fresh"), "clicks", n("1")), get(table, "fresh"));
  }

  @Test
  void updateItem_addToSets_formsTheUnion() {
    String table = table();
    put(table, item("pk", s("k"), "colors", ss("orange", "purple"), "nums", ns("1", "2"), "bins", bs(new byte[] {1})));

    update(table, "k", "ADD colors :c, nums :n, bins :b, fresh :f", null, values(
        ":c", ss("purple", "yellow"),
        ":n", ns("3"),
        ":b", bs(new byte[] {1}, new byte[] {2}),
        ":f", ss("new")));

    Map<String, AttributeValue> got = get(table, "k");
    assertItem(item(
            "pk", s("k"),
            "colors", ss("orange", "purple", "yellow"),
            "nums", ns("1", "2", "3"),
            "bins", bs(new byte[] {1}, new byte[] {2}),
            "fresh", ss("new")),
        got);
  }

  @Test
  void updateItem_addSetOfOtherType_throwsValidation() {
    String table = table();
    put(table, item("pk", s("k"), "colors", ss("red")));

    assertValidation("An operand in the update expression has an incorrect data type",
        () -> update(table, "k", "ADD colors :n", null, values(":n", ns("1"))));
    assertItem(item("pk", s("k"), "colors", ss("red")), get(table, "k"));
  }

  @Test
  void updateItem_addToNonNumberNonSet_throwsValidation() {
    String table = table();
    put(table, item("pk", s("k"), "str", s("text"), "seq", l(s("a"))));

    assertValidation("An operand in the update expression has an incorrect data type",
        () -> update(table, "k", "ADD str :one", null, values(":one", n("1"))));
    assertValidation("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, "
        + "operand type: LIST",
        () -> update(table, "k", "ADD seq :l", null, values(":l", l(s("b")))));
    assertValidation("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, "
        + "operand type: STRING",
        () -> update(table, "k", "ADD fresh :s", null, values(":s", s("text"))));
  }

  // ---------------------------------------------------------------- DELETE

  @Test
  void updateItem_deleteFromSets_subtractsElements() {
    String table = table();
    put(table, item("pk", s("k"), "letters", ss("a", "b", "c"), "nums", ns("1", "2", "3")));

    update(table, "k", "DELETE letters :ac, nums :two", null, values(":ac", ss("a", "c"), ":two", ns("2", "9")));

    Map<String, AttributeValue> got = get(table, "k");
    assertItem(item("pk", s("k"), "letters", ss("b"), "nums", ns("1", "3")), got);
  }

  @Test
  void updateItem_deleteEveryElement_removesTheAttribute() {
    String table = table();
    put(table, item("pk", s("k"), "tags", ss("only"), "extra", s("x")));

    update(table, "k", "DELETE tags :t", null, values(":t", ss("only")));

    assertItem(item("pk", s("k"), "extra", s("x")), get(table, "k"));
  }

  @Test
  void updateItem_deleteFromMissingAttribute_changesNothing() {
    String table = table();
    put(table, item("pk", s("k"), "extra", s("x")));

    update(table, "k", "DELETE tags :t", null, values(":t", ss("a")));

    assertItem(item("pk", s("k"), "extra", s("x")), get(table, "k"));
  }

  @Test
  void updateItem_deleteWithNonSetOperand_throwsValidation() {
    String table = table();
    put(table, item("pk", s("k"), "seq", l(s("a"))));

    assertValidation("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, "
        + "operand type: LIST",
        () -> update(table, "k", "DELETE seq :l", null, values(":l", l(s("a")))));
    assertValidation("Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, "
        + "operand type: STRING",
        () -> update(table, "k", "DELETE seq :s", null, values(":s", s("a"))));
  }

  // ---------------------------------------------------------------- clauses together and their errors

  @Test
  void updateItem_allFourClauses_applyTogether() {
    String table = table();
    put(table, item("pk", s("k"), "gone", s("x"), "visits", n("1"), "tags", ss("a", "b")));

    update(table, "k", "SET added = :v REMOVE gone ADD visits :one DELETE tags :a", null,
        values(":v", s("v"), ":one", n("1"), ":a", ss("a")));

    assertItem(item("pk", s("k"), "added", s("v"), "visits", n("2"), "tags", ss("b")), get(table, "k"));
  }

  @Test
  void updateItem_clausesInAnyOrderAndLowerCaseKeywords_areAccepted() {
    String table = table();
    put(table, item("pk", s("k"), "gone", s("x")));

    update(table, "k", "remove gone set added = :v", null, values(":v", s("v")));

    assertItem(item("pk", s("k"), "added", s("v")), get(table, "k"));
  }

  @Test
  void updateItem_sameClauseTwice_throwsValidation() {
    String table = table();
    put(table, item("pk", s("k")));

    assertValidation("Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;",
        () -> update(table, "k", "SET a = :a SET b = :b", null, values(":a", s("a"), ":b", s("b"))));
    assertItem(item("pk", s("k")), get(table, "k"));
  }

  @Test
  void updateItem_overlappingOrConflictingPaths_throwValidationAndChangeNothing() {
    String table = table();
    Map<String, AttributeValue> original = item("pk", s("k"), "a", s("1"), "m", m("x", s("1")), "l", l(s("0")),
        "n", n("1"));
    put(table, original);

    assertValidation("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite "
        + "one of these paths; path one: [a], path two: [a]",
        () -> update(table, "k", "SET a = :v REMOVE a", null, values(":v", s("2"))));
    assertValidation("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite "
        + "one of these paths; path one: [a], path two: [a]",
        () -> update(table, "k", "SET a = :v, a = :w", null, values(":v", s("2"), ":w", s("3"))));
    assertValidation("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite "
        + "one of these paths; path one: [m, x], path two: [m]",
        () -> update(table, "k", "SET m.x = :v, m = :w", null, values(":v", s("2"), ":w", m())));
    assertValidation("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite "
        + "one of these paths; path one: [m], path two: [m, x]",
        () -> update(table, "k", "REMOVE m SET m.x = :v", null, values(":v", s("2"))));
    assertValidation("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite "
        + "one of these paths; path one: [l, [0]], path two: [l, [0]]",
        () -> update(table, "k", "SET l[0] = :v REMOVE l[0]", null, values(":v", s("2"))));
    assertValidation("Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite "
        + "one of these paths; path one: [n], path two: [n]",
        () -> update(table, "k", "SET n = :v ADD n :one", null, values(":v", n("5"), ":one", n("1"))));

    assertItem(original, get(table, "k"));
  }

  @Test
  void updateItem_distinctSiblingPaths_doNotConflict() {
    String table = table();
    put(table, item("pk", s("k"), "m", m("x", s("1"), "y", s("1")), "l", l(s("0"), s("1"))));

    update(table, "k", "SET m.x = :v, l[0] = :v REMOVE m.y, l[1]", null, values(":v", s("2")));

    assertItem(item("pk", s("k"), "m", m("x", s("2")), "l", l(s("2"))), get(table, "k"));
  }

  @Test
  void updateItem_keyAttributes_throwValidationAndKeepItem() {
    String table = createTable("pk", "sk");
    Map<String, AttributeValue> key = item("pk", s("p"), "sk", s("s"));
    Map<String, AttributeValue> original = item("pk", s("p"), "sk", s("s"), "v", n("1"));
    client.putItem(r -> r.tableName(table).item(original));

    for (String expression : List.of("SET pk = :v", "SET sk = :v", "REMOVE sk", "SET pk = :v, extra = :v")) {
      String attribute = expression.contains("pk") ? "pk" : "sk";
      assertValidation("One or more parameter values were invalid: Cannot update attribute " + attribute
          + ". This attribute is part of the key", () -> client.updateItem(r -> {
        r.tableName(table).key(key).updateExpression(expression);
        if (expression.contains(":v")) {
          r.expressionAttributeValues(values(":v", s("changed")));
        }
      }));
    }

    assertItem(original, client.getItem(r -> r.tableName(table).key(key)).item());
  }

  @Test
  void updateItem_keyAttributeThroughNamePlaceholder_throwsValidation() {
    String table = table();
    put(table, item("pk", s("k"), "v", n("1")));

    assertValidation("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part "
        + "of the key",
        () -> update(table, "k", "SET #key = :v", names("#key", "pk"), values(":v", s("other"))));
    assertValidation("One or more parameter values were invalid: Cannot update attribute pk. This attribute is part "
        + "of the key",
        () -> update(table, "k", "REMOVE #key", names("#key", "pk"), null));

    assertItem(item("pk", s("k"), "v", n("1")), get(table, "k"));
  }

  @Test
  void updateItem_namePlaceholderWithDots_addressesOneTopLevelAttribute() {
    String table = table();
    put(table, item("pk", s("k"), "a", m("b", s("nested"))));

    update(table, "k", "SET #dotted = :v", names("#dotted", "a.b"), values(":v", s("top level")));

    assertItem(item("pk", s("k"), "a", m("b", s("nested")), "a.b", s("top level")), get(table, "k"));
  }

  @Test
  void updateItem_unusedValuePlaceholder_throwsValidation() {
    String table = table();
    put(table, item("pk", s("k")));

    assertValidation("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}",
        () -> update(table, "k", "SET a = :a", null, values(":a", s("a"), ":unused", s("u"))));
    assertItem(item("pk", s("k")), get(table, "k"));
  }

  @Test
  void updateItem_undefinedValuePlaceholder_throwsValidation() {
    String table = table();
    put(table, item("pk", s("k")));

    assertValidation("Invalid UpdateExpression: An expression attribute value used in expression is not defined; "
        + "attribute value: :missing",
        () -> update(table, "k", "SET a = :missing", null, values(":a", s("a"))));
    assertValidation("Invalid UpdateExpression: An expression attribute value used in expression is not defined; "
        + "attribute value: :missing",
        () -> update(table, "k", "SET a = :missing", null, null));
  }

  @Test
  void updateItem_unusedOrUndefinedNamePlaceholder_throwsValidation() {
    String table = table();
    put(table, item("pk", s("k")));

    assertValidation("Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}",
        () -> update(table, "k", "SET a = :a", names("#unused", "b"), values(":a", s("a"))));
    assertValidation("Invalid UpdateExpression: An expression attribute name used in the document path is not "
        + "defined; attribute name: #undefined",
        () -> update(table, "k", "SET #undefined = :a", null, values(":a", s("a"))));
    assertItem(item("pk", s("k")), get(table, "k"));
  }

  @Test
  void updateItem_reservedWordWithoutNamePlaceholder_throwsValidationButPlaceholderWorks() {
    String table = table();
    put(table, item("pk", s("k")));

    assertValidation("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: name",
        () -> update(table, "k", "SET name = :v", null, values(":v", s("x"))));
    assertValidation("Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: status",
        () -> update(table, "k", "SET status = :v", null, values(":v", s("x"))));

    update(table, "k", "SET #n = :v, #s = :v", names("#n", "name", "#s", "status"), values(":v", s("x")));
    assertItem(item("pk", s("k"), "name", s("x"), "status", s("x")), get(table, "k"));
  }

  @Test
  void updateItem_syntaxError_throwsValidation() {
    String table = table();
    put(table, item("pk", s("k")));

    assertValidation("Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"=\"",
        () -> update(table, "k", "SET a = ", null, null));
    assertValidation("Invalid UpdateExpression: Syntax error; token: \":v\", near: \"a :v\"",
        () -> update(table, "k", "SET a :v", null, values(":v", s("x"))));
    assertValidation("Invalid UpdateExpression: Syntax error; token: \"UPSERT\", near: \"UPSERT a\"",
        () -> update(table, "k", "UPSERT a = :v", null, values(":v", s("x"))));
    assertValidation("Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"REMOVE\"",
        () -> update(table, "k", "REMOVE", null, null));
  }

  // ---------------------------------------------------------------- upserts

  @Test
  void updateItem_missingItem_createsItemWithKeyAndSetAttributes() {
    String table = table();

    update(table, "new", "SET a = :a, m = :m", null, values(":a", s("A"), ":m", m("x", n("1"))));

    assertItem(item("pk", s("new"), "a", s("A"), "m", m("x", n("1"))), get(table, "new"));
  }

  @Test
  void updateItem_missingItemOnCompositeKey_createsItemWithBothKeys() {
    String table = createTable("pk", "sk");
    Map<String, AttributeValue> key = item("pk", s("p"), "sk", s("s"));

    client.updateItem(r -> r.tableName(table).key(key).updateExpression("SET v = :v")
        .expressionAttributeValues(values(":v", n("1"))));

    assertItem(item("pk", s("p"), "sk", s("s"), "v", n("1")), client.getItem(r -> r.tableName(table).key(key)).item());
  }

  @Test
  void updateItem_missingItemWithoutUpdateExpression_createsKeyOnlyItem() {
    String table = table();

    client.updateItem(r -> r.tableName(table).key(item("pk", s("bare"))));

    assertItem(item("pk", s("bare")), get(table, "bare"));
  }

  @Test
  void updateItem_failedConditionOnMissingItem_createsNothing() {
    String table = table();

    assertThrows(ConditionalCheckFailedException.class, () -> client.updateItem(r -> r.tableName(table)
        .key(item("pk", s("ghost")))
        .updateExpression("SET a = :a")
        .conditionExpression("attribute_exists(pk)")
        .expressionAttributeValues(values(":a", s("a")))));

    assertFalse(client.getItem(r -> r.tableName(table).key(item("pk", s("ghost")))).hasItem());
  }

  // ---------------------------------------------------------------- ReturnValues

  private static final Map<String, AttributeValue> BEFORE =
      item("pk", s("rv"), "a", n("1"), "b", n("2"), "c", n("3"));
  private static final String CHANGE = "SET a = :ten, d = :four REMOVE b";

  @Test
  void updateItem_returnValuesNone_returnsNoAttributes() {
    assertFalse(updateReturning(ReturnValue.NONE).hasAttributes());
  }

  @Test
  void updateItem_returnValuesAllOld_returnsTheWholeItemBefore() {
    assertItem(BEFORE, updateReturning(ReturnValue.ALL_OLD).attributes());
  }

  @Test
  void updateItem_returnValuesUpdatedOld_returnsOnlyChangedAttributesBefore() {
    // "d" did not exist before, so it has no old value; "b" was removed and is returned as it was.
    assertItem(item("a", n("1"), "b", n("2")), updateReturning(ReturnValue.UPDATED_OLD).attributes());
  }

  @Test
  void updateItem_returnValuesAllNew_returnsTheWholeItemAfter() {
    assertItem(item("pk", s("rv"), "a", n("10"), "c", n("3"), "d", n("4")),
        updateReturning(ReturnValue.ALL_NEW).attributes());
  }

  @Test
  void updateItem_returnValuesUpdatedNew_returnsOnlyChangedAttributesAfter() {
    assertItem(item("a", n("10"), "d", n("4")), updateReturning(ReturnValue.UPDATED_NEW).attributes());
  }

  @Test
  void updateItem_returnValuesOnNewItem_oldValuesAreEmptyAndNewValuesPresent() {
    String table = table();
    String expression = "SET a = :a";
    Map<String, AttributeValue> values = values(":a", s("A"));

    UpdateItemResponse allOld = update(table, "n1", expression, null, values, ReturnValue.ALL_OLD);
    UpdateItemResponse updatedOld = update(table, "n2", expression, null, values, ReturnValue.UPDATED_OLD);
    UpdateItemResponse allNew = update(table, "n3", expression, null, values, ReturnValue.ALL_NEW);
    UpdateItemResponse updatedNew = update(table, "n4", expression, null, values, ReturnValue.UPDATED_NEW);

    assertFalse(allOld.hasAttributes());
    assertFalse(updatedOld.hasAttributes());
    assertItem(item("pk", s("n3"), "a", s("A")), allNew.attributes());
    assertItem(item("a", s("A")), updatedNew.attributes());
  }

  @Test
  void updateItem_returnValuesUpdatedNewWithAdd_returnsTheSum() {
    String table = table();
    put(table, item("pk", s("k"), "visits", n("41"), "extra", s("x")));

    UpdateItemResponse response = update(table, "k", "ADD visits :one", null, values(":one", n("1")),
        ReturnValue.UPDATED_NEW);

    assertItem(item("visits", n("42")), response.attributes());
  }

  // UPDATED_OLD and UPDATED_NEW return "only the updated attributes" (API Reference, UpdateItem,
  // ReturnValues): a nested path comes back as the maps and lists leading to it, holding only
  // the part the update wrote, never the rest of its top-level attribute.

  private static final Map<String, AttributeValue> NESTED = item("pk", s("k"),
      "a", m("b", n("1"), "c", n("2"), "tags", ss("x", "y")),
      "l", l(s("l0"), s("l1"), s("l2")),
      "other", s("untouched"));

  @Test
  void updateItem_updatedOldAndNewOfNestedSet_returnOnlyTheNestedPath() {
    Map<String, Map<String, AttributeValue>> returned = updatedOldAndNew("SET a.b = :v", values(":v", n("10")));

    assertItem(item("a", m("b", n("1"))), returned.get("old"));
    assertItem(item("a", m("b", n("10"))), returned.get("new"));
  }

  @Test
  void updateItem_updatedOldAndNewOfListElement_returnOnlyThatElement() {
    Map<String, Map<String, AttributeValue>> returned = updatedOldAndNew("SET l[1] = :v", values(":v", s("new")));

    assertItem(item("l", l(s("l1"))), returned.get("old"));
    assertItem(item("l", l(s("new"))), returned.get("new"));
  }

  @Test
  void updateItem_updatedOldAndNewOfNestedAddToNewPath_omitOldValue() {
    Map<String, Map<String, AttributeValue>> returned = updatedOldAndNew("ADD a.visits :one", values(":one", n("1")));

    // a.visits did not exist before the update: there is no old value to return
    assertTrue(returned.get("old").isEmpty(), "UPDATED_OLD: " + returned.get("old"));
    assertItem(item("a", m("visits", n("1"))), returned.get("new"));
  }

  @Test
  void updateItem_updatedOldAndNewOfNestedDelete_returnTheSetBeforeAndAfter() {
    Map<String, Map<String, AttributeValue>> returned = updatedOldAndNew("DELETE a.tags :x", values(":x", ss("x")));

    assertItem(item("a", m("tags", ss("x", "y"))), returned.get("old"));
    assertItem(item("a", m("tags", ss("y"))), returned.get("new"));
  }

  @Test
  void updateItem_updatedOldAndNewOfNestedRemove_returnOldValueAndOmitRemovedPath() {
    Map<String, Map<String, AttributeValue>> returned = updatedOldAndNew("REMOVE a.c, l[0] SET a.b = :v",
        values(":v", n("10")));

    assertItem(item("a", m("b", n("1"), "c", n("2")), "l", l(s("l0"))), returned.get("old"));
    // l[0] now holds what was l[1]; the removed paths are not part of the new values
    assertItem(item("a", m("b", n("10"))), returned.get("new"));
  }

  /** Runs the same update on two copies of NESTED, once with UPDATED_OLD and once with UPDATED_NEW. */
  private Map<String, Map<String, AttributeValue>> updatedOldAndNew(String expression,
      Map<String, AttributeValue> values) {
    String table = table();
    put(table, NESTED);
    UpdateItemResponse old = update(table, "k", expression, null, values, ReturnValue.UPDATED_OLD);
    Map<String, AttributeValue> afterFirst = get(table, "k");
    put(table, NESTED);
    UpdateItemResponse updated = update(table, "k", expression, null, values, ReturnValue.UPDATED_NEW);
    assertItem(afterFirst, get(table, "k"));
    return Map.of("old", old.attributes(), "new", updated.attributes());
  }

  // ---------------------------------------------------------------- helpers

  private UpdateItemResponse updateReturning(ReturnValue returnValue) {
    String table = table();
    put(table, BEFORE);
    UpdateItemResponse response = update(table, "rv", CHANGE, null, values(":ten", n("10"), ":four", n("4")),
        returnValue);
    assertItem(item("pk", s("rv"), "a", n("10"), "c", n("3"), "d", n("4")), get(table, "rv"));
    return response;
  }

  private String table() {
    return createTable("pk", null);
  }

  private void put(String table, Map<String, AttributeValue> item) {
    client.putItem(r -> r.tableName(table).item(item));
  }

  private Map<String, AttributeValue> get(String table, String pk) {
    GetItemResponse got = client.getItem(r -> r.tableName(table).key(item("pk", s(pk))));
    assertTrue(got.hasItem(), "item " + pk + " exists");
    return got.item();
  }

  private UpdateItemResponse update(String table, String pk, String expression, Map<String, String> names,
      Map<String, AttributeValue> values) {
    return update(table, pk, expression, names, values, null);
  }

  private UpdateItemResponse update(String table, String pk, String expression, Map<String, String> names,
      Map<String, AttributeValue> values, ReturnValue returnValue) {
    UpdateItemRequest.Builder request = UpdateItemRequest.builder()
        .tableName(table)
        .key(item("pk", s(pk)))
        .updateExpression(expression);
    if (names != null) {
      request.expressionAttributeNames(names);
    }
    if (values != null) {
      request.expressionAttributeValues(values);
    }
    if (returnValue != null) {
      request.returnValues(returnValue);
    }
    return client.updateItem(request.build());
  }

  private static void assertValue(AttributeValue expected, AttributeValue actual) {
    assertEquals(canon(expected), actual == null ? null : canon(actual));
  }

  private static Map<String, AttributeValue> values(Object... pairs) {
    return item(pairs);
  }

  private static Map<String, String> names(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }
}
