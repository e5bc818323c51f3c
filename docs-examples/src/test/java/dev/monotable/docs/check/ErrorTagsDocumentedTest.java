package dev.monotable.docs.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/build-time-errors.md names every tag of the processor's message catalogue. */
class ErrorTagsDocumentedTest {
  private static final Path CATALOGUE = Path.of("../processor/src/main/java/dev/monotable/processor/diag/Message.java");
  private static final Path PAGE = Path.of("../docs/build-time-errors.md");
  private static final Pattern TAG = Pattern.compile("\"(MT-[A-Z-]+)\"");

  @Test
  void everyMessageTag_isExplainedOnTheErrorsPage() throws IOException {
    TreeSet<String> tags = new TreeSet<>();
    Matcher tag = TAG.matcher(Files.readString(CATALOGUE));
    while (tag.find()) {
      tags.add(tag.group(1));
    }
    String page = Files.readString(PAGE);

    assertTrue(tags.size() > 40, "the message catalogue's tags were not found: " + tags);
    assertEquals(List.of(), tags.stream().filter(t -> !page.contains("`" + t + "`")).toList(),
        "tags missing from docs/build-time-errors.md");
  }
}
