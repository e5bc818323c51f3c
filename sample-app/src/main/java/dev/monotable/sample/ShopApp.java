package dev.monotable.sample;

import dev.monotable.local.MonotableLocal;
import dev.monotable.runtime.ConditionFailedException;
import dev.monotable.runtime.CostReport;
import dev.monotable.runtime.InvalidKeyException;
import dev.monotable.runtime.Migration;
import dev.monotable.runtime.StreamReader;
import dev.monotable.runtime.TableOptions;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The sample shop: creates the AppData table from the generated definition, writes a user and an
 * order through the generated repositories, reads them back and prints them with the raw item
 * DynamoDB stored, then reads the table's stream and prints what changed to the orders.
 *
 * <p>It runs on monotable-local, in memory in this JVM, unless it is given the endpoint of a
 * DynamoDB-compatible server ({@code --endpoint http://localhost:8000}), which it reaches with dummy
 * credentials in us-east-1.
 */
public final class ShopApp {
  private static final String USAGE = "usage: ShopApp [--endpoint http://host:port]";

  private ShopApp() {}

  public static void main(String[] args) {
    URI endpoint = endpoint(args);
    if (endpoint == null) {
      try (MonotableLocal local = MonotableLocal.inProcess();
          DynamoDbClient client = inProcess(DynamoDbClient.builder(), local).build();
          DynamoDbStreamsClient streams = inProcess(DynamoDbStreamsClient.builder(), local).build()) {
        System.out.println("On monotable-local, in this JVM");
        run(client, streams, AppDataTable.DEFAULT_NAME, System.out);
      }
    } else {
      try (DynamoDbClient client = atEndpoint(DynamoDbClient.builder(), endpoint).build();
          DynamoDbStreamsClient streams = atEndpoint(DynamoDbStreamsClient.builder(), endpoint).build()) {
        System.out.println("On " + endpoint);
        run(client, streams, AppDataTable.DEFAULT_NAME, System.out);
      }
    }
  }

  /** The endpoint of {@code --endpoint URL} (or {@code --endpoint=URL}), or null for none. */
  static URI endpoint(String[] args) {
    URI endpoint = null;
    for (int i = 0; i < args.length; i++) {
      String value;
      if (args[i].equals("--endpoint")) {
        if (i + 1 == args.length) {
          throw new IllegalArgumentException("--endpoint needs a URL; " + USAGE);
        }
        value = args[++i];
      } else if (args[i].startsWith("--endpoint=")) {
        value = args[i].substring("--endpoint=".length());
      } else {
        throw new IllegalArgumentException("unknown argument '" + args[i] + "'; " + USAGE);
      }
      endpoint = URI.create(value);
      if (endpoint.getScheme() == null || endpoint.getHost() == null) {
        throw new IllegalArgumentException("the endpoint must be an absolute URL, not '" + value + "'; " + USAGE);
      }
    }
    return endpoint;
  }

  /**
   * {@code builder} (of a DynamoDB or a DynamoDB Streams client) set to reach the engine in this JVM,
   * through its in-process HTTP client: no socket, no port.
   */
  static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B inProcess(B builder, MonotableLocal local) {
    return withDummyCredentials(builder.httpClient(local.httpClient()).endpointOverride(local.endpoint()));
  }

  /**
   * {@code builder} set to reach a DynamoDB-compatible server, which serves both APIs on one port and
   * does not check the dummy credentials.
   */
  static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B atEndpoint(B builder, URI endpoint) {
    // the client owns the HTTP client it builds, and closes it
    return withDummyCredentials(builder.httpClientBuilder(UrlConnectionHttpClient.builder()).endpointOverride(endpoint));
  }

  private static <B extends AwsClientBuilder<B, ?>> B withDummyCredentials(B builder) {
    return builder.region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("sample", "sample")));
  }

  /** The whole tour, on any client, in the table {@code tableName}; its stream is read with {@code streams}. */
  static void run(DynamoDbClient client, DynamoDbStreamsClient streams, String tableName, PrintStream out) {
    // what each access pattern of the tour consumes, priced at on-demand rates; printed at the end
    CostReport costs = CostReport.onDemand();
    TableOptions options = TableOptions.defaults().withCapacityListener(costs);
    AppDataTable table = AppDataTable.of(client, tableName, options);
    boolean created = table.createIfNotExists();
    out.println("Table " + table.tableName() + (created ? " created" : " already there")
        + " with indexes GSI1 and ByStatus and a stream of NEW_AND_OLD_IMAGES");
    // the changes this run makes, from here on (a second run on a server does not see the first's)
    StreamReader changes = table.changes().poll(streams, ShardIteratorType.LATEST);

    User ada = new User("ada", "ada@example.com", "Ada Lovelace", Instant.parse("2024-01-15T10:00:00Z"));
    table.users().put(ada);
    Order order = new Order("ada", "o-1001", Instant.parse("2024-05-01T09:30:00Z"), OrderStatus.PAID,
        new BigDecimal("42.50"),
        List.of(new OrderLine("BOOK-1", 1, new BigDecimal("30.00")),
            new OrderLine("PEN-7", 5, new BigDecimal("2.50"))));
    table.orders().put(order);

    table.orders().put(new Order("ada", "o-1002", Instant.parse("2024-06-12T16:05:00Z"), OrderStatus.SHIPPED,
        new BigDecimal("12.00"), List.of(new OrderLine("MUG-3", 1, new BigDecimal("12.00")))));

    out.println("Read user:  " + table.users().get("ada").orElseThrow());
    out.println("Read order: " + table.orders().get("ada", order.orderDate(), "o-1001").orElseThrow());

    Map<String, AttributeValue> raw = client.getItem(b -> b.tableName(table.tableName())
        .key(OrderKeys.primaryKey("ada", order.orderDate(), "o-1001"))).item();
    out.println("Stored order item:");
    new TreeMap<>(raw).forEach((name, value) -> out.println("  " + name + " = " + show(value)));

    out.println("ordersOfUser(ada), newest first: " + table.orders().ordersOfUser("ada").descending().list()
        .stream().map(Order::orderId).toList());
    out.println("ordersByStatus(PAID): " + table.orders().ordersByStatus(OrderStatus.PAID).list()
        .stream().map(Order::orderId).toList());
    AppDataTable.Customer customer = table.customer("ada").read();
    out.println("customer(ada): " + customer.user().map(User::name).orElse("?") + " with "
        + customer.orders().size() + " orders");

    Instant july = Instant.parse("2024-07-01T08:00:00Z");
    try {
      table.orders().update("grace", july, "o-missing").set(OrderFields.STATUS, OrderStatus.PAID).execute();
    } catch (ConditionFailedException none) {
      out.println("Update of a missing order refused: " + none.getMessage());
    }
    table.orders().upsert("grace", july, "o-2001")
        .set(OrderFields.STATUS, OrderStatus.SHIPPED)
        .set(OrderFields.TOTAL, new BigDecimal("5.00"))
        .execute();
    out.println("Upserted order o-2001, found by id through GSI1 with total "
        + table.orders().orderById("o-2001").first().map(Order::total).orElseThrow());
    try {
      table.users().putIfAbsent(new User("ada", "other@example.com", "Someone else", july));
    } catch (ConditionFailedException taken) {
      out.println("putIfAbsent refused, the stored user is " + taken.current(User.class).map(User::name).orElse("?"));
    }

    try {
      table.users().get("ada#ORDER");
    } catch (InvalidKeyException refused) {
      out.println("Refused before sending: " + refused.getMessage());
    }

    backfill(client, table, out);

    table.orders().update("ada", order.orderDate(), "o-1001").set(OrderFields.STATUS, OrderStatus.SHIPPED).execute();
    table.orders().delete("ada", Instant.parse("2024-06-12T16:05:00Z"), "o-1002");
    ExistingTables.tour(client, tableName.equals(AppDataTable.DEFAULT_NAME) ? "" : tableName + "-", options, out);

    out.println("The stream consumer, on this run's changes:");
    table.changes().dispatch(changes.read(), new OrderEvents(line -> out.println("  " + line)));

    out.println("What each access pattern of the tour cost (one call is one request):");
    out.print(costs.render());
  }

  /**
   * An order as it was stored before {@code @IndexKey(index = "GSI1")} was added to {@link Order}: without
   * GSI1PK/GSI1SK, so not in the index; a backfill writes them, and orderById finds it.
   */
  private static void backfill(DynamoDbClient client, AppDataTable table, PrintStream out) {
    Order old = new Order("grace", "o-0042", Instant.parse("2023-11-02T12:00:00Z"), OrderStatus.SHIPPED,
        new BigDecimal("7.00"), List.of());
    Map<String, AttributeValue> before = new java.util.HashMap<>(OrderSchema.INSTANCE.toItem(old));
    before.keySet().removeAll(List.of("GSI1PK", "GSI1SK"));
    client.putItem(b -> b.tableName(table.tableName()).item(before));
    out.println("Order o-0042, stored before the GSI1 index key was designed, by id: "
        + table.orders().orderById("o-0042").list().size() + " found");
    Migration.Progress done = table.migrations().backfill(Order.class).segments(2).run();
    out.println("Backfill of Order: " + done.scanned() + " scanned, " + done.updated() + " updated, "
        + done.alreadyRight() + " already right; o-0042 by id: " + table.orders().orderById("o-0042").list().size()
        + " found");
  }

  private static String show(AttributeValue value) {
    if (value.s() != null) {
      return "\"" + value.s() + "\"";
    }
    if (value.n() != null) {
      return value.n();
    }
    if (value.hasL()) {
      return "[" + value.l().size() + " lines]";
    }
    return value.toString();
  }
}
