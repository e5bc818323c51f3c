package dev.monotable.runtime.micrometer;

import dev.monotable.runtime.CapacityEvent;
import dev.monotable.runtime.CapacityListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/**
 * Records the capacity each request consumed as Micrometer counters, so that a dashboard shows what
 * each access pattern costs, and which index a write's units went to.
 *
 * <pre>{@code
 * AppDataTable table = AppDataTable.of(client, "AppData",
 *     TableOptions.defaults().withCapacityListener(new MicrometerCapacity(meterRegistry)));
 * }</pre>
 *
 * <p>Meters (the {@code monotable.} prefix is the default, see {@link #MicrometerCapacity(MeterRegistry, String)}):
 * <ul>
 *   <li>{@code monotable.capacity} (counter, base unit {@code units}): the units consumed,
 *       tagged {@code unit} = {@code read} or {@code write}, {@code table}, {@code entity} (the entity type,
 *       {@code none} across types), {@code pattern} (the access pattern, or {@code get}, {@code put}, ...:
 *       {@link CapacityEvent#pattern()}), {@code operation} (the DynamoDB operation) and {@code index}
 *       (where the units were consumed: a secondary index, or {@code none} for the table itself; a put
 *       on a table with two global indexes adds to three {@code write} series);</li>
 *   <li>{@code monotable.requests} (counter): the requests, tagged {@code table}, {@code entity},
 *       {@code pattern}, {@code operation} and {@code index} (the index read, {@code none} for the table).</li>
 * </ul>
 * Thread-safe, as the registry is. Needs {@code io.micrometer:micrometer-core} on the class path.
 */
public final class MicrometerCapacity implements CapacityListener {
  /** The tag value of an absent entity or index. */
  public static final String NONE = "none";

  private final MeterRegistry registry;
  private final String capacityName;
  private final String requestsName;

  /** Counters named {@code monotable.capacity} and {@code monotable.requests} in {@code registry}. */
  public MicrometerCapacity(MeterRegistry registry) {
    this(registry, "monotable");
  }

  /** Counters named {@code <prefix>.capacity} and {@code <prefix>.requests} in {@code registry}. */
  public MicrometerCapacity(MeterRegistry registry, String prefix) {
    this.registry = Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(prefix, "prefix");
    this.capacityName = prefix + ".capacity";
    this.requestsName = prefix + ".requests";
  }

  @Override
  public void consumed(CapacityEvent event) {
    String entity = event.entity() == null || event.entity().isEmpty() ? NONE : event.entity();
    Counter.builder(requestsName)
        .description("Requests sent to DynamoDB")
        .tag("table", event.table())
        .tag("entity", entity)
        .tag("pattern", event.pattern())
        .tag("operation", event.operation())
        .tag("index", event.index() == null ? NONE : event.index())
        .register(registry)
        .increment(event.pages());
    for (CapacityEvent.IndexUnits units : event.byIndex()) {
      String index = units.index() == null ? NONE : units.index();
      if (units.readUnits() > 0) {
        capacity(event, entity, index, "read").increment(units.readUnits());
      }
      if (units.writeUnits() > 0) {
        capacity(event, entity, index, "write").increment(units.writeUnits());
      }
    }
  }

  private Counter capacity(CapacityEvent event, String entity, String index, String unit) {
    return Counter.builder(capacityName)
        .description("Capacity units consumed by DynamoDB requests")
        .baseUnit("units")
        .tag("unit", unit)
        .tag("table", event.table())
        .tag("entity", entity)
        .tag("pattern", event.pattern())
        .tag("operation", event.operation())
        .tag("index", index)
        .register(registry);
  }

  @Override
  public String toString() {
    return "MicrometerCapacity[" + capacityName + ", " + requestsName + "]";
  }
}
