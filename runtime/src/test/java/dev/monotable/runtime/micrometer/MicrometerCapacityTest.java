package dev.monotable.runtime.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.monotable.runtime.CapacityEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class MicrometerCapacityTest {

  @Test
  void aPutOnTwoIndexes_countsWriteUnitsPerIndex() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerCapacity meters = new MicrometerCapacity(registry);
    CapacityEvent put = new CapacityEvent("AppData", "Order", "PutItem", "put", null, 0, 5, 1, 1, List.of(
        new CapacityEvent.IndexUnits(null, 0, 3), new CapacityEvent.IndexUnits("GSI1", 0, 1),
        new CapacityEvent.IndexUnits("ByStatus", 0, 1)));
    meters.consumed(put);
    meters.consumed(put);

    assertEquals(6.0, capacity(registry, "write", "none", "put").count());
    assertEquals(2.0, capacity(registry, "write", "GSI1", "put").count());
    assertEquals(2.0, capacity(registry, "write", "ByStatus", "put").count());
    assertNull(registry.find("monotable.capacity").tag("unit", "read").counter());
    assertEquals(2.0, registry.get("monotable.requests").tag("operation", "PutItem").tag("entity", "Order")
        .tag("index", "none").counter().count());
  }

  @Test
  void aQueryOfAnIndex_countsReadUnitsOnTheIndex_andAnEventWithoutEntityIsTaggedNone() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    MicrometerCapacity meters = new MicrometerCapacity(registry, "shop");
    meters.consumed(new CapacityEvent("AppData", "Order", "Query", "orderById", "GSI1", 6.5, 0, 25, 1,
        List.of(new CapacityEvent.IndexUnits("GSI1", 6.5, 0))));
    meters.consumed(new CapacityEvent("AppData", null, "Query", "customer", null, 1.5, 0, 3, 1,
        List.of(new CapacityEvent.IndexUnits(null, 1.5, 0))));

    Counter read = registry.get("shop.capacity").tag("unit", "read").tag("pattern", "orderById")
        .tag("index", "GSI1").tag("table", "AppData").tag("operation", "Query").counter();
    assertEquals(6.5, read.count());
    assertEquals(1.5, registry.get("shop.capacity").tag("pattern", "customer").tag("entity", "none").counter().count());
    assertEquals(1.0, registry.get("shop.requests").tag("pattern", "orderById").tag("index", "GSI1").counter().count());
  }

  private static Counter capacity(SimpleMeterRegistry registry, String unit, String index, String pattern) {
    return registry.get("monotable.capacity").tag("unit", unit).tag("index", index).tag("pattern", pattern)
        .tag("entity", "Order").counter();
  }
}
