package dev.monotable.local.partiql;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A parsed PartiQL statement: what it does, to which table, with which expressions. */
public final class Ast {
  private Ast() {}

  /** One of DynamoDB's four statements. */
  public sealed interface Statement permits Select, Insert, Update, Delete, Exists {
    String table();
  }

  /** {@code SELECT projection FROM "table"[."index"] [WHERE ...] [ORDER BY ...]}; an empty projection is {@code *}. */
  public record Select(List<Path> projection, String table, String index, Expr where, List<Ordering> orderBy)
      implements Statement {}

  /** {@code ORDER BY path [ASC|DESC]}. */
  public record Ordering(Path path, boolean descending) {}

  /** {@code INSERT INTO "table" VALUE {...}}; {@code item} is the attribute value of the map. */
  public record Insert(String table, ObjectNode item) implements Statement {}

  /** {@code UPDATE "table" SET ... REMOVE ... WHERE ... [RETURNING ...]}; {@code returning} is a ReturnValues name or null. */
  public record Update(String table, List<Assignment> actions, Expr where, String returning) implements Statement {}

  /** One SET (a value, null for REMOVE) of an UPDATE. */
  public record Assignment(Path path, Expr value) {}

  /** {@code DELETE FROM "table" WHERE ... [RETURNING ALL OLD *]}. */
  public record Delete(String table, Expr where, String returning) implements Statement {}

  /** {@code EXISTS(SELECT ... WHERE <whole key> ...)}: a transaction's condition check. */
  public record Exists(Select select) implements Statement {
    @Override
    public String table() {
      return select.table();
    }
  }

  /** An expression of a WHERE clause or a SET. */
  public sealed interface Expr permits Path, Literal, Call, Compare, Between, In, And, Or, Not, IsMissing, Arithmetic {}

  /** A document path: names and list indexes, as {@code a.b[0]}; an index is an Integer, a name a String. */
  public record Path(List<Object> steps) implements Expr {
    String topLevelName() {
      return (String) steps.get(0);
    }

    boolean isAttribute(String name) {
      return steps.size() == 1 && steps.get(0).equals(name);
    }
  }

  /** A value: a literal, or a parameter's value; DynamoDB's attribute-value JSON, such as {@code {"S":"x"}}. */
  public record Literal(ObjectNode value) implements Expr {}

  /** A function, such as {@code begins_with(a, 'x')}; the name in lower case. */
  public record Call(String function, List<Expr> arguments) implements Expr {}

  /** {@code left op right}, op one of {@code = <> < <= > >=}. */
  public record Compare(String operator, Expr left, Expr right) implements Expr {}

  public record Between(Expr value, Expr lower, Expr upper) implements Expr {}

  public record In(Expr value, List<Expr> candidates) implements Expr {}

  public record And(Expr left, Expr right) implements Expr {}

  public record Or(Expr left, Expr right) implements Expr {}

  public record Not(Expr operand) implements Expr {}

  /** {@code path IS [NOT] MISSING}. */
  public record IsMissing(Path path, boolean negated) implements Expr {}

  /** {@code left + right} or {@code left - right}, in a SET. */
  public record Arithmetic(String operator, Expr left, Expr right) implements Expr {}
}
