package dev.monotable.runtime;

/**
 * Told the capacity every request to DynamoDB consumed, once per request, after its response.
 * Set one with {@link TableOptions#withCapacityListener}: every request of that table then asks for
 * {@code ReturnConsumedCapacity=INDEXES}, and the listener gets one {@link CapacityEvent} per
 * request, on the thread that sent it.
 *
 * <pre>{@code
 * CostReport costs = CostReport.onDemand();
 * AppDataTable table = AppDataTable.of(client, "AppData", TableOptions.defaults().withCapacityListener(costs));
 * ...
 * System.out.println(costs);
 * }</pre>
 *
 * <p>A listener must be thread-safe when the table is shared between threads, and quick: it runs
 * on the request path. What it throws is logged (through {@code System.Logger}, level WARNING)
 * and ignored, so that a failing listener never fails, nor repeats, the write that was reported.
 * A request that DynamoDB refuses (a failed condition, a cancelled transaction, throttling) comes
 * back without the capacity it consumed, and is not reported.
 *
 * @see CostReport
 * @see dev.monotable.runtime.micrometer.MicrometerCapacity
 */
@FunctionalInterface
public interface CapacityListener {

  /** Called once per request answered. */
  void consumed(CapacityEvent event);
}
