package dev.monotable.docs.tenants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.local.MonotableLocal;
import dev.monotable.runtime.AccessDeniedException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class TenantsTest {
  private static final String ADMIN_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\",\"Resource\":\"*\"}]}";

  private static DynamoDbClient signedAs(MonotableLocal local, String accessKeyId) {
    return DynamoDbClient.builder().httpClient(local.httpClient()).endpointOverride(local.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "secret")))
        .build();
  }

  @Test
  void aTenantsRole_isConfinedToItsItems() {
    try (MonotableLocal local = MonotableLocal.inProcess()) {
      local.withPrincipal("ADMIN", Map.of(), ADMIN_POLICY);
      WorkspaceTable admin = WorkspaceTable.of(signedAs(local, "ADMIN"));
      admin.createIfNotExists();
      admin.members().put(new Member("globex", "m-1", "hank@globex.example", "Hank"));
      // region policy
      String policy = WorkspaceTable.iamPolicy("Workspace");   // for CDK or CloudFormation: attach it to the roles
      local.withPolicy(policy)                                  // monotable-local enforces it in tests
          .withPrincipal("ROLE-ACME", Map.of("tenantId", "acme"));
      WorkspaceTable acme = WorkspaceTable.of(signedAs(local, "ROLE-ACME"));   // signs as acme's role

      acme.members().put(new Member("acme", "m-1", "wile@acme.example", "Wile"));   // its own items: fine
      assertThrows(AccessDeniedException.class, () -> acme.members().get("globex", "m-1"));   // another's: denied
      // endregion
      assertTrue(policy.contains("TENANT#${aws:PrincipalTag/tenantId}#*"), policy);
      assertEquals("Wile", admin.members().get("acme", "m-1").orElseThrow().name());
    }
  }
}
