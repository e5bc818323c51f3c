package dev.monotable.processor.check;

import dev.monotable.processor.diag.Message;
import dev.monotable.processor.model.AccessPatternModel;
import dev.monotable.processor.model.Creation;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.FieldModel;
import dev.monotable.processor.model.IndexBinding;
import dev.monotable.processor.model.IndexKeyModel;
import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.KeyTemplate;
import dev.monotable.processor.model.KeyTemplate.Literal;
import dev.monotable.processor.model.KeyTemplate.Placeholder;
import dev.monotable.processor.model.KeyTemplate.Segment;
import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.SourceRef;
import dev.monotable.processor.model.TableModel;
import dev.monotable.processor.model.TypeRef;
import dev.monotable.processor.model.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.SourceVersion;

/** Checks one entity against its table: fields, key templates, index keys, access patterns. */
public final class EntityChecker {
  /** Method names a generated repository already has, which access patterns cannot take. */
  private static final Set<String> REPOSITORY_METHODS = Set.of(
      "put", "get", "delete", "update", "scanAll", "batchGet", "batchPut", "batchDelete", "store",
      "putIfAbsent", "equals", "hashCode", "toString", "getClass", "wait", "notify", "notifyAll");
  /** DynamoDB's limits on a partition and a sort key value, in UTF-8 bytes (as the runtime's KeyFormat checks them). */
  static final int MAX_PARTITION_KEY_BYTES = 2048;
  static final int MAX_SORT_KEY_BYTES = 1024;

  public Report check(EntityModel entity, TableModel table) {
    Report report = new Report();
    checkShape(entity, report);
    checkFields(entity, table, report);
    checkPrimaryKey(entity, table, report);
    checkIndexKeys(entity, table, report);
    checkAccessPatterns(entity, table, report);
    checkVersion(entity, report);
    checkTimeToLive(entity, table, report);
    checkTimestamps(entity, report);
    return report;
  }

  private void checkTimestamps(EntityModel entity, Report report) {
    for (FieldModel.Role role : List.of(FieldModel.Role.CREATED_AT, FieldModel.Role.UPDATED_AT)) {
      String annotation = role == FieldModel.Role.CREATED_AT ? "@CreatedAt" : "@UpdatedAt";
      boolean first = true;
      for (FieldModel field : entity.storedFields()) {
        if (!field.roles().contains(role)) {
          continue;
        }
        if (!first) {
          report.add(Message.TIMESTAMP_FIELD, field.source(), annotation, field.name(), entity.type().simpleName(),
              "is a second one; keep one");
        }
        first = false;
        if (!(field.valueType() instanceof ValueType.Scalar scalar
            && scalar.kind() == dev.monotable.processor.model.ScalarKind.INSTANT)) {
          report.add(Message.TIMESTAMP_FIELD, field.source(), annotation, field.name(), entity.type().simpleName(),
              "is a " + field.javaType() + "; a timestamp is an Instant");
        }
      }
    }
  }

  private void checkTimeToLive(EntityModel entity, TableModel table, Report report) {
    String name = entity.type().simpleName();
    boolean first = true;
    for (FieldModel field : entity.storedFields()) {
      if (!field.timeToLive()) {
        continue;
      }
      if (!table.hasTimeToLive()) {
        report.add(Message.TIME_TO_LIVE_FIELD, field.source(), field.name(), name, "has no attribute to go to: table "
            + table.type().simpleName() + " declares none; add @Table(timeToLive = \"expiresAt\")");
      }
      if (!first) {
        report.add(Message.TIME_TO_LIVE_FIELD, field.source(), field.name(), name, "is a second one; an item has one expiry");
      }
      first = false;
      boolean supported = field.valueType() instanceof ValueType.Scalar scalar
          && (scalar.kind() == dev.monotable.processor.model.ScalarKind.EPOCH_SECONDS
              || scalar.kind() == dev.monotable.processor.model.ScalarKind.INSTANT
              || scalar.kind() == dev.monotable.processor.model.ScalarKind.LONG);
      if (!supported) {
        report.add(Message.TIME_TO_LIVE_FIELD, field.source(), field.name(), name,
            "is a " + field.javaType() + "; a time to live is an Instant or epoch seconds in a long");
      }
    }
  }

