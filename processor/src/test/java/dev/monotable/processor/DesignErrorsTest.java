package dev.monotable.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.monotable.processor.ProcessorTestSupport.appData;
import static dev.monotable.processor.ProcessorTestSupport.compile;
import static dev.monotable.processor.ProcessorTestSupport.entity;
import static dev.monotable.processor.ProcessorTestSupport.source;

import com.google.testing.compile.Compilation;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Build-time checks across a table and its entities: keys, indexes, access patterns, attributes. */
class DesignErrorsTest {

  @Test
  void twoEntitiesWithTheSameKeySkeleton_areAnError_namingBoth() {
    JavaFileObject account = entity("Account", """
        @Entity(table = AppData.class)
        @PartitionKey("ACCOUNT#<id>")
        @SortKey("METADATA")
        record Account(String id) {}
        """);
    JavaFileObject erroneous = entity("ErroneousAudit", """
        @Entity(table = AppData.class)
        @PartitionKey("ACCOUNT#<accountId>")
        @SortKey("METADATA")
        record ErroneousAudit(String accountId) {}
        """);
    Compilation compilation = compile(appData(), account, erroneous);
    assertThat(compilation).hadErrorCount(2);
    String message = "[MT-KEY-COLLISION] the keys of Account (\"ACCOUNT#<id>\" / \"METADATA\") and ErroneousAudit"
        + " (\"ACCOUNT#<accountId>\" / \"METADATA\") can be equal";
    assertThat(compilation).hadErrorContaining(message).inFile(erroneous).onLineContaining("@SortKey");
    assertThat(compilation).hadErrorContaining(message).inFile(account).onLineContaining("@SortKey");
  }

  @Test
  void aStringPlaceholderThatCanSpellAnotherEntitysLiteral_collides() {
    JavaFileObject user = entity("User", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<id>")
        @SortKey("PROFILE")
        record User(String id) {}
        """);
    JavaFileObject erroneous = entity("ErroneousNote", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<userId>")
        @SortKey("<title>")
        record ErroneousNote(String userId, String title) {}
        """);
    Compilation compilation = compile(appData(), user, erroneous);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[MT-KEY-COLLISION]").inFile(erroneous).onLineContaining("@SortKey");
    assertThat(compilation).hadErrorContaining("[MT-KEY-COLLISION]").inFile(user).onLineContaining("@SortKey");
  }

  @Test
  void distinctTerritoriesInOnePartition_andTypedComponents_doNotCollide() {
    JavaFileObject user = entity("User", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<id>")
        @SortKey("PROFILE")
        record User(String id) {}
        """);
    JavaFileObject order = entity("Order", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<userId>")
        @SortKey("ORDER#<orderId>")
        record Order(String userId, String orderId) {}
        """);
    JavaFileObject line = entity("Line", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<userId>")
        @SortKey("<lineNo>")
        record Line(String userId, int lineNo) {}
        """);
    Compilation compilation = compile(appData(), user, order, line);
    assertThat(compilation).succeeded();
    // no collision; but a template with no literal prefix has the whole partition as its territory
    assertThat(compilation).hadWarningCount(2);
    assertThat(compilation).hadWarningContaining("lie inside the territory of Line (\"<lineNo>\")");
  }

  @Test
  void indexKeyOnAnUndeclaredIndex_isAnError_listingTheDeclaredOnes() {
    JavaFileObject erroneous = entity("ErroneousOrder", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<userId>")
        @SortKey("ORDER#<orderId>")
        @IndexKey(index = "GSI9", partitionKey = "ORDER#<orderId>", sortKey = "ORDER")
        record ErroneousOrder(String userId, String orderId) {}
        """);
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(
            "[MT-INDEX-UNKNOWN] table AppData declares no index \"GSI9\"; declared indexes: GSI1, ByStatus, LSI1")
        .inFile(erroneous).onLineContaining("@IndexKey");
  }

