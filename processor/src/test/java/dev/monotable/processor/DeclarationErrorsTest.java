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
    assertThat(compilation).hadErrorContaining("revision of ErroneousAccount is part of the primary key");
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
