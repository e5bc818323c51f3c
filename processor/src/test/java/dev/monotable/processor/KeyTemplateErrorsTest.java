package dev.monotable.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.monotable.processor.ProcessorTestSupport.appData;
import static dev.monotable.processor.ProcessorTestSupport.compile;
import static dev.monotable.processor.ProcessorTestSupport.entity;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Build-time checks of key templates: each error on the annotation value that is wrong. */
class KeyTemplateErrorsTest {

  @Test
  void unknownField_isReportedOnTheTemplate_withTheNearestName() {
    JavaFileObject erroneous = entity("ErroneousUser", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<idd>")
        @SortKey("PROFILE")
        record ErroneousUser(String id, String email) {}
        """);
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-KEY-UNKNOWN-FIELD]")
        .inFile(erroneous).onLineContaining("@PartitionKey(\"USER#<idd>\")");
    assertThat(compilation).hadErrorContaining("names <idd>, which is not a field of ErroneousUser; did you mean <id>?");
  }

  @Test
  void unknownField_farFromEveryName_listsTheFields() {
    JavaFileObject erroneous = entity("ErroneousUser", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<id>")
        @SortKey("ORDER#<somethingElse>")
        record ErroneousUser(String id, String email) {}
        """);
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("its fields are id, email")
        .inFile(erroneous).onLineContaining("@SortKey");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "USER#<id       | '<' at position 6 is never closed",
      "USER#<>        | the placeholder at position 6 is empty",
      "USER#<a<id>>   | cannot nest",
      "USER#id>       | closes no '<'",
      "''             | the template is empty"})
  void malformedTemplate_isReportedWithWhatIsWrong(String template, String problem) {
    JavaFileObject erroneous = entity("ErroneousUser", """
        @Entity(table = AppData.class)
        @PartitionKey("%s")
        @SortKey("PROFILE")
        record ErroneousUser(String id) {}
        """.formatted(template));
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-KEY-MALFORMED]").inFile(erroneous).onLineContaining("@PartitionKey");
    assertThat(compilation).hadErrorContaining(problem);
  }

  @ParameterizedTest
  @CsvSource({"ORDER#<a><b>", "ORDER#<a>-<b>"})
  void placeholdersNotSeparatedByTheDelimiter_areAnError(String template) {
    JavaFileObject erroneous = entity("ErroneousOrder", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<a>")
        @SortKey("%s")
        record ErroneousOrder(String a, String b) {}
        """.formatted(template));
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-KEY-ADJACENT-PLACEHOLDERS]")
        .inFile(erroneous).onLineContaining("@SortKey");
    assertThat(compilation).hadErrorContaining("write <a>#<b>");
  }

  @Test
  void keyFieldOfACollectionType_isAnError() {
    JavaFileObject erroneous = entity("ErroneousUser", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<tags>")
        @SortKey("PROFILE")
        record ErroneousUser(List<String> tags) {}
        """);
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-KEY-FIELD-TYPE] field tags of ErroneousUser is a List<String>")
        .inFile(erroneous).onLineContaining("@PartitionKey");
  }

  @Test
  void keyFieldWhoseEncodingCanHoldTheDelimiter_isAnError() {
    JavaFileObject table = ProcessorTestSupport.source("test.Dashed", """
        package test;
        import dev.monotable.annotation.*;
        @Table(name = "Dashed", partitionKey = "PK", sortKey = "SK", keyDelimiter = "-")
        interface Dashed {}
        """);
    JavaFileObject erroneous = entity("ErroneousDay", """
        @Entity(table = Dashed.class)
        @PartitionKey("DAY-<day>")
        @SortKey("TOTAL")
        record ErroneousDay(LocalDate day) {}
        """);
    Compilation compilation = compile(table, erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-KEY-DELIMITER-CLASH] field day of ErroneousDay is a LocalDate")
        .inFile(erroneous).onLineContaining("@PartitionKey");
  }

  @Test
  void missingPartitionKey_isReportedOnTheEntity() {
    JavaFileObject erroneous = entity("ErroneousUser", """
        @Entity(table = AppData.class)
        @SortKey("PROFILE")
        record ErroneousUser(String id) {}
        """);
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-KEY-NO-PARTITION-KEY] entity ErroneousUser has no @PartitionKey")
        .inFile(erroneous).onLineContaining("record ErroneousUser");
  }

  @Test
  void missingSortKey_onATableWithOne_isAnError() {
    JavaFileObject erroneous = entity("ErroneousUser", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<id>")
        record ErroneousUser(String id) {}
        """);
    Compilation compilation = compile(appData(), erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-KEY-NO-SORT-KEY]")
        .inFile(erroneous).onLineContaining("record ErroneousUser");
  }

  @Test
  void sortKey_onATableWithout_isAnError() {
    JavaFileObject table = ProcessorTestSupport.source("test.Flat", """
        package test;
        import dev.monotable.annotation.*;
        @Table(name = "Flat", partitionKey = "PK")
        interface Flat {}
        """);
    JavaFileObject erroneous = entity("ErroneousUser", """
        @Entity(table = Flat.class)
        @PartitionKey("USER#<id>")
        @SortKey("PROFILE")
        record ErroneousUser(String id) {}
        """);
    Compilation compilation = compile(table, erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-KEY-UNEXPECTED-SORT-KEY] table Flat has no sort key")
        .inFile(erroneous).onLineContaining("@SortKey");
  }

  @Test
  void templateWhoseShortestKeyExceedsDynamoDbsLimit_isAnError() {
    // 2048 bytes of literal text and a non-empty string: at least 2049 bytes, over the 2048 of a partition key
    JavaFileObject erroneousPartition = entity("ErroneousArchive", """
        @Entity(table = AppData.class)
        @PartitionKey("%s<id>")
        @SortKey("ARCHIVE")
        record ErroneousArchive(String id) {}
        """.formatted("A".repeat(2048)));
    // an int is 10 digits: 1014 bytes of literal text fit a sort key exactly, 1015 do not
    JavaFileObject fitting = entity("Page", """
        @Entity(table = AppData.class)
        @PartitionKey("PAGE#<id>")
        @SortKey("%s<n>")
        record Page(String id, int n) {}
        """.formatted("P".repeat(1014)));
    JavaFileObject erroneousSort = entity("ErroneousPage", """
        @Entity(table = AppData.class)
        @PartitionKey("EPAGE#<id>")
        @SortKey("%s<n>")
        record ErroneousPage(String id, int n) {}
        """.formatted("P".repeat(1015)));
    Compilation compilation = compile(appData(), erroneousPartition, fitting, erroneousSort);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[MT-KEY-TOO-LONG] key template \"" + "A".repeat(40) + "\u2026\" of"
            + " @PartitionKey of ErroneousArchive gives keys of at least 2049 bytes in UTF-8 (2048 of literal text, at least"
            + " 1 from its placeholders), but DynamoDB allows partition key values of at most 2048 bytes")
        .inFile(erroneousPartition).onLineContaining("@PartitionKey");
    assertThat(compilation).hadErrorContaining("of @SortKey of ErroneousPage gives keys of at least 1025 bytes in UTF-8"
            + " (1015 of literal text, at least 10 from its placeholders), but DynamoDB allows sort key values of at most"
            + " 1024 bytes")
        .inFile(erroneousSort).onLineContaining("@SortKey");
  }

  @Test
  void hotPartition_isAWarning_thatCanBeSuppressed() {
    JavaFileObject warned = entity("Settings", """
        @Entity(table = AppData.class)
        @PartitionKey("SETTINGS")
        @SortKey("ITEM#<name>")
        record Settings(String name) {}
        """);
    JavaFileObject byEnum = entity("Ticket", """
        @Entity(table = AppData.class)
        @PartitionKey("STATE#<state>")
        @SortKey("TICKET#<id>")
        record Ticket(String id, State state) {
          enum State { OPEN, CLOSED }
        }
        """);
    JavaFileObject suppressed = entity("Flag", """
        @Entity(table = AppData.class)
        @PartitionKey("FLAGS")
        @SortKey("FLAG#<name>")
        @SuppressWarnings("monotable.hot-partition")
        record Flag(String name) {}
        """);
    Compilation compilation = compile(appData(), warned, byEnum, suppressed);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningCount(2);
    assertThat(compilation).hadWarningContaining("[MT-KEY-HOT-PARTITION] partition key \"SETTINGS\" of Settings has no placeholder")
        .inFile(warned).onLineContaining("@PartitionKey");
    assertThat(compilation).hadWarningContaining("has only enum or boolean placeholders")
        .inFile(byEnum).onLineContaining("@PartitionKey");
  }
}
