package dev.monotable.processor;

import dev.monotable.processor.check.TableChecker;
import dev.monotable.processor.diag.Diagnostic;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.TableModel;
import dev.monotable.processor.read.TableReader;
import dev.monotable.processor.report.DesignReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;

/**
 * One table's models as a round gathers them: the table, its entities with the elements they come
 * from, and which of them passed their checks. A table read from the class path (its own build
 * generated its table class) is not {@code declaredHere}: only its entities generate here.
 */
final class TableDesign {
  final TypeElement element;
  final TableModel model;
  final boolean declaredHere;
  /** Whether the table passed its checks (and, when declared here, has a table name of its own). */
  boolean clean;
  /** False while an entity of the table waits for a later round: the table class waits with it. */
  boolean complete = true;
  private final Map<EntityModel, TypeElement> entities = new LinkedHashMap<>();
  private final Map<EntityModel, Boolean> entityClean = new LinkedHashMap<>();
  /** The warnings the checks reported on the table and its entities, for the design report. */
  private final List<DesignReport.Warning> warnings = new ArrayList<>();

  TableDesign(TypeElement element, TableModel model, boolean declaredHere, boolean clean) {
    this.element = element;
    this.model = model;
    this.declaredHere = declaredHere;
    this.clean = clean;
  }

  /** The table of an entity whose table interface was compiled before (its own build generated its table class). */
  static TableDesign fromClassPath(TypeElement element, TableReader reader) {
    TableModel model = reader.read(element);
    return new TableDesign(element, model, false, new TableChecker().check(model).isClean());
  }

  void add(EntityModel entity, TypeElement origin, boolean entityIsClean) {
    entities.put(entity, origin);
    entityClean.put(entity, entityIsClean);
  }

  /** Marks an entity as failed: it generates nothing, and neither does the table class. */
  void fail(EntityModel entity) {
    entityClean.put(entity, false);
  }

  List<EntityModel> entities() {
    return new ArrayList<>(entities.keySet());
  }

  boolean isClean(EntityModel entity) {
    return entityClean.get(entity);
  }

  boolean allEntitiesClean() {
    return !entityClean.containsValue(false);
  }

  /** Keeps the warnings among {@code diagnostics} (printed by the {@code Reporter}) about {@code subject}. */
  void noteWarnings(String subject, List<Diagnostic> diagnostics) {
    for (Diagnostic diagnostic : diagnostics) {
      if (diagnostic.message().kind() == javax.tools.Diagnostic.Kind.WARNING
          || diagnostic.message().kind() == javax.tools.Diagnostic.Kind.MANDATORY_WARNING) {
        warnings.add(DesignReport.Warning.of(subject, diagnostic));
      }
    }
  }

  /** The design report's input: the table, its entities and the warnings noted. */
  DesignReport report() {
    return new DesignReport(model, entities(), warnings);
  }

  TypeElement elementOf(EntityModel entity) {
    return entities.get(entity);
  }

  /** The table interface and every entity: the originating elements of the table's own files. */
  List<TypeElement> origin() {
    List<TypeElement> origin = new ArrayList<>();
    origin.add(element);
    origin.addAll(entities.values());
    return origin;
  }
}
