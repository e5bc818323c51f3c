package dev.monotable.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.monotable.processor.ProcessorTestSupport.entity;
import static dev.monotable.processor.ProcessorTestSupport.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key-change detection: a first build takes the snapshot, additions pass and extend it, and a
 * change that strands stored items fails the build on the annotation that changed, until it is
 * accepted with {@code monotable.snapshot.update}.
 */
class KeySnapshotTest {
  @TempDir
  Path folder;

  private static JavaFileObject table(String delimiter, String extraIndex) {
    return source("test.AppData", """
        package test;
        import dev.monotable.annotation.*;
        @Table(name = "AppData", partitionKey = "PK", sortKey = "SK", keyDelimiter = "%s",
            globalIndexes = {@GlobalIndex(name = "GSI1", partitionKey = "GSI1PK", sortKey = "GSI1SK")%s})
        interface AppData {}
        """.formatted(delimiter, extraIndex));
  }

  private static JavaFileObject table() {
    return table("#", "");
  }

  private static JavaFileObject order(String type, String partitionKey, String idField, String gsi1) {
    return entity("Order", """
        @Entity(table = AppData.class%s)
        @SuppressWarnings("monotable.instant-key")
        @PartitionKey("%s")
        @SortKey("ORDER#<orderDate>")
        @IndexKey(index = "GSI1", partitionKey = "%s", sortKey = "ORDER")
        record Order(%s userId, java.time.Instant orderDate) {}
        """.formatted(type, partitionKey, gsi1, idField));
  }

  private static JavaFileObject order() {
    return order("", "USER#<userId>", "String", "ORDER#<userId>");
  }

  private Compilation compile(boolean update, JavaFileObject... sources) {
    List<String> options = new ArrayList<>(List.of("-Amonotable.snapshot=" + folder));
    if (update) {
      options.add("-Amonotable.snapshot.update=true");
    }
    return Compiler.javac().withProcessors(new MonotableProcessor()).withOptions(options).compile(sources);
  }

  private String snapshot() throws IOException {
    return Files.readString(folder.resolve("AppData.keys.json"));
  }

  @Test
  void aFirstBuild_takesTheSnapshot() throws IOException {
    assertThat(compile(false, table(), order())).succeededWithoutWarnings();
    String snapshot = snapshot();
    assertThat(snapshot).contains("\"partition key\": {\"template\": \"USER#<userId>\", \"shape\": \"USER#<STRING>\"}");
    assertThat(snapshot).contains("\"sort key\": {\"template\": \"ORDER#<orderDate>\", \"shape\": \"ORDER#<INSTANT>\"}");
    assertThat(snapshot).contains("\"key delimiter\": \"#\"");
    assertThat(snapshot).contains("\"key attributes of index GSI1\": \"GSI1PK / GSI1SK\"");
  }

  @Test
  void additions_pass_andExtendTheSnapshot() throws IOException {
    assertThat(compile(false, table(), order())).succeededWithoutWarnings();
    JavaFileObject user = entity("User", """
        @Entity(table = AppData.class)
        @PartitionKey("USER#<id>")
        @SortKey("PROFILE")
        @AccessPattern(name = "profile")
        record User(String id, String name) {}
        """);
    Compilation grown = compile(false, table("#", ", @GlobalIndex(name = \"GSI2\", partitionKey = \"GSI2PK\")"),
        order(), user);
    assertThat(grown).succeededWithoutWarnings();
    assertThat(snapshot()).contains("\"User\": {");
    assertThat(snapshot()).contains("\"key attributes of index GSI2\": \"GSI2PK\"");
  }

  @Test
  void aRenamedPlaceholderField_ofTheSameEncoding_isNoChange() throws IOException {
    assertThat(compile(false, table(), order())).succeededWithoutWarnings();
    JavaFileObject renamed = entity("Order", """
        @Entity(table = AppData.class)
        @SuppressWarnings("monotable.instant-key")
        @PartitionKey("USER#<customerId>")
        @SortKey("ORDER#<orderDate>")
        @IndexKey(index = "GSI1", partitionKey = "ORDER#<customerId>", sortKey = "ORDER")
        record Order(String customerId, java.time.Instant orderDate) {}
        """);
    assertThat(compile(false, table(), renamed)).succeededWithoutWarnings();
    assertThat(snapshot()).contains("\"template\": \"USER#<customerId>\"");
  }