  @Test
  void accessPatternOnAnUndeclaredIndex_isAnError() {
    JavaFileObject erroneous = entity("ErroneousOrder", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<userId>")
        @SortKey("ORDER#<orderId>")
        @AccessPattern(name = "byNothing", index = "Nothing")
        record ErroneousOrder(String userId, String orderId) {}
        """);
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-INDEX-UNKNOWN] table AppData declares no index \"Nothing\" (access pattern byNothing)")
        .inFile(erroneous).onLineContaining("@AccessPattern");
  }

  @Test
  void accessPatternOnAnIndexTheEntityHasNoKeyIn_isAnError() {
    JavaFileObject erroneous = entity("ErroneousOrder", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<userId>")
        @SortKey("ORDER#<orderId>")
        @AccessPattern(name = "orderById", index = "GSI1")
        record ErroneousOrder(String userId, String orderId) {}
        """);
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(
            "[MT-ACCESS-PATTERN-NO-KEY] access pattern orderById of ErroneousOrder queries index GSI1, but ErroneousOrder has no key in it")
        .inFile(erroneous).onLineContaining("@AccessPattern");
  }

  @Test
  void accessPatternOnARawAttributeIndex_isServedByTheEntitysOwnFields() {
    JavaFileObject order = entity("Order", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<userId>")
        @SortKey("ORDER#<orderId>")
        @AccessPattern(name = "ordersByStatus", index = "ByStatus")
        record Order(String userId, String orderId, String status, Instant orderDate) {}
        """);
    assertThat(compile(appData(), order)).succeededWithoutWarnings();
  }

  @Test
  void duplicateAccessPatternNames_andNamesThatAreNotMethods_areErrors() {
    JavaFileObject erroneous = entity("ErroneousOrder", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<userId>")
        @SortKey("ORDER#<orderId>")
        @AccessPattern(name = "ordersOfUser")
        @AccessPattern(name = "ordersOfUser")
        @AccessPattern(name = "get")
        @AccessPattern(name = "orders of user")
        record ErroneousOrder(String userId, String orderId) {}
        """);
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining(
            "[MT-ACCESS-PATTERN-DUPLICATE] entity ErroneousOrder declares access pattern \"ordersOfUser\" twice")
        .inFile(erroneous).onLine(12);
    assertThat(compilation).hadErrorContaining("[MT-ACCESS-PATTERN-NAME] access pattern name \"get\" of ErroneousOrder is already a method")
        .inFile(erroneous).onLineContaining("name = \"get\"");
    assertThat(compilation).hadErrorContaining("\"orders of user\" of ErroneousOrder is not a Java method name")
        .inFile(erroneous).onLineContaining("orders of user");
  }

  @Test
  void accessPatternsWhoseBuildersShareAClassName_orNamedLikeARepositoryMethod_areErrors() {
    JavaFileObject erroneous = entity("ErroneousOrder", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<userId>")
        @SortKey("ORDER#<orderId>")
        @AccessPattern(name = "byUser")
        @AccessPattern(name = "ByUser")
        @AccessPattern(name = "upsert")
        record ErroneousOrder(String userId, String orderId) {}
        """);
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[MT-ACCESS-PATTERN-NAME] access patterns byUser and ByUser of"
        + " ErroneousOrder would both have the query builder ErroneousOrderRepository.ByUserQuery, as a class name"
        + " starts with a capital; rename one of them").inFile(erroneous).onLineContaining("name = \"ByUser\"");
    assertThat(compilation).hadErrorContaining("[MT-ACCESS-PATTERN-NAME] access pattern name \"upsert\" of"
        + " ErroneousOrder is already a method of ErroneousOrderRepository")
        .inFile(erroneous).onLineContaining("name = \"upsert\"");
  }

  @Test
  void indexKeyWithoutTheTemplatesTheIndexNeeds_isAnError() {
    JavaFileObject erroneous = entity("ErroneousOrder", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<userId>")
        @SortKey("ORDER#<orderId>")
        @IndexKey(index = "GSI1", partitionKey = "ORDER#<orderId>")
        @IndexKey(index = "LSI1", partitionKey = "X#<orderId>", sortKey = "Y#<orderId>")
        record ErroneousOrder(String userId, String orderId) {}
        """);
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining(
            "[MT-INDEX-KEY-SHAPE] @IndexKey for global index GSI1 of ErroneousOrder: give sortKey")
        .inFile(erroneous).onLineContaining("index = \"GSI1\"");
    assertThat(compilation).hadErrorContaining("local index LSI1 of ErroneousOrder: a local index shares the table's partition key")
        .inFile(erroneous).onLineContaining("index = \"LSI1\"");
  }

