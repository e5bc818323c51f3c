package dev.monotable.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CostReportTest {

  private static CapacityEvent event(String entity, String operation, String pattern, double read, double write,
      int items) {
    return new CapacityEvent("AppData", entity, operation, pattern, null, read, write, items, 1,
        List.of(new CapacityEvent.IndexUnits(null, read, write)));
  }

  @Test
  void rows_sumEventsPerEntityAndPattern_pricedAtTheDefaults() {
    CostReport report = CostReport.onDemand();
    report.consumed(event("Order", "Query", "ordersOfUser", 9.5, 0, 25));
    report.consumed(event("Order", "Query", "ordersOfUser", 0.5, 0, 3));
    report.consumed(event("Order", "PutItem", "put", 0, 5, 1));
    report.consumed(event("User", "PutItem", "put", 0, 1, 1));
    report.consumed(event(null, "TransactWriteItems", "transaction", 0, 4, 2));

    List<CostReport.Row> rows = report.rows();
    assertEquals(List.of("Order.put", "transaction", "Order.ordersOfUser", "User.put"),
        rows.stream().map(CostReport.Row::pattern).toList());
    CostReport.Row query = rows.get(2);
    assertEquals(2, query.calls());
    assertEquals(10.0, query.readUnits());
    assertEquals(0.0, query.writeUnits());
    assertEquals(28, query.items());
    // 10 read units at $0.125 a million; per call 5 units: a million calls cost 5 * $0.125
    assertEquals(10 * 0.125 / 1e6, query.cost(), 1e-15);
    assertEquals(0.625, query.costPerMillionCalls(), 1e-9);
    assertEquals(5 * 0.625, rows.get(0).costPerMillionCalls(), 1e-9);
  }

  @Test
  void render_isATablePerPattern_labelledWithItsPrices() {
    CostReport report = CostReport.onDemand(0.125, 0.625);
    report.consumed(event("Order", "Query", "ordersOfUser", 9.5, 0, 25));
    String[] lines = report.render().split("\n");
    assertEquals(3, lines.length, report.render());
    assertTrue(lines[0].matches("pattern\\s+calls\\s+RCU\\s+WCU\\s+items\\s+\\$ per million calls"), lines[0]);
    assertTrue(lines[1].matches("Order\\.ordersOfUser\\s+1\\s+9\\.5\\s+0\\.0\\s+25\\s+1\\.19"), lines[1]);
    assertEquals("prices: $0.125 per million read request units, $0.625 per million write request units (on-demand)",
        lines[2]);
    assertEquals(report.render(), report.toString());
  }

  @Test
  void defaults_areUsEast1sPricesSinceNovember2024_andLabelledSo() {
    CostReport report = CostReport.onDemand();
    assertEquals(0.125, report.readPrice());
    assertEquals(0.625, report.writePrice());
    assertTrue(report.render().endsWith("prices: $0.125 per million read request units, $0.625 per million write"
        + " request units (on-demand, us-east-1, Standard table class, as published since 1 November 2024)\n"),
        report.render());
  }

  @Test
  void givenPrices_areLabelledWithoutARegion() {
    CostReport report = CostReport.onDemand(0.1425, 0.7125);
    report.consumed(event("Order", "PutItem", "put", 0, 2, 1));
    assertEquals(2 * 0.7125, report.rows().get(0).costPerMillionCalls(), 1e-9);
    assertTrue(report.render().endsWith("prices: $0.1425 per million read request units, $0.7125 per million write"
        + " request units (on-demand)\n"), report.render());
  }

  @Test
  void negativePrice_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> CostReport.onDemand(-1, 1));
    assertThrows(IllegalArgumentException.class, () -> CostReport.onDemand(1, Double.NaN));
  }

  @Test
  void eventsFromManyThreads_areAllCounted() throws Exception {
    CostReport report = CostReport.onDemand();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(threads.submit(() -> {
          for (int i = 0; i < 10_000; i++) {
            report.consumed(event("Order", "GetItem", "get", 0.5, 0, 1));
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      threads.shutdown();
    }
    CostReport.Row row = report.rows().get(0);
    assertEquals(40_000, row.calls());
    assertEquals(20_000.0, row.readUnits());
    assertEquals(40_000, row.items());
  }
}
