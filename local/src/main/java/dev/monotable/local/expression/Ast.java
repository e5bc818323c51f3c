package dev.monotable.local.expression;

import dev.monotable.local.value.Value;
import java.util.List;

/** The syntax trees the parser builds. Placeholders are already substituted. */
final class Ast {
  private Ast() {}

  /** An operand: a document path, an expression attribute value or a function call. */
  sealed interface Operand permits PathOperand, ValueOperand, Call {}

  /** A document path read from the item. */
  record PathOperand(DocumentPath path) implements Operand {}

  /** A {@code :value} placeholder; {@code value} is null only while an undefined one is reported. */
  record ValueOperand(String ref, Value value) implements Operand {}

  /** A function call such as {@code size(a)}. */
  record Call(String name, List<Operand> arguments) implements Operand {
    Call {
      arguments = List.copyOf(arguments);
    }
  }

  /** A condition (the boolean part of condition, filter and key condition expressions). */
  sealed interface Cond permits And, Or, Not, Paren, Compare, Between, In, FunctionCond {}

  record And(Cond left, Cond right) implements Cond {}

  record Or(Cond left, Cond right) implements Cond {}

  record Not(Cond operand) implements Cond {}

  /** A parenthesized condition, kept to detect redundant parentheses. */
  record Paren(Cond inner) implements Cond {}

  /** {@code operator} is one of = <> < <= > >=. */
  record Compare(String operator, Operand left, Operand right) implements Cond {}

  record Between(Operand operand, Operand lower, Operand upper) implements Cond {}

  record In(Operand operand, List<Operand> candidates) implements Cond {
    In {
      candidates = List.copyOf(candidates);
    }
  }

  /** A boolean function used as a condition, such as {@code attribute_exists(a)}. */
  record FunctionCond(Call call) implements Cond {}

  /** The right-hand side of a SET action: an operand, a function call, or two values joined by + or -. */
  sealed interface SetValue permits Single, Arithmetic, UpdateCall {}

  /** A path or a {@code :value}. */
  record Single(Operand operand) implements SetValue {}

  /** {@code operator} is + or -. */
  record Arithmetic(String operator, SetValue left, SetValue right) implements SetValue {}

  /** if_not_exists or list_append. */
  record UpdateCall(String name, List<SetValue> arguments) implements SetValue {
    UpdateCall {
      arguments = List.copyOf(arguments);
    }
  }

  record SetAction(DocumentPath path, SetValue value) {}

  /** An ADD or DELETE action: a path and a {@code :value}. */
  record ValueAction(DocumentPath path, ValueOperand value) {}
}
