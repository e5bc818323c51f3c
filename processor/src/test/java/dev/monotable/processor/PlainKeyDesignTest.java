package dev.monotable.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.monotable.processor.ProcessorTestSupport.compile;
import static dev.monotable.processor.ProcessorTestSupport.entity;
import static dev.monotable.processor.ProcessorTestSupport.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Plain keys ({@code @PartitionKey}/{@code @SortKey} on a field) and tables without a type attribute,
 * as existing tables have them: what is generated, and the designs refused on the annotation.
 */
class PlainKeyDesignTest {
  private static JavaFileObject orders(String typeAttribute) {
    return source("test.Orders", """
        package test;
        import dev.monotable.annotation.*;
        @Table(name = "Orders", partitionKey = "userId", sortKey = "timestamp"%s)
        public interface Orders {}
        """.formatted(typeAttribute));
  }

  private static JavaFileObject purchase() {
    return entity("Purchase", """
        @Entity(table = Orders.class)
        @AccessPattern(name = "purchasesOfUser")
        record Purchase(@PartitionKey String userId, @SortKey long timestamp, BigDecimal total) {}
        """);
  }

  @Test
  void plainKeys_areStoredAsTheyAre_typedByTheirFields() throws IOException {
    Compilation compilation = compile(orders(", typeAttribute = \"\""), purchase());
    assertThat(compilation).succeededWithoutWarnings();
    String keys = compilation.generatedSourceFile("test.PurchaseKeys").orElseThrow().getCharContent(true).toString();
    assertThat(keys).contains("public static AttributeValue partitionKey(String userId)");
    assertThat(keys).contains("public static AttributeValue sortKey(long timestamp)");
    String table = compilation.generatedSourceFile("test.OrdersTable").orElseThrow().getCharContent(true).toString();
    assertThat(table).contains("TableDefinitions.attribute(\"userId\", ScalarAttributeType.S)");
    assertThat(table).contains("TableDefinitions.attribute(\"timestamp\", ScalarAttributeType.N)");
    String schema = compilation.generatedSourceFile("test.PurchaseSchema").orElseThrow().getCharContent(true)
        .toString();
    assertThat(schema).doesNotContain("out.key(TYPE_ATTRIBUTE, ENTITY_TYPE)");
    assertThat(schema).doesNotContain("out.put(USER_ID");   // written once, as the key
    String repository = compilation.generatedSourceFile("test.PurchaseRepository").orElseThrow().getCharContent(true)
        .toString();
    // numeric range conditions on the attribute's own type
    assertThat(repository).contains("public LongSortKeyRange<NarrowedConsistentQuery<Purchase>> timestamp()");
    assertThat(repository).contains("SortKeyField.raw(PurchaseKeys::sortKey)");
  }

  @Test
  void theStreamOfATableWithoutTypeAttribute_decodesEveryRecordAsItsOneEntity() throws IOException {
    Compilation compilation = compile(
        orders(", typeAttribute = \"\", stream = StreamView.NEW_AND_OLD_IMAGES"), purchase());
    assertThat(compilation).succeededWithoutWarnings();
    String changes = compilation.generatedSourceFile("test.OrdersChanges").orElseThrow().getCharContent(true)
        .toString();
    assertThat(changes).contains("return StreamChanges.decode(source, PurchaseSchema.INSTANCE);");
    assertThat(changes).contains("purchaseChanged(StreamChanges.typed(source, PurchaseSchema.INSTANCE).orElse(null),");
    assertThat(changes).doesNotContain("typeOf");
  }

  @Test
  void aTemplateOnAField_isAnError_onTheAnnotation() {
    JavaFileObject account = entity("Account", """
        @Entity(table = Orders.class)
        record Account(@PartitionKey("USER#<userId>") String userId, @SortKey long timestamp) {}
        """);
    Compilation compilation = compile(orders(""), account);
    assertThat(compilation).hadErrorContaining("[MT-KEY-MALFORMED] @PartitionKey of Account is on field userId,"
        + " which makes the field's value the key as it is, so it takes no template")
        .inFile(account).onLineContaining("@PartitionKey(\"USER#<userId>\")");
  }

  @Test
  void aKeyOnTheTypeAndOnAField_isDeclaredTwice() {
    JavaFileObject account = entity("Account", """
        @Entity(table = Orders.class)
        @PartitionKey("USER#<userId>")
        record Account(String userId,
            @PartitionKey String other, @SortKey long timestamp) {}
        """);
    Compilation compilation = compile(orders(""), account);
    assertThat(compilation).hadErrorContaining("[MT-KEY-TWICE] @PartitionKey of Account is declared a second time,"
        + " on field other").inFile(account).onLineContaining("@PartitionKey String other");
  }

  @Test
  void aFieldOfATypeNoKeyCanHave_isAnError() {
    JavaFileObject account = entity("Account", """
        @Entity(table = Orders.class)
        record Account(@PartitionKey List<String> userIds,
            @SortKey long timestamp) {}
        """);
    Compilation compilation = compile(orders(""), account);
    assertThat(compilation).hadErrorContaining("[MT-KEY-FIELD-TYPE] field userIds of Account is a"
        + " List<String>, which cannot be a key attribute as it is")
        .inFile(account).onLineContaining("List<String> userIds");
  }

  @Test
  void anAttributeNameOtherThanTheKeyAttribute_isAnError() {
    JavaFileObject account = entity("Account", """
        @Entity(table = Orders.class)
        record Account(@PartitionKey @Attribute("user_id") String userId, @SortKey long timestamp) {}
        """);
    Compilation compilation = compile(orders(""), account);
    assertThat(compilation).hadErrorContaining("[MT-KEY-PLAIN-ATTRIBUTE] field userId of Account is the partition"
        + " key of table Orders, so it is stored under the key attribute \"userId\", not \"user_id\"")
        .inFile(account).onLineContaining("@Attribute(\"user_id\")");
  }

  @Test
  void aTemplateAndANumberInOneKeyAttribute_isAnError_onBothEntities() {
    JavaFileObject note = entity("Note", """
        @Entity(table = Orders.class)
        @PartitionKey("USER#<userId>")
        @SortKey("NOTE#<id>")
        record Note(String userId, String id) {}
        """);
    Compilation compilation = compile(orders(""), purchase(), note);
    assertThat(compilation).hadErrorContaining("[MT-TABLE-KEY-TYPE] attribute \"timestamp\" is the sort key of"
        + " table Orders, but Note stores it as S through a key template and Purchase as N through field timestamp"
        + " (long)").inFile(note).onLineContaining("@SortKey(\"NOTE#<id>\")");
  }

  @Test
  void aSecondEntityOnATableWithoutTypeAttribute_isAnError() {
    JavaFileObject refund = entity("Refund", """
        @Entity(table = Orders.class)
        record Refund(@PartitionKey String userId, @SortKey long timestamp) {}
        """);
    Compilation compilation = compile(orders(", typeAttribute = \"\""), purchase(), refund);
    assertThat(compilation).hadErrorContaining("[MT-TABLE-TYPE-ATTRIBUTE] table Orders has no typeAttribute, so it"
        + " holds one entity type only, but Purchase and Refund both name it")
        .inFile(refund).onLineContaining("@Entity(table = Orders.class)");
  }
}