  private void checkVersion(EntityModel entity, Report report) {
    String name = entity.type().simpleName();
    boolean first = true;
    for (FieldModel field : entity.storedFields()) {
      if (!field.version()) {
        continue;
      }
      if (!first) {
        report.add(Message.VERSION_FIELD, field.source(), field.name(), name,
            "is a second version field; an entity has one");
      }
      first = false;
      boolean integer = field.valueType() instanceof ValueType.Scalar scalar
          && (scalar.kind() == dev.monotable.processor.model.ScalarKind.INT
              || scalar.kind() == dev.monotable.processor.model.ScalarKind.LONG);
      if (!integer) {
        report.add(Message.VERSION_FIELD, field.source(), field.name(), name,
            "is a " + field.javaType() + "; a version is an int or a long");
      }
      boolean inKey = entity.partitionKey().map(t -> t.fields().contains(field.name())).orElse(false)
          || entity.sortKey().map(t -> t.fields().contains(field.name())).orElse(false);
      if (inKey) {
        report.add(Message.VERSION_FIELD, field.source(), field.name(), name,
            "is part of the primary key, which would move the item on every write; keep it out of key templates");
      }
    }
  }

  /** Checks a {@code @Document} type's fields and construction (no keys). */
  public Report checkDocument(dev.monotable.processor.model.DocumentModel document) {
    Report report = new Report();
    String name = document.type().simpleName();
    checkCreation(name, document.creation(), document.fields(), document.source(), report);
    Map<String, FieldModel> byAttribute = new HashMap<>();
    for (FieldModel field : document.fields()) {
      if (!field.ignored()) {
        checkFieldType(name, field, report);
        checkAttributeName(name, field, byAttribute, report);
      }
    }
    checkConstantNames(document.type(), document.fields(), report);
    return report;
  }

  private void checkShape(EntityModel entity, Report report) {
    checkCreation(entity.type().simpleName(), entity.creation(), entity.fields(), entity.sources().element(), report);
  }

  private void checkCreation(String name, Creation creation, List<FieldModel> fields, SourceRef at, Report report) {
    if (creation.problem().isPresent()) {
      report.add(Message.CONSTRUCTION, at, name, "constructed", creation.problem().get());
      return;
    }
    for (FieldModel field : fields) {
      if (field.ignored()) {
        continue;
      }
      if (field.read() == null) {
        report.add(Message.CONSTRUCTION, field.source(), name, "read",
            "field " + field.name() + " is private and has no getter; add get"
                + Naming.upperCamel(field.name()) + "() or make the field package-private");
      }
      if (creation.kind() == Creation.Kind.SETTERS && field.write() == null) {
        report.add(Message.CONSTRUCTION, field.source(), name, "constructed",
            "field " + field.name() + " has no setter and is private or final; add set"
                + Naming.upperCamel(field.name()) + "(..) or a constructor taking every field in order");
      }
    }
  }

  private void checkFields(EntityModel entity, TableModel table, Report report) {
    String name = entity.type().simpleName();
    Map<String, FieldModel> byAttribute = new HashMap<>();
    Map<String, String> reserved = new HashMap<>();
    reserved.put(table.partitionKey(), "partition key");
    if (table.hasSortKey()) {
      reserved.put(table.sortKey(), "sort key");
    }
    reserved.put(table.typeAttribute(), "type attribute");
    for (IndexKeyModel indexKey : entity.indexKeys()) {
      table.index(indexKey.index()).ifPresent(index -> {
        if (indexKey.partitionKey().isPresent() && index.kind() == IndexModel.Kind.GLOBAL) {
          reserved.putIfAbsent(index.partitionKey(), "partition key of index " + index.name());
        }
        if (indexKey.sortKey().isPresent() && index.hasSortKey()) {
          reserved.putIfAbsent(index.sortKey(), "sort key of index " + index.name());
        }
      });
    }
    for (FieldModel field : entity.storedFields()) {
      checkFieldType(name, field, report);
      checkAttributeName(name, field, byAttribute, report);
      String role = reserved.get(field.attributeName());
      if (role != null) {
        report.add(Message.ATTRIBUTE_RESERVED, field.attributeSource(), field.name(), name,
            field.attributeName(), role, table.type().simpleName());
      }
    }
    checkConstantNames(entity.type(), entity.fields(), report);
  }

  /**
   * Two stored fields whose names give one constant name ({@code fooBar} and {@code foo_bar} give
   * {@code FOO_BAR}; {@code url} and {@code URL} give {@code URL}): the generated schema and fields
   * classes name a constant after each field, and generated code refers to them by that name.
   */
  private void checkConstantNames(TypeRef type, List<FieldModel> fields, Report report) {
    Map<String, FieldModel> byConstant = new HashMap<>();
    for (FieldModel field : fields) {
      if (field.ignored()) {
        continue;
      }
      String constant = Naming.constant(field.name());
      FieldModel other = byConstant.putIfAbsent(constant, field);
      if (other != null) {
        report.add(Message.FIELD_CONSTANT_CLASH, field.source(), other.name(), field.name(), type.simpleName(),
            constant, type.companion("Schema").simpleName(), type.companion("Fields").simpleName(),
            field.attributeName());
      }
    }
  }

