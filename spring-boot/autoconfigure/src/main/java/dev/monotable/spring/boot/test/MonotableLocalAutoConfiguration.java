package dev.monotable.spring.boot.test;

import dev.monotable.local.MonotableLocal;
import dev.monotable.spring.boot.DynamoDbAsyncClientBuilderCustomizer;
import dev.monotable.spring.boot.DynamoDbClientBuilderCustomizer;
import dev.monotable.spring.boot.MonotableAutoConfiguration;
import dev.monotable.spring.boot.TableCreator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * What {@link AutoConfigureMonotableLocal} imports: an in-process {@link MonotableLocal} per application
 * context (closed with it), customizers that point the auto-configured {@code DynamoDbClient} and
 * {@code DynamoDbAsyncClient} at it (after the {@code monotable.*} properties, so a configured endpoint or
 * region is overridden), and table creation at start-up. Without monotable-local on the class path, the
 * context fails to start rather than reach whatever DynamoDB the properties name.
 */
@AutoConfiguration(before = MonotableAutoConfiguration.class)
public class MonotableLocalAutoConfiguration {
  private static final String ENGINE_CLASS = "dev.monotable.local.MonotableLocal";

  /** The engine and the clients on it. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = ENGINE_CLASS)
  static class Engine {
    private static final StaticCredentialsProvider CREDENTIALS =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("monotable-local", "monotable-local"));

    /** The engine: in memory, reached without a socket. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    MonotableLocal monotableLocal() {
      return MonotableLocal.inProcess();
    }

    /** Points the {@code DynamoDbClient} at the engine. */
    @Bean
    DynamoDbClientBuilderCustomizer monotableLocalDynamoDbClient(MonotableLocal local) {
      return builder -> builder
          .httpClient(local.httpClient())
          .endpointOverride(local.endpoint())
          .region(Region.US_EAST_1)
          .credentialsProvider(CREDENTIALS);
    }

    /**
     * Points the {@code DynamoDbAsyncClient} at the engine; the engine's asynchronous HTTP client (and its
     * threads) is made only when that client is.
     */
    @Bean
    DynamoDbAsyncClientBuilderCustomizer monotableLocalDynamoDbAsyncClient(MonotableLocal local) {
      return builder -> builder
          .httpClient(local.asyncHttpClient())
          .endpointOverride(local.endpoint())
          .region(Region.US_EAST_1)
          .credentialsProvider(CREDENTIALS);
    }

    /** Creates each table bean's table: the engine starts empty. */
    @Bean
    @ConditionalOnMissingBean
    static TableCreator monotableTableCreator() {
      return new TableCreator();
    }
  }

  /** A test asked for the engine, and would otherwise send its requests to a real DynamoDB. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingClass(ENGINE_CLASS)
  static class NoEngine {
    @Bean
    Object monotableLocal() {
      throw new IllegalStateException("@AutoConfigureMonotableLocal needs monotable-local on the test class path:"
          + " add the dependency dev.monotable:monotable-local (test scope)");
    }
  }
}
