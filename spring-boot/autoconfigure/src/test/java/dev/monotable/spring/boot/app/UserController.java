package dev.monotable.spring.boot.app;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserController {
  private final AppDataTable table;

  UserController(AppDataTable table) {
    this.table = table;
  }

  record NewUser(String name) {}

  @PutMapping("/users/{id}")
  User put(@PathVariable String id, @RequestBody NewUser user) {
    return table.users().put(new User(id, user.name()));
  }

  @GetMapping("/users/{id}")
  ResponseEntity<User> get(@PathVariable String id) {
    return ResponseEntity.of(table.users().get(id));
  }
}
