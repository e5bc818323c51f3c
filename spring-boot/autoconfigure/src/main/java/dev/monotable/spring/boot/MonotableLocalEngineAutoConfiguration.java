package dev.monotable.spring.boot;

import dev.monotable.spring.boot.test.MonotableLocalAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Import;

/**
 * With {@code monotable.local.enabled=true}, the running application itself works on an embedded
 * monotable-local: the engine {@code @AutoConfigureMonotableLocal} gives a test (in memory in this JVM,
 * the auto-configured clients pointed at it without a socket, the tables created), for
 * {@code mvn spring-boot:run} in development with nothing to install. Needs monotable-local on the class
 * path (a runtime dependency, or a {@code local} profile's); a test that also carries the annotation gets
 * one engine, not two.
 */
@AutoConfiguration(before = MonotableAutoConfiguration.class)
@ConditionalOnClass(name = "dev.monotable.local.MonotableLocal")
@ConditionalOnBooleanProperty("monotable.local.enabled")
@Import(MonotableLocalAutoConfiguration.class)
public class MonotableLocalEngineAutoConfiguration {
}
