package dev.monotable.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.monotable.processor.ProcessorTestSupport.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shape of what users read: a few golden files pin the generated code of a small design, and
 * the code compiles without a single lint warning. Behaviour is tested by running it (see the
 * integration-tests module), not here.
 *
 * <p>After an intended change to generated code, rewrite the golden files with
 * {@code mvn -pl processor test -Dtest=GeneratedCodeTest -Dmonotable.golden.update=true} and review the diff.
 */
class GeneratedCodeTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/GeneratedCodeTest/customer");

  private static final List<JavaFileObject> DESIGN = List.of(
      source("shop.AppData", """
          package shop;

          import dev.monotable.annotation.*;

          @Table(name = "AppData", partitionKey = "PK", sortKey = "SK", stream = StreamView.NEW_AND_OLD_IMAGES,
              globalIndexes = {
                  @GlobalIndex(name = "GSI1", partitionKey = "GSI1PK", sortKey = "GSI1SK"),
                  @GlobalIndex(name = "ByStatus", partitionKey = "status", sortKey = "orderDate",
                      projection = Projection.KEYS_ONLY)})
          interface AppData {}
          """),
      source("shop.User", """
          package shop;

          import dev.monotable.annotation.*;
          import java.time.Instant;

          @Entity(table = AppData.class)
          @PartitionKey(value = "USER#<id>", collection = "customer")
          @SortKey("PROFILE")
          record User(String id, @Attribute("mail") String email, String name, Instant createdAt) {}
          """),
      source("shop.Order", """
          package shop;

          import dev.monotable.annotation.*;
          import java.math.BigDecimal;
          import java.time.Instant;
          import java.util.List;

          @Entity(table = AppData.class)
          @PartitionKey(value = "USER#<userId>", collection = "customer")
          @SortKey("ORDER#<orderDate>#<orderId>")
          @IndexKey(index = "GSI1", partitionKey = "ORDER#<orderId>", sortKey = "ORDER")
          @AccessPattern(name = "ordersOfUser")
          @AccessPattern(name = "orderById", index = "GSI1")
          @AccessPattern(name = "ordersByStatus", index = "ByStatus")
          record Order(String userId, String orderId, Instant orderDate, Status status, BigDecimal total,
                       List<Line> lines) {
            enum Status { PENDING, PAID, SHIPPED }

            @Document
            record Line(String sku, int quantity) {}
          }
          """));

  private static final List<String> FILES = List.of(
      "AppDataTable", "AppDataAsyncTable", "AppDataMigrations", "UserSchema", "UserKeys", "UserRepository", "OrderSchema", "OrderKeys",
      "OrderRepository", "OrderAsyncRepository",
      "Order_LineSchema", "AppDataChanges", "AppDataChangeHandler");

  @Test
  void generatedCode_compilesWithoutLintWarnings() {
    Compilation compilation = Compiler.javac()
        .withProcessors(new MonotableProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .compile(DESIGN);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void generatedCode_matchesTheGoldenFiles() throws IOException {
    Compilation compilation = ProcessorTestSupport.compile(DESIGN.toArray(new JavaFileObject[0]));
    assertThat(compilation).succeededWithoutWarnings();
    boolean update = Boolean.getBoolean("monotable.golden.update");
    for (String file : FILES) {
      Path golden = GOLDEN.resolve(file + ".java");
      if (update) {
        Files.createDirectories(GOLDEN);
        Files.writeString(golden, compilation.generatedSourceFile("shop." + file).orElseThrow()
            .getCharContent(false).toString());
      }
      assertTrue(Files.exists(golden), "missing golden file " + golden);
      assertThat(compilation).generatedSourceFile("shop." + file)
          .hasSourceEquivalentTo(JavaFileObjects.forSourceString("shop." + file, Files.readString(golden)));
    }
  }

  private static JavaFileObject usage(String body) {
    return source("shop.Usage", """
        package shop;

        import dev.monotable.runtime.internal.DynamoTable;
        import java.time.Instant;
        import java.util.List;

        class Usage {
          List<Order> read(DynamoTable table) {
            OrderRepository orders = new OrderRepository(table);
            return %s;
          }
        }
        """.formatted(body));
  }

  @Test
  void consistentRead_compilesOnPrimaryKeyPatterns_andNotOnGlobalIndexPatterns() {
    List<JavaFileObject> primary = new java.util.ArrayList<>(DESIGN);
    primary.add(usage("orders.ordersOfUser(\"ada\").orderDate().atLeast(Instant.EPOCH).consistentRead().list()"));
    assertThat(ProcessorTestSupport.compile(primary.toArray(new JavaFileObject[0]))).succeededWithoutWarnings();

    List<JavaFileObject> global = new java.util.ArrayList<>(DESIGN);
    JavaFileObject erroneous = usage("orders.orderById(\"o-1\").consistentRead().list()");
    global.add(erroneous);
    Compilation compilation = ProcessorTestSupport.compile(global.toArray(new JavaFileObject[0]));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(erroneous).onLineContaining("consistentRead");
  }

  @Test
  void narrowingOutOfTemplateOrder_doesNotCompile() {
    List<JavaFileObject> sources = new java.util.ArrayList<>(DESIGN);
    JavaFileObject erroneous = usage("orders.ordersOfUser(\"ada\").orderId(\"o-1\").list()");
    sources.add(erroneous);
    Compilation compilation = ProcessorTestSupport.compile(sources.toArray(new JavaFileObject[0]));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(erroneous).onLineContaining("orderId");
  }

  @Test
  void namesThatClashWithGeneratedLocals_stillCompile() {
    Compilation compilation = Compiler.javac()
        .withProcessors(new MonotableProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .compile(DESIGN.get(0), source("shop.Store", """
            package shop;
            import dev.monotable.annotation.*;
            @Entity(table = AppData.class)
            @PartitionKey(value = "S#<item>", collection = "item")
            @SortKey("STATE#<state>#<table>#<store>")
            @AccessPattern(name = "byState")
            record Store(String item, String state, String table, String store, String in, String out,
                         String attributes) {}
            """), source("shop.Item", """
            package shop;
            import dev.monotable.annotation.*;
            @Entity(table = AppData.class)
            @PartitionKey(value = "S#<storedItem>", collection = "item")
            @SortKey("ITEM")
            record Item(String storedItem, String item) {}
            """), source("shop.Shelf", """
            package shop;
            import dev.monotable.annotation.*;
            @Entity(table = AppData.class)
            @PartitionKey("SHELF#<partitionKey>")
            @SortKey("SHELF#<low>")
            @AccessPattern(name = "shelves")
            record Shelf(String partitionKey, String low) {}
            """));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void generatedLines_fitIn120Columns() throws IOException {
    Compilation compilation = ProcessorTestSupport.compile(DESIGN.toArray(new JavaFileObject[0]));
    assertThat(compilation).succeeded();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      List<String> longLines = file.getCharContent(false).toString().lines().filter(line -> line.length() > 120)
          .toList();
      assertEquals(List.of(), longLines, file.getName());
    }
  }

  private static Compilation compileWithLint(JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(new MonotableProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .compile(sources);
  }

  @Test
  void entityAndDocumentWithoutFields_compile() {
    Compilation compilation = compileWithLint(DESIGN.get(0), source("shop.Maintenance", """
        package shop;
        import dev.monotable.annotation.*;
        @Entity(table = AppData.class)
        @PartitionKey("MAINTENANCE")
        @SortKey("MAINTENANCE")
        @SuppressWarnings("monotable.hot-partition")
        record Maintenance() {}
        """), source("shop.Tagged", """
        package shop;
        import dev.monotable.annotation.*;
        @Entity(table = AppData.class)
        @PartitionKey("TAGGED#<id>")
        @SortKey("TAGGED")
        record Tagged(String id, Tag tag) {
          @Document
          record Tag() {}
        }
        """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("shop.MaintenanceSchema").contentsAsUtf8String()
        .contains("return new Maintenance();");
    assertThat(compilation).generatedSourceFile("shop.Tagged_TagSchema").contentsAsUtf8String()
        .contains("return new Tagged.Tag();");
  }

  /**
   * An entity named like a runtime type ({@code Condition}, {@code Path}) or a {@code java.lang}
   * one ({@code String}, {@code Override}), next to another entity whose generated code uses that
   * type: generated code spells the other type in full.
   */
  @ParameterizedTest
  @ValueSource(strings = {"Condition", "Path", "Query", "Update", "Key", "String", "Override", "Integer", "Object"})
  void entityNamedLikeATypeGeneratedCodeUses_compiles(String name) {
    Compilation compilation = compileWithLint(DESIGN.get(0), source("shop." + name, """
        package shop;
        import dev.monotable.annotation.*;
        @Entity(table = AppData.class)
        @PartitionKey(value = "ACCOUNT#<id>", collection = "holdings")
        @SortKey("%s#<n>")
        @IndexKey(index = "GSI1", partitionKey = "%s#<n>", sortKey = "ACCOUNT#<id>")
        @AccessPattern(name = "byAccount")
        @AccessPattern(name = "byNumber", index = "GSI1")
        public record %s(java.lang.String id, int n, java.util.List<java.lang.String> tags) {}
        """.formatted(name.toUpperCase(java.util.Locale.ROOT), name.toUpperCase(java.util.Locale.ROOT), name)),
        source("shop.Account", """
        package shop;
        import dev.monotable.annotation.*;
        @Entity(table = AppData.class)
        @PartitionKey(value = "ACCOUNT#<id>", collection = "holdings")
        @SortKey("ACCOUNT")
        @AccessPattern(name = "byId")
        public record Account(java.lang.String id, java.lang.Integer limit,
            java.util.Map<java.lang.String, java.lang.String> labels) {}
        """));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void tableDescription_isWrittenToTheClassOutput() throws IOException {
    Compilation compilation = ProcessorTestSupport.compile(DESIGN.toArray(new JavaFileObject[0]));
    String json = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/monotable/AppData.json")
        .orElseThrow().getCharContent(false).toString();
    assertTrue(json.contains("\"TableName\": \"AppData\""), json);
    assertTrue(json.contains("{\"AttributeName\": \"status\", \"AttributeType\": \"S\"}"), json);
    assertTrue(json.contains("\"Projection\": {\"ProjectionType\": \"KEYS_ONLY\"}"), json);
    assertEquals(1, json.split("\"GlobalSecondaryIndexes\"", -1).length - 1);
  }

  @Test
  void entityInError_generatesNothing_andItsTableNeither() {
    Compilation compilation = ProcessorTestSupport.compile(DESIGN.get(0), DESIGN.get(1), DESIGN.get(2), source("shop.Broken", """
        package shop;
        import dev.monotable.annotation.*;
        @Entity(table = AppData.class)
        @PartitionKey("BROKEN#<nope>")
        @SortKey("X")
        record Broken(String id) {}
        """));
    // one error only: had the table class been generated, javac would also miss BrokenRepository
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-KEY-UNKNOWN-FIELD]");
  }

}
