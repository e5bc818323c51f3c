package dev.monotable.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monotable.runtime.CapacityEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Capacity;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

class MeteringTest {

  @Test
  void event_ofAWriteByIndex_sumsTheTableAndEveryIndex() {
    ConsumedCapacity consumed = ConsumedCapacity.builder().tableName("AppData").capacityUnits(5.0)
        .writeCapacityUnits(5.0)
        .table(Capacity.builder().capacityUnits(3.0).writeCapacityUnits(3.0).build())
        .globalSecondaryIndexes(Map.of("GSI1", Capacity.builder().capacityUnits(1.0).writeCapacityUnits(1.0).build()))
        .localSecondaryIndexes(Map.of("ByDate", Capacity.builder().capacityUnits(1.0).writeCapacityUnits(1.0).build()))
        .build();
    CapacityEvent event = Metering.event("AppData", "Order", "PutItem", "put", null, List.of(consumed), 1);
    assertEquals(0.0, event.readUnits());
    assertEquals(5.0, event.writeUnits());
    assertEquals(List.of(new CapacityEvent.IndexUnits(null, 0, 3), new CapacityEvent.IndexUnits("GSI1", 0, 1),
        new CapacityEvent.IndexUnits("ByDate", 0, 1)), event.byIndex());
    assertEquals(1, event.pages());
    assertEquals(1, event.items());
  }

  @Test
  void event_withTotalsOnly_countsThemAsTheOperationsKind() {
    ConsumedCapacity total = ConsumedCapacity.builder().tableName("AppData").capacityUnits(2.5).build();
    CapacityEvent read = Metering.event("AppData", "Order", "Query", "ordersOfUser", "GSI1", List.of(total), 7);
    assertEquals(2.5, read.readUnits());
    assertEquals(0.0, read.writeUnits());
    assertEquals("GSI1", read.index());
    CapacityEvent write = Metering.event("AppData", null, "BatchWriteItem", "batchWrite", null, List.of(total), 2);
    assertEquals(0.0, write.readUnits());
    assertEquals(2.5, write.writeUnits());
  }

  @Test
  void event_leavesOutOtherTables_andMergesRepeatedEntries() {
    ConsumedCapacity mine = ConsumedCapacity.builder().tableName("AppData")
        .table(Capacity.builder().readCapacityUnits(1.0).build()).build();
    ConsumedCapacity other = ConsumedCapacity.builder().tableName("Other")
        .table(Capacity.builder().readCapacityUnits(8.0).build()).build();
    CapacityEvent event = Metering.event("AppData", null, "BatchGetItem", "batchGet", null,
        List.of(mine, other, mine), 3);
    assertEquals(2.0, event.readUnits());
    assertEquals(List.of(new CapacityEvent.IndexUnits(null, 2, 0)), event.byIndex());
  }

  @Test
  void patternName_dropsTheEntity() {
    assertEquals("ordersOfUser", Metering.patternName("Order", "Order.ordersOfUser"));
    assertEquals("scanIndex(by.date)", Metering.patternName("Order", "Order.scanIndex(by.date)"));
    assertEquals("customer", Metering.patternName(null, "customer"));
    assertEquals("customer", Metering.patternName(null, "AppData.customer"));
  }
}
