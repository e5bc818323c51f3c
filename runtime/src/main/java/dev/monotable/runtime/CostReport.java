package dev.monotable.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link CapacityListener} that adds up the capacity consumed per access pattern and prices it at
 * on-demand rates: what each pattern costs per million calls. A call is one request to DynamoDB, so
 * a query read in three pages is three calls. Thread-safe.
 *
 * <pre>{@code
 * CostReport costs = CostReport.onDemand();          // or CostReport.onDemand(0.1425, 0.7125), your region's
 * AppDataTable table = AppDataTable.of(client, "AppData", TableOptions.defaults().withCapacityListener(costs));
 * ... run the workload ...
 * System.out.println(costs);
 * }</pre>
 *
 * prints
 *
 * <pre>
 * pattern                 calls      RCU      WCU    items   $ per million calls
 * Order.put                  30      0.0     60.0       30                  1.25
 * Order.ordersOfUser          2      5.0      0.0       30                  0.31
 * ...
 * prices: $0.125 per million read request units, $0.625 per million write request units (on-demand,
 * us-east-1, Standard table class, as published since 1 November 2024)
 * </pre>
 *
 * <p>Rows are named {@code Entity.pattern}, or the pattern alone for requests across entity types
 * (item collections, table batches, transactions), and sorted by what they cost in all, most first.
 * Prices are per million request units in whatever currency they are given; the defaults are
 * AWS's published on-demand prices for us-east-1 and the Standard table class, in effect since
 * 1 November 2024 (when AWS halved them): $0.125 per million read and $0.625 per million write
 * request units. Other regions and the Standard-IA class cost more: look up yours, as prices change.
 * The report is an estimate of request charges only (no storage, streams, backups or free tier).
 */
public final class CostReport implements CapacityListener {
  /** The default price of a million read request units: us-east-1, Standard table class, since 1 November 2024. */
  public static final double DEFAULT_READ_PRICE = 0.125;
  /** The default price of a million write request units: us-east-1, Standard table class, since 1 November 2024. */
  public static final double DEFAULT_WRITE_PRICE = 0.625;
  /** Where the default prices come from, as the report's legend names them. */
  static final String DEFAULT_PRICES_SOURCE = "us-east-1, Standard table class, as published since 1 November 2024";

  private final double readPrice;
  private final double writePrice;
  /** Where the prices come from, for the legend; null for prices the user gave. */
  private final String pricesSource;
  private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

  private CostReport(double readPrice, double writePrice, String pricesSource) {
    if (!(readPrice >= 0) || !(writePrice >= 0) || Double.isInfinite(readPrice) || Double.isInfinite(writePrice)) {
      throw new IllegalArgumentException("prices are finite and not negative: " + readPrice + ", " + writePrice);
    }
    this.readPrice = readPrice;
    this.writePrice = writePrice;
    this.pricesSource = pricesSource;
  }

  /**
   * A report priced at AWS's on-demand prices for us-east-1 (Standard table class) as published
   * since 1 November 2024: $0.125 per million read and $0.625 per million write request units.
   */
  public static CostReport onDemand() {
    return new CostReport(DEFAULT_READ_PRICE, DEFAULT_WRITE_PRICE, DEFAULT_PRICES_SOURCE);
  }

  /**
   * A report priced at {@code readPrice} per million read request units and {@code writePrice} per
   * million write request units.
   *
   * @throws IllegalArgumentException when a price is negative or not finite
   */
  public static CostReport onDemand(double readPrice, double writePrice) {
    return new CostReport(readPrice, writePrice, null);
  }

  @Override
  public void consumed(CapacityEvent event) {
    String name = event.entity() == null || event.entity().isEmpty() ? event.pattern()
        : event.entity() + "." + event.pattern();
    tallies.computeIfAbsent(name, Tally::new).add(event);
  }

  /** The rows so far, one per access pattern, most expensive first. */
  public List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (Tally tally : tallies.values()) {
      rows.add(tally.row());
    }
    rows.sort(Comparator.comparingDouble(Row::cost).reversed().thenComparing(Row::pattern));
    return rows;
  }

  /** The price of a million read request units. */
  public double readPrice() {
    return readPrice;
  }

  /** The price of a million write request units. */
  public double writePrice() {
    return writePrice;
  }

  /** The table of {@link #rows()}, with the prices it was computed at and, for the defaults, where they come from. */
  public String render() {
    List<Row> rows = rows();
    int width = "pattern".length();
    for (Row row : rows) {
      width = Math.max(width, row.pattern().length());
    }
    StringBuilder out = new StringBuilder();
    String format = "%-" + width + "s %8s %10s %10s %8s %21s%n";
    out.append(String.format(Locale.ROOT, format, "pattern", "calls", "RCU", "WCU", "items", "$ per million calls"));
    for (Row row : rows) {
      out.append(String.format(Locale.ROOT, format, row.pattern(), row.calls(), units(row.readUnits()),
          units(row.writeUnits()), row.items(), String.format(Locale.ROOT, "%.2f", row.costPerMillionCalls())));
    }
    out.append(String.format(Locale.ROOT, "prices: $%s per million read request units, $%s per million write request"
        + " units (on-demand%s)%n", price(readPrice), price(writePrice),
        pricesSource == null ? "" : ", " + pricesSource));
    return out.toString();
  }

  private static String units(double units) {
    return String.format(Locale.ROOT, "%.1f", units);
  }

  private static String price(double price) {
    return java.math.BigDecimal.valueOf(price).stripTrailingZeros().toPlainString();
  }

  /** {@link #render()}. */
  @Override
  public String toString() {
    return render();
  }

  /**
   * What one access pattern consumed so far.
   *
   * @param pattern {@code Entity.pattern}, or the pattern alone across entity types
   * @param calls requests sent
   * @param readUnits read capacity units consumed
   * @param writeUnits write capacity units consumed
   * @param items items read or written
   * @param cost what the units cost in all, at the report's prices
   * @param costPerMillionCalls what a million calls like these cost: {@code cost / calls * 1e6}
   */
  public record Row(String pattern, long calls, double readUnits, double writeUnits, long items, double cost,
      double costPerMillionCalls) {}

  /** One pattern's sums, added under its own lock so that a row is read whole. */
  private final class Tally {
    private final String pattern;
    private long calls;
    private double readUnits;
    private double writeUnits;
    private long items;

    Tally(String pattern) {
      this.pattern = Objects.requireNonNull(pattern);
    }

    synchronized void add(CapacityEvent event) {
      calls++;
      readUnits += event.readUnits();
      writeUnits += event.writeUnits();
      items += event.items();
    }

    synchronized Row row() {
      double cost = (readUnits * readPrice + writeUnits * writePrice) / 1_000_000;
      return new Row(pattern, calls, readUnits, writeUnits, items, cost, calls == 0 ? 0 : cost / calls * 1_000_000);
    }
  }
}
