package dev.monotable.local.protocol;

import java.util.regex.Pattern;

/**
 * A shape's pattern constraint: the regular expression as the model writes it, compiled when a
 * request first meets it. Compiling the model's dozen patterns when it is read cost a fresh engine
 * tens of milliseconds, for patterns most runs never meet (ARNs, backup names, CSV delimiters).
 * Thread-safe: two threads may both compile it, and either result serves.
 */
final class PatternConstraint {
  private final String regex;
  private volatile Pattern compiled;

  PatternConstraint(String regex) {
    this.regex = regex;
  }

  /** The regular expression, as DynamoDB's messages quote it. */
  String regex() {
    return regex;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PatternConstraint that && regex.equals(that.regex);
  }

  @Override
  public int hashCode() {
    return regex.hashCode();
  }

  boolean matches(String text) {
    Pattern pattern = compiled;
    if (pattern == null) {
      pattern = Pattern.compile(regex);
      compiled = pattern;
    }
    return pattern.matcher(text).matches();
  }
}
