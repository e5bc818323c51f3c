package dev.monotable.processor.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@link Message} is reported with as many arguments as its text has placeholders. The test
 * reads the processor's sources: a message is named only as an argument of the call that reports
 * it ({@code report.add(Message.X, a, b)}, {@code reporter.report(element, Message.X, a)}), and the
 * arguments after it are its arguments. A mention the test cannot read as such a call fails it.
 */
class MessageArityTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern MENTION = Pattern.compile("\\bMessage\\.([A-Z][A-Z0-9_]*)\\b");
  private static final Pattern SPECIFIER = Pattern.compile("%(\\d+\\$)?[-#+ 0,(<]*\\d*(\\.\\d+)?([a-zA-Z%])");

  /** One naming of a message as a call argument: the source and how many arguments follow it. */
  record CallSite(String where, Message message, int arguments) {}

  @Test
  void everyMessage_hasCallSites_withOneArgumentPerPlaceholder() throws IOException {
    List<String> problems = new ArrayList<>();
    Map<Message, Integer> sites = new EnumMap<>(Message.class);
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        if (file.endsWith(Path.of("diag", "Message.java"))) {
          continue;
        }
        for (CallSite site : callSites(file.toString(), Files.readString(file), problems)) {
          sites.merge(site.message(), 1, Integer::sum);
          problems.addAll(check(site));
        }
      }
    }
    for (Message message : Message.values()) {
      if (!sites.containsKey(message)) {
        problems.add(message + " is never reported");
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void placeholders_areCountedAsFormatReadsThem() {
    assertEquals(0, placeholders("100%% sure%n"));
    assertEquals(3, placeholders("\"%s\" is %d bytes, %s"));
  }

  @Test
  void callSites_countTheArgumentsAfterTheMessage() {
    List<String> problems = new ArrayList<>();
    List<CallSite> sites = callSites("Example.java", """
        report.on(f(a, b)).add(Message.TABLE_NAME, g(x, "y, z"), List.of(1, 2));
        reporter.report(element, Message.INTERNAL, name, e);
        reports.get(entity).add(Message.SCAN_USED);
        """, problems);
    assertEquals(List.of(), problems);
    assertEquals(List.of(2, 2, 0), sites.stream().map(CallSite::arguments).toList());
  }

  @Test
  void callSites_areReadInTheArmsOfASwitch_asCheckersPickAMessageByReason() {
    List<String> problems = new ArrayList<>();
    List<CallSite> sites = callSites("Example.java", """
        switch (error.reason()) {
          case EMPTY -> at.add(Message.KEY_MALFORMED_EMPTY, text, where);
          case NESTED_PLACEHOLDER -> at.add(Message.KEY_MALFORMED_NESTED_PLACEHOLDER, text, where, position);
        }
        """, problems);
    assertEquals(List.of(), problems);
    assertEquals(List.of(Message.KEY_MALFORMED_EMPTY, Message.KEY_MALFORMED_NESTED_PLACEHOLDER),
        sites.stream().map(CallSite::message).toList());
    assertEquals(List.of(2, 3), sites.stream().map(CallSite::arguments).toList());
  }

  @Test
  void check_reportsACallSiteWithTheWrongNumberOfArguments() {
    List<String> problems = new ArrayList<>();
    List<CallSite> sites = callSites("Example.java", "report.add(Message.TABLE_NAME, name, \"extra\");", problems);
    assertEquals(1, sites.size());
    assertEquals(List.of("Example.java:1: TABLE_NAME takes 1 argument(s), given 2"), check(sites.get(0)));
  }

  @Test
  void callSites_refuseAMentionOutsideACall() {
    List<String> problems = new ArrayList<>();
    callSites("Example.java", "Message shown = Message.TABLE_NAME;", problems);
    assertEquals(List.of("Example.java:1: Message.TABLE_NAME is not an argument of a call"), problems);
  }

  private static List<String> check(CallSite site) {
    int expected = placeholders(site.message().pattern());
    return expected == site.arguments() ? List.of()
        : List.of(site.where() + ": " + site.message() + " takes " + expected + " argument(s), given " + site.arguments());
  }

  static int placeholders(String pattern) {
    int count = 0;
    Matcher matcher = SPECIFIER.matcher(pattern);
    while (matcher.find()) {
      String conversion = matcher.group(3);
      if (!conversion.equals("%") && !conversion.equals("n")) {
        count++;
      }
    }
    return count;
  }

  /**
   * The calls of {@code source} that pass a message constant, read by a small scanner that skips
   * strings, characters and comments and splits argument lists at their own commas; every mention
   * of a message constant that is not a whole argument of a call goes to {@code problems}.
   */
  static List<CallSite> callSites(String file, String source, List<String> problems) {
    List<CallSite> sites = new ArrayList<>();
    java.util.Set<Integer> accounted = new java.util.HashSet<>();
    Deque<Frame> open = new ArrayDeque<>();
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '"' || c == '\'') {
        i = skipLiteral(source, i);
      } else if (source.startsWith("//", i)) {
        i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
      } else if (source.startsWith("/*", i)) {
        i = source.indexOf("*/", i) + 1;
      } else if (c == '(' || c == '[' || c == '{') {
        open.push(new Frame(c, i + 1));
      } else if (c == ',' && !open.isEmpty() && open.peek().bracket == '(') {
        open.peek().close(source, i);
      } else if ((c == ')' || c == ']' || c == '}') && !open.isEmpty()) {
        Frame frame = open.pop();
        if (frame.bracket != '(') {
          continue;
        }
        frame.close(source, i);
        for (int a = 0; a < frame.arguments.size(); a++) {
          Matcher whole = MENTION.matcher(frame.arguments.get(a));
          if (whole.matches()) {
            accounted.add(frame.offsets.get(a));
            sites.add(new CallSite(file + ":" + line(source, frame.offsets.get(a)), Message.valueOf(whole.group(1)),
                frame.arguments.size() - a - 1));
          }
        }
      }
    }
    Matcher mention = MENTION.matcher(source);
    while (mention.find()) {
      if (!accounted.contains(mention.start())) {
        problems.add(file + ":" + line(source, mention.start()) + ": " + mention.group()
            + " is not an argument of a call");
      }
    }
    return sites;
  }

  /** An open bracket; for a parenthesis, the arguments read so far and where each starts. */
  private static final class Frame {
    final char bracket;
    int next;
    final List<String> arguments = new ArrayList<>();
    final List<Integer> offsets = new ArrayList<>();

    Frame(char bracket, int next) {
      this.bracket = bracket;
      this.next = next;
    }

    void close(String source, int end) {
      String raw = source.substring(next, end);
      String argument = raw.strip();
      if (!argument.isEmpty() || !arguments.isEmpty()) {
        arguments.add(argument);
        offsets.add(next + raw.indexOf(argument));
      }
      next = end + 1;
    }
  }

  private static int skipLiteral(String source, int at) {
    if (source.startsWith("\"\"\"", at)) {
      return source.indexOf("\"\"\"", at + 3) + 2;
    }
    char quote = source.charAt(at);
    int i = at + 1;
    while (i < source.length() && source.charAt(i) != quote) {
      i += source.charAt(i) == '\\' ? 2 : 1;
    }
    return i;
  }

  private static int line(String source, int offset) {
    return (int) source.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
  }
}