  private void checkFieldType(String owner, FieldModel field, Report report) {
    ValueType type = field.valueType();
    ValueType.Unsupported unsupported = type.firstUnsupported();
    if (unsupported != null) {
      report.add(Message.FIELD_TYPE, field.source(), field.name(), owner, field.javaType(), unsupported.reason());
    }
    if (type instanceof ValueType.Converted converted && converted.problem().isPresent()) {
      report.add(Message.FIELD_CONVERTER, field.source(), converted.converter().simpleName(), field.name(), owner,
          converted.problem().get());
    }
  }

  private void checkAttributeName(String owner, FieldModel field, Map<String, FieldModel> seen, Report report) {
    if (field.attributeName().isEmpty()) {
      report.add(Message.ATTRIBUTE_NAME, field.attributeSource(), field.name(), owner);
      return;
    }
    FieldModel other = seen.putIfAbsent(field.attributeName(), field);
    if (other != null) {
      report.add(Message.ATTRIBUTE_DUPLICATE, field.attributeSource(), other.name(), field.name(), owner,
          field.attributeName());
    }
  }

  private void checkPrimaryKey(EntityModel entity, TableModel table, Report report) {
    String name = entity.type().simpleName();
    if (entity.partitionKey().isEmpty()) {
      String firstField = entity.fields().isEmpty() ? "id" : entity.fields().get(0).name();
      report.add(Message.KEY_MISSING_PARTITION, entity.sources().element(), name,
          entity.typeName().toUpperCase(java.util.Locale.ROOT), firstField);
    } else {
      KeyTemplate partition = entity.partitionKey().get();
      if (checkTemplate(entity, table, partition, "@PartitionKey", true, report)) {
        checkHotPartition(entity, partition, report);
      }
    }
    if (table.hasSortKey() && entity.sortKey().isEmpty()) {
      report.add(Message.KEY_SORT_MISSING, entity.sources().element(), name, table.type().simpleName(),
          table.sortKey(), entity.typeName().toUpperCase(java.util.Locale.ROOT));
    }
    if (!table.hasSortKey() && entity.sortKey().isPresent()) {
      report.add(Message.KEY_SORT_UNEXPECTED, entity.sortKey().get().source(), table.type().simpleName(), name,
          entity.sortKey().get().text());
    }
    if (table.hasSortKey() && entity.sortKey().isPresent()) {
      checkTemplate(entity, table, entity.sortKey().get(), "@SortKey", false, report);
    }
  }

