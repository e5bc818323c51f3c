package dev.monotable.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Runs the test's application context on monotable-local: an in-process engine of its own (so that test
 * classes running in parallel on different contexts never share tables), the auto-configured
 * {@code DynamoDbClient} and {@code DynamoDbAsyncClient} pointed at it without a socket, and every table
 * bean's table created. Needs {@code dev.monotable:monotable-local} on the test class path. An
 * application's own client beans are left as they are.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureMonotableLocal
 * class OrdersTest {
 *   @Autowired AppDataTable table;
 *
 *   @Test
 *   void storesAnOrder() {
 *     table.orders().put(new Order(...));
 *   }
 * }
 * }</pre>
 *
 * <p>The auto-configuration it imports is listed in
 * {@code META-INF/spring/dev.monotable.spring.boot.test.AutoConfigureMonotableLocal.imports}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureMonotableLocal {
}
