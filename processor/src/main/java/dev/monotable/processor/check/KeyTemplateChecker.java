package dev.monotable.processor.check;

import dev.monotable.processor.diag.Message;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.FieldModel;
import dev.monotable.processor.model.KeyAlphabet;
import dev.monotable.processor.model.KeyLimits;
import dev.monotable.processor.model.KeyTemplate;
import dev.monotable.processor.model.KeyTemplate.Literal;
import dev.monotable.processor.model.KeyTemplate.Placeholder;
import dev.monotable.processor.model.KeyTemplate.Segment;
import dev.monotable.processor.model.TableModel;
import dev.monotable.processor.model.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks key templates: syntax, fields and their types, delimiters, sizes, plain keys, shards of the
 * table key, and the fields a write moves.
 */
final class KeyTemplateChecker {
  void checkPrimaryKey(EntityModel entity, TableModel table, Report report) {
    String name = entity.type().simpleName();
    if (entity.partitionKey().isEmpty()) {
      String firstField = entity.fields().isEmpty() ? "id" : entity.fields().get(0).name();
      report.add(Message.KEY_MISSING_PARTITION, name,
          entity.typeName().toUpperCase(Locale.ROOT), firstField);
    } else {
      KeyTemplate partition = entity.partitionKey().get();
      boolean valid = checkTemplate(entity, table, partition, "@PartitionKey", true, report);
      if (valid && !entity.sharded()) {
        DesignWarnings.checkHotPartition(entity, partition, report);
      }
      if (valid) {
        checkMovingFields(entity, partition, "@PartitionKey", true, report);
      }
      checkTableShards(entity, table, partition, report);
    }
    if (table.hasSortKey() && entity.sortKey().isEmpty()) {
      report.add(Message.KEY_SORT_MISSING, name, table.type().simpleName(),
          table.sortKey(), entity.typeName().toUpperCase(Locale.ROOT));
    }
    if (!table.hasSortKey() && entity.sortKey().isPresent()) {
      report.on(entity.sortKey().get().source()).add(Message.KEY_SORT_UNEXPECTED, table.type().simpleName(), name,
          entity.sortKey().get().text());
    }
    if (table.hasSortKey() && entity.sortKey().isPresent()
        && checkTemplate(entity, table, entity.sortKey().get(), "@SortKey", false, report)) {
      DesignWarnings.checkInstantOnly(entity, entity.sortKey().get(), report);
      checkMovingFields(entity, entity.sortKey().get(), "@SortKey", true, report);
    }
  }

  /** Shards of the table partition key: 2 to 32, of a template, on a table whose items a sort key tells apart. */
  private static void checkTableShards(EntityModel entity, TableModel table, KeyTemplate partition, Report report) {
    if (!entity.sharded()) {
      return;
    }
    String name = entity.type().simpleName();
    Report at = report.on(entity.sources().shards());
    if (entity.shards() < 2 || entity.shards() > KeyLimits.MAX_SHARDS) {
      at.add(Message.KEY_SHARDS_COUNT, entity.shards(), name, KeyLimits.MAX_SHARDS);
    } else if (partition.plain()) {
      at.add(Message.KEY_SHARDS_PLAIN, name, partition.plainField());
    } else if (!table.hasSortKey()) {
      at.add(Message.KEY_SHARDS_NO_SORT_KEY, name, table.type().simpleName());
    }
  }

  /**
   * The fields a write moves in a key template: a {@code @Version} field in any key (the key would
   * go stale, or, in the primary key, each write would store a new item), an {@code @UpdatedAt}
   * field in the primary key (each put would store a new item). A {@code @CreatedAt} field is set
   * once, and an index key may use {@code @UpdatedAt}: the runtime builds it from the stamped value.
   */
  static void checkMovingFields(EntityModel entity, KeyTemplate template, String what, boolean primary,
      Report report) {
    String where = what + " of " + entity.type().simpleName();
    for (String name : template.fields()) {
      Optional<FieldModel> field = entity.field(name).filter(f -> !f.ignored());
      if (field.isEmpty()) {
        continue;
      }
      Report at = report.on(template.source());
      if (field.get().version() && primary) {
        at.add(Message.VERSION_IN_KEY, template.text(), where, name);
      } else if (field.get().version()) {
        at.add(Message.VERSION_IN_INDEX_KEY, template.text(), where, name);
      } else if (primary && field.get().roles().contains(FieldModel.Role.UPDATED_AT)) {
        at.add(Message.UPDATED_AT_IN_KEY, template.text(), where, name);
      }
    }
  }