  @Test
  void aChangedLiteral_failsOnTheTemplate_showingOldAndNew() throws IOException {
    assertThat(compile(false, table(), order())).succeededWithoutWarnings();
    String before = snapshot();
    JavaFileObject changed = order("", "CUSTOMER#<userId>", "String", "ORDER#<userId>");
    Compilation compilation = compile(false, table(), changed);
    assertThat(compilation).hadErrorContaining("[MT-KEY-CHANGED] the partition key of Order changed since key"
        + " snapshot " + folder.resolve("AppData.keys.json") + ": it was \"USER#<userId>\" (USER#<STRING>) and is"
        + " now \"CUSTOMER#<userId>\" (CUSTOMER#<STRING>)")
        .inFile(changed).onLineContaining("@PartitionKey(\"CUSTOMER#<userId>\")");
    assertThat(compilation).hadErrorContaining("move the stored items to their new keys with the table's"
        + " migrations().rekey(Order.class) and then accept the change with -Amonotable.snapshot.update=true");
    assertThat(compilation).hadErrorCount(1);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aChangedKeyEncoding_failsTheBuild() throws IOException {
    assertThat(compile(false, table(), order())).succeededWithoutWarnings();
    JavaFileObject changed = order("", "USER#<userId>", "long", "ORDER#<userId>");
    Compilation compilation = compile(false, table(), changed);
    assertThat(compilation).hadErrorContaining("it was \"USER#<userId>\" (USER#<STRING>) and is now"
        + " \"USER#<userId>\" (USER#<LONG>)");
    assertThat(compilation).hadErrorContaining("the partition key of index GSI1 of Order changed");
  }

  @Test
  void aChangedIndexKey_failsOnTheIndexKey() throws IOException {
    assertThat(compile(false, table(), order())).succeededWithoutWarnings();
    JavaFileObject changed = order("", "USER#<userId>", "String", "ORD#<userId>");
    Compilation compilation = compile(false, table(), changed);
    assertThat(compilation).hadErrorContaining("[MT-KEY-CHANGED] the partition key of index GSI1 of Order changed")
        .inFile(changed).onLineContaining("@IndexKey");
    assertThat(compilation).hadErrorContaining("rewrite them with the table's migrations().backfill(Order.class)");
  }

  @Test
  void aChangedDelimiter_failsOnTheTable() throws IOException {
    assertThat(compile(false, table(), order())).succeededWithoutWarnings();
    JavaFileObject changedTable = table("|", "");
    Compilation compilation = compile(false, changedTable, order());
    assertThat(compilation).hadErrorContaining("[MT-KEY-CHANGED] the key delimiter of table AppData changed since"
        + " key snapshot").inFile(changedTable).onLineContaining("keyDelimiter = \"|\"");
    assertThat(compilation).hadErrorContaining("it was \"#\" and is now \"|\"");
  }

  @Test
  void aChangedTypeName_leavesTheOldTypeUnreadable() throws IOException {
    assertThat(compile(false, table(), order())).succeededWithoutWarnings();
    Compilation compilation = compile(false, table(), order(", type = \"Purchase\"", "USER#<userId>", "String",
        "ORDER#<userId>"));
    assertThat(compilation).hadErrorContaining("[MT-KEY-CHANGED] entity type Order is in key snapshot");
  }

  @Test
  void anAcceptedChange_passes_andRewritesTheSnapshot() throws IOException {
    assertThat(compile(false, table(), order())).succeededWithoutWarnings();
    JavaFileObject changed = order("", "CUSTOMER#<userId>", "String", "ORDER#<userId>");
    assertThat(compile(true, table(), changed)).succeededWithoutWarnings();
    assertThat(snapshot()).contains("\"shape\": \"CUSTOMER#<STRING>\"");
    assertThat(compile(false, table(), changed)).succeededWithoutWarnings();
  }

  @Test
  void aSnapshotThatIsNotOne_isAnError_andIsLeftAsItIs() throws IOException {
    Files.writeString(folder.resolve("AppData.keys.json"), "{\"table\": \"AppData\", \"settings\": [");
    Compilation compilation = compile(false, table(), order());
    assertThat(compilation).hadErrorContaining("[MT-KEY-SNAPSHOT] key snapshot "
        + folder.resolve("AppData.keys.json") + " of table AppData cannot be read: expected an object or a string");
    assertThat(snapshot()).startsWith("{\"table\": \"AppData\", \"settings\": [");
  }

  @Test
  void withoutTheOption_nothingIsWritten() throws IOException {
    Compilation compilation = ProcessorTestSupport.compile(table(), order());
    assertThat(compilation).succeededWithoutWarnings();
    try (var files = Files.list(folder)) {
      assertThat(files.count()).isEqualTo(0);
    }
  }
}
