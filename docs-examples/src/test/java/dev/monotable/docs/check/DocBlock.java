package dev.monotable.docs.check;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fenced code block of a Markdown page, with the marker comment on the line before it, if any:
 * {@code <!-- example: ShopTest -->} (a whole source file), {@code <!-- example: Writes#update -->}
 * (a region of one), or {@code <!-- excerpt: archetype/.../pom.xml -->} (consecutive lines of a file).
 */
record DocBlock(String page, int line, String language, String marker, List<String> lines) {
  private static final Pattern FENCE = Pattern.compile("^\\s*```\\s*([\\w+-]*)\\s*$");
  private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*((?:example|excerpt):.*?)\\s*-->\\s*$");

  /** Every fenced block of {@code markdown}; a marker that is not right before a block is a block with no lines. */
  static List<DocBlock> parse(String page, String markdown) {
    List<String> text = markdown.lines().toList();
    List<DocBlock> blocks = new ArrayList<>();
    String marker = null;
    int markerLine = 0;
    for (int i = 0; i < text.size(); i++) {
      Matcher markerMatch = MARKER.matcher(text.get(i));
      Matcher fence = FENCE.matcher(text.get(i));
      if (markerMatch.matches()) {
        if (marker != null) {
          blocks.add(new DocBlock(page, markerLine, "", marker, null));
        }
        marker = markerMatch.group(1);
        markerLine = i + 1;
      } else if (fence.matches()) {
        int end = i + 1;
        while (end < text.size() && !FENCE.matcher(text.get(end)).matches()) {
          end++;
        }
        blocks.add(new DocBlock(page, i + 1, fence.group(1), marker, text.subList(i + 1, Math.min(end, text.size()))));
        marker = null;
        i = end;
      } else if (marker != null && !text.get(i).isBlank()) {
        blocks.add(new DocBlock(page, markerLine, "", marker, null));
        marker = null;
      }
    }
    if (marker != null) {
      blocks.add(new DocBlock(page, markerLine, "", marker, null));
    }
    return blocks;
  }

  /** {@code README.md:12}, for messages. */
  String where() {
    return page + ":" + line;
  }
}
