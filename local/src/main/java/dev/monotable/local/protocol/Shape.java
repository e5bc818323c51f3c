package dev.monotable.local.protocol;

import java.util.List;
import java.util.Set;

/**
 * One shape of DynamoDB's service model: its kind, and what the model declares of it. Only what the
 * kind uses is set: {@code members} and {@code required} for a structure, {@code element} for a
 * list, {@code key} and {@code value} for a map; {@code min} and {@code max} bound a string's or a
 * blob's length, a list's or a map's size, or a number's value.
 */
record Shape(String name, Kind kind, List<Member> members, Set<String> required, String element, String key,
    String value, Long min, Long max, PatternConstraint pattern, List<String> enumValues) {

  /** The model's shape types that a request can carry. */
  enum Kind {
    STRUCTURE, LIST, MAP, STRING, BOOLEAN, INTEGER, LONG, DOUBLE, BLOB, TIMESTAMP;

    static Kind of(String type) {
      return switch (type) {
        case "structure" -> STRUCTURE;
        case "list" -> LIST;
        case "map" -> MAP;
        case "string" -> STRING;
        case "boolean" -> BOOLEAN;
        case "integer" -> INTEGER;
        case "long" -> LONG;
        case "double", "float" -> DOUBLE;
        case "blob" -> BLOB;
        case "timestamp" -> TIMESTAMP;
        default -> throw new IllegalStateException("unknown shape type in DynamoDB's service model: " + type);
      };
    }

    boolean numeric() {
      return this == INTEGER || this == LONG || this == DOUBLE;
    }
  }

  /** A structure's member: its name on the wire and the name of its shape. */
  record Member(String name, String shape) {}

  Member member(String name) {
    for (Member member : members) {
      if (member.name().equals(name)) {
        return member;
      }
    }
    return null;
  }
}
