package dev.monotable.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monotable.local.MonotableLocal;
import dev.monotable.spring.boot.LocalEngine;
import dev.monotable.spring.boot.MonotableAutoConfiguration;
import dev.monotable.spring.boot.TableCreator;
import dev.monotable.spring.boot.app.AppDataAsyncTable;
import dev.monotable.spring.boot.app.AppDataTable;
import dev.monotable.spring.boot.app.User;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class MonotableLocalAutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MonotableLocalAutoConfiguration.class,
          MonotableAutoConfiguration.class));

  @Test
  void engineStarted_clientPointedAtIt_tablesCreated() {
    // a region and endpoint of production in the properties: the engine still wins
    runner.withPropertyValues("monotable.region=eu-west-1",
            "monotable.endpoint=https://dynamodb.eu-west-1.amazonaws.com")
        .run(context -> {
          MonotableLocal local = context.getBean(MonotableLocal.class);
          DynamoDbClient client = context.getBean(DynamoDbClient.class);
          assertThat(client.serviceClientConfiguration().endpointOverride()).contains(local.endpoint());
          assertThat(client.listTables().tableNames()).containsExactly("AppData");
          assertThat(context).hasSingleBean(TableCreator.class);

          AppDataTable table = context.getBean(AppDataTable.class);
          table.users().put(new User("1", "Ada"));
          assertThat(table.users().get("1")).contains(new User("1", "Ada"));
        });
  }

  @Test
  void asyncClient_onTheEngineToo() {
    runner.withPropertyValues("monotable.region=eu-west-1").run(context -> {
      DynamoDbAsyncClient client = context.getBean(DynamoDbAsyncClient.class);
      assertThat(client.serviceClientConfiguration().endpointOverride())
          .contains(context.getBean(MonotableLocal.class).endpoint());
      assertThat(client.listTables().join().tableNames()).containsExactly("AppData");

      AppDataAsyncTable asyncTable = context.getBean(AppDataAsyncTable.class);
      asyncTable.users().put(new User("3", "Barbara")).join();
      assertThat(context.getBean(AppDataTable.class).users().get("3")).contains(new User("3", "Barbara"));
    });
  }

  @Test
  void eachContext_itsOwnEngine() {
    runner.run(first -> runner.run(second -> {
      assertThat(first.getBean(MonotableLocal.class)).isNotSameAs(second.getBean(MonotableLocal.class));
      first.getBean(AppDataTable.class).users().put(new User("1", "Ada"));
      assertThat(first.getBean(AppDataTable.class).users().get("1")).isPresent();
      assertThat(second.getBean(AppDataTable.class).users().get("1")).isEmpty();
    }));
  }

  @Test
  void prefix_tablesCreatedUnderTheirConfiguredNames() {
    runner.withPropertyValues("monotable.table-prefix=test-")
        .run(context -> assertThat(context.getBean(DynamoDbClient.class).listTables().tableNames())
            .containsExactly("test-AppData"));
  }

  @Test
  void applicationEngine_used() {
    try (MonotableLocal mine = MonotableLocal.inProcess()) {
      runner.withBean(MonotableLocal.class, () -> mine).run(context -> {
        assertThat(context).getBean(MonotableLocal.class).isSameAs(mine);
        context.getBean(AppDataTable.class).users().put(new User("2", "Grace"));
        assertThat(LocalEngine.client(mine).scan(b -> b.tableName("AppData")).count()).isEqualTo(1);
      });
    }
  }

  @Test
  void withoutMonotableLocal_startUpFails_insteadOfReachingARealDynamoDb() {
    runner.withClassLoader(new FilteredClassLoader(MonotableLocal.class))
        .withPropertyValues("monotable.region=eu-west-1")
        .run(context -> assertThat(context).getFailure().rootCause()
            .hasMessageContaining("dev.monotable:monotable-local"));
  }
}
