package dev.monotable.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.monotable.processor.ProcessorTestSupport.appData;
import static dev.monotable.processor.ProcessorTestSupport.compile;
import static dev.monotable.processor.ProcessorTestSupport.entity;
import static dev.monotable.processor.ProcessorTestSupport.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The remaining declaration checks, and types that another processor generates later. */
class DeclarationErrorsTest {

  @Test
  void indexDeclarationErrors_areReportedOnTheIndex() {
    JavaFileObject erroneous = source("test.ErroneousIndexes", """
        package test;
        import dev.monotable.annotation.*;
        @Table(name = "Indexed", partitionKey = "PK", sortKey = "SK",
            globalIndexes = {
                @GlobalIndex(name = "GSI1", partitionKey = "A"),
                @GlobalIndex(name = "GSI1", partitionKey = "B"),
                @GlobalIndex(name = "Inc", partitionKey = "C", projection = Projection.INCLUDE),
                @GlobalIndex(name = "Empty", partitionKey = "")},
            localIndexes = @LocalIndex(name = "Same", sortKey = "SK"))
        interface ErroneousIndexes {}
        """);
    Compilation compilation = compile(erroneous);
    assertThat(compilation).hadErrorCount(4);
    assertThat(compilation).hadErrorContaining("[MT-INDEX-DUPLICATE] table ErroneousIndexes declares index \"GSI1\" twice")
        .inFile(erroneous).onLineContaining("partitionKey = \"B\"");
    assertThat(compilation).hadErrorContaining("[MT-INDEX-DEFINITION] index Inc of table ErroneousIndexes: projection INCLUDE needs nonKeyAttributes")
        .inFile(erroneous).onLineContaining("Projection.INCLUDE");
    assertThat(compilation).hadErrorContaining("index Empty of table ErroneousIndexes: partitionKey is empty")
        .inFile(erroneous).onLineContaining("\"Empty\"");
    assertThat(compilation).hadErrorContaining("index Same of table ErroneousIndexes: its sort key is the table's own sort key")
        .inFile(erroneous).onLineContaining("@LocalIndex");
  }

  @Test
  void emptyPartitionKeyName_isAnError() {
    JavaFileObject erroneous = source("test.ErroneousKeys", """
        package test;
        import dev.monotable.annotation.*;
        @Table(name = "Keys", partitionKey = "")
        interface ErroneousKeys {}
        """);
    Compilation compilation = compile(erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-TABLE-KEY-NAME] partitionKey of table ErroneousKeys is empty")
        .inFile(erroneous).onLineContaining("partitionKey = \"\"");
  }

