package dev.monotable.processor.check;

import dev.monotable.processor.diag.Message;
import dev.monotable.processor.model.AccessPatternModel;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.TableModel;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Checks an entity's {@code @AccessPattern}s: names that make methods and builder classes, and the
 * indexes they read.
 */
final class AccessPatternChecker {
  /** Method names a generated repository already has, which access patterns cannot take. */
  private static final Set<String> REPOSITORY_METHODS = Set.of(
      "put", "get", "delete", "update", "upsert", "scanAll", "scanIndex", "batchGet", "batchPut", "batchDelete",
      "store", "putIfAbsent", "primaryKeys", "equals", "hashCode", "toString", "getClass", "wait", "notify",
      "notifyAll", "clone", "finalize");

  void checkAccessPatterns(EntityModel entity, TableModel table, Report report) {
    String name = entity.type().simpleName();
    Set<String> seen = new HashSet<>();
    // each pattern's query builder is a class of the repository named after it: byId gives ByIdQuery
    Map<String, String> builders = new HashMap<>();
    for (AccessPatternModel pattern : entity.accessPatterns()) {
      if (!SourceVersion.isIdentifier(pattern.name()) || SourceVersion.isKeyword(pattern.name())) {
        report.on(pattern.nameSource()).add(Message.ACCESS_PATTERN_NAME_INVALID, pattern.name(), name);
      } else if (REPOSITORY_METHODS.contains(pattern.name())) {
        report.on(pattern.nameSource()).add(Message.ACCESS_PATTERN_NAME_TAKEN, pattern.name(), name,
            entity.repositoryType().simpleName());
      } else {
        String builder = Naming.upperCamel(pattern.name()) + "Query";
        String other = builders.putIfAbsent(builder, pattern.name());
        if (other != null && !other.equals(pattern.name())) {
          report.on(pattern.nameSource()).add(Message.ACCESS_PATTERN_BUILDER_CLASH, other, pattern.name(), name,
              entity.repositoryType().simpleName(), builder);
        }
      }
      if (!seen.add(pattern.name())) {
        report.on(pattern.nameSource()).add(Message.ACCESS_PATTERN_DUPLICATE, name, pattern.name());
      }
      if (pattern.onPrimaryKey()) {
        continue;
      }
      Optional<IndexModel> index = table.index(pattern.index());
      if (index.isEmpty()) {
        report.on(pattern.indexSource()).add(Message.INDEX_UNKNOWN_FOR_PATTERN, table.type().simpleName(),
            pattern.index(), pattern.name(), IndexKeyChecker.declared(table));
        continue;
      }
      if (!entity.bindingFor(table, index.get()).complete()) {
        Report at = report.on(pattern.indexSource());
        if (index.get().kind() == IndexModel.Kind.GLOBAL) {
          at.add(Message.ACCESS_PATTERN_NO_GLOBAL_KEY, pattern.name(), name, index.get().name(), name,
              index.get().name(), index.get().partitionKey());
        } else {
          at.add(Message.ACCESS_PATTERN_NO_LOCAL_KEY, pattern.name(), name, index.get().name(), name,
              index.get().name());
        }
      }
    }
  }
}
