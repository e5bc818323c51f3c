package dev.monotable.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedTablesTest {

  @Test
  void read_everyListOnTheClassPath_commentsAndBlankLinesIgnored_eachClassOnce(@TempDir Path dir) throws IOException {
    Path first = list(dir.resolve("a"),
        "# generated\ncom.example.AppDataTable\n\n  com.example.AuditTable  # trailing\n");
    Path second = list(dir.resolve("b"), "com.example.AppDataTable\r\ncom.example.billing.LedgerTable");
    try (URLClassLoader loader = new URLClassLoader(
        new URL[] {dir.resolve("a").toUri().toURL(), dir.resolve("b").toUri().toURL()}, null)) {
      Map<String, URL> tables = GeneratedTables.read(loader);
      assertThat(tables.keySet())
          .containsExactly("com.example.AppDataTable", "com.example.AuditTable", "com.example.billing.LedgerTable");
      assertThat(tables.get("com.example.AppDataTable")).isEqualTo(first.toUri().toURL());
      assertThat(tables.get("com.example.billing.LedgerTable")).isEqualTo(second.toUri().toURL());
    }
  }

  @Test
  void read_noList_nothing(@TempDir Path dir) throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      assertThat(GeneratedTables.read(loader)).isEmpty();
    }
  }

  private static Path list(Path root, String content) throws IOException {
    Path file = root.resolve(GeneratedTables.LOCATION);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return file;
  }
}
