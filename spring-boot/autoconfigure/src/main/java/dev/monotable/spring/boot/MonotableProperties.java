package dev.monotable.spring.boot;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code monotable.*} properties: where the auto-configured DynamoDB clients send requests, the
 * names the generated tables get, and what happens at start-up.
 *
 * <pre>
 * monotable.region=eu-west-1
 * monotable.table-prefix=dev-          # AppData becomes dev-AppData
 * monotable.create-tables=true
 * </pre>
 */
@ConfigurationProperties("monotable")
public class MonotableProperties {
  /**
   * AWS region of DynamoDB, such as eu-west-1. When unset, the AWS SDK's default region provider chain
   * decides (the aws.region system property, the AWS_REGION environment variable, the profile file,
   * instance metadata).
   */
  private String region;

  /**
   * Endpoint to send requests to instead of the region's DynamoDB endpoint, such as http://localhost:8000
   * for a DynamoDB-compatible server on this machine.
   */
  private URI endpoint;

  /** Static credentials, when both parts are set; otherwise the AWS SDK's default credentials chain. */
  private final Credentials credentials = new Credentials();

  /** Text put before each generated table's default name: "dev-" makes AppData dev-AppData. */
  private String tablePrefix = "";

  /** Text put after each generated table's default name: "-test" makes AppData AppData-test. */
  private String tableSuffix = "";

  /**
   * Whether to create each generated table that does not exist at start-up, as its design describes it
   * (indexes, stream, time to live), and wait until it is active. Start-up fails when a table exists with
   * another stream, billing mode or deletion protection than designed.
   */
  private boolean createTables = false;

  private final Metrics metrics = new Metrics();

  /** The embedded engine, for development. */
  private final Local local = new Local();

  /** The name a table whose design names it {@code defaultName} is given: prefix, name and suffix. */
  public String tableName(String defaultName) {
    return nonNull(tablePrefix) + defaultName + nonNull(tableSuffix);
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public URI getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(URI endpoint) {
    this.endpoint = endpoint;
  }

  public Credentials getCredentials() {
    return credentials;
  }

  public String getTablePrefix() {
    return tablePrefix;
  }

  public void setTablePrefix(String tablePrefix) {
    this.tablePrefix = tablePrefix;
  }

  public String getTableSuffix() {
    return tableSuffix;
  }

  public void setTableSuffix(String tableSuffix) {
    this.tableSuffix = tableSuffix;
  }

  public boolean isCreateTables() {
    return createTables;
  }

  public void setCreateTables(boolean createTables) {
    this.createTables = createTables;
  }

  public Local getLocal() {
    return local;
  }

  public Metrics getMetrics() {
    return metrics;
  }

  /** {@code monotable.credentials.*}: an access key, for when the default credentials chain will not do. */
  public static class Credentials {
    /** AWS access key id; used only together with secret-access-key. */
    private String accessKeyId;

    /** AWS secret access key; used only together with access-key-id. */
    private String secretAccessKey;

    public String getAccessKeyId() {
      return accessKeyId;
    }

    public void setAccessKeyId(String accessKeyId) {
      this.accessKeyId = accessKeyId;
    }

    public String getSecretAccessKey() {
      return secretAccessKey;
    }

    public void setSecretAccessKey(String secretAccessKey) {
      this.secretAccessKey = secretAccessKey;
    }

    @Override
    public String toString() {
      // never the secret, should the properties be logged
      return "Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey="
          + (secretAccessKey == null ? null : "******") + "]";
    }
  }

  /** {@code monotable.metrics.*}: Micrometer meters of the capacity each request consumed. */
  public static class Metrics {
    /**
     * Whether to record the capacity each table request consumed as Micrometer counters
     * (monotable.capacity, monotable.requests), when the application has a MeterRegistry.
     */
    private boolean enabled = true;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** The embedded monotable-local of {@code monotable.local.enabled}. */
  public static class Local {
    /**
     * Whether the application runs on an in-memory monotable-local in its own JVM (clients pointed at it,
     * tables created): for development, with monotable-local on the class path.
     */
    private boolean enabled = false;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }
}
