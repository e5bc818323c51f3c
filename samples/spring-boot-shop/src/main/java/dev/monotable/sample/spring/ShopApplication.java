package dev.monotable.sample.spring;

import dev.monotable.spring.boot.DynamoDbClientBuilderCustomizer;
import java.time.Duration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The shop's web application: {@code mvn spring-boot:run} serves it on port 8080, on an embedded
 * monotable-local (the {@code local} profile, the default).
 */
@SpringBootApplication
public class ShopApplication {
  public static void main(String[] args) {
    SpringApplication.run(ShopApplication.class, args);
  }

  // region customizer
  /** A request that DynamoDB has not answered within 5 seconds, retries included, fails: no thread hangs. */
  @Bean
  DynamoDbClientBuilderCustomizer apiCallTimeout() {
    return builder -> builder.overrideConfiguration(c -> c.apiCallTimeout(Duration.ofSeconds(5)));
  }
  // endregion
}
