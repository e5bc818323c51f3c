package dev.monotable.spring.boot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.monotable.local.MonotableLocal;
import dev.monotable.spring.boot.test.AutoConfigureMonotableLocal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@SpringBootTest(properties = "management.endpoint.health.show-details=always")
@AutoConfigureMonotableLocal
@AutoConfigureMockMvc
class ShopApplicationTest {
  @Autowired
  MockMvc mvc;

  @Autowired
  AppDataTable table;

  @Autowired
  AppDataAsyncTable asyncTable;

  @Autowired
  DynamoDbClient client;

  @Autowired
  MonotableLocal local;

  @Test
  void userStoredThroughTheController_readBack() throws Exception {
    mvc.perform(put("/users/ada").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Ada Lovelace\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value("ada"));
    mvc.perform(get("/users/ada"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("Ada Lovelace"));
    assertThat(table.users().get("ada")).contains(new User("ada", "Ada Lovelace"));
  }

  @Test
  void unknownUser_notFound() throws Exception {
    mvc.perform(get("/users/nobody")).andExpect(status().isNotFound());
  }

  @Test
  void health_monotableUp_withTheTable() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.components.monotable.status").value("UP"))
        .andExpect(jsonPath("$.components.monotable.details.AppData.status").value("ACTIVE"));
  }

  @Test
  void asyncTable_sameTable() {
    asyncTable.users().put(new User("grace", "Grace Hopper")).join();
    assertThat(table.users().get("grace")).contains(new User("grace", "Grace Hopper"));
  }

  @Test
  void client_onTheContextsEngine() {
    assertThat(client.serviceClientConfiguration().endpointOverride()).contains(local.endpoint());
    assertThat(client.listTables().tableNames()).containsExactly("AppData");
  }
}
