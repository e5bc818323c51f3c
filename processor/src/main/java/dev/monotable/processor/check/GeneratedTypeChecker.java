package dev.monotable.processor.check;

import dev.monotable.processor.diag.Message;
import dev.monotable.processor.model.DocumentModel;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.TableModel;
import dev.monotable.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the names of the classes a design generates beside its types ({@code OrderKeys} next to
 * {@code Order}): a type the user declares under one of them ({@code AppDataTable}, an entity
 * {@code OrderKeys} next to {@code Order}), or two types whose generated classes share a name
 * ({@code Shop.Order} and {@code Shop_Order} both give {@code Shop_OrderKeys}), would make the
 * compiler refuse the second file; the check names both instead. So would a source file named like a
 * generated class but declaring another type ({@code OrderKeys.java} holding {@code Order}): javac
 * reads it when the class is generated and meets its type twice. The checker remembers the names
 * it passed, across tables and rounds, so that a document and an entity of different tables are
 * compared too.
 */
public final class GeneratedTypeChecker {
  /** What the compilation's sources hold under the names classes are generated with. */
  public interface Sources {
    /** Whether a source declares a type of this qualified name (not one Monotable generated). */
    boolean declares(String qualifiedName);

    /**
     * The type declared in the source file named after this qualified name ({@code test/OrderKeys.java}
     * for {@code test.OrderKeys}) when that file does not declare the type of its name.
     */
    Optional<String> fileNamedLike(String qualifiedName);
  }

  private final Sources sources;
  /** Each generated class checked so far, by qualified name, with the type it is generated for. */
  private final Map<String, TypeRef> claimed = new LinkedHashMap<>();

  public GeneratedTypeChecker(Sources sources) {
    this.sources = sources;
  }

  /** One generated class: what it is of its owner ({@code the key builders}). */
  private record Generated(TypeRef type, String role) {}

  /** The table class, and with a stream the decoder and handler of its changes. */
  public Report checkTable(TableModel table) {
    Report report = Report.about(table.sources().element());
    List<Generated> generated = new ArrayList<>(List.of(new Generated(table.tableClass(), "table class"),
        new Generated(table.asyncTableClass(), "async table class"),
        new Generated(table.migrationsClass(), "migrations")));
    if (table.hasStream()) {
      generated.add(new Generated(table.changesClass(), "decoder of the stream"));
      generated.add(new Generated(table.changeHandlerClass(), "handler of the stream's changes"));
    }
    checkDeclared("table " + table.type().simpleName(), generated, report);
    claim(table.type(), generated, report);
    return report;
  }

  /** The schema and fields classes of a document. */
  public Report checkDocument(DocumentModel document) {
    Report report = Report.about(document.source());
    List<Generated> generated = List.of(new Generated(document.schemaType(), "schema"),
        new Generated(document.type().companion("Fields"), "typed fields"));
    checkDeclared("document " + document.type().simpleName(), generated, report);
    claim(document.type(), generated, report);
    return report;
  }

  /** The schema, keys, fields and repository classes of each entity of one table, one report each. */
  public Map<EntityModel, Report> checkEntities(List<EntityModel> entities) {
    Map<EntityModel, Report> reports = new LinkedHashMap<>();
    for (EntityModel entity : entities) {
      Report report = Report.about(entity.sources().element());
      reports.put(entity, report);
      List<Generated> generated = generated(entity);
      checkDeclared("entity " + entity.type().simpleName(), generated, report);
      TypeRef other = claim(entity.type(), generated, report);
      // an entity of the same table is told too, so that either can be renamed
      entities.stream().filter(e -> e.type().equals(other)).findFirst().ifPresent(otherEntity ->
          reports.get(otherEntity).add(Message.GENERATED_TYPE_TWICE, other, entity.type(),
              clash(entity.type(), generated)));
    }
    return reports;
  }

  private static List<Generated> generated(EntityModel entity) {
    return List.of(new Generated(entity.schemaType(), "schema"), new Generated(entity.keysType(), "key builders"),
        new Generated(entity.type().companion("Fields"), "typed fields"),
        new Generated(entity.repositoryType(), "repository"),
        new Generated(entity.asyncRepositoryType(), "async repository"));
  }

  /**
   * Claims the generated classes of {@code owner}; reports the first one another type claimed
   * before (one finding a pair: all their classes clash alike), and returns that type, or null.
   */
  private TypeRef claim(TypeRef owner, List<Generated> generated, Report report) {
    for (Generated type : generated) {
      TypeRef other = claimed.putIfAbsent(type.type().canonicalName(), owner);
      if (other != null && !other.equals(owner)) {
        report.add(Message.GENERATED_TYPE_TWICE, other, owner, type.type());
        return other;
      }
    }
    return null;
  }

  /** The first of {@code generated} that another type claimed. */
  private TypeRef clash(TypeRef owner, List<Generated> generated) {
    return generated.stream().map(Generated::type)
        .filter(type -> !owner.equals(claimed.get(type.canonicalName()))).findFirst().orElseThrow();
  }

  private void checkDeclared(String owner, List<Generated> generated, Report report) {
    String ownerName = owner.substring(owner.indexOf(' ') + 1);
    for (Generated type : generated) {
      String name = type.type().canonicalName();
      if (sources.declares(name)) {
        report.add(Message.GENERATED_TYPE_DECLARED, type.type(), type.role(), owner, type.type().simpleName(),
            ownerName);
        continue;
      }
      // javac's filer looks the new class up, reads the file of its name and meets that file's type again
      sources.fileNamedLike(name).ifPresent(declared -> report.add(Message.GENERATED_TYPE_FILE, type.type(),
          type.role(), owner, type.type().simpleName() + ".java", declared, declared, declared));
    }
  }
}
