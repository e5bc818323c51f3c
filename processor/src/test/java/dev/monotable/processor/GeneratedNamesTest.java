package dev.monotable.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.monotable.processor.ProcessorTestSupport.appData;
import static dev.monotable.processor.ProcessorTestSupport.compile;
import static dev.monotable.processor.ProcessorTestSupport.entity;
import static dev.monotable.processor.ProcessorTestSupport.source;

import com.google.testing.compile.Compilation;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The names of the classes Monotable generates beside a design's types ({@code OrderKeys} next to
 * {@code Order}): a type or a source file that takes one is named in an error, and a design in the
 * unnamed package or in files of other names compiles.
 */
class GeneratedNamesTest {
  private static JavaFileObject order() {
    return entity("Order", """
        @Entity(table = AppData.class)
        @PartitionKey("ORDER#<id>")
        @SortKey("ORDER")
        @AccessPattern(name = "orderById")
        record Order(String id) {}
        """);
  }

  @Test
  void aTypeNamedLikeTheClassesOfAnotherEntity_isAnError_namingBoth() {
    JavaFileObject erroneous = order();
    JavaFileObject keys = entity("OrderKeys", """
        @Entity(table = AppData.class)
        @PartitionKey("KEYS#<id>")
        @SortKey("KEYS")
        record OrderKeys(String id) {}
        """);
    Compilation compilation = compile(appData(), erroneous, keys);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-GENERATED-NAME] Monotable generates test.OrderKeys, the key"
        + " builders of entity Order, but a type of that name is already declared; rename OrderKeys or Order")
        .inFile(erroneous).onLineContaining("record Order");

    JavaFileObject schema = source("test.OrderSchema", "package test;\nfinal class OrderSchema {}\n");
    Compilation plainClass = compile(appData(), erroneous, schema);
    assertThat(plainClass).hadErrorCount(1);
    assertThat(plainClass).hadErrorContaining("Monotable generates test.OrderSchema, the schema of entity Order, but a"
        + " type of that name is already declared").inFile(erroneous).onLineContaining("record Order");
  }

  @Test
  void anEntityNamedLikeTheClassesOfItsTable_isAnError_onTheTable() {
    JavaFileObject feed = source("test.Feed", """
        package test;
        import dev.monotable.annotation.*;
        @Table(name = "Feed", partitionKey = "PK", sortKey = "SK", stream = StreamView.NEW_AND_OLD_IMAGES)
        interface Feed {}
        """);
    for (String name : List.of("FeedTable", "FeedChanges", "FeedChangeHandler")) {
      Compilation compilation = compile(feed, entity(name, """
          @Entity(table = Feed.class)
          @PartitionKey("X#<id>")
          @SortKey("X")
          record %s(String id) {}
          """.formatted(name)));
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation).hadErrorContaining("[MT-GENERATED-NAME] Monotable generates test." + name + ", the ")
          .inFile(feed).onLineContaining("@Table");
      assertThat(compilation).hadErrorContaining("of table Feed, but a type of that name is already declared; rename "
          + name + " or Feed");
    }
  }

  @Test
  void twoTypesWhoseGeneratedClassesShareAName_areAnError() {
    JavaFileObject nested = entity("Shop", """
        final class Shop {
          @Entity(table = AppData.class)
          @PartitionKey("SHOP#<id>")
          @SortKey("ORDER")
          record Order(String id) {}
        }
        """);
    JavaFileObject flat = entity("Shop_Order", """
        @Entity(table = AppData.class)
        @PartitionKey("FLAT#<id>")
        @SortKey("ORDER")
        record Shop_Order(String id) {}
        """);
    Compilation compilation = compile(appData(), nested, flat);
    assertThat(compilation).hadErrorCount(2);
    String message = "[MT-GENERATED-NAME] test.Shop.Order and test.Shop_Order would both generate"
        + " test.Shop_OrderSchema, as the classes of a nested type join its names with '_'; rename one of them";
    assertThat(compilation).hadErrorContaining(message).inFile(nested).onLineContaining("record Order");
    assertThat(compilation).hadErrorContaining(message).inFile(flat).onLineContaining("record Shop_Order");

    // a document's classes are compared with an entity's
    JavaFileObject withLine = entity("Order", """
        @Entity(table = AppData.class)
        @PartitionKey("ORDER#<id>")
        @SortKey("ORDER")
        record Order(String id, Line line) {
          @Document
          record Line(String sku) {}
        }
        """);
    JavaFileObject line = entity("Order_Line", """
        @Entity(table = AppData.class)
        @PartitionKey("LINE#<id>")
        @SortKey("LINE")
        record Order_Line(String id) {}
        """);
    Compilation document = compile(appData(), withLine, line);
    assertThat(document).hadErrorCount(1);
    assertThat(document).hadErrorContaining("[MT-GENERATED-NAME] test.Order.Line and test.Order_Line would both"
        + " generate test.Order_LineSchema").inFile(line).onLineContaining("record Order_Line");
  }

  @Test
  void anEntityInAFileNamedLikeAGeneratedClass_isAnError_andInAFileOfAnotherName_compiles() {
    JavaFileObject erroneous = source("test.OrderKeys", """
        package test;
        import dev.monotable.annotation.*;
        @Entity(table = AppData.class)
        @PartitionKey("ORDER#<id>")
        @SortKey("ORDER")
        record Order(String id) {}
        """);
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-GENERATED-NAME] Monotable generates test.OrderKeys, the key"
        + " builders of entity Order, but the source file of that name, OrderKeys.java, declares Order instead: javac"
        + " would read it for the generated class and find Order twice; move Order to a file of its own name")
        .inFile(erroneous).onLineContaining("record Order");

    assertThat(compile(appData(), source("test.Models", """
        package test;
        import dev.monotable.annotation.*;
        @Entity(table = AppData.class)
        @PartitionKey("ORDER#<id>")
        @SortKey("ORDER")
        record Order(String id) {}
        """))).succeededWithoutWarnings();
  }

  /**
   * As Maven compiles: every file given, and the source folders as the source path, through which
   * javac finds a class by its file's name.
   */
  @Test
  void onTheSourcePath_anEntityInAFileOfAnotherName_compiles_andOneInAFileOfAGeneratedName_getsTheError(
      @TempDir Path folder) throws IOException {
    String table = """
        package shop;
        import dev.monotable.annotation.*;
        @Table(name = "AppData", partitionKey = "PK", sortKey = "SK")
        interface AppData {}
        """;
    String entity = """
        package shop;
        import dev.monotable.annotation.*;
        @Entity(table = AppData.class)
        @PartitionKey("ORDER#<id>")
        @SortKey("ORDER")
        @AccessPattern(name = "orderById")
        record Order(String id) {}
        """;
    assertThat(javacOnSourcePath(folder.resolve("models"), Map.of("AppData", table, "Models", entity))).isEmpty();
    assertThat(javacOnSourcePath(folder.resolve("keys"), Map.of("AppData", table, "OrderKeys", entity)))
        .containsExactly("OrderKeys.java: [MT-GENERATED-NAME] Monotable generates shop.OrderKeys, the key builders of"
            + " entity Order, but the source file of that name, OrderKeys.java, declares Order instead: javac would"
            + " read it for the generated class and find Order twice; move Order to a file of its own name");
  }

  /** The errors of compiling {@code files} (package shop, by file name) with the source path set. */
  private static List<String> javacOnSourcePath(Path folder, Map<String, String> files) throws IOException {
    Path sources = folder.resolve("src");
    Path generated = Files.createDirectories(folder.resolve("generated"));
    Path classes = Files.createDirectories(folder.resolve("classes"));
    List<Path> inputs = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = sources.resolve("shop").resolve(file.getKey() + ".java");
      Files.createDirectories(path.getParent());
      inputs.add(Files.writeString(path, file.getValue()));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, fileManager, diagnostics, List.of(
              "-sourcepath", sources + File.pathSeparator + generated, "-s", generated.toString(),
              "-d", classes.toString(), "-classpath", System.getProperty("java.class.path")),
          null, fileManager.getJavaFileObjectsFromPaths(inputs));
      task.setProcessors(List.of(new MonotableProcessor()));
      task.call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(diagnostic -> diagnostic.getKind() == javax.tools.Diagnostic.Kind.ERROR)
        .map(diagnostic -> Path.of(diagnostic.getSource().getName()).getFileName() + ": "
            + diagnostic.getMessage(null))
        .collect(Collectors.toList());
  }

  @Test
  void aDesignInTheUnnamedPackage_generatesItsClassesThere() {
    Compilation compilation = compile(source("AppData", """
            import dev.monotable.annotation.*;
            @Table(name = "AppData", partitionKey = "PK", sortKey = "SK", stream = StreamView.NEW_AND_OLD_IMAGES)
            interface AppData {}
            """), source("Order", """
            import dev.monotable.annotation.*;
            @Entity(table = AppData.class)
            @PartitionKey(value = "USER#<userId>", collection = "customer")
            @SortKey("ORDER#<id>")
            @AccessPattern(name = "ordersOfUser")
            record Order(String userId, String id, Line line) {
              @Document
              record Line(String sku) {}
            }
            """), source("User", """
            import dev.monotable.annotation.*;
            @Entity(table = AppData.class)
            @PartitionKey(value = "USER#<id>", collection = "customer")
            @SortKey("PROFILE")
            record User(String id) {}
            """),
        // a type of the unnamed package named like one generated code uses is not mistaken for it
        source("Condition", "final class Condition {}\n"),
        source("Usage", """
            import java.util.List;
            class Usage {
              static List<Order> orders(AppDataTable table) {
                return table.customer("ada").read().orders().isEmpty() ? List.of()
                    : table.orders().ordersOfUser("ada").list();
              }
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFile("OrderKeys").isPresent()).isTrue();
  }
}
