package dev.monotable.sample.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.monotable.spring.boot.test.AutoConfigureMonotableLocal;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web slice of one controller (with the error responses, as every @RestControllerAdvice): no other
 * bean of the application, and the tables that @AutoConfigureMonotableLocal brings on its engine.
 */
// region slice
@WebMvcTest(OrderController.class)    // this controller, the @RestControllerAdvice, no other bean of the shop
@AutoConfigureMonotableLocal          // and the engine, the clients and the table beans
class OrderControllerWebMvcTest {
  @Autowired MockMvc mvc;
  @Autowired AppDataTable table;
  // endregion

  private static final Instant MAY_1 = Instant.parse("2024-05-01T09:30:00Z");

  @Test
  void orderWrittenThroughTheTable_readAndChangedThroughTheController() throws Exception {
    table.orders().put(new Order("ada", "o-1", MAY_1, OrderStatus.NEW, BigDecimal.TEN,
        List.of(new OrderLine("LAMP", 1, BigDecimal.TEN)), 0));

    mvc.perform(get("/orders/o-1"))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
        .andExpect(jsonPath("$.orderDate").value("2024-05-01T09:30:00Z"));
    mvc.perform(put("/orders/o-1/status").header(HttpHeaders.IF_MATCH, "W/\"1\"")
            .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"SHIPPED\"}"))
        .andExpect(status().isOk());
    mvc.perform(put("/orders/o-1/status").header(HttpHeaders.IF_MATCH, "\"1\"")
            .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"CANCELLED\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.current.status").value("SHIPPED"));

    assertThat(table.orders().get("ada", MAY_1, "o-1").orElseThrow().status()).isEqualTo(OrderStatus.SHIPPED);
  }

  @Test
  void orderOfAnotherVersionInTheTable_staleIfMatch_conflict() throws Exception {
    table.orders().put(new Order("grace", "o-2", MAY_1, OrderStatus.NEW, BigDecimal.ONE, List.of(), 0));
    Order read = table.orders().get("grace", MAY_1, "o-2").orElseThrow();
    table.orders().put(new Order("grace", "o-2", MAY_1, OrderStatus.PAID, BigDecimal.ONE, List.of(), read.version()));

    mvc.perform(put("/orders/o-2/status").header(HttpHeaders.IF_MATCH, "\"" + read.version() + "\"")
            .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"SHIPPED\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.current.version").value(2));
  }
}
