package dev.monotable.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monotable.spring.boot.DynamoDbClientBuilderCustomizer;
import dev.monotable.spring.boot.LocalEngine;
import dev.monotable.spring.boot.MonotableAutoConfiguration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;

class MonotableHealthIndicatorTest {
  private final LocalEngine engine = new LocalEngine();
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MonotableAutoConfiguration.class,
          MonotableHealthContributorAutoConfiguration.class))
      .withPropertyValues("monotable.region=eu-west-1")
      .withBean(DynamoDbClientBuilderCustomizer.class, engine::customizer);

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void createdTables_up() {
    runner.withPropertyValues("monotable.create-tables=true").run(context -> {
      Health health = context.getBean("monotableHealthIndicator", HealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).isEqualTo(Map.of("AppData", Map.of("status", "ACTIVE")));
    });
  }

  @Test
  void missingTable_downWithItsStatus_andNothingCreated() {
    runner.run(context -> {
      Health health = context.getBean(MonotableHealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).isEqualTo(Map.of("AppData", Map.of("status", "MISSING")));
      assertThat(engine.tableNames()).isEmpty();
    });
  }

  @Test
  void tableNotAsDesigned_downWithTheDifferences() {
    engine.createWithoutStream("AppData");
    runner.run(context -> {
      Health health = context.getBean(MonotableHealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      @SuppressWarnings("unchecked")
      Map<String, Object> table = (Map<String, Object>) health.getDetails().get("AppData");
      assertThat(table).containsEntry("status", "ACTIVE");
      assertThat((List<?>) table.get("differences")).singleElement().asString()
          .contains("stream").contains("NONE").contains("NEW_AND_OLD_IMAGES");
    });
  }

  @Test
  void unreachableTable_downWithTheError() {
    runner.withPropertyValues("monotable.create-tables=true")
        .withBean("noRetries", DynamoDbClientBuilderCustomizer.class,
            () -> builder -> builder.overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())))
        .run(context -> {
      engine.local.faults().throttle("DescribeTable", 1);
      Health health = context.getBean(MonotableHealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails().get("AppData")).asString().contains("ProvisionedThroughputExceeded");
      // the fault was used up: the next check is healthy again
      assertThat(context.getBean(MonotableHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
    });
  }

  @Test
  void disabled_noIndicator() {
    runner.withPropertyValues("management.health.monotable.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MonotableHealthIndicator.class));
  }

  @Test
  void withoutActuator_noIndicator() {
    runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("monotableHealthIndicator"));
  }

  @Test
  void withoutTables_noIndicator() {
    runner.withClassLoader(new FilteredClassLoader(new ClassPathResource("META-INF/monotable/tables")))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MonotableHealthIndicator.class));
  }
}
