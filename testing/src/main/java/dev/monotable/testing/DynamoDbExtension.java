package dev.monotable.testing;

import dev.monotable.local.MonotableLocal;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A JUnit 5 extension that hands tests the DynamoDB of the run ({@link TestDynamoDb#shared()}):
 * monotable-local in-process by default, or the endpoint given with {@code
 * -Dmonotable.test.endpoint=URL}. It injects into constructors, lifecycle methods and test methods
 * parameters of type
 *
 * <ul>
 *   <li>{@link DynamoDbClient}: the shared client ({@link TestDynamoDb#client()}), not to be closed;
 *   <li>{@link DynamoDbAsyncClient}: the shared asynchronous client ({@link TestDynamoDb#asyncClient()}),
 *       not to be closed either;
 *   <li>{@link TestDynamoDb}: for {@link TestDynamoDb#uniqueTableName(String)} and {@link
 *       TestDynamoDb#newClient newClient(customizer)};
 *   <li>{@link MonotableLocal}: the embedded engine, for faults and its clock. Resolving it fails when
 *       the run goes to an endpoint; a test that should rather be skipped there takes {@code
 *       TestDynamoDb} and calls {@code assumeTrue(dynamo.isLocal())}.
 * </ul>
 *
 * <pre>{@code
 * @ExtendWith(DynamoDbExtension.class)
 * class UserRepositoryTest {
 *   private final AppDataTable table;
 *
 *   UserRepositoryTest(DynamoDbClient client, TestDynamoDb dynamo) {
 *     table = AppDataTable.of(client, dynamo.uniqueTableName("AppData"));
 *     table.createIfNotExists();
 *   }
 *
 *   @Test
 *   void putThenGet() {
 *     table.users().put(ada);
 *     assertEquals(Optional.of(ada), table.users().get("ada"));
 *   }
 * }
 * }</pre>
 *
 * <p>There is one {@code TestDynamoDb} per JVM, kept in the root context's store, so every test
 * class of the run shares the engine and its client; give each test class its own table names.
 */
public final class DynamoDbExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DynamoDbExtension.class);

  /** Made by JUnit from {@code @ExtendWith(DynamoDbExtension.class)}. */
  public DynamoDbExtension() {}

  /** Makes the run's DynamoDB before the first test of the class, so a bad endpoint fails early. */
  @Override
  public void beforeAll(ExtensionContext context) {
    dynamo(context);
  }

  /**
   * Whether the parameter is a {@link DynamoDbClient}, a {@link DynamoDbAsyncClient}, a {@link
   * TestDynamoDb} or a {@link MonotableLocal}.
   */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == DynamoDbClient.class || type == DynamoDbAsyncClient.class || type == TestDynamoDb.class
        || type == MonotableLocal.class;
  }

  /** The shared client or async client, the run's {@link TestDynamoDb}, or its engine. */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return resolve(parameter.getParameter().getType(), dynamo(context));
  }

  static Object resolve(Class<?> type, TestDynamoDb dynamo) {
    if (type == DynamoDbClient.class) {
      return dynamo.client();
    }
    if (type == DynamoDbAsyncClient.class) {
      return dynamo.asyncClient();
    }
    if (type == TestDynamoDb.class) {
      return dynamo;
    }
    return dynamo.local().orElseThrow(() -> new ParameterResolutionException(
        "No MonotableLocal to inject: this run uses the " + dynamo + ", given with -D"
            + TestDynamoDb.ENDPOINT_PROPERTY + " or " + TestDynamoDb.ENDPOINT_VARIABLE
            + ". A test that needs the embedded engine (faults, its clock) can take a TestDynamoDb and call"
            + " assumeTrue(dynamo.isLocal()) to be skipped on an endpoint."));
  }

  private static TestDynamoDb dynamo(ExtensionContext context) {
    // not a CloseableResource: the shared instance outlives the JUnit run (another test engine
    // may use it after Jupiter is done) and is cleaned up when the JVM exits
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(TestDynamoDb.class, key -> TestDynamoDb.shared(), TestDynamoDb.class);
  }
}
