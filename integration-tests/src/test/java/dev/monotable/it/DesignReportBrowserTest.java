package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop's design report page, {@code Shop.html}, as headless Chromium renders it: the access-pattern
 * matrix has a row per access pattern and item collection, and a screenshot of the page is taken.
 * Skipped where {@code /usr/bin/chromium} is not installed ({@code .ci/run} installs it).
 */
class DesignReportBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  /** The shop's access patterns (the {@code @AccessPattern} names of its entities) and its one collection. */
  private static final List<String> SHOP_PATTERNS = List.of("activitiesOfUser", "entriesOfStream", "ordersOfUser",
      "orderById", "ordersByStatus", "ordersByTotal", "itemsOfOrder", "ordersOfProduct", "shipmentsOfCarrier",
      "storesOfChain", "customer");

  @TempDir
  Path folder;
  private Path page;

  @BeforeEach
  void copyThePage() throws IOException {
    assumeTrue(Files.isExecutable(CHROMIUM), "headless Chromium (/usr/bin/chromium) is not installed; "
        + "install Debian's chromium package to run the browser test of the design report");
    page = folder.resolve("Shop.html");
    try (InputStream in = getClass().getResourceAsStream("/META-INF/monotable/Shop.html")) {
      assertNotNull(in, "META-INF/monotable/Shop.html is in the class output");
      Files.copy(in, page);
    }
  }

  @Test
  void renderedPage_hasARowPerAccessPatternAndCollection() throws Exception {
    String dom = chromium("--dump-dom", page.toUri().toString());
    int start = dom.indexOf("<section id=\"access-patterns\">");
    assertTrue(start >= 0, "the page has the access-pattern matrix");
    String matrix = dom.substring(start, dom.indexOf("</section>", start));
    List<String> rows = new ArrayList<>();
    Matcher row = Pattern.compile("<tr data-pattern=\"([^\"]+)\"").matcher(matrix);
    while (row.find()) {
      rows.add(row.group(1));
    }
    assertEquals(SHOP_PATTERNS.stream().sorted().toList(), rows.stream().sorted().toList());
    assertTrue(matrix.contains("begins_with(SK, \"ORDER#\")"), "ordersOfUser's key condition is rendered");
    assertFalse(dom.contains("<script"), "the page runs no script");
  }

  @Test
  void screenshot_ofThePage_isAPngOfTheWindowSize() throws Exception {
    Path screenshot = folder.resolve("Shop.png");
    chromium("--screenshot=" + screenshot, "--window-size=1400,2000", page.toUri().toString());
    byte[] png = Files.readAllBytes(screenshot);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(png, 8));
    // the IHDR chunk: width and height, big-endian, after the signature, length and type
    ByteBuffer header = ByteBuffer.wrap(png, 16, 8);
    assertEquals(1400, header.getInt());
    assertEquals(2000, header.getInt());
    assertTrue(png.length > 20_000, "a page with content, not a blank window: " + png.length + " bytes");
  }

  /** Runs headless Chromium with a fresh profile and returns what it printed on standard output. */
  private String chromium(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(folder, "profile")));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command)
        .redirectError(folder.resolve("chromium.err").toFile())
        .start();
    byte[] out = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "chromium finishes");
    assertEquals(0, process.exitValue(), () -> "chromium failed: " + read(folder.resolve("chromium.err")));
    return new String(out, StandardCharsets.UTF_8);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
