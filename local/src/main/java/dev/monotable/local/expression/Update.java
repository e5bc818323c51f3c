package dev.monotable.local.expression;

import dev.monotable.local.expression.Ast.Arithmetic;
import dev.monotable.local.expression.Ast.PathOperand;
import dev.monotable.local.expression.Ast.SetAction;
import dev.monotable.local.expression.Ast.SetValue;
import dev.monotable.local.expression.Ast.Single;
import dev.monotable.local.expression.Ast.UpdateCall;
import dev.monotable.local.expression.Ast.ValueAction;
import dev.monotable.local.expression.Ast.ValueOperand;
import dev.monotable.local.value.Bytes;
import dev.monotable.local.value.DynamoError;
import dev.monotable.local.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** A parsed update expression. */
public final class Update {
  static final String MISSING_ATTRIBUTE = "The provided expression refers to an attribute that does not exist in the item";
  static final String INCORRECT_TYPE = "An operand in the update expression has an incorrect data type";
  static final String INVALID_PATH = "The document path provided in the update expression is invalid for update";

  private final List<SetAction> sets;
  private final List<DocumentPath> removes;
  private final List<ValueAction> adds;
  private final List<ValueAction> deletes;
  private final List<DocumentPath> targets;

  Update(Parser.UpdateClauses clauses) {
    this.sets = List.copyOf(clauses.sets());
    this.removes = List.copyOf(clauses.removes());
    this.adds = List.copyOf(clauses.adds());
    this.deletes = List.copyOf(clauses.deletes());
    this.targets = List.copyOf(clauses.targets());
  }

  /** Every path the update writes or removes (SET, REMOVE, ADD and DELETE targets), in the order written. */
  public List<DocumentPath> targets() {
    return targets;
  }

  /** The paths REMOVE names, in the order written: what UPDATED_NEW leaves out, as they are gone after the update. */
  public List<DocumentPath> removals() {
    return removes;
  }

  /** Every document path a SET value reads (operands of arithmetic and functions included), in the order written. */
  public List<DocumentPath> operandPaths() {
    List<DocumentPath> paths = new ArrayList<>();
    for (SetAction set : sets) {
      collectPaths(set.value(), paths);
    }
    return paths;
  }

  private static void collectPaths(SetValue value, List<DocumentPath> paths) {
    if (value instanceof Single single) {
      if (single.operand() instanceof PathOperand path) {
        paths.add(path.path());
      }
    } else if (value instanceof Arithmetic arithmetic) {
      collectPaths(arithmetic.left(), paths);
      collectPaths(arithmetic.right(), paths);
    } else {
      for (SetValue argument : ((UpdateCall) value).arguments()) {
        collectPaths(argument, paths);
      }
    }
  }

  /**
   * The type each top-level attribute written by SET or ADD will have whatever the item holds (a
   * value, arithmetic, list_append, an ADD's operand), by name; attributes whose type depends on
   * the item are left out. DynamoDB checks these against index key types before it reads the item.
   */
  public Map<String, String> knownTypes() {
    Map<String, String> types = new LinkedHashMap<>();
    for (SetAction set : sets) {
      String type = knownType(set.value());
      if (set.path().isTopLevel() && type != null) {
        types.put(set.path().topLevelName(), type);
      }
    }
    for (ValueAction add : adds) {
      if (add.path().isTopLevel()) {
        types.put(add.path().topLevelName(), add.value().value().type());
      }
    }
    return types;
  }

  private static String knownType(SetValue value) {
    if (value instanceof Single single) {
      return single.operand() instanceof ValueOperand constant ? constant.value().type() : null;
    }
    if (value instanceof Arithmetic) {
      return "N";
    }
    return ((UpdateCall) value).name().equals("list_append") ? "L" : null;
  }

  /** One write of SET, ADD or DELETE: the path and how the old value (null when absent) becomes the new one. */
  private record Write(DocumentPath path, UnaryOperator<Value> change) {}