  @Test
  void tooManyIndexes_areAnError() {
    String globals = IntStream.rangeClosed(1, 21)
        .mapToObj(i -> "@GlobalIndex(name = \"GSI" + i + "\", partitionKey = \"GSI" + i + "PK\")")
        .collect(Collectors.joining(",\n    "));
    String locals = IntStream.rangeClosed(1, 6)
        .mapToObj(i -> "@LocalIndex(name = \"LSI" + i + "\", sortKey = \"LSI" + i + "SK\")")
        .collect(Collectors.joining(",\n    "));
    JavaFileObject erroneous = source("test.ErroneousBig", """
        package test;
        import dev.monotable.annotation.*;
        @Table(name = "Big", partitionKey = "PK", sortKey = "SK",
          globalIndexes = {
            %s},
          localIndexes = {
            %s})
        interface ErroneousBig {}
        """.formatted(globals, locals));
    Compilation compilation = compile(erroneous);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[MT-INDEX-LIMIT] table ErroneousBig declares 21 global indexes; DynamoDB allows at most 20")
        .inFile(erroneous).onLineContaining("globalIndexes");
    assertThat(compilation).hadErrorContaining("declares 6 local indexes; DynamoDB allows at most 5")
        .inFile(erroneous).onLineContaining("localIndexes");
  }

  @Test
  void indexesWhoseNamesGiveOneJavaName_orAPrimaryKeyBuilder_areErrors() {
    JavaFileObject erroneous = source("test.ErroneousIndexed", """
        package test;
        import dev.monotable.annotation.*;
        @Table(name = "Indexed", partitionKey = "PK", sortKey = "SK",
            globalIndexes = {
                @GlobalIndex(name = "GSI1", partitionKey = "A", sortKey = "B"),
                @GlobalIndex(name = "gsi1", partitionKey = "C", sortKey = "D"),
                @GlobalIndex(name = "Primary", partitionKey = "E"),
                @GlobalIndex(name = "by-day", partitionKey = "F"),
                @GlobalIndex(name = "by_day", partitionKey = "G")})
        interface ErroneousIndexed {}
        """);
    Compilation compilation = compile(erroneous);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("[MT-INDEX-NAME-CLASH] indexes GSI1 and gsi1 of table ErroneousIndexed"
        + " would both give the member gsi1PartitionKey of the generated Keys classes, as index names are made Java"
        + " names; rename one of the indexes").inFile(erroneous).onLineContaining("name = \"gsi1\"");
    assertThat(compilation).hadErrorContaining("[MT-INDEX-NAME-CLASH] indexes by-day and by_day of table"
        + " ErroneousIndexed would both give the member by_dayPartitionKey")
        .inFile(erroneous).onLineContaining("name = \"by_day\"");
    assertThat(compilation).hadErrorContaining("[MT-INDEX-NAME-CLASH] index Primary of table ErroneousIndexed would"
        + " give the member primaryKey of the generated Keys classes, which they declare for the primary key;"
        + " rename the index").inFile(erroneous).onLineContaining("name = \"Primary\"");
  }

