package dev.monotable.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.monotable.processor.ProcessorTestSupport.appData;
import static dev.monotable.processor.ProcessorTestSupport.compile;
import static dev.monotable.processor.ProcessorTestSupport.entity;

import com.google.testing.compile.Compilation;
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
