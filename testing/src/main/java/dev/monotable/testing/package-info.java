/**
 * DynamoDB for tests: {@link dev.monotable.testing.TestDynamoDb}, the DynamoDB a test run uses
 * (monotable-local in-process, or any endpoint given with {@code -Dmonotable.test.endpoint}), and
 * {@link dev.monotable.testing.DynamoDbExtension}, which injects it into JUnit 5 tests.
 *
 * <pre>{@code
 * @ExtendWith(DynamoDbExtension.class)
 * class OrderTest {
 *   @Test
 *   void roundTrip(DynamoDbClient client, TestDynamoDb dynamo) {
 *     AppDataTable table = AppDataTable.of(client, dynamo.uniqueTableName("AppData"));
 *     table.createIfNotExists();
 *   }
 * }
 * }</pre>
 */
package dev.monotable.testing;
