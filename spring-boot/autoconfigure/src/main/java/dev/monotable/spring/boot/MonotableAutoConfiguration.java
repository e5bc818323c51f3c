package dev.monotable.spring.boot;

import dev.monotable.runtime.CapacityListener;
import dev.monotable.runtime.MonotableTable;
import dev.monotable.runtime.TableOptions;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * DynamoDB clients from the {@code monotable.*} properties (unless the application has its own), the
 * {@link TableOptions} every table gets, and a bean for every generated table (see
 * {@link GeneratedTableRegistrar}); with {@code monotable.create-tables=true}, the tables are created at
 * start-up.
 */
@AutoConfiguration
@ConditionalOnClass({DynamoDbClient.class, MonotableTable.class})
@EnableConfigurationProperties(MonotableProperties.class)
@Import(GeneratedTableRegistrar.class)
public class MonotableAutoConfiguration {

  /**
   * The client the tables send requests through: region, endpoint and credentials from the properties or
   * the AWS SDK's defaults (its default HTTP client too), then each {@link DynamoDbClientBuilderCustomizer}.
   */
  @Bean
  @ConditionalOnMissingBean
  public DynamoDbClient dynamoDbClient(MonotableProperties properties,
      ObjectProvider<DynamoDbClientBuilderCustomizer> customizers) {
    DynamoDbClientBuilder builder = configure(DynamoDbClient.builder(), properties);
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }

  /**
   * The client the asynchronous tables send requests through, configured as {@link #dynamoDbClient}, then
   * by each {@link DynamoDbAsyncClientBuilderCustomizer}. Lazy: its HTTP client's threads start only when
   * something asks for it.
   */
  @Bean
  @Lazy
  @ConditionalOnMissingBean
  public DynamoDbAsyncClient dynamoDbAsyncClient(MonotableProperties properties,
      ObjectProvider<DynamoDbAsyncClientBuilderCustomizer> customizers) {
    DynamoDbAsyncClientBuilder builder = configure(DynamoDbAsyncClient.builder(), properties);
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    return builder.build();
  }

  /**
   * The options of every auto-configured table: the defaults, telling the capacity each request consumed
   * to the application's {@link CapacityListener} beans (such as the Micrometer one that
   * {@link MonotableMetricsAutoConfiguration} adds). An application's own {@code TableOptions} bean
   * replaces it.
   */
  @Bean
  @ConditionalOnMissingBean
  public TableOptions monotableTableOptions(ObjectProvider<CapacityListener> capacityListeners) {
    List<CapacityListener> listeners = capacityListeners.orderedStream().toList();
    TableOptions options = TableOptions.defaults();
    if (listeners.size() == 1) {
      return options.withCapacityListener(listeners.get(0));
    }
    if (listeners.size() > 1) {
      return options.withCapacityListener(event -> listeners.forEach(listener -> listener.consumed(event)));
    }
    return options;
  }

  @Bean
  @ConditionalOnBooleanProperty("monotable.create-tables")
  @ConditionalOnMissingBean
  public static TableCreator monotableTableCreator() {
    return new TableCreator();
  }

  static <B extends AwsClientBuilder<B, ?>> B configure(B builder, MonotableProperties properties) {
    if (properties.getRegion() != null && !properties.getRegion().isBlank()) {
      builder.region(Region.of(properties.getRegion().strip()));
    }
    if (properties.getEndpoint() != null) {
      builder.endpointOverride(properties.getEndpoint());
    }
    MonotableProperties.Credentials credentials = properties.getCredentials();
    boolean hasId = hasText(credentials.getAccessKeyId());
    boolean hasSecret = hasText(credentials.getSecretAccessKey());
    if (hasId && hasSecret) {
      builder.credentialsProvider(StaticCredentialsProvider.create(
          AwsBasicCredentials.create(credentials.getAccessKeyId(), credentials.getSecretAccessKey())));
    } else if (hasId) {
      throw new InvalidConfigurationPropertyValueException("monotable.credentials.access-key-id",
          credentials.getAccessKeyId(), "an access key id needs monotable.credentials.secret-access-key too: set"
              + " both, or neither to use the AWS SDK's default credentials chain");
    } else if (hasSecret) {
      throw new InvalidConfigurationPropertyValueException("monotable.credentials.secret-access-key", "******",
          "a secret access key needs monotable.credentials.access-key-id too: set both, or neither to use the AWS"
              + " SDK's default credentials chain");
    }
    return builder;
  }

  private static boolean hasText(String text) {
    return text != null && !text.isBlank();
  }
}
