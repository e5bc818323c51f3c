package dev.monotable.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A JUnit 5 extension that starts DynamoDB Local in-process once per JVM (on a free loopback port)
 * and injects a {@link DynamoDbClient} for it into test constructors, lifecycle methods and test
 * methods. The server stops when the test run ends.
 *
 * <pre>{@code
 * @ExtendWith(DynamoDbLocalExtension.class)
 * class UserRepositoryTest {
 *   private final AppDataTable table;
 *
 *   UserRepositoryTest(DynamoDbClient client) {
 *     table = AppDataTable.of(client, LocalDynamoDb.uniqueTableName("AppData"));
 *     table.createIfNotExists();
 *   }
 * }
 * }</pre>
 */
public final class DynamoDbLocalExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DynamoDbLocalExtension.class);

  /** Keeps the shared server and client for the whole run, and closes both at its end. */
  private static final class Server implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    final LocalDynamoDb dynamo = LocalDynamoDb.shared();
    final DynamoDbClient client = dynamo.newClient();

    @Override
    public void close() {
      client.close();
      dynamo.close();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == DynamoDbClient.class || type == LocalDynamoDb.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Server server = server(context);
    return parameter.getParameter().getType() == LocalDynamoDb.class ? server.dynamo : server.client;
  }

  private static Server server(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Server.class, key -> new Server(), Server.class);
  }
}
