package dev.monotable.sample.spring;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Customers: {@code POST /customers} creates one, {@code GET /customers/{customerId}} reads it. */
@RestController
@RequestMapping("/customers")
class CustomerController {
  // region controller
  private final AppDataTable table;                  // generated from AppData; a bean of the starter

  CustomerController(AppDataTable table) {
    this.table = table;
  }

  @PostMapping
  ResponseEntity<Customer> create(@RequestBody Customer customer) {
    Customer stored = table.customers().putIfAbsent(customer);   // taken: ConditionFailedException, a 409
    return ResponseEntity.created(UriComponentsBuilder.fromPath("/customers/{id}").build(stored.customerId()))
        .body(stored);
  }

  @GetMapping("/{customerId}")
  ResponseEntity<Customer> get(@PathVariable String customerId) {
    return ResponseEntity.of(table.customers().get(customerId));   // empty: a 404
  }
  // endregion
}
