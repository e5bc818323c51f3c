package dev.monotable.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A {@code DynamoDbClient} on a {@link CannedHttpClient}, set up as an application sets one up. */
public final class CannedClients {
  private CannedClients() {}

  /** GetItem answers {@code item}; Query answers {@code queryItems}; PutItem answers {}. */
  public static DynamoDbClient of(Map<String, AttributeValue> item, List<Map<String, AttributeValue>> queryItems) {
    return on(CannedHttpClient.answering(item, queryItems));
  }

  /** A client whose PutItem answers {}. */
  public static DynamoDbClient answeringPut() {
    return on(CannedHttpClient.answeringPut());
  }

  private static DynamoDbClient on(CannedHttpClient http) {
    return DynamoDbClient.builder()
        .httpClient(http)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
        .build();
  }

  /** Ten orders of one user, items as Monotable writes them. */
  public static List<Map<String, AttributeValue>> tenOrders() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Instant first = Fixtures.order().orderDate();
    for (int i = 0; i < 10; i++) {
      items.add(HandWritten.toItem(Fixtures.order("o-" + (1000 + i), first.plusSeconds(3600L * i))));
    }
    return items;
  }
}
