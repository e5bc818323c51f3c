package dev.monotable.sample.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.monotable.local.MonotableLocal;
import dev.monotable.spring.boot.test.AutoConfigureMonotableLocal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Every endpoint of the shop through Spring MVC, on the test's own monotable-local. */
// region test
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureMonotableLocal          // an in-process engine for this context, the tables created
class ShopApplicationTest {
  @Autowired MockMvc mvc;
  @Autowired AppDataTable table;      // the bean the controllers use, on the same engine

  @Test
  void customer_createdThenRead() throws Exception {
    mvc.perform(post("/customers").contentType(MediaType.APPLICATION_JSON)
            .content("{\"customerId\":\"ada\",\"name\":\"Ada Lovelace\"}"))
        .andExpect(status().isCreated());
    mvc.perform(get("/customers/ada")).andExpect(jsonPath("$.name").value("Ada Lovelace"));
    assertThat(table.customers().get("ada")).contains(new Customer("ada", "Ada Lovelace", null));
  }
  // endregion

  @Autowired
  DynamoDbClient client;

  @Autowired
  MonotableLocal local;               // one, though the local profile imports the engine too

  @Test
  void customer_created_locationOfIt() throws Exception {
    mvc.perform(post("/customers").contentType(MediaType.APPLICATION_JSON)
            .content("{\"customerId\":\"ida\",\"name\":\"Ida Rhodes\",\"email\":\"ida@example.com\"}"))
        .andExpect(status().isCreated())
        .andExpect(header().string(HttpHeaders.LOCATION, "/customers/ida"))
        .andExpect(jsonPath("$.email").value("ida@example.com"));
  }

  @Test
  void customer_createdTwice_conflictWithTheStoredOne() throws Exception {
    createCustomer("grace");
    mvc.perform(post("/customers").contentType(MediaType.APPLICATION_JSON)
            .content("{\"customerId\":\"grace\",\"name\":\"Someone else\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.current.name").value("Customer grace"));
    assertThat(table.customers().get("grace").orElseThrow().name()).isEqualTo("Customer grace");
  }

  @Test
  void customer_unknown_notFound() throws Exception {
    mvc.perform(get("/customers/nobody")).andExpect(status().isNotFound());
  }

  @Test
  void customer_idWithTheKeyDelimiter_badRequest() throws Exception {
    // "a#ORDER" must not address another item: InvalidKeyException, before anything is sent
    mvc.perform(get("/customers/{id}", "a#ORDER"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("Invalid key for Customer")));
  }

  @Test
  void order_placed_atVersion1_thenReadById() throws Exception {
    createCustomer("alan");
    String orderId = placeOrder("alan");

    mvc.perform(get("/orders/{id}", orderId))
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
        .andExpect(jsonPath("$.customerId").value("alan"))
        .andExpect(jsonPath("$.status").value("NEW"))
        .andExpect(jsonPath("$.total").value(25.0))
        .andExpect(jsonPath("$.lines[0].sku").value("LAMP"))
        .andExpect(jsonPath("$.version").value(1));
    assertThat(table.orders().orderById(orderId).first().orElseThrow().total()).isEqualByComparingTo("25.00");
  }

  @Test
  void order_placedResponse_locationAndETag() throws Exception {
    createCustomer("barbara");
    mvc.perform(post("/customers/barbara/orders").contentType(MediaType.APPLICATION_JSON).content(LINES))
        .andExpect(status().isCreated())
        .andExpect(header().string(HttpHeaders.LOCATION, containsString("/orders/")))
        .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
        .andExpect(jsonPath("$.version").value(1));
  }

  @Test
  void order_ofAnUnknownCustomer_notFound() throws Exception {
    mvc.perform(post("/customers/nobody/orders").contentType(MediaType.APPLICATION_JSON).content(LINES))
        .andExpect(status().isNotFound());
    assertThat(table.orders().ordersOfCustomer("nobody").list()).isEmpty();
  }

