package dev.monotable.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.monotable.processor.ProcessorTestSupport.compile;
import static dev.monotable.processor.ProcessorTestSupport.entity;
import static dev.monotable.processor.ProcessorTestSupport.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * {@code @Table(tenant = "tenantId")}: what the build requires of a table its tenants share, what it
 * warns of, and the IAM policy it writes.
 */
class TenantDesignTest {
  private static JavaFileObject saas(String indexes) {
    return source("test.Saas", """
        package test;
        import dev.monotable.annotation.*;
        @Table(name = "Saas", partitionKey = "PK", sortKey = "SK", tenant = "tenantId"%s)
        public interface Saas {}
        """.formatted(indexes));
  }

  private static JavaFileObject user() {
    return entity("User", """
        @Entity(table = Saas.class)
        @PartitionKey("TENANT#<tenantId>#USER#<userId>")
        @SortKey("PROFILE")
        @IndexKey(index = "ByEmail", partitionKey = "TENANT#<tenantId>#EMAIL#<email>", sortKey = "USER")
        @AccessPattern(name = "byEmail", index = "ByEmail")
        record User(String tenantId, String userId, String email) {}
        """);
  }

  private static final String BY_EMAIL = """
      , globalIndexes = @GlobalIndex(name = "ByEmail", partitionKey = "GSI1PK", sortKey = "GSI1SK")""";

  private static String policy(Compilation compilation) throws IOException {
    return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "", "META-INF/monotable/Saas.iam.json")
        .orElseThrow().getCharContent(true).toString();
  }

  @Test
  void aTenantTable_writesThePolicyConfiningARoleToItsTenantsLeadingKeys() throws IOException {
    Compilation compilation = compile(saas(BY_EMAIL), user());
    assertThat(compilation).succeededWithoutWarnings();
    String policy = policy(compilation);
    assertThat(policy).contains("\"ForAllValues:StringLike\"");
    assertThat(policy).contains("\"dynamodb:LeadingKeys\": [\n");
    assertThat(policy).contains("\"TENANT#${aws:PrincipalTag/tenantId}#*\"");
    assertThat(policy).contains("\"arn:aws:dynamodb:*:*:table/Saas\"");
    assertThat(policy).contains("\"arn:aws:dynamodb:*:*:table/Saas/index/ByEmail\"");
    assertThat(policy).contains("\"Sid\": \"TenantReads\"");
    assertThat(policy).contains("\"Sid\": \"TenantWrites\"");
    assertThat(policy).contains("\"dynamodb:ConditionCheckItem\"");
    assertThat(policy).doesNotContain("dynamodb:Scan");

    String table = compilation.generatedSourceFile("test.SaasTable").orElseThrow().getCharContent(true).toString();
    assertThat(table).contains("public static String iamPolicy(String tableName)");
    assertThat(table).contains("public String iamPolicy()");
    assertThat(table).contains("table/<table>");
  }

  @Test
  void anEntityWithoutTheTenantField_isAnError_onItsTable() {
    JavaFileObject audit = entity("Audit", """
        @Entity(table = Saas.class)
        @PartitionKey("AUDIT#<auditId>")
        @SortKey("AUDIT")
        record Audit(String auditId, String text) {}
        """);
    Compilation compilation = compile(saas(""), audit);
    assertThat(compilation).hadErrorContaining("[MT-TENANT-FIELD] table Saas is shared by tenants (tenant ="
        + " \"tenantId\"), but Audit has no field tenantId")
        .inFile(audit).onLineContaining("@Entity(table = Saas.class)");
  }

  @Test
  void aPartitionKeyNotBeginningWithTheTenant_isAnErrorOnTheTemplate() {
    Compilation compilation = compile(saas(""), entity("Invoice", """
        @Entity(table = Saas.class)
        @PartitionKey("INVOICE#<invoiceId>#TENANT#<tenantId>")
        @SortKey("INVOICE")
        record Invoice(String tenantId, String invoiceId) {}
        """));
    assertThat(compilation).hadErrorContaining("[MT-TENANT-KEY] the partition key INVOICE#<invoiceId>#TENANT#<tenantId>"
        + " of Invoice does not begin with the tenant component <tenantId> of table Saas");
  }

  @Test
  void aPatternOnAnIndexNotLedByTheTenant_isWarnedOf_andLeftOutOfThePolicy() throws IOException {
    Compilation compilation = compile(saas(", globalIndexes = @GlobalIndex(name = \"ByStatus\", partitionKey ="
        + " \"GSI1PK\", sortKey = \"GSI1SK\")"), entity("Ticket", """
        @Entity(table = Saas.class)
        @PartitionKey("TENANT#<tenantId>#TICKET#<ticketId>")
        @SortKey("TICKET")
        @IndexKey(index = "ByStatus", partitionKey = "STATUS#<status>", sortKey = "TICKET#<ticketId>")
        @AccessPattern(name = "byStatus", index = "ByStatus")
        record Ticket(String tenantId, String ticketId, String status) {}
        """));
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[MT-TENANT-PATTERN] access pattern byStatus of Ticket queries index"
        + " ByStatus, whose partition key STATUS#<status> does not begin with the tenant component <tenantId>");
    String policy = policy(compilation);
    assertThat(policy).doesNotContain("index/ByStatus");
    assertThat(policy).contains("\"TENANT#${aws:PrincipalTag/tenantId}#*\"");
  }

  @Test
  void aTableWithoutTenants_hasNoPolicy() {
    Compilation compilation = compile(ProcessorTestSupport.appData(), entity("Note", """
        @Entity(table = AppData.class)
        @PartitionKey("NOTE#<id>")
        @SortKey("NOTE")
        record Note(String id) {}
        """));
    assertThat(compilation).succeeded();
    assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "", "META-INF/monotable/AppData.iam.json")
        .isPresent()).isFalse();
  }
}
