package dev.monotable.spring.boot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.monotable.spring.boot.test.AutoConfigureMonotableLocal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A web slice, which auto-configures no table of its own: the annotation brings the tables along. */
@WebMvcTest(UserController.class)
@AutoConfigureMonotableLocal
class UserControllerWebMvcTest {
  @Autowired
  MockMvc mvc;

  @Autowired
  AppDataTable table;

  @Test
  void userStoredThroughTheController_readBack() throws Exception {
    mvc.perform(put("/users/alan").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Alan Turing\"}"))
        .andExpect(status().isOk());
    mvc.perform(get("/users/alan"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.name").value("Alan Turing"));
    assertThat(table.users().get("alan")).contains(new User("alan", "Alan Turing"));
  }
}
