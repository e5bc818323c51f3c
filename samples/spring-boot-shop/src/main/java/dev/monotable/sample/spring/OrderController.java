package dev.monotable.sample.spring;

import dev.monotable.runtime.Page;
import dev.monotable.runtime.UpdateReturn;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Orders, one endpoint per access pattern: placing one in its customer's partition, a customer's orders
 * newest first a page at a time, one by id (GSI1), the orders of a status (ByStatus, through the
 * asynchronous table), and a change of status that must name the version it read.
 */
@RestController
class OrderController {
  private final AppDataTable table;
  private final AppDataAsyncTable asyncTable;

  OrderController(AppDataTable table, AppDataAsyncTable asyncTable) {
    this.table = table;
    this.asyncTable = asyncTable;
  }

  /** What a client sends to place an order. */
  record NewOrder(List<OrderLine> lines) {}

  /** What a client sends to change an order's status. */
  record StatusChange(OrderStatus status) {}

  /** A page of orders, and the cursor to pass as {@code ?cursor=} for the next; null on the last page. */
  record OrderPage(List<Order> orders, String cursor) {
    static OrderPage of(Page<Order> page) {
      return new OrderPage(page.items(), page.cursor().orElse(null));
    }
  }

  /** {@code POST /customers/{customerId}/orders}: 201 with the order as stored, at version 1. */
  @PostMapping("/customers/{customerId}/orders")
  ResponseEntity<Order> place(@PathVariable String customerId, @RequestBody NewOrder order) {
    if (order.lines() == null || order.lines().isEmpty()) {
      throw new IllegalArgumentException("an order needs at least one line");
    }
    for (OrderLine line : order.lines()) {
      if (line.quantity() < 1 || line.unitPrice() == null || line.unitPrice().signum() < 0) {
        throw new IllegalArgumentException("line " + line.sku() + ": a quantity of 1 or more and a unit price");
      }
    }
    if (table.customers().get(customerId).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no customer " + customerId);
    }
    BigDecimal total = order.lines().stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    // version 0: a new order, written only if no item has its key; stored as version 1
    Order placed = table.orders().put(new Order(customerId, UUID.randomUUID().toString(), Instant.now(),
        OrderStatus.NEW, total, order.lines(), 0));
    return ResponseEntity.created(uri("/orders/{orderId}", placed.orderId()))
        .eTag(Long.toString(placed.version()))
        .body(placed);
  }

  // region paging
  /** {@code GET /customers/{customerId}/orders?limit=&cursor=}: newest first, a page at a time. */
  @GetMapping("/customers/{customerId}/orders")
  OrderPage ordersOfCustomer(@PathVariable String customerId, @RequestParam(defaultValue = "20") int limit,
      @RequestParam(required = false) String cursor) {
    var orders = table.orders().ordersOfCustomer(customerId).descending().limit(limit);
    Page<Order> page = cursor == null ? orders.page() : orders.after(cursor).page();   // a bad cursor: 400
    return OrderPage.of(page);
  }
  // endregion

  /** {@code GET /orders/{orderId}}: the order, its version as the ETag. */
  @GetMapping("/orders/{orderId}")
  ResponseEntity<Order> get(@PathVariable String orderId) {
    Order order = find(orderId);
    return ResponseEntity.ok().eTag(Long.toString(order.version())).body(order);
  }

  // region async
  /** {@code GET /orders?status=PAID&limit=&cursor=}: oldest first; Spring MVC answers when the future completes. */
  @GetMapping("/orders")
  CompletableFuture<OrderPage> ordersByStatus(@RequestParam OrderStatus status,
      @RequestParam(defaultValue = "20") int limit, @RequestParam(required = false) String cursor) {
    var orders = asyncTable.orders().ordersByStatus(status).limit(limit);
    return (cursor == null ? orders : orders.after(cursor)).page().thenApply(OrderPage::of);
  }
  // endregion

  // region optimistic-locking
  /**
   * {@code PUT /orders/{orderId}/status} with {@code If-Match: "<version>"}, the ETag the client read:
   * 200 with the order at the next version; 409 when it has changed since, with the order as it is now.
   */
  @PutMapping("/orders/{orderId}/status")
  ResponseEntity<Order> changeStatus(@PathVariable String orderId, @RequestBody StatusChange change,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    if (ifMatch == null) {
      throw new ResponseStatusException(HttpStatus.PRECONDITION_REQUIRED, "If-Match: the version read");
    }
    Order order = find(orderId);
    Order changed = table.orders().update(order.customerId(), order.orderDate(), orderId)
        .set(OrderFields.STATUS, change.status())
        .expectingVersion(version(ifMatch))          // another version stored: OptimisticLockException, a 409
        .returning(UpdateReturn.ALL_NEW)
        .execute()
        .orElseThrow();
    return ResponseEntity.ok().eTag(Long.toString(changed.version())).body(changed);
  }
  // endregion

  private Order find(String orderId) {
    return table.orders().orderById(orderId).first()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no order " + orderId));
  }

  /** The version an {@code If-Match} header names: {@code "3"}, or {@code W/"3"}. */
  private static long version(String ifMatch) {
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      tag = tag.substring(1, tag.length() - 1);
    }
    try {
      return Long.parseLong(tag);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("If-Match " + ifMatch + " is not a version this service gave as an ETag");
    }
  }

  private static URI uri(String template, Object... values) {
    return UriComponentsBuilder.fromPath(template).build(values);
  }
}