  @Test
  void sortKeyNamedLikeThePartitionKey_isAnError_onTheSortKey() {
    JavaFileObject erroneous = source("test.ErroneousKeys", """
        package test;
        import dev.monotable.annotation.*;
        @Table(name = "Keys", partitionKey = "PK",
            sortKey = "PK")
        interface ErroneousKeys {}
        """);
    Compilation compilation = compile(erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-TABLE-SORT-KEY] sortKey \"PK\" of table ErroneousKeys is also its"
            + " partitionKey, so every item's sort key value would overwrite its partition key value")
        .inFile(erroneous).onLineContaining("sortKey = \"PK\"");
  }

  @Test
  void keyAttributeNamesOver255Bytes_areAnError_onTheName() {
    JavaFileObject erroneous = source("test.ErroneousLongNames", """
        package test;
        import dev.monotable.annotation.*;
        @Table(name = "LongNames",
            partitionKey = "%s",
            sortKey = "SK",
            globalIndexes = @GlobalIndex(name = "GSI1",
                partitionKey = "%s",
                sortKey = "%s"))
        interface ErroneousLongNames {}
        """.formatted("P".repeat(256), "G".repeat(255), "\u00e9".repeat(128)));
    Compilation compilation = compile(erroneous);
    // 255 bytes is allowed; 128 two-byte characters are 256 bytes, which is not
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[MT-TABLE-KEY-NAME-LENGTH] key attribute name \"" + "P".repeat(40)
            + "\u2026\" (the partition key) of table ErroneousLongNames is 256 bytes long in UTF-8, but DynamoDB allows"
            + " key attribute names of at most 255 bytes")
        .inFile(erroneous).onLineContaining("partitionKey = \"PPP");
    assertThat(compilation).hadErrorContaining("(the sort key of index GSI1) of table ErroneousLongNames is 256 bytes long")
        .inFile(erroneous).onLineContaining("sortKey = \"\u00e9");
  }

  @Test
  void keyDelimiterOfMoreThanOneCharacter_isAnError_onTheDelimiter() {
    JavaFileObject erroneous = source("test.ErroneousDelimiter", """
        package test;
        import dev.monotable.annotation.*;
        @Table(name = "Delimited", partitionKey = "PK", sortKey = "SK",
            keyDelimiter = "::")
        interface ErroneousDelimiter {}
        """);
    // with "::", ("a:", "b") and ("a", ":b") would both give the key B::a:::b
    JavaFileObject entity = entity("Pair", """
        @Entity(table = ErroneousDelimiter.class)
        @PartitionKey("B::<first>::<second>")
        @SortKey("PAIR")
        record Pair(String first, String second) {}
        """);
    Compilation compilation = compile(erroneous, entity);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-TABLE-DELIMITER-LENGTH] keyDelimiter \"::\" of table ErroneousDelimiter"
            + " is 2 characters long, but a key delimiter must be exactly one character")
        .inFile(erroneous).onLineContaining("keyDelimiter = \"::\"");
  }

  @Test
  void twoTableInterfacesWithOneTableName_areAnError_onEachName() {
    JavaFileObject orders = source("test.ErroneousOrders", """
        package test;
        import dev.monotable.annotation.*;
        @Table(partitionKey = "PK",
            name = "Shop")
        public interface ErroneousOrders {}
        """);
    JavaFileObject inventory = source("test.stock.ErroneousInventory", """
        package test.stock;
        import dev.monotable.annotation.*;
        @Table(partitionKey = "PK", sortKey = "SK",
            name = "Shop")
        public interface ErroneousInventory {}
        """);
    Compilation compilation = compile(orders, inventory);
    assertThat(compilation).hadErrorCount(2);
    String message = "[MT-TABLE-DUPLICATE] table interfaces test.ErroneousOrders and test.stock.ErroneousInventory"
        + " both declare table name \"Shop\"";
    assertThat(compilation).hadErrorContaining(message).inFile(orders).onLineContaining("name = \"Shop\"");
    assertThat(compilation).hadErrorContaining(message).inFile(inventory).onLineContaining("name = \"Shop\"");
  }

  /** Generates {@code test.ErroneousLater}, a table named "Shop", in its first round, as another processor would. */
  static final class LaterTableGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done) {
        return false;
      }
      done = true;
      try (Writer writer = processingEnv.getFiler().createSourceFile("test.ErroneousLater").openWriter()) {
        writer.write("package test;\n@dev.monotable.annotation.Table(name = \"Shop\", partitionKey = \"PK\")\n"
            + "public interface ErroneousLater {}\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return false;
    }
  }

  @Test
  void tableInterfaceOfALaterRound_reusingATableName_isAnError_notAnInternalOne() {
    JavaFileObject orders = source("test.ErroneousOrders", """
        package test;
        import dev.monotable.annotation.*;
        @Table(partitionKey = "PK",
            name = "Shop")
        public interface ErroneousOrders {}
        """);
    Compilation compilation = Compiler.javac()
        .withProcessors(new MonotableProcessor(), new LaterTableGenerator())
        .compile(orders);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[MT-TABLE-DUPLICATE] table interfaces test.ErroneousLater and"
            + " test.ErroneousOrders both declare table name \"Shop\"")
        .inFile(orders).onLineContaining("name = \"Shop\"");
  }

  @Test
  void indexKeyGivenTwice_andEmptyAttributeName_areErrors() {
    JavaFileObject erroneous = entity("ErroneousOrder", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<userId>")
        @SortKey("ORDER#<orderId>")
        @IndexKey(index = "GSI1", partitionKey = "ORDER#<orderId>", sortKey = "ORDER")
        @IndexKey(index = "GSI1", partitionKey = "O#<orderId>", sortKey = "O")
        record ErroneousOrder(String userId, String orderId, @Attribute("") String note) {}
        """);
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[MT-INDEX-KEY-DUPLICATE] entity ErroneousOrder declares @IndexKey for index GSI1 twice")
        .inFile(erroneous).onLineContaining("\"O#<orderId>\"");
    assertThat(compilation).hadErrorContaining("[MT-ATTRIBUTE-NAME] attribute name of field note of ErroneousOrder is empty")
        .inFile(erroneous).onLineContaining("@Attribute(\"\")");
  }

  @Test
  void versionFieldThatIsNoInteger_orTwice_orInTheKey_isAnError() {
    JavaFileObject erroneous = entity("ErroneousAccount", """
        @Entity(table = AppData.class)
        @PartitionKey("ACCOUNT#<id>")
        @SortKey("V#<revision>")
        record ErroneousAccount(String id, @Version String label, @Version long revision) {}
        """);
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("[MT-VERSION] @Version field label of ErroneousAccount is a String")
        .inFile(erroneous).onLineContaining("record ErroneousAccount");
    assertThat(compilation).hadErrorContaining("revision of ErroneousAccount is a second version field");
    assertThat(compilation).hadErrorContaining("[MT-VERSION] key template \"V#<revision>\" of @SortKey of"
        + " ErroneousAccount names the @Version field <revision>, which moves on every write")
        .inFile(erroneous).onLineContaining("@SortKey");
  }

  @Test
  void aVersionInAnyKey_orAnUpdateTimeInThePrimaryKey_isAnError_onTheTemplate() {
    JavaFileObject erroneous = entity("ErroneousAccount", """
        @Entity(table = AppData.class)
        @PartitionKey("ACCOUNT#<version>")
        @SortKey("AT#<updatedAt>")
        @IndexKey(index = "GSI1", partitionKey = "V#<id>", sortKey = "<version>")
        record ErroneousAccount(String id, @Version long version, @UpdatedAt Instant updatedAt) {}
        """);
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining("[MT-VERSION] key template \"ACCOUNT#<version>\" of @PartitionKey of"
        + " ErroneousAccount names the @Version field <version>, which moves on every write, so each write would"
        + " store the item under a new key and leave the old item behind; keep the version out of key templates")
        .inFile(erroneous).onLineContaining("@PartitionKey");
    assertThat(compilation).hadErrorContaining("[MT-VERSION] key template \"<version>\" of @IndexKey(index ="
        + " \"GSI1\") of ErroneousAccount names the @Version field <version>, which moves on every write, so the"
        + " item's index key would go stale; keep the version out of key templates")
        .inFile(erroneous).onLineContaining("@IndexKey");
    assertThat(compilation).hadErrorContaining("[MT-TIMESTAMP] key template \"AT#<updatedAt>\" of @SortKey of"
        + " ErroneousAccount names the @UpdatedAt field <updatedAt>, which changes on every write, so each put would"
        + " store a new item instead of replacing the old one; keep it out of the primary key, which may hold a"
        + " @CreatedAt field instead (an index key may hold either)").inFile(erroneous).onLineContaining("@SortKey");
  }

  @Test
  void aCreationTimeInAnyKey_andAnUpdateTimeInAnIndexKey_areKeys() {
    Compilation compilation = compile(appData(), entity("Account", """
        @Entity(table = AppData.class)
        @PartitionKey("ACCOUNT#<id>")
        @SortKey("SINCE#<createdAt>#<id>")
        @IndexKey(index = "GSI1", partitionKey = "CREATED#<createdAt>#<id>", sortKey = "<updatedAt>#<id>")
        @AccessPattern(name = "recentlyUpdated", index = "GSI1")
        record Account(String id, @CreatedAt Instant createdAt, @UpdatedAt Instant updatedAt) {}
        """));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void timeToLiveOfAnotherType_orWithoutTableAttribute_isAnError() {
    JavaFileObject erroneous = entity("ErroneousSession", """
        @Entity(table = AppData.class)
        @PartitionKey("SESSION#<token>")
        @SortKey("SESSION")
        record ErroneousSession(String token, @TimeToLive String expiresAt) {}
        """);
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[MT-TIME-TO-LIVE] @TimeToLive field expiresAt of ErroneousSession"
            + " has no attribute to go to: table AppData declares none")
        .inFile(erroneous).onLineContaining("record ErroneousSession");
    assertThat(compilation).hadErrorContaining("is a String; a time to live is an Instant or epoch seconds in a long");
  }

  @Test
  void entitiesServedByOneTableAccessor_areAnError() {
    JavaFileObject first = source("test.a.Item", """
        package test.a;
        import dev.monotable.annotation.*;
        @Entity(table = test.Shared.class, type = "ItemA")
        @PartitionKey("A#<id>")
        public record Item(String id) {}
        """);
    JavaFileObject second = source("test.b.Item", """
        package test.b;
        import dev.monotable.annotation.*;
        @Entity(table = test.Shared.class, type = "ItemB")
        @PartitionKey("B#<id>")
        public record Item(String id) {}
        """);
    JavaFileObject table = source("test.Shared", """
        package test;
        import dev.monotable.annotation.*;
        @Table(name = "Shared", partitionKey = "PK")
        public interface Shared {}
        """);
    Compilation compilation = compile(table, first, second);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[MT-ENTITY-DUPLICATE] entities test.a.Item and test.b.Item of table Shared"
            + " would both be served by SharedTable.items()")
        .inFile(second).onLineContaining("record Item");
  }

  @Test
  void entityThatIsAlsoADocument_isAnError() {
    JavaFileObject erroneous = entity("ErroneousBoth", """
        @Document
        @Entity(table = AppData.class)
        @PartitionKey("BOTH#<id>")
        @SortKey("BOTH")
        record ErroneousBoth(String id) {}
        """);
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-ENTITY-KIND] ErroneousBoth is both @Entity and @Document")
        .inFile(erroneous).onLineContaining("record ErroneousBoth");
  }

  /** Generates {@code test.Money} in its first round, as another annotation processor would. */
  static final class MoneyGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done) {
        return false;
      }
      done = true;
      try (Writer writer = processingEnv.getFiler().createSourceFile("test.Money").openWriter()) {
        writer.write("package test;\n@dev.monotable.annotation.Document\npublic record Money(String currency, long cents) {}\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return false;
    }
  }

  @Test
  void fieldOfATypeAnotherProcessorGenerates_waitsForItsRound() {
    JavaFileObject product = entity("Product", """
        @Entity(table = AppData.class)
        @PartitionKey("PRODUCT#<sku>")
        @SortKey("PRODUCT")
        record Product(String sku, Money price) {}
        """);
    Compilation compilation = Compiler.javac()
        .withProcessors(new MonotableProcessor(), new MoneyGenerator())
        .compile(appData(), product);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.ProductSchema").contentsAsUtf8String()
        .contains("AttributeCodecs.document(MoneySchema.INSTANCE)");
    assertThat(compilation).generatedSourceFile("test.MoneySchema");
    assertThat(compilation).generatedSourceFile("test.AppDataTable").contentsAsUtf8String()
        .contains("public ProductRepository products()");
  }

  @Test
  void fieldOfATypeNeverGenerated_isReportedWhenProcessingEnds() {
    JavaFileObject product = entity("ErroneousProduct", """
        @Entity(table = AppData.class)
        @PartitionKey("PRODUCT#<sku>")
        @SortKey("PRODUCT")
        record ErroneousProduct(String sku, Missing price) {}
        """);
    Compilation compilation = compile(appData(), product);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[MT-TYPE-NOT-GENERATED] ErroneousProduct uses type Missing (field price)")
        .inFile(product).onLineContaining("record ErroneousProduct");
  }
}