  @Test
  void order_withoutLines_badRequest() throws Exception {
    createCustomer("edsger");
    mvc.perform(post("/customers/edsger/orders").contentType(MediaType.APPLICATION_JSON).content("{\"lines\":[]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("an order needs at least one line"));
  }

  @Test
  void order_unknownId_notFound() throws Exception {
    mvc.perform(get("/orders/nothing")).andExpect(status().isNotFound());
  }

  @Test
  void ordersOfCustomer_pagedWithTheCursor_newestFirst() throws Exception {
    createCustomer("donald");
    List<String> placed = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      placed.add(placeOrder("donald"));
    }

    MvcResult first = mvc.perform(get("/customers/donald/orders").param("limit", "2"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.orders[*].orderId").value(contains(placed.get(2), placed.get(1))))
        .andExpect(jsonPath("$.cursor").value(not(nullValue())))
        .andReturn();
    String cursor = JsonPath.read(first.getResponse().getContentAsString(), "$.cursor");

    mvc.perform(get("/customers/donald/orders").param("limit", "2").param("cursor", cursor))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.orders[*].orderId").value(contains(placed.get(0))))
        .andExpect(jsonPath("$.cursor").value(nullValue()));
  }

  @Test
  void ordersOfCustomer_cursorOfAnotherCustomer_badRequest() throws Exception {
    createCustomer("ken");
    createCustomer("dennis");
    placeOrder("ken");
    placeOrder("ken");
    MvcResult kens = mvc.perform(get("/customers/ken/orders").param("limit", "1")).andReturn();
    String cursor = JsonPath.read(kens.getResponse().getContentAsString(), "$.cursor");

    mvc.perform(get("/customers/dennis/orders").param("cursor", cursor))
        .andExpect(status().isBadRequest());
  }

  @Test
  void ordersByStatus_answeredByTheAsyncTable() throws Exception {
    createCustomer("john");
    String cancelled = placeOrder("john");
    changeStatus(cancelled, "\"1\"", "CANCELLED").andExpect(status().isOk());

    // region async-test
    MvcResult started = mvc.perform(get("/orders").param("status", "CANCELLED"))
        .andExpect(request().asyncStarted())        // the controller returned its future
        .andReturn();
    mvc.perform(asyncDispatch(started))             // waits for the future, then renders what it holds
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.orders[*].orderId").value(hasItem(cancelled)));
    // endregion
    assertThat(table.orders().ordersByStatus(OrderStatus.CANCELLED).list())
        .extracting(Order::orderId).contains(cancelled);
  }

  @Test
  void ordersByStatus_pagedWithTheCursor() throws Exception {
    createCustomer("niklaus");
    for (int i = 0; i < 3; i++) {
      changeStatus(placeOrder("niklaus"), "\"1\"", "DELIVERED").andExpect(status().isOk());
    }

    MvcResult first = mvc.perform(asyncDispatch(
        mvc.perform(get("/orders").param("status", "DELIVERED").param("limit", "2")).andReturn()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.orders.length()").value(2))
        .andReturn();
    String cursor = JsonPath.read(first.getResponse().getContentAsString(), "$.cursor");
    mvc.perform(asyncDispatch(mvc.perform(get("/orders").param("status", "DELIVERED").param("cursor", cursor))
            .andReturn()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.orders.length()").value(1))
        .andExpect(jsonPath("$.cursor").value(nullValue()));
  }

  @Test
  void statusChange_withTheVersionRead_movesToTheNextVersion() throws Exception {
    createCustomer("tony");
    String orderId = placeOrder("tony");

    changeStatus(orderId, "\"1\"", "PAID")
        .andExpect(status().isOk())
        .andExpect(header().string(HttpHeaders.ETAG, "\"2\""))
        .andExpect(jsonPath("$.status").value("PAID"))
        .andExpect(jsonPath("$.version").value(2));
    Order stored = table.orders().orderById(orderId).first().orElseThrow();
    assertThat(stored.status()).isEqualTo(OrderStatus.PAID);
    assertThat(stored.version()).isEqualTo(2);
  }

  @Test
  void statusChange_withAStaleVersion_conflictWithTheCurrentOrder() throws Exception {
    createCustomer("leslie");
    String orderId = placeOrder("leslie");
    changeStatus(orderId, "\"1\"", "PAID").andExpect(status().isOk());

    // a second client, which also read version 1
    changeStatus(orderId, "\"1\"", "CANCELLED")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.current.status").value("PAID"))
        .andExpect(jsonPath("$.current.version").value(2));
    assertThat(table.orders().orderById(orderId).first().orElseThrow().status()).isEqualTo(OrderStatus.PAID);
  }

  @Test
  void statusChange_withoutIfMatch_preconditionRequired() throws Exception {
    createCustomer("butler");
    String orderId = placeOrder("butler");
    mvc.perform(put("/orders/{id}/status", orderId).contentType(MediaType.APPLICATION_JSON)
            .content("{\"status\":\"PAID\"}"))
        .andExpect(status().isPreconditionRequired());
  }

  @Test
  void statusChange_ifMatchNotAVersion_badRequest() throws Exception {
    createCustomer("frances");
    String orderId = placeOrder("frances");
    changeStatus(orderId, "\"abc\"", "PAID").andExpect(status().isBadRequest());
  }

  @Test
  void statusChange_unknownOrder_notFound() throws Exception {
    changeStatus("nothing", "\"1\"", "PAID").andExpect(status().isNotFound());
  }

  @Test
  void health_monotableUp_withTheTableAsDesigned() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"))
        .andExpect(jsonPath("$.components.monotable.status").value("UP"))
        .andExpect(jsonPath("$.components.monotable.details.AppData.status").value("ACTIVE"));
  }

  @Test
  void client_onTheTestsEngine() {
    assertThat(client.serviceClientConfiguration().endpointOverride()).contains(local.endpoint());
    assertThat(client.listTables().tableNames()).containsExactly("AppData");
  }

  @Test
  void ordersByStatus_cursorOfAnotherStatus_badRequest() throws Exception {
    createCustomer("margaret");
    for (int i = 0; i < 2; i++) {
      changeStatus(placeOrder("margaret"), "\"1\"", "PAID").andExpect(status().isOk());
    }
    MvcResult paid = mvc.perform(asyncDispatch(
        mvc.perform(get("/orders").param("status", "PAID").param("limit", "1")).andReturn())).andReturn();
    String cursor = JsonPath.read(paid.getResponse().getContentAsString(), "$.cursor");

    ResultActions shipped = mvc.perform(get("/orders").param("status", "SHIPPED").param("cursor", cursor));
    MvcResult result = shipped.andReturn();
    (result.getRequest().isAsyncStarted() ? mvc.perform(asyncDispatch(result)) : shipped)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("cursor")));
  }

  @Test
  void client_customizedByTheApplication() {
    assertThat(client.serviceClientConfiguration().overrideConfiguration().apiCallTimeout())
        .contains(Duration.ofSeconds(5));
  }

  @Test
  void metrics_requestsOfTheTableCounted() throws Exception {
    createCustomer("radia");
    mvc.perform(get("/actuator/metrics/monotable.requests").param("tag", "entity:Customer"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.measurements[0].value").value(greaterThanOrEqualTo(1.0)));
  }

  private static final String LINES = "{\"lines\":[{\"sku\":\"LAMP\",\"quantity\":2,\"unitPrice\":10.00},"
      + "{\"sku\":\"BULB\",\"quantity\":1,\"unitPrice\":5.00}]}";

  private void createCustomer(String customerId) throws Exception {
    mvc.perform(post("/customers").contentType(MediaType.APPLICATION_JSON)
            .content("{\"customerId\":\"" + customerId + "\",\"name\":\"Customer " + customerId + "\"}"))
        .andExpect(status().isCreated());
  }

  private String placeOrder(String customerId) throws Exception {
    MvcResult placed = mvc.perform(post("/customers/{id}/orders", customerId)
            .contentType(MediaType.APPLICATION_JSON).content(LINES))
        .andExpect(status().isCreated())
        .andReturn();
    return JsonPath.read(placed.getResponse().getContentAsString(), "$.orderId");
  }

  private ResultActions changeStatus(String orderId, String ifMatch, String status) throws Exception {
    MockHttpServletRequestBuilder request = put("/orders/{id}/status", orderId)
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"status\":\"" + status + "\"}")
        .header(HttpHeaders.IF_MATCH, ifMatch);
    return mvc.perform(request);
  }
}
