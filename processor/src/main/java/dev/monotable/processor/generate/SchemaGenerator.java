package dev.monotable.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.FieldModel;
import dev.monotable.processor.model.IndexBinding;
import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.KeyTemplate;
import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.ScalarKind;
import dev.monotable.processor.model.TableModel;
import dev.monotable.processor.model.ValueType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Entity>Schema}: the straight-line mapping of an entity to and from its item,
 * with every key and index-key attribute and the type attribute.
 */
public final class SchemaGenerator extends EntitySourceGenerator {

  public SchemaGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected TypeSpec.Builder type(EntityInTable input) {
    EntityModel entity = input.entity();
    TableModel table = input.table();
    ClassName entityClass = TypeNames.className(entity.type());
    ClassName schemaClass = TypeNames.className(entity.schemaType());
    ClassName keysClass = TypeNames.className(entity.keysType());
    FieldCode fields = new FieldCode(entity.fields());
    String instance = Naming.instanceVariable(entity.type().simpleName());

    TypeSpec.Builder type = TypeSpec.classBuilder(schemaClass)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(TypeNames.ENTITY_SCHEMA, entityClass))
        .addJavadoc("Maps {@link $T} to and from its items in table {@code $L}.\n", entityClass, table.name())
        .addField(FieldSpec.builder(schemaClass, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The schema; it holds no state.\n")
            .initializer("new $T()", schemaClass)
            .build())
        .addField(FieldSpec.builder(String.class, "ENTITY_TYPE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The value of the type attribute on $L items.\n", entity.typeName())
            .initializer("$S", entity.typeName())
            .build())
        .addField(FieldSpec.builder(String.class, "TYPE_ATTRIBUTE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The table's type attribute.\n")
            .initializer("$S", table.typeAttribute())
            .build());
    fields.addConstants(type, entity.type().simpleName());
    Set<String> fixed = new TreeSet<>();
    entity.keyFields(entity.primaryKeyTemplates(table)).forEach(field -> fixed.add(field.attributeName()));
    // what describes the entity goes to EntitySchema's constructor: the fixed attributes are the
    // primary-key fields', which updates may not set
    CodeBlock keyAttributes = table.hasSortKey()
        ? CodeBlock.of("$T.of($S, $S)", List.class, table.partitionKey(), table.sortKey())
        : CodeBlock.of("$T.of($S)", List.class, table.partitionKey());
    type.addMethod(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addStatement("super(ENTITY_TYPE, TYPE_ATTRIBUTE, $L,$W$T.of($L))", keyAttributes, Set.class,
            CodeBlock.join(fixed.stream().map(attribute -> CodeBlock.of("$S", attribute)).toList(), ",$W"))
        .build());
    addIndexKeyRules(type, entity, table, keysClass, fields);
    entity.storedFields().stream().filter(FieldModel::timeToLive).findFirst().ifPresent(ttl -> type.addMethod(
        MethodSpec.methodBuilder("timeToLiveAttribute")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("The table's time-to-live attribute, filled from {@code $L}.\n", ttl.name())
            .returns(String.class)
            .addStatement("return $S", ttl.attributeName())
            .build()));
    for (FieldModel.Role role : List.of(FieldModel.Role.CREATED_AT, FieldModel.Role.UPDATED_AT)) {
      entity.storedFields().stream().filter(f -> f.roles().contains(role)).findFirst().ifPresent(stamp -> type.addMethod(
          MethodSpec.methodBuilder(role == FieldModel.Role.CREATED_AT ? "createdAtAttribute" : "updatedAtAttribute")
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC)
              .addJavadoc("The attribute of {@code $L}, written from the table's clock.\n", stamp.name())
              .returns(String.class)
              .addStatement("return $S", stamp.attributeName())
              .build()));
    }
    entity.versionField().ifPresent(version -> type.addMethod(MethodSpec.methodBuilder("versionAttribute")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The attribute of the {@code @Version} field {@code $L}.\n", version.name())
        .returns(String.class)
        .addStatement("return $S", version.attributeName())
        .build()));
    addStamped(type, entity, fields, entityClass, instance);
    CodeBlock.Builder toItem = CodeBlock.builder()
        .addStatement("$T out = $T.of(ENTITY_TYPE)", TypeNames.ITEM_WRITER, TypeNames.ITEM_WRITER);
    KeyTemplate partition = entity.partitionKey().orElseThrow();
    // a plain key field is written once, as the key, by a builder that refuses null
    Set<String> plainKeyFields = new HashSet<>();
    if (entity.sharded()) {
      // the partition key in the item's shard, which its whole key decides
      CodeBlock partitionArguments = keyArguments(entity, partition, instance);
      toItem.addStatement("out.key($S, $T.partitionKey($L$L$T.shard($L)))", table.partitionKey(), keysClass,
          partitionArguments, partition.fields().isEmpty() ? CodeBlock.of("") : CodeBlock.of(",$W"), keysClass,
          keyArguments(entity, entity.primaryKeyTemplates(table), instance));
    } else {
      toItem.addStatement("out.key($S, $T.partitionKey($L))", table.partitionKey(), keysClass,
          keyArguments(entity, partition, instance));
    }
    if (partition.plain()) {
      plainKeyFields.add(partition.plainField());
    }
    if (table.hasSortKey()) {
      KeyTemplate sort = entity.sortKey().orElseThrow();
      toItem.addStatement("out.key($S, $T.sortKey($L))", table.sortKey(), keysClass,
          keyArguments(entity, sort, instance));
      if (sort.plain()) {
        plainKeyFields.add(sort.plainField());
      }
    }
    if (table.hasTypeAttribute()) {
      toItem.addStatement("out.key(TYPE_ATTRIBUTE, ENTITY_TYPE)");
    }
    for (IndexModel index : table.indexes()) {
      addIndexKeys(toItem, entity, table, entity.bindingFor(table, index), keysClass, instance);
    }
    fields.writeFields(toItem, "out", instance, plainKeyFields);
    toItem.addStatement("return out.attributes()");
    type.addMethod(MethodSpec.methodBuilder("toItem")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The item of {@code $L}: keys, index keys, type attribute and every non-null field.\n", instance)
        .returns(TypeNames.ITEM)
        .addParameter(entityClass, instance)
        .addCode(toItem.build())
        .build());

