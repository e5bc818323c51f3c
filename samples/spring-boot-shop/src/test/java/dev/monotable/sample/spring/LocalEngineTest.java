package dev.monotable.sample.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monotable.local.MonotableLocal;
import dev.monotable.spring.boot.MonotableAutoConfiguration;
import dev.monotable.spring.boot.MonotableLocalEngineAutoConfiguration;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The local profile's switch: the starter's embedded engine with monotable.local.enabled=true, and only then. */
class LocalEngineTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MonotableLocalEngineAutoConfiguration.class,
          MonotableAutoConfiguration.class));

  @Test
  void enabled_clientsOnTheEngine_tableCreated() {
    runner.withPropertyValues("monotable.local.enabled=true", "monotable.region=eu-west-1").run(context -> {
      MonotableLocal local = context.getBean(MonotableLocal.class);
      DynamoDbClient client = context.getBean(DynamoDbClient.class);
      assertThat(client.serviceClientConfiguration().endpointOverride()).contains(local.endpoint());
      assertThat(client.listTables().tableNames()).containsExactly("AppData");
      assertThat(context.getBean(AppDataTable.class).check().healthy()).isTrue();
    });
  }

  @Test
  void notEnabled_noEngine_clientWhereThePropertiesSay() {
    runner.withPropertyValues("monotable.region=eu-west-1", "monotable.endpoint=http://localhost:1").run(context -> {
      assertThat(context).doesNotHaveBean(MonotableLocal.class);
      assertThat(context.getBean(DynamoDbClient.class).serviceClientConfiguration().endpointOverride())
          .contains(URI.create("http://localhost:1"));
    });
  }
}
