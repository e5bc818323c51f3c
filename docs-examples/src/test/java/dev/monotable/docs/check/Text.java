package dev.monotable.docs.check;

import java.util.List;

/** Comparing code as a reader sees it: the same lines, whatever the indentation of the whole. */
final class Text {
  private Text() {}

  /** {@code lines} without trailing blanks, and without the indentation every non-blank line shares. */
  static List<String> dedent(List<String> lines) {
    int indent = lines.stream()
        .filter(line -> !line.isBlank())
        .mapToInt(line -> line.length() - line.stripLeading().length())
        .min()
        .orElse(0);
    return lines.stream()
        .map(line -> line.isBlank() ? "" : line.substring(indent).stripTrailing())
        .toList();
  }

  /** Whether {@code part} is a run of consecutive lines of {@code whole}, compared dedented. */
  static boolean containsRun(List<String> whole, List<String> part) {
    List<String> wanted = dedent(part);
    for (int start = 0; start + part.size() <= whole.size(); start++) {
      if (dedent(whole.subList(start, start + part.size())).equals(wanted)) {
        return true;
      }
    }
    return false;
  }
}
