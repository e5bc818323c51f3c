package dev.monotable.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monotable.local.MonotableLocal;
import dev.monotable.runtime.CapacityEvent;
import dev.monotable.runtime.CapacityListener;
import dev.monotable.runtime.TableMismatchException;
import dev.monotable.runtime.TableOptions;
import dev.monotable.spring.boot.app.AppDataAsyncTable;
import dev.monotable.spring.boot.app.AppDataTable;
import dev.monotable.spring.boot.app.User;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

class MonotableAutoConfigurationTest {
  private final LocalEngine engine = new LocalEngine();
  /** The SDK's own HTTP clients (Netty for the asynchronous one). */
  private final ApplicationContextRunner sdkHttpClients = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(MonotableAutoConfiguration.class))
      .withPropertyValues("monotable.region=eu-west-1", "monotable.credentials.access-key-id=test",
          "monotable.credentials.secret-access-key=test");
  /** Both clients on this test's engine, without a socket. */
  private final ApplicationContextRunner runner = sdkHttpClients
      .withBean(DynamoDbClientBuilderCustomizer.class, engine::httpClientOnly)
      .withBean(DynamoDbAsyncClientBuilderCustomizer.class, engine::asyncHttpClientOnly);

  @AfterEach
  void closeEngine() {
    engine.close();
  }

  @Test
  void client_fromProperties_sendsSignedRequestsToTheEndpoint() {
    List<String> authorizations = new CopyOnWriteArrayList<>();
    ExecutionInterceptor recorder = new ExecutionInterceptor() {
      @Override
      public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        authorizations.add(context.httpRequest().firstMatchingHeader("Authorization").orElse(""));
      }
    };
    runner
        .withBean("recorder", DynamoDbClientBuilderCustomizer.class,
            () -> builder -> builder.overrideConfiguration(c -> c.addExecutionInterceptor(recorder)))
        .withPropertyValues("monotable.region=eu-central-1", "monotable.endpoint=" + engine.local.endpoint(),
            "monotable.credentials.access-key-id=AKIDEXAMPLE", "monotable.credentials.secret-access-key=s3cr3t")
        .run(context -> {
          DynamoDbClient client = context.getBean(DynamoDbClient.class);
          assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.EU_CENTRAL_1);
          assertThat(client.serviceClientConfiguration().endpointOverride()).contains(engine.local.endpoint());
          AwsCredentialsIdentity credentials = client.serviceClientConfiguration()
              .credentialsProvider().resolveIdentity().join();
          assertThat(credentials.accessKeyId()).isEqualTo("AKIDEXAMPLE");
          assertThat(credentials.secretAccessKey()).isEqualTo("s3cr3t");

          engine.createWithoutStream("Visible");
          assertThat(client.listTables().tableNames()).containsExactly("Visible");
          assertThat(authorizations).last().asString()
              .contains("Credential=AKIDEXAMPLE/").contains("/eu-central-1/dynamodb/aws4_request");
        });
  }

  @Test
  void client_overHttp_withTheSdksHttpClient() {
    try (MonotableLocal served = MonotableLocal.start()) {
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(MonotableAutoConfiguration.class))
          .withPropertyValues("monotable.region=us-west-2", "monotable.endpoint=" + served.endpoint(),
              "monotable.credentials.access-key-id=id", "monotable.credentials.secret-access-key=secret",
              "monotable.create-tables=true")
          .run(context -> {
            assertThat(context).hasNotFailed();
            AppDataTable table = context.getBean(AppDataTable.class);
            table.users().put(new User("1", "Ada"));
            assertThat(table.users().get("1")).contains(new User("1", "Ada"));
            assertThat(LocalEngine.client(served).listTables().tableNames()).containsExactly("AppData");
            assertThat(context.getBean(DynamoDbAsyncClient.class).listTables().join().tableNames())
                .containsExactly("AppData");
          });
    }
  }

  @Test
  void credentials_halfGiven_failStartUpNamingTheMissingProperty() {
    ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(MonotableAutoConfiguration.class))
        .withPropertyValues("monotable.region=eu-west-1");
    runner.withPropertyValues("monotable.credentials.access-key-id=AKIDEXAMPLE")
        .run(context -> assertThat(context).getFailure()
            .hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class)
            .rootCause().hasMessageContaining("monotable.credentials.secret-access-key"));
    runner.withPropertyValues("monotable.credentials.secret-access-key=s3cr3t")
        .run(context -> assertThat(context).getFailure()
            .rootCause().hasMessageContaining("monotable.credentials.access-key-id"));
  }

  @Test
  void properties_bound() {
    runner.withPropertyValues("monotable.endpoint=http://localhost:8000", "monotable.table-prefix=dev-",
            "monotable.table-suffix=-x", "monotable.create-tables=false", "monotable.metrics.enabled=false",
            "monotable.credentials.access-key-id=AKIDEXAMPLE", "monotable.credentials.secret-access-key=s3cr3t")
        .run(context -> {
          MonotableProperties properties = context.getBean(MonotableProperties.class);
          assertThat(properties.getRegion()).isEqualTo("eu-west-1");
          assertThat(properties.getEndpoint()).hasToString("http://localhost:8000");
          assertThat(properties.getTablePrefix()).isEqualTo("dev-");
          assertThat(properties.getTableSuffix()).isEqualTo("-x");
          assertThat(properties.isCreateTables()).isFalse();
          assertThat(properties.getMetrics().isEnabled()).isFalse();
          assertThat(properties.getCredentials().getAccessKeyId()).isEqualTo("AKIDEXAMPLE");
          assertThat(properties.getCredentials().getSecretAccessKey()).isEqualTo("s3cr3t");
          assertThat(properties.getCredentials()).asString().doesNotContain("s3cr3t");
          assertThat(properties.tableName("AppData")).isEqualTo("dev-AppData-x");
        });
  }

  @Test
  void userClient_wins() {
    runner.withBean(DynamoDbClient.class, () -> engine.client).run(context -> {
      assertThat(context).getBean(DynamoDbClient.class).isSameAs(engine.client);
      engine.createWithoutStream("AppData");
      context.getBean(AppDataTable.class).users().put(new User("1", "Ada"));
      assertThat(engine.client.getItem(b -> b.tableName("AppData")
          .key(Map.of("PK", attribute("USER#1"), "SK", attribute("PROFILE")))).item())
          .containsEntry("name", attribute("Ada"));
    });
  }

  @Test
  void tables_oneBeanEach_namedAfterTheirClass_withTheDesignsName() {
    runner.run(context -> {
      assertThat(context).hasSingleBean(AppDataTable.class).hasBean("appDataTable");
      assertThat(context.getBean(AppDataTable.class).tableName()).isEqualTo("AppData");
      assertThat(context).hasSingleBean(AppDataAsyncTable.class).hasBean("appDataAsyncTable");
      assertThat(context.getBeanFactory().getBeanDefinition("appDataAsyncTable").isLazyInit()).isTrue();
      assertThat(context.getBean(AppDataAsyncTable.class).tableName()).isEqualTo("AppData");
    });
  }

  @Test
  void tables_prefixAndSuffix_changeTheirNames() {
    runner.withPropertyValues("monotable.table-prefix=dev-", "monotable.table-suffix=-eu",
            "monotable.create-tables=true")
        .run(context -> {
          assertThat(context.getBean(AppDataTable.class).tableName()).isEqualTo("dev-AppData-eu");
          assertThat(context.getBean(AppDataAsyncTable.class).tableName()).isEqualTo("dev-AppData-eu");
          assertThat(engine.tableNames()).containsExactly("dev-AppData-eu");
        });
  }

  @Test
  void userTableBean_wins() {
    runner.withBean(DynamoDbClient.class, () -> engine.client)
        .withBean("mine", AppDataTable.class, () -> AppDataTable.of(engine.client, "Mine"))
        .withPropertyValues("monotable.create-tables=true")
        .run(context -> {
          assertThat(context).hasSingleBean(AppDataTable.class).hasBean("mine").doesNotHaveBean("appDataTable");
          assertThat(context.getBean(AppDataTable.class).tableName()).isEqualTo("Mine");
          // the asynchronous twin is another type: still auto-configured
          assertThat(context).hasSingleBean(AppDataAsyncTable.class);
          // and the application's table is created as the auto-configured one would be
          assertThat(engine.tableNames()).containsExactly("Mine");
        });
  }

  @Test
  void userTableBean_fromAConfigurationClass_wins() {
    runner.withUserConfiguration(OwnTable.class).run(context -> {
      assertThat(context).hasSingleBean(AppDataTable.class).hasBean("ownTable").doesNotHaveBean("appDataTable");
      assertThat(context.getBean(AppDataTable.class).tableName()).isEqualTo("Own");
    });
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnTable {
    @Bean
    AppDataTable ownTable(DynamoDbClient client) {
      return AppDataTable.of(client, "Own");
    }
  }

  @Test
  void createTables_true_createsEachTableAsDesignedAtStartUp() {
    runner.withPropertyValues("monotable.create-tables=true").run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(TableCreator.class);
      TableDescription table = engine.client.describeTable(b -> b.tableName("AppData")).table();
      assertThat(table.tableStatusAsString()).isEqualTo("ACTIVE");
      assertThat(table.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
    });
  }

  @Test
  void createTables_byDefault_createsNothing() {
    runner.run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(TableCreator.class);
      assertThat(engine.tableNames()).isEmpty();
    });
  }

  @Test
  void createTables_true_failsStartUp_whenATableDiffersFromItsDesign() {
    engine.createWithoutStream("AppData");
    runner.withPropertyValues("monotable.create-tables=true")
        .run(context -> assertThat(context).getFailure()
            .hasRootCauseInstanceOf(TableMismatchException.class)
            .rootCause().hasMessageContaining("AppData").hasMessageContaining("stream"));
  }

  @Test
  void asyncClient_fromProperties_onlyWhenAskedFor() {
    sdkHttpClients.withPropertyValues("monotable.region=ap-south-1", "monotable.endpoint=http://localhost:8000",
            "monotable.credentials.access-key-id=AKIDEXAMPLE", "monotable.credentials.secret-access-key=s3cr3t")
        .run(context -> {
          assertThat(context.getBeanFactory().getBeanDefinition("dynamoDbAsyncClient").isLazyInit()).isTrue();
          assertThat(context.getBeanFactory().containsSingleton("dynamoDbAsyncClient")).isFalse();
          DynamoDbAsyncClient client = context.getBean(DynamoDbAsyncClient.class);
          assertThat(client.serviceClientConfiguration().region()).isEqualTo(Region.AP_SOUTH_1);
          assertThat(client.serviceClientConfiguration().endpointOverride()).hasValueSatisfying(
              endpoint -> assertThat(endpoint).hasToString("http://localhost:8000"));
        });
  }

  @Test
  void userAsyncCustomizer_applied() {
    runner.withBean("saoPaulo", DynamoDbAsyncClientBuilderCustomizer.class,
            () -> builder -> builder.region(Region.SA_EAST_1))
        .run(context -> assertThat(context.getBean(DynamoDbAsyncClient.class).serviceClientConfiguration().region())
            .isEqualTo(Region.SA_EAST_1));
  }

  @Test
  void capacityListenerBeans_hearEveryTableRequest() {
    List<CapacityEvent> first = new CopyOnWriteArrayList<>();
    List<CapacityEvent> second = new CopyOnWriteArrayList<>();
    runner.withBean("first", CapacityListener.class, () -> first::add)
        .withBean("second", CapacityListener.class, () -> second::add)
        .withPropertyValues("monotable.create-tables=true")
        .run(context -> {
          context.getBean(AppDataTable.class).users().put(new User("1", "Ada"));
          assertThat(first).hasSize(1);
          assertThat(first.get(0).table()).isEqualTo("AppData");
          assertThat(first.get(0).operation()).isEqualTo("PutItem");
          assertThat(second).isEqualTo(first);
        });
  }

  @Test
  void userTableOptions_win() {
    TableOptions mine = TableOptions.defaults().withExpiredItemsShown();
    runner.withBean(TableOptions.class, () -> mine)
        .run(context -> assertThat(context).getBean(TableOptions.class).isSameAs(mine));
  }

  @Test
  void withoutTheListOfTables_noTableBeans() {
    runner.withClassLoader(new FilteredClassLoader(new ClassPathResource(GeneratedTables.LOCATION)))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(AppDataTable.class)
            .doesNotHaveBean(AppDataAsyncTable.class).hasSingleBean(DynamoDbClient.class));
  }

  @Test
  void staleList_failsStartUpNamingTheClassAndTheList(@TempDir Path dir) throws IOException {
    Path list = dir.resolve(GeneratedTables.LOCATION);
    Files.createDirectories(list.getParent());
    Files.writeString(list, "com.example.GoneTable\n");
    URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
    runner.withClassLoader(loader)
        .run(context -> assertThat(context).getFailure().rootCause()
            .isInstanceOf(ClassNotFoundException.class));
    runner.withClassLoader(loader)
        .run(context -> assertThat(context).getFailure()
            .hasMessageContaining("com.example.GoneTable").hasMessageContaining(dir.getFileName().toString()));
    loader.close();
  }

  @Test
  void withoutTheSdk_nothingConfigured() {
    runner.withClassLoader(new FilteredClassLoader(DynamoDbClient.class))
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MonotableProperties.class)
            .doesNotHaveBean("appDataTable"));
  }

  private static AttributeValue attribute(String text) {
    return AttributeValue.fromS(text);
  }
}
