package dev.monotable.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.monotable.processor.ProcessorTestSupport.appData;
import static dev.monotable.processor.ProcessorTestSupport.compile;
import static dev.monotable.processor.ProcessorTestSupport.entity;
import static dev.monotable.processor.ProcessorTestSupport.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Build-time checks of item collections and of overlapping sort-key territories. */
class CollectionErrorsTest {

  private static JavaFileObject user(String collection) {
    return entity("User", """
        @Entity(table = AppData.class)
        @PartitionKey(value = "USER#<id>", collection = "%s")
        @SortKey("PROFILE")
        record User(String id) {}
        """.formatted(collection));
  }

  @Test
  void collectionWithOneMember_isAnError() {
    JavaFileObject erroneous = user("customer");
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-COLLECTION-ONE-MEMBER] collection \"customer\" of table AppData has one member, User")
        .inFile(erroneous).onLineContaining("collection = \"customer\"");
  }

  @Test
  void membersWhosePartitionKeysDifferInShape_areAnError() {
    JavaFileObject erroneous = entity("ErroneousOrder", """
        @Entity(table = AppData.class)
        @PartitionKey(value = "CUSTOMER#<userId>", collection = "customer")
        @SortKey("ORDER#<orderId>")
        record ErroneousOrder(String userId, String orderId) {}
        """);
    JavaFileObject typed = entity("ErroneousVisit", """
        @Entity(table = AppData.class)
        @PartitionKey(value = "USER#<userId>", collection = "customer")
        @SortKey("VISIT#<at>")
        record ErroneousVisit(int userId, Instant at) {}
        """);
    JavaFileObject user = user("customer");
    Compilation compilation = compile(appData(), user, erroneous, typed);
    assertThat(compilation).hadErrorCount(4);
    String userVersusOrder = "[MT-COLLECTION-SHAPE] collection \"customer\": the partition keys of"
        + " ErroneousOrder (\"CUSTOMER#<userId>\") and User (\"USER#<id>\") differ in shape";
    assertThat(compilation).hadErrorContaining(userVersusOrder).inFile(erroneous).onLineContaining("collection = \"customer\"");
    assertThat(compilation).hadErrorContaining(userVersusOrder).inFile(user).onLineContaining("collection = \"customer\"");
    assertThat(compilation).hadErrorContaining("ErroneousVisit (\"USER#<userId>\") differ in shape")
        .inFile(typed).onLineContaining("collection = \"customer\"");
  }

  @Test
  void aCollectionNamedLikeAMember_getsARecordOfAnotherName_andMembersNamedLikeKeywordsCompile() throws IOException {
    Compilation compilation = compile(appData(), entity("Project", """
            @Entity(table = AppData.class)
            @PartitionKey(value = "PROJECT#<id>", collection = "project")
            @SortKey("PROJECT")
            record Project(String id, String name) {}
            """), entity("Default", """
            @Entity(table = AppData.class)
            @PartitionKey(value = "PROJECT#<projectId>", collection = "project")
            @SortKey("DEFAULT")
            record Default(String projectId) {}
            """), entity("Task", """
            @Entity(table = AppData.class)
            @PartitionKey(value = "PROJECT#<projectId>", collection = "project")
            @SortKey("TASK#<id>")
            record Task(String projectId, String id) {}
            """),
        // the caller compiles only if Project is the entity, and the record another type
        source("test.Usage", """
            package test;
            import java.util.List;
            import java.util.Optional;
            class Usage {
              static Optional<Project> read(AppDataTable table) {
                AppDataTable.ProjectItems items = table.project("p").read();
                Optional<Default> settings = items.default_();
                List<Task> tasks = items.tasks();
                return items.project();
              }
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void collectionsWhoseTypesShareAName_orMembersTheirComponent_areErrors() {
    JavaFileObject erroneousA = entity("ErroneousA", """
        @Entity(table = AppData.class)
        @PartitionKey(value = "A#<id>", collection = "customer")
        @SortKey("A")
        record ErroneousA(String id) {}
        """);
    JavaFileObject b = entity("B", """
        @Entity(table = AppData.class)
        @PartitionKey(value = "A#<id>", collection = "customer")
        @SortKey("B")
        record B(String id) {}
        """);
    JavaFileObject erroneousPage = entity("ErroneousPage", """
        @Entity(table = AppData.class)
        @PartitionKey(value = "P#<id>", collection = "customerPage")
        @SortKey("P")
        record ErroneousPage(String id) {}
        """);
    JavaFileObject erroneousTable = entity("ErroneousTable", """
        @Entity(table = AppData.class)
        @PartitionKey(value = "T#<id>", collection = "appDataTable")
        @SortKey("T")
        record ErroneousTable(String id) {}
        """);
    Compilation compilation = compile(appData(), erroneousA, b, erroneousPage, erroneousTable);
    assertThat(compilation).hadErrorContaining("[MT-COLLECTION-NAME] collections customer and customerPage of table"
        + " AppData would both give AppDataTable the nested type CustomerPage; rename one of the collections")
        .inFile(erroneousPage).onLineContaining("collection = \"customerPage\"");
    assertThat(compilation).hadErrorContaining("[MT-COLLECTION-NAME] collection appDataTable would give AppDataTable"
        + " a nested type of its own name, AppDataTable; rename the collection")
        .inFile(erroneousTable).onLineContaining("collection = \"appDataTable\"");

    JavaFileObject orders = entity("Orders", """
        @Entity(table = AppData.class)
        @PartitionKey(value = "USER#<id>", collection = "customer")
        @SortKey("SUMMARY")
        record Orders(String id) {}
        """);
    JavaFileObject erroneousOrder = entity("Order", """
        @Entity(table = AppData.class)
        @PartitionKey(value = "USER#<userId>", collection = "customer")
        @SortKey("ORDER#<id>")
        record Order(String userId, String id) {}
        """);
    Compilation members = compile(appData(), orders, erroneousOrder);
    assertThat(members).hadErrorCount(1);
    assertThat(members).hadErrorContaining("[MT-COLLECTION-NAME] entities Order and Orders of collection customer"
        + " would both be the component orders of the generated AppDataTable.Customer record; rename one of the"
        + " classes").inFile(orders).onLineContaining("collection = \"customer\"");
  }

  @Test
  void collectionNameThatIsNoMethodName_orClashes_isAnError() {
    JavaFileObject order = entity("Order", """
        @Entity(table = AppData.class)
        @PartitionKey(value = "USER#<userId>", collection = "users")
        @SortKey("ORDER#<orderId>")
        record Order(String userId, String orderId) {}
        """);
    Compilation compilation = compile(appData(), user("users"), order);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[MT-COLLECTION-NAME] collection name \"users\" of Order clashes with the method AppDataTable.users()")
        .inFile(order).onLineContaining("collection = \"users\"");

    Compilation invalid = compile(appData(), user("my customer"), order);
    assertThat(invalid).hadErrorContaining("collection name \"my customer\" of User is not a Java method name");
  }

  @Test
  void sortKeysInsideAnotherEntitysTerritory_areAWarning_thatCanBeSuppressed() {
    JavaFileObject order = entity("Order", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<userId>")
        @SortKey("ORDER#<orderId>")
        record Order(String userId, String orderId) {}
        """);
    JavaFileObject note = entity("Note", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<userId>")
        @SortKey("ORDER#<orderId>#NOTE#<n>")
        @SuppressWarnings("monotable.territory-overlap")
        record Note(String userId, String orderId, int n) {}
        """);
    Compilation compilation = compile(appData(), order, note);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining("[MT-KEY-TERRITORY-OVERLAP] the sort keys of Note (\"ORDER#<orderId>#NOTE#<n>\")"
            + " lie inside the territory of Order (\"ORDER#<orderId>\")")
        .inFile(order).onLineContaining("@SortKey");
  }

  @Test
  void scanAllCalls_areAWarning_namingTheAccessPatterns_unlessSuppressed() {
    JavaFileObject order = entity("Order", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<userId>")
        @SortKey("ORDER#<orderId>")
        @AccessPattern(name = "ordersOfUser")
        record Order(String userId, String orderId) {}
        """);
    JavaFileObject usage = entity("Report", """
        class Report {
          int all(AppDataTable table) {
            return table.orders().scanAll().list().size();
          }

          @SuppressWarnings("monotable.scan")
          long backfill(AppDataTable table) {
            return table.orders().scanAll().count();
          }
        }
        """);
    Compilation compilation = compile(appData(), order, usage);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(1);
    assertThat(compilation).hadWarningContaining("[MT-SCAN] scanAll() reads and pays for every item of the table;"
            + " Order has access patterns ordersOfUser")
        .inFile(usage).onLineContaining("return table.orders().scanAll().list().size();");
  }
}
