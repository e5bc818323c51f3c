package dev.monotable.spring.boot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A plain Spring Boot application on the auto-configured AppDataTable, for the application-level tests. */
@SpringBootApplication
public class ShopApplication {
}
