package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.tenant.Member;
import dev.monotable.it.tenant.MemberFields;
import dev.monotable.it.tenant.MemberKeys;
import dev.monotable.it.tenant.MemberRepository;
import dev.monotable.it.tenant.Project;
import dev.monotable.it.tenant.SaasTable;
import dev.monotable.local.MonotableLocal;
import dev.monotable.runtime.AccessDeniedException;
import dev.monotable.runtime.TransactionRead;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The generated tenant policy ({@code SaasTable.iamPolicy}) enforced by monotable-local: a client
 * signing as tenant A's role reads and writes A's items, and every operation on tenant B's is
 * refused with {@link AccessDeniedException}, nothing read or written. An engine of its own: a policy
 * holds for every request of the engine it is set on.
 */
class TenantIsolationTest {
  private static final String ADMIN_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\",\"Resource\":\"*\"}]}";

  private final MonotableLocal local = MonotableLocal.inProcess();
  private final DynamoDbClient admin = client("ADMIN");
  private final SaasTable asAdmin = SaasTable.of(admin, "Saas");
  private final SaasTable asA;

  TenantIsolationTest() {
    asAdmin.createIfNotExists();
    local.withPolicy(SaasTable.iamPolicy("Saas"))
        .withPrincipal("ADMIN", Map.of(), ADMIN_POLICY)
        .withPrincipal("ROLE-A", Map.of("tenantId", "A"))
        .withPrincipal("ROLE-B", Map.of("tenantId", "B"));
    asAdmin.members().put(new Member("A", "m-1", "ada@a.example", "Ada"));
    asAdmin.members().put(new Member("B", "m-1", "bob@b.example", "Bob"));
    asAdmin.projects().put(new Project("B", "p-1", "B's secret"));
    asA = SaasTable.of(client("ROLE-A"), "Saas");
  }

  private DynamoDbClient client(String accessKeyId) {
    return DynamoDbClient.builder()
        .httpClient(local.httpClient())
        .endpointOverride(local.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "secret")))
        .build();
  }

  @AfterEach
  void stop() {
    local.close();
  }

  private static void denied(Executable operation) {
    AccessDeniedException refused = assertThrows(AccessDeniedException.class, operation);
    assertTrue(refused.getMessage().contains("ROLE-A"), refused.getMessage());
  }

  @Test
  void aTenantsRole_readsAndWritesItsOwnItems() {
    MemberRepository members = asA.members();
    assertEquals("Ada", members.get("A", "m-1").orElseThrow().name());
    members.put(new Member("A", "m-2", "al@a.example", "Al"));
    members.update("A", "m-2").set(MemberFields.NAME, "Alan").execute();
    assertEquals(List.of("ada@a.example"), members.byEmail("A", "ada@a.example").list().stream()
        .map(Member::email).toList());
    asA.transaction().put(asA.projects(), new Project("A", "p-9", "mine")).execute();
    assertEquals(1, asA.projects().projectsOfTenant("A").list().size());
    members.delete("A", "m-2");
  }

  @Test
  void everyOperationOnAnotherTenantsItems_isDenied_andNothingIsWritten() {
    MemberRepository members = asA.members();
    denied(() -> members.get("B", "m-1"));
    denied(() -> members.put(new Member("B", "m-6", "eve@b.example", "Eve")));
    denied(() -> members.update("B", "m-1").set(MemberFields.NAME, "Mallory").execute());
    denied(() -> members.delete("B", "m-1"));
    denied(() -> members.byEmail("B", "bob@b.example").list());
    denied(() -> asA.projects().projectsOfTenant("B").list());
    denied(() -> members.batchGet(List.of(new MemberRepository.Key("A", "m-1"), new MemberRepository.Key("B", "m-1"))));
    denied(() -> asA.batchWrite().put(members, new Member("A", "m-3", "x@a.example", "X"))
        .put(members, new Member("B", "m-3", "y@b.example", "Y")).execute());
    denied(() -> asA.transaction().put(asA.projects(), new Project("A", "p-2", "ok"))
        .put(asA.projects(), new Project("B", "p-2", "not ok")).execute());
    TransactionRead read = asA.transactionRead();
    read.get(members, MemberKeys.primaryKey("B", "m-1"));
    denied(read::execute);
    denied(() -> members.scanAll().list());

    assertEquals("Bob", asAdmin.members().get("B", "m-1").orElseThrow().name(), "B's member as it was");
    assertEquals(Optional.empty(), asAdmin.members().get("B", "m-6"));
    assertEquals(Optional.empty(), asAdmin.members().get("A", "m-3"), "the mixed batch wrote nothing");
    assertEquals(Optional.empty(), asAdmin.projects().get("A", "p-2"), "the mixed transaction wrote nothing");
  }

  @Test
  void theAsyncTwin_isDeniedAlike() {
    try (DynamoDbAsyncClient async = DynamoDbAsyncClient.builder()
        .httpClient(local.asyncHttpClient())
        .endpointOverride(local.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("ROLE-A", "secret")))
        .build()) {
      var members = SaasTable.async(async, "Saas").members();
      assertEquals("Ada", members.get("A", "m-1").join().orElseThrow().name());
      CompletionException refused = assertThrows(CompletionException.class, () -> members.get("B", "m-1").join());
      assertInstanceOf(AccessDeniedException.class, refused.getCause());
    }
  }
}