  /**
   * A new item with the update applied; {@code item} is not changed. Every SET value is computed
   * from the item as it was before the update, and list indexes refer to the lists as they were:
   * writes past the end of one list append in index order, removals of several elements of one
   * list remove the elements the indexes named. Throws DynamoError.validation with DynamoDB's
   * messages for run-time errors.
   */
  public Map<String, Value> apply(Map<String, Value> item) {
    Map<String, Value> original = item;
    Map<String, Value> result = new LinkedHashMap<>(item);

    List<Write> writes = new ArrayList<>();
    for (SetAction set : sets) {
      Value value = evaluate(set.value(), original);
      writes.add(new Write(set.path(), old -> value));
    }
    for (ValueAction add : adds) {
      Value operand = add.value().value();
      writes.add(new Write(add.path(), old -> add(old, operand)));
    }
    List<DocumentPath> removals = new ArrayList<>();
    for (ValueAction delete : deletes) {
      Value operand = delete.value().value();
      Value old = Evaluator.resolve(original, delete.path());
      Value rest = old == null ? null : delete(old, operand);
      if (rest == null) {
        // nothing left (or nothing there): the attribute goes, like a REMOVE
        removals.add(delete.path());
      } else {
        writes.add(new Write(delete.path(), current -> rest));
      }
    }
    writes.sort((a, b) -> WRITE_ORDER.compare(a.path(), b.path()));
    for (Write write : writes) {
      write(result, write.path(), write.change());
    }

    removals.addAll(removes);
    List<DocumentPath> present = new ArrayList<>();
    for (DocumentPath path : removals) {
      if (Evaluator.resolve(original, path) != null) {
        present.add(path);
      } else {
        checkParent(original, path);
      }
    }
    present.sort(WRITE_ORDER.reversed());
    for (DocumentPath path : present) {
      write(result, path, old -> null);
    }
    return result;
  }

