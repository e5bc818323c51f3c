package dev.monotable.sample.spring;

import dev.monotable.spring.boot.test.MonotableLocalAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code monotable.local.enabled=true} (the {@code local} profile, the default: see
 * application-local.properties), the application runs on an embedded monotable-local: an in-memory engine
 * in this JVM, the auto-configured DynamoDB clients pointed at it without a socket, and the tables created
 * at start-up. It is the engine {@code @AutoConfigureMonotableLocal} gives a test, imported here for the
 * running application (a test that also asks for it gets it once); monotable-local is on the runtime class
 * path only. Another profile ({@code --spring.profiles.active=aws}) leaves it off, and the clients go where
 * the {@code monotable.*} properties say.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("monotable.local.enabled")
@ImportAutoConfiguration(MonotableLocalAutoConfiguration.class)
class LocalEngineConfiguration {
}
