package dev.monotable.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monotable.runtime.TableOptions;
import dev.monotable.runtime.micrometer.MicrometerCapacity;
import dev.monotable.spring.boot.app.AppDataTable;
import dev.monotable.spring.boot.app.User;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MonotableMetricsAutoConfigurationTest {
  private final LocalEngine engine = new LocalEngine();
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MonotableAutoConfiguration.class,
          MonotableMetricsAutoConfiguration.class))
      .withPropertyValues("monotable.region=eu-west-1", "monotable.create-tables=true")
      .withBean(DynamoDbClientBuilderCustomizer.class, engine::customizer);

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void meterRegistry_tablesRecordTheirCapacity() {
    runner.withBean(SimpleMeterRegistry.class).run(context -> {
      assertThat(context).hasSingleBean(MicrometerCapacity.class);
      assertThat(context.getBean(TableOptions.class).capacityListener())
          .isSameAs(context.getBean(MicrometerCapacity.class));

      context.getBean(AppDataTable.class).users().put(new User("1", "Ada"));

      MeterRegistry registry = context.getBean(MeterRegistry.class);
      assertThat(registry.get("monotable.requests").tag("table", "AppData").tag("operation", "PutItem").counter()
          .count()).isEqualTo(1.0);
      assertThat(registry.get("monotable.capacity").tag("table", "AppData").tag("unit", "write").counter().count())
          .isPositive();
    });
  }

  @Test
  void noMeterRegistry_noMetrics() {
    runner.run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerCapacity.class);
      assertThat(context.getBean(TableOptions.class).capacityListener()).isNull();
    });
  }

  @Test
  void metricsDisabled_noMetrics() {
    runner.withBean(SimpleMeterRegistry.class).withPropertyValues("monotable.metrics.enabled=false")
        .run(context -> {
          assertThat(context).doesNotHaveBean(MicrometerCapacity.class);
          assertThat(context.getBean(TableOptions.class).capacityListener()).isNull();
        });
  }

  @Test
  void withoutMicrometer_noMetrics() {
    runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerCapacity.class)
            .hasSingleBean(AppDataTable.class));
  }

  @Test
  void twoMeterRegistries_noneChosen() {
    runner.withBean("one", SimpleMeterRegistry.class).withBean("two", SimpleMeterRegistry.class)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerCapacity.class));
  }
}
