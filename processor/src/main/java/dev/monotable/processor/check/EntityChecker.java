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
      "put", "get", "delete", "update", "upsert", "scanAll", "scanIndex", "batchGet", "batchPut", "batchDelete",
      "store", "putIfAbsent", "primaryKeys", "equals", "hashCode", "toString", "getClass", "wait", "notify",
      "notifyAll", "clone", "finalize");
  /** DynamoDB's limits on a partition and a sort key value, in UTF-8 bytes (as the runtime's KeyFormat checks them). */
  static final int MAX_PARTITION_KEY_BYTES = 2048;
  /** The runtime's {@code Shards.MAX}: a fan-out cursor carries a position per shard. */
  static final int MAX_SHARDS = 32;
  static final int MAX_SORT_KEY_BYTES = 1024;

  public Report check(EntityModel entity, TableModel table) {
    Report report = Report.about(entity.sources().element());
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
          report.on(field.source()).add(Message.TIMESTAMP_SECOND, annotation, field.name(), entity.type().simpleName());
        }
        first = false;
        if (!(field.valueType() instanceof ValueType.Scalar scalar
            && scalar.kind() == dev.monotable.processor.model.ScalarKind.INSTANT)) {
          report.on(field.source()).add(Message.TIMESTAMP_TYPE, annotation, field.name(), entity.type().simpleName(),
              field.javaType());
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
        report.on(field.source()).add(Message.TIME_TO_LIVE_WITHOUT_ATTRIBUTE, field.name(), name,
            table.type().simpleName());
      }
      if (!first) {
        report.on(field.source()).add(Message.TIME_TO_LIVE_SECOND, field.name(), name);
      }
      first = false;
      boolean supported = field.valueType() instanceof ValueType.Scalar scalar
          && (scalar.kind() == dev.monotable.processor.model.ScalarKind.EPOCH_SECONDS
              || scalar.kind() == dev.monotable.processor.model.ScalarKind.INSTANT
              || scalar.kind() == dev.monotable.processor.model.ScalarKind.LONG);
      if (!supported) {
        report.on(field.source()).add(Message.TIME_TO_LIVE_TYPE, field.name(), name, field.javaType());
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
        report.on(field.source()).add(Message.VERSION_SECOND, field.name(), name);
      }
      first = false;
      boolean integer = field.valueType() instanceof ValueType.Scalar scalar
          && (scalar.kind() == dev.monotable.processor.model.ScalarKind.INT
              || scalar.kind() == dev.monotable.processor.model.ScalarKind.LONG);
      if (!integer) {
        report.on(field.source()).add(Message.VERSION_TYPE, field.name(), name, field.javaType());
      }
    }
  }

  /**
   * The fields a write moves in a key template: a {@code @Version} field in any key (the key would
   * go stale, or, in the primary key, each write would store a new item), an {@code @UpdatedAt}
   * field in the primary key (each put would store a new item). A {@code @CreatedAt} field is set
   * once, and an index key may use {@code @UpdatedAt}: the runtime builds it from the stamped value.
   */
  private static void checkMovingFields(EntityModel entity, KeyTemplate template, String what, boolean primary,
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

  /** The finding on an entity whose {@code @Entity(table = ...)} names a type not annotated {@code @Table}. */
  public Report tableNotAnnotated(EntityModel entity) {
    Report report = Report.about(entity.sources().element());
    report.on(entity.sources().table()).add(Message.ENTITY_TABLE, entity.type().simpleName(),
        entity.table().simpleName());
    return report;
  }

  /** Checks a {@code @Document} type's fields and construction (no keys). */
  public Report checkDocument(dev.monotable.processor.model.DocumentModel document) {
    Report report = Report.about(document.source());
    String name = document.type().simpleName();
    checkCreation(name, document.creation(), document.fields(), report);
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
    checkCreation(entity.type().simpleName(), entity.creation(), entity.fields(), report);
  }

  /** Whether generated code can build the type and read its fields; reported on the type, or the field at fault. */
  private void checkCreation(String name, Creation creation, List<FieldModel> fields, Report report) {
    if (creation.problem().isPresent()) {
      reportCreationProblem(name, creation.problem().get(), report);
      return;
    }
    for (FieldModel field : fields) {
      if (field.ignored()) {
        continue;
      }
      if (field.read() == null) {
        report.on(field.source()).add(Message.CONSTRUCTION_NO_GETTER, name, field.name(),
            Naming.upperCamel(field.name()));
      }
      if (creation.kind() == Creation.Kind.SETTERS && field.write() == null) {
        report.on(field.source()).add(Message.CONSTRUCTION_NO_SETTER, name, field.name(),
            Naming.upperCamel(field.name()));
      }
    }
  }

  private static void reportCreationProblem(String name, Creation.Problem problem, Report report) {
    switch (problem.reason()) {
      case INTERFACE -> report.add(Message.CONSTRUCTION_INTERFACE, name);
      case ENUM -> report.add(Message.CONSTRUCTION_ENUM, name);
      case NOT_A_CLASS -> report.add(Message.CONSTRUCTION_NOT_A_CLASS, name);
      case ABSTRACT -> report.add(Message.CONSTRUCTION_ABSTRACT, name);
      case GENERIC -> report.add(Message.CONSTRUCTION_GENERIC, name);
      case PRIVATE -> report.add(Message.CONSTRUCTION_PRIVATE, name, problem.type());
      case INNER_CLASS -> report.add(Message.CONSTRUCTION_INNER_CLASS, name, problem.type());
      case NO_CONSTRUCTOR -> report.add(Message.CONSTRUCTION_NO_CONSTRUCTOR, name);
    }
  }

  private void checkFields(EntityModel entity, TableModel table, Report report) {
    String name = entity.type().simpleName();
    Map<String, FieldModel> byAttribute = new HashMap<>();
    Map<String, String> reserved = new HashMap<>();
    // a plain key field is stored under its key attribute: the attribute is reserved for that field only
    if (!entity.partitionKey().map(KeyTemplate::plain).orElse(false)) {
      reserved.put(table.partitionKey(), "partition key");
    }
    if (table.hasSortKey() && !entity.sortKey().map(KeyTemplate::plain).orElse(false)) {
      reserved.put(table.sortKey(), "sort key");
    }
    if (table.hasTypeAttribute()) {
      reserved.put(table.typeAttribute(), "type attribute");
    }
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
        report.on(field.attributeSource()).add(Message.ATTRIBUTE_RESERVED, field.name(), name,
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
        report.on(field.source()).add(Message.FIELD_CONSTANT_CLASH, other.name(), field.name(), type.simpleName(),
            constant, type.companion("Schema").simpleName(), type.companion("Fields").simpleName(),
            field.attributeName());
      }
    }
  }

  private void checkFieldType(String owner, FieldModel field, Report report) {
    ValueType type = field.valueType();
    ValueType.Unsupported unsupported = type.firstUnsupported();
    if (unsupported != null) {
      reportUnsupported(owner, field, unsupported, report.on(field.source()));
    }
    if (type instanceof ValueType.Converted converted && converted.problem().isPresent()) {
      reportConverterProblem(owner, field, converted, converted.problem().get(), report.on(field.source()));
    }
  }

  private static void reportUnsupported(String owner, FieldModel field, ValueType.Unsupported unsupported,
      Report at) {
    String name = field.name();
    String part = unsupported.type();
    switch (unsupported.reason()) {
      case PRIMITIVE -> at.add(Message.FIELD_TYPE_PRIMITIVE, name, owner, field.javaType());
      case ARRAY -> at.add(Message.FIELD_TYPE_ARRAY, name, owner, field.javaType());
      // the type as declared: a field's JavaType has no spelling for a type variable or wildcard
      case NOT_CONCRETE -> at.add(Message.FIELD_TYPE_NOT_CONCRETE, name, owner, part);
      case RAW_CONTAINER -> at.add(Message.FIELD_TYPE_RAW_CONTAINER, name, owner, field.javaType(), part, part);
      case RAW_MAP -> at.add(Message.FIELD_TYPE_RAW_MAP, name, owner, field.javaType());
      case SET_ELEMENT -> at.add(Message.FIELD_TYPE_SET_ELEMENT, name, owner, field.javaType(), part);
      case MAP_KEY -> at.add(Message.FIELD_TYPE_MAP_KEY, name, owner, field.javaType(), part);
      case NOT_DOCUMENT -> at.add(Message.FIELD_TYPE_NOT_DOCUMENT, name, owner, field.javaType(), part);
    }
  }

  private static void reportConverterProblem(String owner, FieldModel field, ValueType.Converted converted,
      ValueType.ConverterProblem problem, Report at) {
    String converter = converted.converter().simpleName();
    switch (problem.reason()) {
      case NOT_INSTANTIABLE -> at.add(Message.FIELD_CONVERTER_NOT_INSTANTIABLE, converter, field.name(), owner);
      case CONVERTS_OTHER_TYPE -> at.add(Message.FIELD_CONVERTER_OTHER_TYPE, converter, field.name(), owner,
          problem.convertedType(), problem.fieldType(), problem.fieldType());
    }
  }

  private void checkAttributeName(String owner, FieldModel field, Map<String, FieldModel> seen, Report report) {
    if (field.attributeName().isEmpty()) {
      report.on(field.attributeSource()).add(Message.ATTRIBUTE_NAME, field.name(), owner);
      return;
    }
    FieldModel other = seen.putIfAbsent(field.attributeName(), field);
    if (other != null) {
      report.on(field.attributeSource()).add(Message.ATTRIBUTE_DUPLICATE, other.name(), field.name(), owner,
          field.attributeName());
    }
  }

  private void checkPrimaryKey(EntityModel entity, TableModel table, Report report) {
    String name = entity.type().simpleName();
    if (entity.partitionKey().isEmpty()) {
      String firstField = entity.fields().isEmpty() ? "id" : entity.fields().get(0).name();
      report.add(Message.KEY_MISSING_PARTITION, name,
          entity.typeName().toUpperCase(java.util.Locale.ROOT), firstField);
    } else {
      KeyTemplate partition = entity.partitionKey().get();
      boolean valid = checkTemplate(entity, table, partition, "@PartitionKey", true, report);
      if (valid && !entity.sharded()) {
        checkHotPartition(entity, partition, report);
      }
      if (valid) {
        checkMovingFields(entity, partition, "@PartitionKey", true, report);
      }
      checkTableShards(entity, table, partition, report);
    }
    if (table.hasSortKey() && entity.sortKey().isEmpty()) {
      report.add(Message.KEY_SORT_MISSING, name, table.type().simpleName(),
          table.sortKey(), entity.typeName().toUpperCase(java.util.Locale.ROOT));
    }
    if (!table.hasSortKey() && entity.sortKey().isPresent()) {
      report.on(entity.sortKey().get().source()).add(Message.KEY_SORT_UNEXPECTED, table.type().simpleName(), name,
          entity.sortKey().get().text());
    }
    if (table.hasSortKey() && entity.sortKey().isPresent()
        && checkTemplate(entity, table, entity.sortKey().get(), "@SortKey", false, report)) {
      checkInstantOnly(entity, entity.sortKey().get(), report);
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
    if (entity.shards() < 2 || entity.shards() > MAX_SHARDS) {
      at.add(Message.KEY_SHARDS_COUNT, entity.shards(), name, MAX_SHARDS);
    } else if (partition.plain()) {
      at.add(Message.KEY_SHARDS_PLAIN, name, partition.plainField());
    } else if (!table.hasSortKey()) {
      at.add(Message.KEY_SHARDS_NO_SORT_KEY, name, table.type().simpleName());
    }
  }

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
          || isScalar(field, dev.monotable.processor.model.ScalarKind.BOOLEAN));
      if (!fewValues && (field == null || !isScalar(field, dev.monotable.processor.model.ScalarKind.LOCAL_DATE))) {
        return Spread.WIDE;
      }
      fewValuesOnly &= fewValues;
    }
    // only dates (and few values beside): a day's items in one partition, the seed's DATE#<date>
    return fewValuesOnly ? Spread.FEW_VALUES : Spread.DATES;
  }

  private static boolean isScalar(FieldModel field, dev.monotable.processor.model.ScalarKind kind) {
    return field.valueType() instanceof ValueType.Scalar scalar && scalar.kind() == kind;
  }

  private void checkHotPartition(EntityModel entity, KeyTemplate partition, Report report) {
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
  private void checkHotIndexPartition(EntityModel entity, IndexKeyModel indexKey, KeyTemplate partition,
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
  private void checkInstantOnly(EntityModel entity, KeyTemplate sort, Report report) {
    if (sort.plain() || entity.suppressedWarnings().contains("instant-key") || sort.fields().size() != 1) {
      return;
    }
    String field = sort.fields().get(0);
    if (entity.field(field).map(f -> isScalar(f, dev.monotable.processor.model.ScalarKind.INSTANT)).orElse(false)) {
      report.on(sort.source()).add(Message.KEY_INSTANT_ONLY, sort.text(), entity.type().simpleName(), field,
          sort.text());
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
    int limit = partition ? MAX_PARTITION_KEY_BYTES : MAX_SORT_KEY_BYTES;
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

  /** Shards split a global index's template partition key: 2 to 32 of them, as a fan-out cursor holds. */
  private static void checkShards(EntityModel entity, IndexKeyModel indexKey, IndexModel index, Report report) {
    if (!indexKey.sharded()) {
      return;
    }
    String name = entity.type().simpleName();
    Report at = report.on(indexKey.shardsSource());
    if (indexKey.shards() < 2 || indexKey.shards() > MAX_SHARDS) {
      at.add(Message.INDEX_KEY_SHARDS_COUNT, indexKey.shards(), index.name(), name, MAX_SHARDS);
    } else if (index.kind() == IndexModel.Kind.LOCAL) {
      at.add(Message.INDEX_KEY_SHARDS_LOCAL, index.name(), name);
    } else if (indexKey.partitionKey().isEmpty()) {
      at.add(Message.INDEX_KEY_SHARDS_NO_TEMPLATE, index.name(), name, index.partitionKey());
    }
  }

  private void checkIndexKeys(EntityModel entity, TableModel table, Report report) {
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
          .filter(t -> checkTemplate(entity, table, t, what, true, report))
          .ifPresent(t -> {
            checkHotIndexPartition(entity, indexKey, t, report);
            checkMovingFields(entity, t, what, false, report);
          });
      indexKey.sortKey().filter(t -> index.hasSortKey())
          .filter(t -> checkTemplate(entity, table, t, what, false, report))
          .ifPresent(t -> checkMovingFields(entity, t, what, false, report));
    }
  }

  private void checkAccessPatterns(EntityModel entity, TableModel table, Report report) {
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
            pattern.index(), pattern.name(), declared(table));
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

  private static String declared(TableModel table) {
    return table.indexes().isEmpty() ? "none"
        : table.indexes().stream().map(IndexModel::name).collect(Collectors.joining(", "));
  }
}
