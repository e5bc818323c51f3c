package dev.monotable.processor.check;

import dev.monotable.processor.diag.Message;
import dev.monotable.processor.model.Creation;
import dev.monotable.processor.model.DocumentModel;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.FieldModel;
import dev.monotable.processor.model.IndexKeyModel;
import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.KeyTemplate;
import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.ScalarKind;
import dev.monotable.processor.model.TableModel;
import dev.monotable.processor.model.TypeRef;
import dev.monotable.processor.model.ValueType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks an entity's or document's fields: construction, types, attribute names, and the fields the
 * runtime writes itself (version, time to live, timestamps).
 */
final class FieldChecker {
  void checkShape(EntityModel entity, Report report) {
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

  void checkFields(EntityModel entity, TableModel table, Report report) {
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
      case NOT_DOCUMENT -> {
        Nearest nearest = NEAREST_SUPPORTED.get(part);
        if (nearest != null) {
          at.add(Message.FIELD_TYPE_NEAREST, name, owner, field.javaType(), nearest.type(), nearest.why());
        } else {
          at.add(Message.FIELD_TYPE_NOT_DOCUMENT, name, owner, field.javaType(), part);
        }
      }
    }
  }

  /** The supported type that holds what an unsupported, familiar one does, and how to get there. */
  private record Nearest(String type, String why) {}

  /** The legacy date and time types, and others users reach for first, by qualified name. */
  private static final Map<String, Nearest> NEAREST_SUPPORTED = Map.of(
      "java.util.Date", new Nearest("java.time.Instant", "date.toInstant() converts, Date.from(instant) back"),
      "java.sql.Timestamp", new Nearest("java.time.Instant", "timestamp.toInstant() converts, nanoseconds kept"),
      "java.sql.Date", new Nearest("java.time.LocalDate", "sqlDate.toLocalDate() converts"),
      "java.util.Calendar", new Nearest("java.time.ZonedDateTime",
          "((GregorianCalendar) calendar).toZonedDateTime() converts"),
      "java.util.GregorianCalendar", new Nearest("java.time.ZonedDateTime", "calendar.toZonedDateTime() converts"),
      "java.net.URL", new Nearest("java.net.URI", "url.toURI() converts"),
      "java.lang.StringBuilder", new Nearest("String", "a builder is for building, a String for storing"));

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

  void checkVersion(EntityModel entity, Report report) {
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
          && (scalar.kind() == ScalarKind.INT
              || scalar.kind() == ScalarKind.LONG);
      if (!integer) {
        report.on(field.source()).add(Message.VERSION_TYPE, field.name(), name, field.javaType());
      }
    }
  }

  void checkTimeToLive(EntityModel entity, TableModel table, Report report) {
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
          && (scalar.kind() == ScalarKind.EPOCH_SECONDS
              || scalar.kind() == ScalarKind.INSTANT
              || scalar.kind() == ScalarKind.LONG);
      if (!supported) {
        report.on(field.source()).add(Message.TIME_TO_LIVE_TYPE, field.name(), name, field.javaType());
      }
    }
  }

  void checkTimestamps(EntityModel entity, Report report) {
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
            && scalar.kind() == ScalarKind.INSTANT)) {
          report.on(field.source()).add(Message.TIMESTAMP_TYPE, annotation, field.name(), entity.type().simpleName(),
              field.javaType());
        }
      }
    }
  }

  /** Checks a {@code @Document} type's fields and construction (no keys). */
  public Report checkDocument(DocumentModel document) {
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
}
