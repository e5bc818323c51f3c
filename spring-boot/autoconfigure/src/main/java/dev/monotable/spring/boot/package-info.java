/**
 * Spring Boot auto-configuration of Monotable: a {@code DynamoDbClient} and a {@code DynamoDbAsyncClient}
 * from the {@code monotable.*} properties ({@link dev.monotable.spring.boot.MonotableProperties}), and a
 * bean for every generated table that the class path's {@code META-INF/monotable/tables} files list
 * ({@link dev.monotable.spring.boot.GeneratedTables}), optionally created at start-up, with Micrometer
 * capacity meters and an actuator health indicator ({@code dev.monotable.spring.boot.actuate}).
 *
 * <pre>{@code
 * @Service
 * class Orders {
 *   private final AppDataTable table;          // generated from @Table interface AppData
 *   Orders(AppDataTable table) { this.table = table; }
 * }
 * }</pre>
 */
package dev.monotable.spring.boot;
