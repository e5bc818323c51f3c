package dev.monotable.processor.check;

import dev.monotable.processor.diag.Message;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.FieldModel;
import dev.monotable.processor.model.IndexKeyModel;
import dev.monotable.processor.model.KeyTemplate;
import dev.monotable.processor.model.ScalarKind;
import dev.monotable.processor.model.ValueType;

/** The warnings on one entity's design: partitions of few values (hot partitions), sort keys of one instant. */
final class DesignWarnings {
  /** How few partitions a partition-key template spreads its items over, if few. */
  private enum Spread { FIXED, FEW_VALUES, DATES, WIDE }

  private static Spread spread(EntityModel entity, KeyTemplate partition) {
    if (partition.plain()) {
      return Spread.WIDE;
    }
    if (partition.isFixed()) {
      return Spread.FIXED;
    }
    boolean fewValuesOnly = true;
    for (String name : partition.fields()) {
      FieldModel field = entity.field(name).orElse(null);
      boolean fewValues = field != null && (field.valueType() instanceof ValueType.EnumValue
          || isScalar(field, ScalarKind.BOOLEAN));
      if (!fewValues && (field == null || !isScalar(field, ScalarKind.LOCAL_DATE))) {
        return Spread.WIDE;
      }
      fewValuesOnly &= fewValues;
    }
    // only dates (and few values beside): a day's items in one partition, the seed's DATE#<date>
    return fewValuesOnly ? Spread.FEW_VALUES : Spread.DATES;
  }

  private static boolean isScalar(FieldModel field, ScalarKind kind) {
    return field.valueType() instanceof ValueType.Scalar scalar && scalar.kind() == kind;
  }

  static void checkHotPartition(EntityModel entity, KeyTemplate partition, Report report) {
    if (entity.suppressedWarnings().contains("hot-partition")) {
      return;
    }
    Report at = report.on(partition.source());
    String name = entity.type().simpleName();
    switch (spread(entity, partition)) {
      case FIXED -> at.add(Message.KEY_HOT_PARTITION_FIXED, partition.text(), name);
      case FEW_VALUES -> at.add(Message.KEY_HOT_PARTITION_FEW_VALUES, partition.text(), name);
      case DATES -> at.add(Message.KEY_HOT_PARTITION_DATE, partition.text(), name);
      case WIDE -> { }
    }
  }

  /** An index partition key of few values, unless sharded: the fix is {@code shards}. */
  static void checkHotIndexPartition(EntityModel entity, IndexKeyModel indexKey, KeyTemplate partition,
      Report report) {
    if (indexKey.sharded() || entity.suppressedWarnings().contains("hot-partition")) {
      return;
    }
    Report at = report.on(partition.source());
    String name = entity.type().simpleName();
    switch (spread(entity, partition)) {
      case FIXED -> at.add(Message.INDEX_KEY_HOT_PARTITION_FIXED, partition.text(), indexKey.index(), name);
      case FEW_VALUES -> at.add(Message.INDEX_KEY_HOT_PARTITION_FEW_VALUES, partition.text(), indexKey.index(), name);
      case DATES -> at.add(Message.INDEX_KEY_HOT_PARTITION_DATE, partition.text(), indexKey.index(), name);
      case WIDE -> { }
    }
  }

  /**
   * A sort key whose only placeholder is an {@code Instant}: two items of one partition written at
   * the same instant (clocks often tick in milliseconds) get one key, and the second replaces the first.
   */
  static void checkInstantOnly(EntityModel entity, KeyTemplate sort, Report report) {
    if (sort.plain() || entity.suppressedWarnings().contains("instant-key") || sort.fields().size() != 1) {
      return;
    }
    String field = sort.fields().get(0);
    if (entity.field(field).map(f -> isScalar(f, ScalarKind.INSTANT)).orElse(false)) {
      report.on(sort.source()).add(Message.KEY_INSTANT_ONLY, sort.text(), entity.type().simpleName(), field,
          sort.text());
    }
  }
}
