package dev.monotable.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * Javadoc of generated members, filled to lines of at most {@link #WIDTH} characters as a person
 * would wrap it. The user's names and key templates make a sentence any length, so generated
 * Javadoc is wrapped here rather than by hand; an inline tag such as
 * {@code {@code USER#<id> / PROFILE}} stays on one line.
 */
final class JavadocText {
  /**
   * The text columns of a Javadoc line, after its indentation and {@code " * "}: the Javadoc of a
   * member of a nested builder class still fits in 120 columns.
   */
  static final int WIDTH = 100;

  private JavadocText() {}

  /**
   * {@code format} with its arguments as Javadoc, each of its lines (ended by {@code \n}) filled to
   * {@link #WIDTH} columns. It takes {@code $L}, whose text is wrapped with the rest, and
   * {@code $T}, a type the file imports, counted as its simple name.
   */
  static CodeBlock wrap(String format, Object... arguments) {
    StringBuilder text = new StringBuilder();
    List<ClassName> types = new ArrayList<>();
    int next = 0;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '$') {
        text.append(c);
        continue;
      }
      char kind = format.charAt(++i);
      switch (kind) {
        case '$' -> text.append("$$");
        case 'L' -> text.append(String.valueOf(arguments[next++]).replace("$", "$$"));
        case 'T' -> {
          text.append("$T");
          types.add((ClassName) arguments[next++]);
        }
        default -> throw new IllegalArgumentException("Javadoc text takes $L and $T, not $" + kind);
      }
    }
    StringBuilder wrapped = new StringBuilder();
    int type = 0;
    String[] lines = text.toString().split("\n", -1);
    for (int l = 0; l < lines.length; l++) {
      List<String> words = words(lines[l]);
      int[] widths = new int[words.size()];
      for (int w = 0; w < words.size(); w++) {
        String word = words.get(w);
        for (int i = 0; i < word.length(); i++) {
          boolean placeholder = word.charAt(i) == '$';
          widths[w] += placeholder && word.charAt(i + 1) == 'T' ? types.get(type++).simpleName().length() : 1;
          i += placeholder ? 1 : 0;
        }
      }
      wrapped.append(String.join("\n", fill(words, widths)));
      if (l < lines.length - 1) {
        wrapped.append('\n');
      }
    }
    return CodeBlock.of(wrapped.toString(), types.toArray());
  }

  /**
   * The words filled into lines of at most {@link #WIDTH} columns, each as full as it goes; but a
   * last line of a single word takes the word before it along, so that no sentence ends on a lone
   * word.
   */
  private static List<String> fill(List<String> words, int[] widths) {
    List<Integer> starts = new ArrayList<>();
    int column = 0;
    for (int w = 0; w < words.size(); w++) {
      if (w == 0 || column + 1 + widths[w] > WIDTH) {
        starts.add(w);
        column = widths[w];
      } else {
        column += 1 + widths[w];
      }
    }
    int lines = starts.size();
    if (lines >= 2 && starts.get(lines - 1) == words.size() - 1
        && starts.get(lines - 1) - starts.get(lines - 2) >= 3
        && widths[words.size() - 2] + 1 + widths[words.size() - 1] <= WIDTH) {
      starts.set(lines - 1, words.size() - 2);
    }
    List<String> filled = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1) : words.size();
      filled.add(String.join(" ", words.subList(starts.get(i), end)));
    }
    return filled;
  }

  /** The words of a line, split at spaces outside inline tags ({@code {@code a / b}} is one word). */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      }
      if (c == ' ' && depth == 0) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
      } else {
        word.append(c);
      }
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }
}
