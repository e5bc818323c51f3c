package dev.monotable.processor.model;

import java.util.Optional;

/**
 * How generated code builds an instance: through the canonical constructor (records, immutable
 * classes; parameters in field order) or a no-argument constructor and setters (beans).
 * {@code problem} says why neither is possible.
 */
public record Creation(Kind kind, Optional<Problem> problem) {
  public enum Kind { CONSTRUCTOR, SETTERS, NONE }

  /**
   * Why generated code cannot build a type: the reason, and {@code type}, the simple name of the
   * type at fault (the stored type itself, or an enclosing type that is private or inner).
   */
  public record Problem(Reason reason, String type) {}

  /** Why a type cannot be built. */
  public enum Reason {
    INTERFACE,
    ENUM,
    /** Neither a record nor a class (an annotation type). */
    NOT_A_CLASS,
    ABSTRACT,
    GENERIC,
    /** The type, or a type it is nested in, is private. */
    PRIVATE,
    /** The type, or a type it is nested in, is an inner (non-static) class. */
    INNER_CLASS,
    /** A class with neither a constructor taking every field in order nor a no-argument one. */
    NO_CONSTRUCTOR
  }

  public static Creation constructor() {
    return new Creation(Kind.CONSTRUCTOR, Optional.empty());
  }

  public static Creation setters() {
    return new Creation(Kind.SETTERS, Optional.empty());
  }

  public static Creation impossible(Problem problem) {
    return new Creation(Kind.NONE, Optional.of(problem));
  }
}
