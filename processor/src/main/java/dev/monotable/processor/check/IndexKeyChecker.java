package dev.monotable.processor.check;

import dev.monotable.processor.diag.Message;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.IndexBinding;
import dev.monotable.processor.model.IndexKeyModel;
import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.KeyLimits;
import dev.monotable.processor.model.TableModel;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an entity's {@code @IndexKey}s against its table's indexes: declared, complete, templates
 * valid, shards.
 */
final class IndexKeyChecker {
  private final KeyTemplateChecker templates = new KeyTemplateChecker();

  void checkIndexKeys(EntityModel entity, TableModel table, Report report) {
    String name = entity.type().simpleName();
    Set<String> seen = new HashSet<>();
    for (IndexKeyModel indexKey : entity.indexKeys()) {
      if (!seen.add(indexKey.index())) {
        report.on(indexKey.indexSource()).add(Message.INDEX_KEY_DUPLICATE, name, indexKey.index());
        continue;
      }
      Optional<IndexModel> found = table.index(indexKey.index());
      if (found.isEmpty()) {
        report.on(indexKey.indexSource()).add(Message.INDEX_UNKNOWN, table.type().simpleName(), indexKey.index(),
            declared(table));
        continue;
      }
      IndexModel index = found.get();
      String kind = index.kind() == IndexModel.Kind.GLOBAL ? "global" : "local";
      checkShards(entity, indexKey, index, report);
      if (index.kind() == IndexModel.Kind.LOCAL && indexKey.partitionKey().isPresent()) {
        report.on(indexKey.partitionKey().get().source()).add(Message.INDEX_KEY_LOCAL_PARTITION_KEY, index.name(),
            name);
      }
      if (!index.hasSortKey() && indexKey.sortKey().isPresent()) {
        report.on(indexKey.sortKey().get().source()).add(Message.INDEX_KEY_UNEXPECTED_SORT_KEY, kind, index.name(),
            name);
      }
      IndexBinding binding = entity.bindingFor(table, index);
      if (index.kind() == IndexModel.Kind.GLOBAL && binding.partitionKey() instanceof IndexBinding.None) {
        report.on(indexKey.indexSource()).add(Message.INDEX_KEY_MISSING_PARTITION_KEY, index.name(), name,
            index.partitionKey());
      }
      if (index.hasSortKey() && binding.sortKey() instanceof IndexBinding.None) {
        report.on(indexKey.indexSource()).add(Message.INDEX_KEY_MISSING_SORT_KEY, kind, index.name(), name,
            index.sortKey());
      }
      String what = "@IndexKey(index = \"" + index.name() + "\")";
      indexKey.partitionKey().filter(t -> index.kind() == IndexModel.Kind.GLOBAL)
          .filter(t -> templates.checkTemplate(entity, table, t, what, true, report))
          .ifPresent(t -> {
            DesignWarnings.checkHotIndexPartition(entity, indexKey, t, report);
            KeyTemplateChecker.checkMovingFields(entity, t, what, false, report);
          });
      indexKey.sortKey().filter(t -> index.hasSortKey())
          .filter(t -> templates.checkTemplate(entity, table, t, what, false, report))
          .ifPresent(t -> KeyTemplateChecker.checkMovingFields(entity, t, what, false, report));
    }
  }

  /** Shards split a global index's template partition key: 2 to 32 of them, as a fan-out cursor holds. */
  private static void checkShards(EntityModel entity, IndexKeyModel indexKey, IndexModel index, Report report) {
    if (!indexKey.sharded()) {
      return;
    }
    String name = entity.type().simpleName();
    Report at = report.on(indexKey.shardsSource());
    if (indexKey.shards() < 2 || indexKey.shards() > KeyLimits.MAX_SHARDS) {
      at.add(Message.INDEX_KEY_SHARDS_COUNT, indexKey.shards(), index.name(), name, KeyLimits.MAX_SHARDS);
    } else if (index.kind() == IndexModel.Kind.LOCAL) {
      at.add(Message.INDEX_KEY_SHARDS_LOCAL, index.name(), name);
    } else if (indexKey.partitionKey().isEmpty()) {
      at.add(Message.INDEX_KEY_SHARDS_NO_TEMPLATE, index.name(), name, index.partitionKey());
    }
  }

  static String declared(TableModel table) {
    return table.indexes().isEmpty() ? "none"
        : table.indexes().stream().map(IndexModel::name).collect(Collectors.joining(", "));
  }
}