  @Test
  void indexWhoseConstantIsOneOfTheTableClass_isAnError() {
    JavaFileObject erroneous = source("test.ErroneousConstants", """
        package test;
        import dev.monotable.annotation.*;
        @Table(name = "Constants", partitionKey = "PK", sortKey = "SK",
            globalIndexes = {
                @GlobalIndex(name = "primary_key", partitionKey = "A"),
                @GlobalIndex(name = "DefaultName", partitionKey = "B")})
        interface ErroneousConstants {}
        """);
    Compilation compilation = compile(erroneous);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[MT-INDEX-NAME-CLASH] index primary_key of table ErroneousConstants"
        + " would give the constant PRIMARY_KEY of the generated table class, which it declares for the table itself;"
        + " rename the index").inFile(erroneous).onLineContaining("name = \"primary_key\"");
    assertThat(compilation).hadErrorContaining("would give the constant DEFAULT_NAME of the generated table class")
        .inFile(erroneous).onLineContaining("name = \"DefaultName\"");
  }

  @Test
  void localIndexOnATableWithoutSortKey_isAnError() {
    JavaFileObject erroneous = source("test.ErroneousFlat", """
        package test;
        import dev.monotable.annotation.*;
        @Table(name = "Flat", partitionKey = "PK",
            localIndexes = @LocalIndex(name = "LSI1", sortKey = "LSI1SK"))
        interface ErroneousFlat {}
        """);
    Compilation compilation = compile(erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-INDEX-LOCAL-NO-SORT-KEY] table ErroneousFlat has no sort key")
        .inFile(erroneous).onLineContaining("@LocalIndex");
  }

  @Test
  void tableDeclarationErrors_areReportedOnTheirValues() {
    JavaFileObject erroneous = source("test.ErroneousTable", """
        package test;
        import dev.monotable.annotation.*;
        @Table(name = "x",
            partitionKey = "PK",
            typeAttribute = "PK",
            keyDelimiter = "")
        class ErroneousTable {}
        """);
    Compilation compilation = compile(erroneous);
    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation).hadErrorContaining("[MT-TABLE-KIND] @Table belongs on an interface, but ErroneousTable is a class");
    assertThat(compilation).hadErrorContaining("[MT-TABLE-NAME] table name \"x\"").inFile(erroneous).onLineContaining("name = \"x\"");
    assertThat(compilation).hadErrorContaining("[MT-TABLE-TYPE-ATTRIBUTE]").inFile(erroneous).onLineContaining("typeAttribute");
    assertThat(compilation).hadErrorContaining("[MT-TABLE-DELIMITER]").inFile(erroneous).onLineContaining("keyDelimiter");
  }

  @Test
  void twoFieldsOnOneAttribute_orAFieldOnAKeyOrTypeAttribute_areErrors() {
    JavaFileObject erroneous = entity("ErroneousUser", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<id>")
        @SortKey("PROFILE")
        @IndexKey(index = "GSI1", partitionKey = "EMAIL#<email>", sortKey = "USER")
        record ErroneousUser(
            String id,
            String email,
            @Attribute("email") String mail,
            @Attribute("PK") String pk,
            @Attribute("_type") String kind,
            @Attribute("GSI1SK") String sort) {}
        """);
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation).hadErrorContaining(
            "[MT-ATTRIBUTE-DUPLICATE] fields email and mail of ErroneousUser are both stored as attribute \"email\"")
        .inFile(erroneous).onLineContaining("@Attribute(\"email\")");
    assertThat(compilation).hadErrorContaining("stored as attribute \"PK\", which is the partition key of table AppData")
        .inFile(erroneous).onLineContaining("@Attribute(\"PK\")");
    assertThat(compilation).hadErrorContaining("which is the type attribute of table AppData")
        .inFile(erroneous).onLineContaining("@Attribute(\"_type\")");
    assertThat(compilation).hadErrorContaining("which is the sort key of index GSI1 of table AppData")
        .inFile(erroneous).onLineContaining("@Attribute(\"GSI1SK\")");
  }

  @Test
  void rawIndexKeyWhoseTypeDiffersBetweenEntities_isAnError_namingBoth() {
    JavaFileObject order = entity("Order", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<userId>")
        @SortKey("ORDER#<orderId>")
        record Order(String userId, String orderId, String status, Instant orderDate) {}
        """);
    JavaFileObject erroneous = entity("ErroneousTicket", """
        @Entity(table = AppData.class)
        @PartitionKey("TICKET#<id>")
        @SortKey("TICKET")
        record ErroneousTicket(String id, int status, Instant orderDate) {}
        """);
    Compilation compilation = compile(appData(), order, erroneous);
    assertThat(compilation).hadErrorCount(2);
    String message = "[MT-INDEX-ATTRIBUTE-TYPE] attribute \"status\" is a key of index ByStatus of table AppData,"
        + " but ErroneousTicket stores it as N through field status (int) and Order as S through field status (String)";
    assertThat(compilation).hadErrorContaining(message).inFile(erroneous).onLineContaining("int status");
    assertThat(compilation).hadErrorContaining(message).inFile(order).onLineContaining("String status");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Object anything | field anything of ErroneousThing has type Object, which Monotable cannot store:"
          + " java.lang.Object is neither a supported type nor annotated @Document; use a supported type or a"
          + " @Document class, or add @Convert(YourConverter.class)",
      "List<Object> things | field things of ErroneousThing has type List<Object>, which Monotable cannot store:"
          + " java.lang.Object is neither a supported type nor annotated @Document",
      "char letter | field letter of ErroneousThing has type char, which Monotable cannot store; use String or int,"
          + " or add @Convert(YourConverter.class)",
      "String[] names | field names of ErroneousThing has type String[], which Monotable cannot store: arrays other"
          + " than byte[] are not stored; use a List, or add @Convert(YourConverter.class)",
      "List<?> anything | field anything of ErroneousThing has type java.util.List<?>, which Monotable cannot store:"
          + " type variables and wildcards have no stored form; name a concrete type, or add"
          + " @Convert(YourConverter.class)",
      "List raw | field raw of ErroneousThing has type List, which Monotable cannot store: a raw List has no element"
          + " type; write List<T>",
      "Optional raw | field raw of ErroneousThing has type Optional, which Monotable cannot store: a raw Optional has"
          + " no element type; write Optional<T>",
      "Map raw | field raw of ErroneousThing has type Map, which Monotable cannot store: a raw Map has no key and value"
          + " types; write Map<String, T>",
      "Set<Boolean> flags | field flags of ErroneousThing has type Set<Boolean>, which Monotable cannot store: a Set"
          + " holds strings, numbers or binary (SS, NS, BS), not java.lang.Boolean; use a List, or add"
          + " @Convert(YourConverter.class)",
      "Map<Integer, String> byNumber | field byNumber of ErroneousThing has type Map<Integer, String>, which Monotable"
          + " cannot store: map keys must be String, not java.lang.Integer; use a Map<String, T>, or add"
          + " @Convert(YourConverter.class)",
      "java.util.Date created | field created of ErroneousThing has type Date, which Monotable cannot"
          + " store: use java.time.Instant instead (date.toInstant() converts, Date.from(instant) back), or add"
          + " @Convert(YourConverter.class)",
      "java.sql.Timestamp at | field at of ErroneousThing has type Timestamp, which Monotable cannot"
          + " store: use java.time.Instant instead",
      "java.util.Calendar when | field when of ErroneousThing has type Calendar, which Monotable cannot"
          + " store: use java.time.ZonedDateTime instead",
      "List<java.util.Date> days | field days of ErroneousThing has type List<Date>, which Monotable"
          + " cannot store: use java.time.Instant instead"})
  void unsupportedFieldType_isAnError_onTheField_sayingWhy(String field, String message) {
    JavaFileObject erroneous = entity("ErroneousThing", """
        @Entity(table = AppData.class)
        @PartitionKey("THING#<id>")
        @SortKey("THING")
        record ErroneousThing(
            String id,
            %s) {}
        """.formatted(field));
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-FIELD-TYPE] " + message).inFile(erroneous).onLineContaining(field);
  }

  @Test
  void converterWithoutNoArgumentConstructor_orForAnotherType_isAnError() {
    JavaFileObject erroneous = entity("ErroneousPrice", """
        @Entity(table = AppData.class)
        @PartitionKey("PRICE#<id>")
        @SortKey("PRICE")
        record ErroneousPrice(
            String id,
            @Convert(ErroneousPrice.NeedsArgument.class) Currency currency,
            @Convert(ErroneousPrice.ForStrings.class) Currency other) {
          public static final class NeedsArgument implements dev.monotable.runtime.AttributeConverter<Currency> {
            public NeedsArgument(String how) {}
            public software.amazon.awssdk.services.dynamodb.model.AttributeValue toAttributeValue(Currency c) { return null; }
            public Currency fromAttributeValue(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) { return null; }
          }
          public static final class ForStrings implements dev.monotable.runtime.AttributeConverter<String> {
            public software.amazon.awssdk.services.dynamodb.model.AttributeValue toAttributeValue(String c) { return null; }
            public String fromAttributeValue(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) { return null; }
          }
        }
        """);
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[MT-FIELD-CONVERTER] converter NeedsArgument of field currency of ErroneousPrice"
            + " is not a public class with a public no-argument constructor")
        .inFile(erroneous).onLineContaining("Currency currency");
    assertThat(compilation).hadErrorContaining("converts java.lang.String, not the field's type java.util.Currency")
        .inFile(erroneous).onLineContaining("Currency other");
  }

  @Test
  void entitiesThatCannotBeConstructedOrRead_areErrors() {
    JavaFileObject noConstructor = entity("ErroneousNoConstructor", """
        @Entity(table = AppData.class)
        @PartitionKey("A#<id>")
        @SortKey("A")
        class ErroneousNoConstructor {
          final String id;
          ErroneousNoConstructor(String id, int unused) { this.id = id; }
        }
        """);
    JavaFileObject privateField = entity("ErroneousHidden", """
        @Entity(table = AppData.class)
        @PartitionKey("B#<id>")
        @SortKey("B")
        class ErroneousHidden {
          String id;
          private String secret;
          public void setId(String id) { this.id = id; }
          public void setSecret(String secret) { this.secret = secret; }
        }
        """);
    JavaFileObject abstractClass = entity("ErroneousAbstract", """
        @Entity(table = AppData.class)
        @PartitionKey("C#<id>")
        @SortKey("C")
        abstract class ErroneousAbstract {
          String id;
        }
        """);
    Compilation compilation = compile(appData(), noConstructor, privateField, abstractClass);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("[MT-ENTITY-CONSTRUCTION] ErroneousNoConstructor cannot be constructed:"
            + " it has neither a constructor taking all its fields in declaration order nor a no-argument constructor")
        .inFile(noConstructor).onLineContaining("class ErroneousNoConstructor");
    assertThat(compilation).hadErrorContaining("ErroneousHidden cannot be read: field secret is private and has no getter")
        .inFile(privateField).onLineContaining("private String secret");
    assertThat(compilation).hadErrorContaining("ErroneousAbstract cannot be constructed: it is abstract")
        .inFile(abstractClass).onLineContaining("abstract class");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "interface ErroneousShape {} | ErroneousShape cannot be constructed: it is an interface; annotate a record or"
          + " class",
      "enum ErroneousShape { CIRCLE } | ErroneousShape cannot be constructed: it is an enum; annotate a record or class",
      "@interface ErroneousShape {} | ErroneousShape cannot be constructed: it is not a record or class; annotate a"
          + " record or class",
      "abstract class ErroneousShape { String id; } | ErroneousShape cannot be constructed: it is abstract; make it a"
          + " concrete class or a record",
      "record ErroneousShape<T>(String id) {} | ErroneousShape cannot be constructed: it is generic, and stored types"
          + " cannot have type parameters; remove them",
      "class ErroneousShape { final String id; ErroneousShape(int id) { this.id = null; } } | ErroneousShape cannot be"
          + " constructed: it has neither a constructor taking all its fields in declaration order nor a no-argument"
          + " constructor; add one of them"})
  void typeThatCannotBeConstructed_isAnError_onTheType_sayingWhy(String declaration, String message) {
    JavaFileObject erroneous = entity("ErroneousShape", """
        @Entity(table = AppData.class)
        @PartitionKey("SHAPE")
        @SortKey("SHAPE")
        @SuppressWarnings("monotable.hot-partition")
        %s
        """.formatted(declaration));
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-ENTITY-CONSTRUCTION] " + message)
        .inFile(erroneous).onLineContaining(declaration);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "private static final class Hidden { ENTITY record ErroneousShape(String id) {} } | ErroneousShape cannot be"
          + " constructed: Hidden is private, and generated code in the same package must reach it; make it"
          + " package-private",
      "ENTITY class ErroneousShape { String id; } | ErroneousShape cannot be constructed: ErroneousShape is an inner"
          + " class; make it static"})
  void nestedTypeThatGeneratedCodeCannotReach_isAnError_namingTheTypeAtFault(String nested, String message) {
    JavaFileObject erroneous = entity("ErroneousOuter", """
        class ErroneousOuter {
          %s
        }
        """.formatted(nested.replace("ENTITY",
            "@Entity(table = AppData.class) @PartitionKey(\"SHAPE#<id>\") @SortKey(\"SHAPE\")")));
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-ENTITY-CONSTRUCTION] " + message)
        .inFile(erroneous).onLineContaining("ErroneousShape");
  }

  @Test
  void fieldsWhoseConstantNamesClash_areAnError_onTheSecondField() {
    JavaFileObject erroneous = entity("ErroneousLink", """
        @Entity(table = AppData.class)
        @PartitionKey("LINK#<id>")
        @SortKey("LINK")
        record ErroneousLink(
            String id,
            String fooBar,
            String foo_bar,
            String url,
            String URL,
            Part part) {
          @Document
          record Part(String partNo,
              int part_no) {}
        }
        """);
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("[MT-FIELD-NAME-CLASH] fields fooBar and foo_bar of ErroneousLink would both"
            + " be the constant FOO_BAR of the generated ErroneousLinkSchema and ErroneousLinkFields, which cannot tell"
            + " them apart; rename one of the fields (@Attribute(\"foo_bar\") keeps its stored attribute name)")
        .inFile(erroneous).onLineContaining("String foo_bar");
    assertThat(compilation).hadErrorContaining("fields url and URL of ErroneousLink would both be the constant URL")
        .inFile(erroneous).onLineContaining("String URL");
    assertThat(compilation).hadErrorContaining("fields partNo and part_no of Part would both be the constant PART_NO"
            + " of the generated ErroneousLink_PartSchema and ErroneousLink_PartFields")
        .inFile(erroneous).onLineContaining("int part_no");
  }

  @Test
  void entityNamingATypeThatIsNotATable_isAnError() {
    JavaFileObject erroneous = entity("ErroneousUser", """
        @Entity(table = String.class)
        @PartitionKey("USER#<id>")
        record ErroneousUser(String id) {}
        """);
    Compilation compilation = compile(erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-ENTITY-TABLE] entity ErroneousUser names table String, which is not annotated @Table")
        .inFile(erroneous).onLineContaining("@Entity");
  }

  @Test
  void twoEntitiesWithOneTypeName_areAnError() {
    JavaFileObject user = entity("User", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<id>")
        @SortKey("PROFILE")
        record User(String id) {}
        """);
    JavaFileObject erroneous = entity("ErroneousPerson", """
        @Entity(table = AppData.class, type = "User")
        @PartitionKey("PERSON#<id>")
        @SortKey("PROFILE")
        record ErroneousPerson(String id) {}
        """);
    Compilation compilation = compile(appData(), user, erroneous);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[MT-ENTITY-DUPLICATE] entities test.ErroneousPerson and test.User of table AppData share the type name \"User\"")
        .inFile(erroneous).onLineContaining("type = \"User\"");
  }
}
