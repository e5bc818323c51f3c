package dev.monotable.docs.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monotable.docs.shop.AppDataTable;
import dev.monotable.docs.shop.User;
import dev.monotable.local.MonotableLocal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class EngineTest {
  @Test
  void anEngineOfYourOwn() {
    User ada = new User("ada", "ada@example.com", "Ada", Instant.parse("2024-05-01T09:30:00Z"));
    Optional<User> read;
    // region in-process
    try (MonotableLocal local = MonotableLocal.inProcess();    // or start(): also serves HTTP on a loopback port
         DynamoDbClient client = DynamoDbClient.builder()
             .httpClient(local.httpClient())                   // requests go to the engine in this JVM, no socket
             .endpointOverride(local.endpoint())
             .region(Region.US_EAST_1)
             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
             .build()) {
      AppDataTable table = AppDataTable.of(client);
      table.createIfNotExists();
      table.users().put(ada);
      read = table.users().get("ada");
    }
    // endregion
    assertEquals(Optional.of(ada), read);
  }
}
