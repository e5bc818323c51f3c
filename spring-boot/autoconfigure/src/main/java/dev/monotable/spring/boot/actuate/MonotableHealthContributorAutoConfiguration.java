package dev.monotable.spring.boot.actuate;

import dev.monotable.runtime.MonotableTable;
import dev.monotable.spring.boot.MonotableAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code monotable} health contributor ({@link MonotableHealthIndicator}) when the actuator is on
 * the class path and the application has table beans; {@code management.health.monotable.enabled=false}
 * turns it off.
 */
@AutoConfiguration(after = MonotableAutoConfiguration.class,
    beforeName = "org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration")
@ConditionalOnClass(name = {"org.springframework.boot.actuate.health.HealthIndicator",
    "org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator"})
@ConditionalOnBean(MonotableTable.class)
@ConditionalOnEnabledHealthIndicator("monotable")
public class MonotableHealthContributorAutoConfiguration {

  /** Named so that the contributor is {@code monotable}. */
  @Bean
  @ConditionalOnMissingBean(name = "monotableHealthIndicator")
  public MonotableHealthIndicator monotableHealthIndicator(ObjectProvider<MonotableTable> tables) {
    return new MonotableHealthIndicator(tables);
  }
}
