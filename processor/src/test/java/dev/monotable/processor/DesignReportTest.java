package dev.monotable.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.monotable.processor.ProcessorTestSupport.compile;
import static dev.monotable.processor.ProcessorTestSupport.entity;
import static dev.monotable.processor.ProcessorTestSupport.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The design report: {@code <Table>.html}, {@code <Table>.workbench.json} and {@code <Table>.cfn.json}
 * in the class output, with the rows and fields of the design they describe, and copies in the folder
 * of {@code -Amonotable.report.dir}.
 */
class DesignReportTest {
  @TempDir
  Path folder;

  private static JavaFileObject table() {
    return source("test.AppData", """
        package test;

        import dev.monotable.annotation.*;

        @Table(name = "AppData", partitionKey = "PK", sortKey = "SK", timeToLive = "expiresAt",
            stream = StreamView.NEW_AND_OLD_IMAGES,
            globalIndexes = {
                @GlobalIndex(name = "GSI1", partitionKey = "GSI1PK", sortKey = "GSI1SK"),
                @GlobalIndex(name = "ByStatus", partitionKey = "status", sortKey = "orderDate",
                    projection = Projection.KEYS_ONLY)},
            localIndexes = @LocalIndex(name = "LSI1", sortKey = "LSI1SK", projection = Projection.INCLUDE,
                nonKeyAttributes = {"total"}))
        interface AppData {}
        """);
  }

  private static JavaFileObject user() {
    return entity("User", """
        @Entity(table = AppData.class)
        @PartitionKey(value = "USER#<id>", collection = "customer")
        @SortKey("PROFILE")
        record User(String id, String email, Instant createdAt) {}
        """);
  }

  private static JavaFileObject order() {
    return entity("Order", """
        enum OrderStatus { PAID, SHIPPED }

        @Entity(table = AppData.class)
        @PartitionKey(value = "USER#<userId>", collection = "customer")
        @SortKey("ORDER#<orderDate>#<orderId>")
        @IndexKey(index = "GSI1", partitionKey = "ORDER#<orderId>", sortKey = "ORDER")
        @IndexKey(index = "LSI1", sortKey = "TOTAL#<total>")
        @AccessPattern(name = "ordersOfUser")
        @AccessPattern(name = "orderById", index = "GSI1")
        @AccessPattern(name = "ordersByStatus", index = "ByStatus")
        record Order(String userId, String orderId, Instant orderDate, OrderStatus status, int total,
            @TimeToLive Instant expiresAt) {}
        """);
  }