    CodeBlock.Builder fromItem = CodeBlock.builder()
        .addStatement("$T.checkType(item, ENTITY_TYPE, TYPE_ATTRIBUTE)", TypeNames.ITEM_READER);
    fields.readAndReturn(fromItem, entity.type(), entity.creation(), "item", "ENTITY_TYPE", instance,
        keyFieldLookups(entity, table, fields, keysClass));
    type.addMethod(MethodSpec.methodBuilder("fromItem")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(entityClass)
        .addParameter(TypeNames.ITEM, "item")
        .addCode(fromItem.build())
        .build());

    List<KeyTemplate> primary = entity.primaryKeyTemplates(table);
    type.addMethod(MethodSpec.methodBuilder("keyOf")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeNames.ITEM)
        .addParameter(entityClass, instance)
        .addStatement("return $T.primaryKey($L)", keysClass, keyArguments(entity, primary, instance))
        .build());
    return type;
  }

  /**
   * {@code stamped(entity, now)}: the entity as a write stores it, for an entity with derived fields
   * (creation and update times, version). The runtime stamps the entity before {@code toItem}, so
   * that index keys built from these fields are built from the stored values, and hands the
   * stamped entity back to the caller of {@code put}.
   */
  private static void addStamped(TypeSpec.Builder type, EntityModel entity, FieldCode fields, ClassName entityClass,
      String instance) {
    String now = instance.equals("now") ? "clockNow" : "now";
    Map<String, CodeBlock> stamps = new LinkedHashMap<>();
    List<String> said = new ArrayList<>();
    for (FieldModel field : entity.storedFields()) {
      CodeBlock current = FieldCode.access(field, instance);
      if (field.roles().contains(FieldModel.Role.CREATED_AT)) {
        stamps.put(field.name(), CodeBlock.of("$L != null ? $L : $L", current, current, now));
        said.add("{@code " + field.name() + "} kept, or {@code " + now + "} when null");
      } else if (field.roles().contains(FieldModel.Role.UPDATED_AT)) {
        stamps.put(field.name(), CodeBlock.of("$L", now));
        said.add("{@code " + field.name() + "} set to {@code " + now + "}");
      } else if (field.version()) {
        CodeBlock one = field.javaType().isPrimitive() || !field.javaType().toString().endsWith("Long")
            ? CodeBlock.of("1") : CodeBlock.of("1L");
        stamps.put(field.name(), field.javaType().isPrimitive() ? CodeBlock.of("$L + 1", current)
            : CodeBlock.of("$L == null ? $L : $L + 1", current, one, current));
        said.add("{@code " + field.name() + "} moved on by one");
      }
    }
    if (stamps.isEmpty()) {
      return;
    }
    CodeBlock.Builder body = CodeBlock.builder();
    fields.copyAndReturn(body, entity.type(), entity.creation(), instance, stamps);
    type.addMethod(MethodSpec.methodBuilder("stamped")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("{@code $L} as a write stores it: $L.\n", instance, String.join(", ", said))
        .returns(entityClass)
        .addParameter(entityClass, instance)
        .addParameter(ClassName.get(Instant.class), now)
        .addCode(body.build())
        .build());
  }

  /**
   * How fromItem looks up each primary-key field, which every item of the entity gives: its own
   * attribute, or, for a field whose key text is its stored form, the key it is part of (an index
   * that does not project the attribute); an item that gives neither is refused.
   */
  private static Map<String, CodeBlock> keyFieldLookups(EntityModel entity, TableModel table,
      FieldCode fields, ClassName keysClass) {
    Map<String, CodeBlock> lookups = new HashMap<>();
    List<KeyTemplate> templates = new ArrayList<>(List.of(entity.partitionKey().orElseThrow()));
    List<String> formats = new ArrayList<>(List.of("PARTITION_KEY"));
    if (table.hasSortKey()) {
      templates.add(entity.sortKey().orElseThrow());
      formats.add("SORT_KEY");
    }
    for (int i = 0; i < templates.size(); i++) {
      KeyTemplate template = templates.get(i);
      for (String name : template.fields()) {
        FieldModel field = entity.field(name).orElseThrow();
        String constant = fields.constantOf(name);
        if (lookups.containsKey(name) || constant == null) {
          continue;
        }
        boolean textual = field.valueType() instanceof ValueType.EnumValue
            || field.valueType() instanceof ValueType.Scalar scalar
                && TEXTUAL_KEYS.contains(scalar.kind());
        lookups.put(name, !template.plain() && textual
            ? CodeBlock.of("keyField(item, $L,$W$T.$L, $S)", constant, keysClass, formats.get(i), name)
            : CodeBlock.of("$T.keyField(item.get($L), $L, ENTITY_TYPE)", TypeNames.ITEM_READER, constant, constant));
      }
    }
    return lookups;
  }

  /** The key types whose text in a key is the attribute's stored form. */
  private static final Set<ScalarKind> TEXTUAL_KEYS = Set.of(
      ScalarKind.STRING, ScalarKind.INSTANT,
      ScalarKind.LOCAL_DATE, ScalarKind.LOCAL_DATE_TIME,
      ScalarKind.UUID);

  /**
   * Writes an index's template keys when every field they use is set; an item with a null index
   * field stays out of that (sparse) index. Raw-attribute keys are written as ordinary fields.
   */
  private void addIndexKeys(CodeBlock.Builder code, EntityModel entity, TableModel table, IndexBinding binding,
      ClassName keysClass, String instance) {
    String prefix = Naming.indexMethodPrefix(binding.index().name());
    List<CodeBlock> statements = new ArrayList<>();
    Set<String> nullable = new LinkedHashSet<>();
    int shards = entity.shards(binding.index());
    if (binding.partitionKey() instanceof IndexBinding.Template template && shards != 0) {
      // the item's shard comes from its primary key, written above
      CodeBlock keyAttributes = table.hasSortKey() ? CodeBlock.of("$S, $S", table.partitionKey(), table.sortKey())
          : CodeBlock.of("$S", table.partitionKey());
      // a template without placeholders ("ALL") takes the shard only
      CodeBlock arguments = keyArguments(entity, template.template(), instance);
      statements.add(CodeBlock.of("out.key($S, $T.$LPartitionKey($L$Lout.shard($L, $L)))", template.attribute(),
          keysClass, prefix, arguments, arguments.isEmpty() ? "" : CodeBlock.of(",$W"), shards, keyAttributes));
      nullable.addAll(nullableFields(entity, template.template()));
    } else if (binding.partitionKey() instanceof IndexBinding.Template template) {
      statements.add(CodeBlock.of("out.key($S, $T.$LPartitionKey($L))", template.attribute(), keysClass, prefix,
          keyArguments(entity, template.template(), instance)));
      nullable.addAll(nullableFields(entity, template.template()));
    }
    if (binding.sortKey() instanceof IndexBinding.Template template) {
      statements.add(CodeBlock.of("out.key($S, $T.$LSortKey($L))", template.attribute(), keysClass, prefix,
          keyArguments(entity, template.template(), instance)));
      nullable.addAll(nullableFields(entity, template.template()));
    }
    if (statements.isEmpty()) {
      return;
    }
    if (nullable.isEmpty()) {
      statements.forEach(code::addStatement);
      return;
    }
    List<CodeBlock> conditions = new ArrayList<>();
    for (String field : nullable) {
      conditions.add(CodeBlock.of("$L != null", FieldCode.access(entity.field(field).orElseThrow(), instance)));
    }
    code.beginControlFlow("if ($L)", CodeBlock.join(conditions, "$W&& "));
    statements.forEach(code::addStatement);
    code.endControlFlow();
  }

  private static List<String> nullableFields(EntityModel entity, KeyTemplate template) {
    return template.fields().stream()
        .filter(f -> !entity.field(f).orElseThrow().javaType().isPrimitive())
        .toList();
  }

  private static CodeBlock keyArguments(EntityModel entity, KeyTemplate template, String instance) {
    return keyArguments(entity, List.of(template), instance);
  }

  /** The key fields of the templates, read from the instance, each once, in template order. */
  private static CodeBlock keyArguments(EntityModel entity, List<KeyTemplate> templates, String instance) {
    return CodeBlock.join(entity.keyFields(templates).stream().map(field -> FieldCode.access(field, instance)).toList(),
        ",$W");
  }

  /** Whether the schema has {@code INDEX_KEY_RULES}: some index key of the entity is written from a template. */
  static boolean hasIndexKeyRules(EntityModel entity, TableModel table) {
    for (IndexModel index : table.indexes()) {
      IndexBinding binding = entity.bindingFor(table, index);
      if (binding.partitionKey() instanceof IndexBinding.Template || binding.sortKey() instanceof IndexBinding.Template) {
        return true;
      }
    }
    return false;
  }

  /**
   * One rule per index-key attribute written from a template: how updates rewrite it, and how an
   * upsert writes it (a template without fields, such as {@code ORDER}, is written by upserts only).
   */
  private static void addIndexKeyRules(TypeSpec.Builder type, EntityModel entity, TableModel table, ClassName keysClass,
      FieldCode fieldCode) {
    ClassName fieldsClass = TypeNames.className(entity.type().companion("Fields"));
    List<CodeBlock> rules = new ArrayList<>();
    for (IndexModel index : table.indexes()) {
      IndexBinding binding = entity.bindingFor(table, index);
      String prefix = Naming.indexMethodPrefix(index.name());
      for (IndexBinding.KeyPart part : List.of(binding.partitionKey(), binding.sortKey())) {
        if (!(part instanceof IndexBinding.Template template)) {
          continue;
        }
        String method = prefix + (part == binding.partitionKey() ? "PartitionKey" : "SortKey");
        int shards = part == binding.partitionKey() ? entity.shards(index) : 0;
        List<CodeBlock> attributes = new ArrayList<>();
        List<CodeBlock> arguments = new ArrayList<>();
        for (String fieldName : template.template().fields()) {
          attributes.add(CodeBlock.of("$L", fieldCode.constantOf(fieldName)));
          // the paths are read when an update runs, not while the schema is initialized
          arguments.add(CodeBlock.of("values.get($T.$L)", fieldsClass, Naming.constant(fieldName)));
        }
        if (shards != 0) {
          // the runtime gives the item's shard, from its primary key
          arguments.add(CodeBlock.of("values.shard()"));
        }
        CodeBlock fields = CodeBlock.of("$T.of($L)", List.class, CodeBlock.join(attributes, ", "));
        CodeBlock key = CodeBlock.of("values -> $T.$L($L)", keysClass, method, CodeBlock.join(arguments, ",$W"));
        rules.add(shards == 0
            ? CodeBlock.of("$T.of($S, $L,$W$L)", TypeNames.INDEX_KEY_RULE, template.attribute(), fields, key)
            : CodeBlock.of("$T.sharded($S, $L, $L,$W$L)", TypeNames.INDEX_KEY_RULE, template.attribute(), fields,
                shards, key));
      }
    }
    if (rules.isEmpty()) {
      return;
    }
    TypeName listType = ParameterizedTypeName.get(ClassName.get(List.class), TypeNames.INDEX_KEY_RULE);
    type.addField(FieldSpec.builder(listType, "INDEX_KEY_RULES", Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("How updates rewrite the index keys built from fields; the repository gives them to its store.\n")
        .initializer("$T.of(\n$>$>$L$<$<)", List.class, CodeBlock.join(rules, ",\n"))
        .build());
  }
}
