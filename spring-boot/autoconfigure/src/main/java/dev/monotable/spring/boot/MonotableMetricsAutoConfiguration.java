package dev.monotable.spring.boot;

import dev.monotable.runtime.micrometer.MicrometerCapacity;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * Records the capacity each table request consumed in the application's {@link MeterRegistry}
 * ({@code monotable.capacity} and {@code monotable.requests} counters, see {@link MicrometerCapacity}),
 * unless {@code monotable.metrics.enabled=false}.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({MeterRegistry.class, MicrometerCapacity.class})
@ConditionalOnSingleCandidate(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = "monotable.metrics.enabled", matchIfMissing = true)
public class MonotableMetricsAutoConfiguration {

  /** The capacity listener the auto-configured tables' options get. */
  @Bean
  @ConditionalOnMissingBean
  public MicrometerCapacity monotableMicrometerCapacity(MeterRegistry meterRegistry) {
    return new MicrometerCapacity(meterRegistry);
  }
}