  private static String resource(Compilation compilation, String name) throws IOException {
    return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "", "META-INF/monotable/" + name)
        .orElseThrow(() -> new AssertionError(name + " is not in the class output"))
        .getCharContent(true).toString();
  }

  /** The {@code data-<kind>} values of the table rows of the page, in order. */
  private static List<String> rows(String html, String kind) {
    List<String> values = new ArrayList<>();
    Matcher row = Pattern.compile("<tr data-" + kind + "=\"([^\"]*)\"").matcher(html);
    while (row.find()) {
      values.add(row.group(1));
    }
    return values;
  }

  /** The HTML of the row with {@code data-<kind>="<value>"}, up to its end. */
  private static String row(String html, String kind, String value) {
    int start = html.indexOf("<tr data-" + kind + "=\"" + value + "\"");
    assertThat(start).isAtLeast(0);
    return html.substring(start, html.indexOf("</tr>", start));
  }

  @Test
  void smallDesign_writesAPage_withEveryEntityPatternIndexAndCollection() throws IOException {
    Compilation compilation = compile(table(), user(), order());
    assertThat(compilation).succeeded();
    String html = resource(compilation, "AppData.html");

    assertThat(html).startsWith("<!DOCTYPE html>");
    assertThat(rows(html, "entity")).containsExactly("Order", "User").inOrder();
    assertThat(rows(html, "pattern")).containsExactly("orderById", "ordersByStatus", "ordersOfUser", "customer");
    assertThat(rows(html, "index")).containsExactly("GSI1", "ByStatus", "LSI1").inOrder();
    assertThat(rows(html, "collection")).containsExactly("customer");

    // example keys, built from the templates in the runtime's key encodings
    String order = row(html, "entity", "Order");
    assertThat(order).contains("ORDER#&lt;orderDate&gt;#&lt;orderId&gt;");
    assertThat(order).contains("ORDER#2024-05-01T09:30:00.000000000Z#order-1");
    assertThat(order).contains("TOTAL#0000000042");
    assertThat(row(html, "entity", "User")).contains("USER#user-1");

    String byId = row(html, "pattern", "orderById");
    assertThat(byId).contains("GSI1PK = &quot;ORDER#&lt;orderId&gt;&quot;");
    assertThat(byId).contains("GSI1SK = &quot;ORDER&quot;");
    String ofUser = row(html, "pattern", "ordersOfUser");
    assertThat(ofUser).contains("begins_with(SK, &quot;ORDER#&quot;)");
    assertThat(ofUser).contains("narrow by orderDate → orderId");
    assertThat(row(html, "pattern", "ordersByStatus")).contains("KEYS_ONLY");
    assertThat(row(html, "pattern", "customer")).contains("Order, User");

    // a raw index key of a nullable field is sparse; a primitive one and a primary-key field are not
    String byStatus = row(html, "index", "ByStatus");
    assertThat(byStatus).contains("sparse</span> Order <span class=\"note\">when status set");
    assertThat(byStatus).contains("absent</span> <span class=\"note\">User");
    assertThat(row(html, "index", "GSI1")).contains("every item</span> Order");
    assertThat(row(html, "index", "LSI1")).contains("every item</span> Order");
    assertThat(row(html, "index", "LSI1")).contains("INCLUDE <code>total</code>");

    // self-contained: no scripts, no external resources
    assertThat(html).doesNotContain("<script");
    assertThat(html).doesNotContain("<link");
    assertThat(html).doesNotContain("http://");
  }

  @Test
  void smallDesign_writesAWorkbenchModel_withAFacetPerEntity() throws IOException {
    Compilation compilation = compile(table(), user(), order());
    assertThat(compilation).succeeded();
    JsonNode model = JsonNode.parser().parse(resource(compilation, "AppData.workbench.json"));

    assertThat(model.field("ModelName").get().text()).isEqualTo("AppData");
    assertThat(model.field("ModelMetadata").get().field("AWSService").get().text()).isEqualTo("Amazon DynamoDB");
    List<JsonNode> dataModel = model.field("DataModel").get().asArray();
    assertThat(dataModel).hasSize(1);
    JsonNode table = dataModel.get(0);
    assertThat(table.field("TableName").get().text()).isEqualTo("AppData");
    JsonNode keys = table.field("KeyAttributes").get();
    assertThat(keys.field("PartitionKey").get().field("AttributeName").get().text()).isEqualTo("PK");
    assertThat(keys.field("SortKey").get().field("AttributeName").get().text()).isEqualTo("SK");

    Map<String, String> attributes = table.field("NonKeyAttributes").get().asArray().stream().collect(Collectors.toMap(
        a -> a.field("AttributeName").get().text(), a -> a.field("AttributeType").get().text()));
    assertThat(attributes).containsEntry("GSI1PK", "S");
    assertThat(attributes).containsEntry("LSI1SK", "S");
    assertThat(attributes).containsEntry("status", "S");
    assertThat(attributes).containsEntry("total", "N");
    assertThat(attributes).containsEntry("expiresAt", "N");
    assertThat(attributes).containsEntry("_type", "S");

    Map<String, JsonNode> facets = table.field("TableFacets").get().asArray().stream()
        .collect(Collectors.toMap(f -> f.field("FacetName").get().text(), f -> f));
    assertThat(facets.keySet()).containsExactly("Order", "User");
    JsonNode order = facets.get("Order");
    assertThat(order.field("KeyAttributeAlias").get().field("PartitionKeyAlias").get().text()).isEqualTo("USER#<userId>");
    assertThat(order.field("KeyAttributeAlias").get().field("SortKeyAlias").get().text())
        .isEqualTo("ORDER#<orderDate>#<orderId>");
    List<String> orderAttributes = order.field("NonKeyAttributes").get().asArray().stream().map(JsonNode::text).toList();
    assertThat(orderAttributes).containsAtLeast("GSI1PK", "GSI1SK", "LSI1SK", "status", "total", "orderId");
    // a facet names only attributes the table defines
    for (JsonNode facet : facets.values()) {
      for (JsonNode attribute : facet.field("NonKeyAttributes").get().asArray()) {
        assertThat(attributes).containsKey(attribute.text());
      }
    }

    List<String> globals = table.field("GlobalSecondaryIndexes").get().asArray().stream()
        .map(g -> g.field("IndexName").get().text() + ":"
            + g.field("KeyAttributes").get().field("PartitionKey").get().field("AttributeName").get().text() + ":"
            + g.field("Projection").get().field("ProjectionType").get().text())
        .toList();
    assertThat(globals).containsExactly("GSI1:GSI1PK:ALL", "ByStatus:status:KEYS_ONLY").inOrder();
    assertThat(table.field("BillingMode").get().text()).isEqualTo("PAY_PER_REQUEST");

    JsonNode orderItem = table.field("TableData").get().asArray().stream()
        .filter(item -> item.field("_type").get().field("S").get().text().equals("Order")).findFirst().orElseThrow();
    assertThat(orderItem.field("GSI1PK").get().field("S").get().text()).isEqualTo("ORDER#order-1");
    assertThat(orderItem.field("status").get().field("S").get().text()).isEqualTo("PAID");
  }

  @Test
  void smallDesign_writesACloudFormationTable_likeItsCreateTableRequest() throws IOException {
    Compilation compilation = compile(table(), user(), order());
    assertThat(compilation).succeeded();
    JsonNode template = JsonNode.parser().parse(resource(compilation, "AppData.cfn.json"));

    assertThat(template.field("AWSTemplateFormatVersion").get().text()).isEqualTo("2010-09-09");
    JsonNode resource = template.field("Resources").get().field("AppDataTable").get();
    assertThat(resource.field("Type").get().text()).isEqualTo("AWS::DynamoDB::Table");
    JsonNode properties = resource.field("Properties").get();
    assertThat(properties.field("TableName").get().text()).isEqualTo("AppData");
    assertThat(keys(properties.field("KeySchema").get())).isEqualTo("PK:HASH SK:RANGE");
    Map<String, String> definitions = properties.field("AttributeDefinitions").get().asArray().stream()
        .collect(Collectors.toMap(a -> a.field("AttributeName").get().text(), a -> a.field("AttributeType").get().text()));
    assertThat(definitions).containsExactly("PK", "S", "SK", "S", "GSI1PK", "S", "GSI1SK", "S", "status", "S",
        "orderDate", "S", "LSI1SK", "S");
    List<JsonNode> globals = properties.field("GlobalSecondaryIndexes").get().asArray();
    assertThat(globals.stream().map(g -> g.field("IndexName").get().text() + " " + keys(g.field("KeySchema").get())))
        .containsExactly("GSI1 GSI1PK:HASH GSI1SK:RANGE", "ByStatus status:HASH orderDate:RANGE").inOrder();
    JsonNode local = properties.field("LocalSecondaryIndexes").get().asArray().get(0);
    assertThat(keys(local.field("KeySchema").get())).isEqualTo("PK:HASH LSI1SK:RANGE");
    assertThat(local.field("Projection").get().field("ProjectionType").get().text()).isEqualTo("INCLUDE");
    assertThat(local.field("Projection").get().field("NonKeyAttributes").get().asArray().get(0).text()).isEqualTo("total");
    assertThat(properties.field("BillingMode").get().text()).isEqualTo("PAY_PER_REQUEST");
    assertThat(properties.field("StreamSpecification").get().field("StreamViewType").get().text())
        .isEqualTo("NEW_AND_OLD_IMAGES");
    JsonNode timeToLive = properties.field("TimeToLiveSpecification").get();
    assertThat(timeToLive.field("AttributeName").get().text()).isEqualTo("expiresAt");
    assertThat(timeToLive.field("Enabled").get().asBoolean()).isTrue();
    assertThat(properties.field("DeletionProtectionEnabled").get().asBoolean()).isFalse();
  }

  @Test
  void provisionedTable_hasItsUnitsAndDeletionProtection_inTheTemplateAndTheModel() throws IOException {
    Compilation compilation = compile(source("test.Meter", """
        package test;
        import dev.monotable.annotation.*;
        @Table(name = "Meter", partitionKey = "PK", sortKey = "SK", deletionProtection = true,
            billing = @Billing(mode = BillingMode.PROVISIONED, read = 10, write = 4),
            globalIndexes = @GlobalIndex(name = "BySite", partitionKey = "GSI1PK", sortKey = "GSI1SK",
                read = 3, write = 2))
        interface Meter {}
        """), entity("Reading", """
        @Entity(table = Meter.class)
        @PartitionKey("METER#<meterId>")
        @SortKey("AT#<at>")
        record Reading(String meterId, Instant at, double value) {}
        """));
    assertThat(compilation).succeeded();
    JsonNode properties = JsonNode.parser().parse(resource(compilation, "Meter.cfn.json"))
        .field("Resources").get().field("MeterTable").get().field("Properties").get();
    assertThat(properties.field("BillingMode").get().text()).isEqualTo("PROVISIONED");
    assertThat(properties.field("ProvisionedThroughput").get().field("ReadCapacityUnits").get().asNumber()).isEqualTo("10");
    assertThat(properties.field("ProvisionedThroughput").get().field("WriteCapacityUnits").get().asNumber()).isEqualTo("4");
    JsonNode index = properties.field("GlobalSecondaryIndexes").get().asArray().get(0);
    assertThat(index.field("ProvisionedThroughput").get().field("ReadCapacityUnits").get().asNumber()).isEqualTo("3");
    assertThat(properties.field("DeletionProtectionEnabled").get().asBoolean()).isTrue();
    assertThat(properties.field("StreamSpecification")).isEmpty();

    JsonNode table = JsonNode.parser().parse(resource(compilation, "Meter.workbench.json"))
        .field("DataModel").get().asArray().get(0);
    assertThat(table.field("BillingMode").get().text()).isEqualTo("PROVISIONED");
    assertThat(table.field("ProvisionedCapacitySettings").get().field("ProvisionedThroughput").get()
        .field("WriteCapacityUnits").get().asNumber()).isEqualTo("4");
    assertThat(resource(compilation, "Meter.html")).contains("provisioned, 10 RCU / 4 WCU");
  }

  @Test
  void userText_isEscapedInThePage() throws IOException {
    Compilation compilation = compile(table(), entity("Odd", """
        @Entity(table = AppData.class, type = "<script>alert('x')</script>")
        @PartitionKey("A&B\\"C'D#<id>")
        @SortKey("S&<n>")
        @AccessPattern(name = "odds")
        record Odd(String id, String n) {}
        """));
    assertThat(compilation).succeeded();
    String html = resource(compilation, "AppData.html");

    assertThat(html).doesNotContain("<script");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(html).contains("A&amp;B&quot;C&#39;D#&lt;id&gt;");
    assertThat(html).contains("S&amp;&lt;n&gt;");
    assertThat(html).doesNotContain("A&B");
    // the JSON outputs quote the same text as JSON strings
    JsonNode facet = JsonNode.parser().parse(resource(compilation, "AppData.workbench.json"))
        .field("DataModel").get().asArray().get(0).field("TableFacets").get().asArray().get(0);
    assertThat(facet.field("KeyAttributeAlias").get().field("PartitionKeyAlias").get().text()).isEqualTo("A&B\"C'D#<id>");
  }

  @Test
  void warnings_areListedInThePage_andPrintedOnce() throws IOException {
    Compilation compilation = compile(table(), entity("Settings", """
        @Entity(table = AppData.class)
        @PartitionKey("SETTINGS")
        @SortKey("<name>")
        record Settings(String name, String value) {}
        """));
    assertThat(compilation).succeeded();
    List<String> printed = compilation.warnings().stream()
        .map(w -> w.getMessage(null)).filter(m -> m.contains("MT-KEY-HOT-PARTITION")).toList();
    assertThat(printed).hasSize(1);

    String html = resource(compilation, "AppData.html");
    int start = html.indexOf("<section id=\"warnings\">");
    String warnings = html.substring(start, html.indexOf("</section>", start));
    assertThat(warnings).contains("<tr class=\"warning\"><td><code>MT-KEY-HOT-PARTITION</code></td><td>Settings</td>");
    assertThat(warnings).doesNotContain("No warnings.");
  }

  @Test
  void reportDirOption_writesTheThreeFilesToTheFolder() throws IOException {
    Path dir = folder.resolve("reports/monotable");
    Compilation compilation = Compiler.javac().withProcessors(new MonotableProcessor())
        .withOptions("-Amonotable.report.dir=" + dir)
        .compile(table(), user(), order());
    assertThat(compilation).succeeded();
    assertThat(compilation.warnings().stream().map(w -> w.getMessage(null))
        .filter(m -> m.contains("monotable.report.dir")).toList()).isEmpty();

    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()).toList())
          .containsExactly("AppData.html", "AppData.workbench.json", "AppData.cfn.json");
    }
    for (String name : List.of("AppData.html", "AppData.workbench.json", "AppData.cfn.json")) {
      assertThat(Files.readString(dir.resolve(name))).isEqualTo(resource(compilation, name));
    }
  }

  @Test
  void classOutput_holdsTheReportFilesNextToTheTableDescription() throws IOException {
    Compilation compilation = compile(table(), user(), order());
    assertThat(compilation).succeeded();
    assertThat(compilation.generatedFiles().stream()
        .map(f -> f.toUri().getPath())
        .filter(p -> p.contains("META-INF/monotable/AppData"))
        .map(p -> p.substring(p.lastIndexOf('/') + 1))
        .toList()).containsExactly("AppData.json", "AppData.html", "AppData.workbench.json", "AppData.cfn.json");
  }

  private static String keys(JsonNode keySchema) {
    return keySchema.asArray().stream()
        .map(k -> k.field("AttributeName").get().text() + ":" + k.field("KeyType").get().text())
        .collect(Collectors.joining(" "));
  }
}