  /**
   * Checks one template: syntax, fields, field types, delimiters between placeholders, encodings
   * that could contain the delimiter, and whether its keys can fit DynamoDB's limit on a
   * {@code partition} or sort key value. Returns whether it is valid.
   */
  boolean checkTemplate(EntityModel entity, TableModel table, KeyTemplate template, String what, boolean partition,
      Report report) {
    String name = entity.type().simpleName();
    String where = what + " of " + name;
    if (template.syntaxError().isPresent()) {
      reportSyntaxError(template, where, template.syntaxError().get(), report.on(template.source()));
      return false;
    }
    if (template.plain()) {
      return checkPlainKey(entity, table, template, partition, report);
    }
    boolean valid = true;
    for (String fieldName : template.fields()) {
      Optional<FieldModel> field = entity.field(fieldName).filter(f -> !f.ignored());
      if (field.isEmpty()) {
        reportUnknownField(report.on(template.source()), template, where, fieldName, entity);
        valid = false;
        continue;
      }
      ValueType type = field.get().valueType();
      if (!type.keyable()) {
        report.on(template.source()).add(Message.KEY_FIELD_TYPE, fieldName, name, field.get().javaType(),
            template.text());
        valid = false;
      } else if (KeyAlphabet.canContain(type, table.delimiter())) {
        report.on(template.source()).add(Message.KEY_DELIMITER_IN_ENCODING, fieldName, name,
            field.get().javaType(), table.delimiter(), table.type().simpleName());
        valid = false;
      }
    }
    List<Segment> segments = template.segments();
    for (int i = 0; i < segments.size(); i++) {
      if (!(segments.get(i) instanceof Placeholder first)) {
        continue;
      }
      String between = "";
      int j = i + 1;
      while (j < segments.size() && segments.get(j) instanceof Literal literal) {
        between += literal.text();
        j++;
      }
      if (j < segments.size() && !between.contains(table.delimiter())) {
        Placeholder second = (Placeholder) segments.get(j);
        report.on(template.source()).add(Message.KEY_ADJACENT_PLACEHOLDERS, template.text(), where, first.field(),
            second.field(), table.delimiter(), first.field(), table.delimiter(), second.field());
        valid = false;
      }
    }
    if (valid) {
      valid = checkKeySize(entity, template, where, partition, report);
    }
    return valid;
  }

  /**
   * A plain key: its field is stored under the table's key attribute, with a type DynamoDB keys can
   * have. Nothing is encoded, so no delimiter or encoding check applies.
   */
  private boolean checkPlainKey(EntityModel entity, TableModel table, KeyTemplate template, boolean partition,
      Report report) {
    FieldModel field = entity.field(template.plainField()).orElseThrow();
    String name = entity.type().simpleName();
    if (field.valueType().keyAttributeType() == null) {
      report.on(field.source()).add(Message.KEY_PLAIN_TYPE, field.name(), name, field.javaType());
      return false;
    }
    String attribute = partition ? table.partitionKey() : table.sortKey();
    if (!field.attributeName().equals(attribute)) {
      report.on(field.attributeSource()).add(Message.KEY_PLAIN_ATTRIBUTE, field.name(), name,
          partition ? "partition key" : "sort key", table.type().simpleName(), attribute, field.attributeName(),
          attribute);
      return false;
    }
    return true;
  }

  private static void reportSyntaxError(KeyTemplate template, String where, KeyTemplate.SyntaxError error,
      Report at) {
    String text = template.text();
    int position = error.position();
    switch (error.reason()) {
      case EMPTY -> at.add(Message.KEY_MALFORMED_EMPTY, text, where);
      case UNOPENED_PLACEHOLDER -> at.add(Message.KEY_MALFORMED_UNOPENED_PLACEHOLDER, text, where, position);
      case NESTED_PLACEHOLDER -> at.add(Message.KEY_MALFORMED_NESTED_PLACEHOLDER, text, where, position);
      case UNCLOSED_PLACEHOLDER -> at.add(Message.KEY_MALFORMED_UNCLOSED_PLACEHOLDER, text, where, position);
      case EMPTY_PLACEHOLDER -> at.add(Message.KEY_MALFORMED_EMPTY_PLACEHOLDER, text, where, position);
      case TEMPLATE_ON_FIELD -> at.add(Message.KEY_MALFORMED_TEMPLATE_ON_FIELD, where, template.plainField());
      case DECLARED_TWICE -> at.add(Message.KEY_DECLARED_TWICE, where, template.plainField());
    }
  }

  /**
   * Whether the shortest key of the template fits DynamoDB's limit: its literal text plus the
   * shortest encoding of each placeholder (fixed widths for numbers and times, one character for a
   * string, which may not be empty). A template over the limit fails on every write.
   */
  private boolean checkKeySize(EntityModel entity, KeyTemplate template, String where, boolean partition,
      Report report) {
    int literalBytes = 0;
    int placeholderBytes = 0;
    for (Segment segment : template.segments()) {
      if (segment instanceof Literal literal) {
        literalBytes += literal.text().getBytes(StandardCharsets.UTF_8).length;
      } else if (segment instanceof Placeholder placeholder) {
        placeholderBytes += entity.field(placeholder.field())
            .map(field -> KeyAlphabet.minimumBytes(field.valueType())).orElse(0);
      }
    }
    int limit = partition ? KeyLimits.MAX_PARTITION_KEY_BYTES : KeyLimits.MAX_SORT_KEY_BYTES;
    if (literalBytes + placeholderBytes <= limit) {
      return true;
    }
    report.on(template.source()).add(Message.KEY_TOO_LONG, Report.excerpt(template.text()), where,
        literalBytes + placeholderBytes, literalBytes, placeholderBytes, partition ? "partition key" : "sort key", limit);
    return false;
  }

  /** Reports a placeholder naming no field, suggesting the nearest field name, or else listing the fields. */
  private static void reportUnknownField(Report report, KeyTemplate template, String where, String unknown,
      EntityModel entity) {
    String name = entity.type().simpleName();
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (FieldModel field : entity.storedFields()) {
      int distance = distance(unknown.toLowerCase(), field.name().toLowerCase());
      if (distance < bestDistance) {
        bestDistance = distance;
        best = field.name();
      }
    }
    String fields = entity.storedFields().stream().map(FieldModel::name).collect(Collectors.joining(", "));
    if (best != null && bestDistance <= Math.max(2, unknown.length() / 3)) {
      report.add(Message.KEY_UNKNOWN_FIELD_NEAREST, template.text(), where, unknown, name, best);
    } else if (!fields.isEmpty()) {
      report.add(Message.KEY_UNKNOWN_FIELD_LISTED, template.text(), where, unknown, name, fields);
    } else {
      report.add(Message.KEY_UNKNOWN_FIELD, template.text(), where, unknown, name);
    }
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