  /**
   * A total order of paths in which, among paths into one list, lower indexes come first; writes
   * go in this order (so appends keep their index order) and removals in the reverse one (so that
   * removing an element does not move those still to remove).
   */
  private static final Comparator<DocumentPath> WRITE_ORDER = (a, b) -> {
    List<Object> x = a.elements();
    List<Object> y = b.elements();
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      Object p = x.get(i);
      Object q = y.get(i);
      if (p instanceof Integer m && q instanceof Integer n) {
        if (!m.equals(n)) {
          return Integer.compare(m, n);
        }
      } else if (p instanceof String m && q instanceof String n) {
        if (!m.equals(n)) {
          return m.compareTo(n);
        }
      } else {
        return p instanceof String ? -1 : 1;
      }
    }
    return Integer.compare(x.size(), y.size());
  };

  /** REMOVE of something not there is a no-op when its parent is there, and an error when not. */
  private static void checkParent(Map<String, Value> item, DocumentPath path) {
    List<Object> elements = path.elements();
    if (elements.size() == 1) {
      return;
    }
    Value parent = Evaluator.resolve(item, new DocumentPath(elements.subList(0, elements.size() - 1)));
    Object last = elements.get(elements.size() - 1);
    boolean fits = last instanceof Integer ? parent instanceof Value.L : parent instanceof Value.M;
    if (!fits) {
      throw DynamoError.validation(INVALID_PATH);
    }
  }

  // ---------------------------------------------------------------- values

  private static Value evaluate(SetValue value, Map<String, Value> item) {
    if (value instanceof Single single) {
      if (single.operand() instanceof ValueOperand constant) {
        return constant.value();
      }
      Value found = Evaluator.resolve(item, ((PathOperand) single.operand()).path());
      if (found == null) {
        throw DynamoError.validation(MISSING_ATTRIBUTE);
      }
      return found;
    }
    if (value instanceof Arithmetic arithmetic) {
      Value left = evaluate(arithmetic.left(), item);
      Value right = evaluate(arithmetic.right(), item);
      if (!(left instanceof Value.N x) || !(right instanceof Value.N y)) {
        throw DynamoError.validation(INCORRECT_TYPE);
      }
      BigDecimal result = arithmetic.operator().equals("+") ? x.value().add(y.value()) : x.value().subtract(y.value());
      return Value.n(Value.checkNumber(result));
    }
    UpdateCall call = (UpdateCall) value;
    if (call.name().equals("if_not_exists")) {
      PathOperand path = (PathOperand) ((Single) call.arguments().get(0)).operand();
      Value existing = Evaluator.resolve(item, path.path());
      return existing != null ? existing : evaluate(call.arguments().get(1), item);
    }
    Value first = evaluate(call.arguments().get(0), item);
    Value second = evaluate(call.arguments().get(1), item);
    if (!(first instanceof Value.L x) || !(second instanceof Value.L y)) {
      throw DynamoError.validation(INCORRECT_TYPE);
    }
    List<Value> joined = new ArrayList<>(x.values());
    joined.addAll(y.values());
    return new Value.L(joined);
  }

  private static Value add(Value old, Value operand) {
    if (old == null) {
      return operand;
    }
    if (old instanceof Value.N x && operand instanceof Value.N y) {
      return Value.n(Value.add(x.value(), y.value()));
    }
    if (old instanceof Value.SS x && operand instanceof Value.SS y) {
      Set<String> union = new LinkedHashSet<>(x.values());
      union.addAll(y.values());
      return new Value.SS(union);
    }
    if (old instanceof Value.NS x && operand instanceof Value.NS y) {
      Set<BigDecimal> union = new LinkedHashSet<>(x.values());
      union.addAll(y.values());
      return new Value.NS(union);
    }
    if (old instanceof Value.BS x && operand instanceof Value.BS y) {
      Set<Bytes> union = new LinkedHashSet<>(x.values());
      union.addAll(y.values());
      return new Value.BS(union);
    }
    throw DynamoError.validation(INCORRECT_TYPE);
  }

  /** The set {@code old} without the elements of {@code operand}; null (remove) when nothing is left. */
  private static Value delete(Value old, Value operand) {
    if (old instanceof Value.SS x && operand instanceof Value.SS y) {
      Set<String> rest = new LinkedHashSet<>(x.values());
      rest.removeAll(y.values());
      return rest.isEmpty() ? null : new Value.SS(rest);
    }
    if (old instanceof Value.NS x && operand instanceof Value.NS y) {
      Set<BigDecimal> rest = new LinkedHashSet<>(x.values());
      rest.removeAll(y.values());
      return rest.isEmpty() ? null : new Value.NS(rest);
    }
    if (old instanceof Value.BS x && operand instanceof Value.BS y) {
      Set<Bytes> rest = new LinkedHashSet<>(x.values());
      rest.removeAll(y.values());
      return rest.isEmpty() ? null : new Value.BS(rest);
    }
    throw DynamoError.validation(INCORRECT_TYPE);
  }

  // ---------------------------------------------------------------- writing paths

  /**
   * Replaces the value at {@code path} with {@code change(old)} (old is null when absent; a null
   * result removes it). Every parent on the way must exist with the right type. A list index past
   * the end appends.
   */
  static void write(Map<String, Value> item, DocumentPath path, UnaryOperator<Value> change) {
    List<Object> elements = path.elements();
    String name = path.topLevelName();
    if (elements.size() == 1) {
      Value updated = change.apply(item.get(name));
      if (updated == null) {
        item.remove(name);
      } else {
        item.put(name, updated);
      }
      return;
    }
    Value child = item.get(name);
    if (child == null) {
      throw DynamoError.validation(INVALID_PATH);
    }
    item.put(name, writeIn(child, elements, 1, change));
  }

  private static Value writeIn(Value container, List<Object> elements, int depth, UnaryOperator<Value> change) {
    Object element = elements.get(depth);
    boolean last = depth == elements.size() - 1;
    if (element instanceof String key) {
      if (!(container instanceof Value.M map)) {
        throw DynamoError.validation(INVALID_PATH);
      }
      Map<String, Value> entries = new LinkedHashMap<>(map.values());
      if (last) {
        Value updated = change.apply(entries.get(key));
        if (updated == null) {
          entries.remove(key);
        } else {
          entries.put(key, updated);
        }
      } else {
        Value child = entries.get(key);
        if (child == null) {
          throw DynamoError.validation(INVALID_PATH);
        }
        entries.put(key, writeIn(child, elements, depth + 1, change));
      }
      return new Value.M(entries);
    }
    int index = (Integer) element;
    if (!(container instanceof Value.L list)) {
      throw DynamoError.validation(INVALID_PATH);
    }
    List<Value> values = new ArrayList<>(list.values());
    if (last) {
      Value old = index < values.size() ? values.get(index) : null;
      Value updated = change.apply(old);
      if (updated == null) {
        if (old != null) {
          values.remove(index);
        }
      } else if (old != null) {
        values.set(index, updated);
      } else {
        values.add(updated);
      }
    } else {
      if (index >= values.size()) {
        throw DynamoError.validation(INVALID_PATH);
      }
      values.set(index, writeIn(values.get(index), elements, depth + 1, change));
    }
    return new Value.L(values);
  }
}