  private void checkHotPartition(EntityModel entity, KeyTemplate partition, Report report) {
    if (entity.suppressedWarnings().contains("hot-partition")) {
      return;
    }
    String why = null;
    if (partition.isFixed()) {
      why = "has no placeholder";
    } else if (partition.fields().stream().allMatch(f -> entity.field(f).map(field ->
        field.valueType() instanceof ValueType.EnumValue
            || (field.valueType() instanceof ValueType.Scalar s
                && s.kind() == dev.monotable.processor.model.ScalarKind.BOOLEAN)).orElse(false))) {
      why = "has only enum or boolean placeholders";
    }
    if (why != null) {
      report.add(Message.KEY_HOT_PARTITION, partition.source(), partition.text(), entity.type().simpleName(), why);
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
      report.add(Message.KEY_MALFORMED, template.source(), template.text(), where, template.syntaxError().get());
      return false;
    }
    boolean valid = true;
    for (String fieldName : template.fields()) {
      Optional<FieldModel> field = entity.field(fieldName).filter(f -> !f.ignored());
      if (field.isEmpty()) {
        report.add(Message.KEY_UNKNOWN_FIELD, template.source(), template.text(), where, fieldName, name,
            suggestion(fieldName, entity));
        valid = false;
        continue;
      }
      ValueType type = field.get().valueType();
      if (!type.keyable()) {
        report.add(Message.KEY_FIELD_TYPE, template.source(), fieldName, name, field.get().javaType(),
            template.text());
        valid = false;
      } else if (KeyAlphabet.canContain(type, table.delimiter())) {
        report.add(Message.KEY_DELIMITER_IN_ENCODING, template.source(), fieldName, name,
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
        report.add(Message.KEY_ADJACENT_PLACEHOLDERS, template.source(), template.text(), where, first.field(),
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
    int limit = partition ? MAX_PARTITION_KEY_BYTES : MAX_SORT_KEY_BYTES;
    if (literalBytes + placeholderBytes <= limit) {
      return true;
    }
    report.add(Message.KEY_TOO_LONG, template.source(), Report.excerpt(template.text()), where,
        literalBytes + placeholderBytes, literalBytes, placeholderBytes, partition ? "partition key" : "sort key", limit);
    return false;
  }

  private static String suggestion(String unknown, EntityModel entity) {
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
      return "; did you mean <" + best + ">?";
    }
    return fields.isEmpty() ? "" : "; its fields are " + fields;
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

  private void checkIndexKeys(EntityModel entity, TableModel table, Report report) {
    String name = entity.type().simpleName();
    Set<String> seen = new HashSet<>();
    for (IndexKeyModel indexKey : entity.indexKeys()) {
      if (!seen.add(indexKey.index())) {
        report.add(Message.INDEX_KEY_DUPLICATE, indexKey.indexSource(), name, indexKey.index());
        continue;
      }
      Optional<IndexModel> found = table.index(indexKey.index());
      if (found.isEmpty()) {
        report.add(Message.INDEX_UNKNOWN, indexKey.indexSource(), table.type().simpleName(), indexKey.index(),
            "", declared(table));
        continue;
      }
      IndexModel index = found.get();
      String kind = index.kind() == IndexModel.Kind.GLOBAL ? "global" : "local";
      if (index.kind() == IndexModel.Kind.LOCAL && indexKey.partitionKey().isPresent()) {
        report.add(Message.INDEX_KEY_SHAPE, indexKey.partitionKey().get().source(), kind, index.name(), name,
            "a local index shares the table's partition key; remove partitionKey");
      }
      if (!index.hasSortKey() && indexKey.sortKey().isPresent()) {
        report.add(Message.INDEX_KEY_SHAPE, indexKey.sortKey().get().source(), kind, index.name(), name,
            "the index has no sort key; remove sortKey");
      }
      IndexBinding binding = entity.bindingFor(table, index);
      if (index.kind() == IndexModel.Kind.GLOBAL && binding.partitionKey() instanceof IndexBinding.None) {
        report.add(Message.INDEX_KEY_SHAPE, indexKey.indexSource(), kind, index.name(), name,
            "give partitionKey, the template of attribute \"" + index.partitionKey() + "\"");
      }
      if (index.hasSortKey() && binding.sortKey() instanceof IndexBinding.None) {
        report.add(Message.INDEX_KEY_SHAPE, indexKey.indexSource(), kind, index.name(), name,
            "give sortKey, the template of attribute \"" + index.sortKey() + "\"");
      }
      indexKey.partitionKey().filter(t -> index.kind() == IndexModel.Kind.GLOBAL)
          .ifPresent(t -> checkTemplate(entity, table, t, "@IndexKey(index = \"" + index.name() + "\")", true, report));
      indexKey.sortKey().filter(t -> index.hasSortKey())
          .ifPresent(t -> checkTemplate(entity, table, t, "@IndexKey(index = \"" + index.name() + "\")", false, report));
    }
  }

  private void checkAccessPatterns(EntityModel entity, TableModel table, Report report) {
    String name = entity.type().simpleName();
    Set<String> seen = new HashSet<>();
    for (AccessPatternModel pattern : entity.accessPatterns()) {
      if (!SourceVersion.isIdentifier(pattern.name()) || SourceVersion.isKeyword(pattern.name())) {
        report.add(Message.ACCESS_PATTERN_NAME, pattern.nameSource(), pattern.name(), name, "is not a Java method name");
      } else if (REPOSITORY_METHODS.contains(pattern.name())) {
        report.add(Message.ACCESS_PATTERN_NAME, pattern.nameSource(), pattern.name(), name,
            "is already a method of " + entity.repositoryType().simpleName());
      }
      if (!seen.add(pattern.name())) {
        report.add(Message.ACCESS_PATTERN_DUPLICATE, pattern.nameSource(), name, pattern.name());
      }
      if (pattern.onPrimaryKey()) {
        continue;
      }
      Optional<IndexModel> index = table.index(pattern.index());
      if (index.isEmpty()) {
        report.add(Message.INDEX_UNKNOWN, pattern.indexSource(), table.type().simpleName(), pattern.index(),
            " (access pattern " + pattern.name() + ")", declared(table));
        continue;
      }
      if (!entity.bindingFor(table, index.get()).complete()) {
        String raw = index.get().kind() == IndexModel.Kind.GLOBAL
            ? " or a field stored as \"" + index.get().partitionKey() + "\"" : "";
        report.add(Message.ACCESS_PATTERN_NO_KEY, pattern.indexSource(), pattern.name(), name, index.get().name(),
            name, index.get().name(), raw);
      }
    }
  }

  private static String declared(TableModel table) {
    return table.indexes().isEmpty() ? "none"
        : table.indexes().stream().map(IndexModel::name).collect(Collectors.joining(", "));
  }
}
