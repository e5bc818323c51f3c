package dev.monotable.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.FieldModel;
import dev.monotable.processor.model.IndexBinding;
import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.KeyTemplate;
import dev.monotable.processor.model.KeyTemplate.Literal;
import dev.monotable.processor.model.KeyTemplate.Placeholder;
import dev.monotable.processor.model.KeyTemplate.Segment;
import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.TableModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Entity>Keys}: static builders of the exact key strings and key maps of the
 * primary key and of each index the entity has a key in.
 */
public final class KeysGenerator extends EntitySourceGenerator {
  public KeysGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected TypeSpec.Builder type(EntityInTable input) {
    EntityModel entity = input.entity();
    TableModel table = input.table();
    ClassName entityClass = TypeNames.className(entity.type());
    TypeSpec.Builder type = TypeSpec.classBuilder(TypeNames.className(entity.keysType()))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(JavadocText.wrap("Key builders of {@link $T} in table {@code $L}: the exact key strings and key"
            + " maps. Every builder refuses a null or empty component, or one containing {@code $L}, with"
            + " {@link dev.monotable.runtime.InvalidKeyException}.\n", entityClass, table.name(), table.delimiter()))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

    KeyTemplate partition = entity.partitionKey().orElseThrow();
    if (entity.sharded()) {
      addShardedTemplate(type, entity, table, partition, "PARTITION_KEY", "partitionKey", "", entity.shards());
    } else {
      addKey(type, entity, table, partition, "PARTITION_KEY", "partitionKey", true);
    }
    List<KeyTemplate> primary = new ArrayList<>(List.of(partition));
    // with a plain key, the key map holds typed values; with templates only, the key strings
    boolean typed = entity.hasPlainKey();
    CodeBlock keyMap;
    if (table.hasSortKey()) {
      KeyTemplate sort = entity.sortKey().orElseThrow();
      addKey(type, entity, table, sort, "SORT_KEY", "sortKey", false);
      primary.add(sort);
      CodeBlock partitionValue = keyValue(partition, "partitionKey", null, typed);
      if (entity.sharded()) {
        addShardOf(type, entity, partition, sort);
        // the partition key in the item's shard, which its whole key decides
        List<CodeBlock> arguments = new ArrayList<>();
        partition.fields().forEach(field -> arguments.add(CodeBlock.of("$L", Naming.parameter(field))));
        arguments.add(CodeBlock.of("shard($L)", Naming.arguments(
            entity.keyFields(List.of(partition, sort)).stream().map(FieldModel::name).toList())));
        CodeBlock call = CodeBlock.of("partitionKey($L)", CodeBlock.join(arguments, ", "));
        partitionValue = typed ? CodeBlock.of("$T.fromS($L)", TypeNames.ATTRIBUTE_VALUE, call) : call;
      }
      keyMap = CodeBlock.of("$T.of($S, $L,$W$S, $L)", TypeNames.KEY_MAPS, table.partitionKey(),
          partitionValue, table.sortKey(), keyValue(sort, "sortKey", null, typed));
    } else {
      keyMap = CodeBlock.of("$T.of($S, $L)", TypeNames.KEY_MAPS, table.partitionKey(),
          keyValue(partition, "partitionKey", null, typed));
    }
    type.addMethod(MethodSpec.methodBuilder("primaryKey")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(JavadocText.wrap("The primary key of the item: {@code $L}.\n", describe(table, primary)))
        .returns(TypeNames.ITEM)
        .addParameters(parameters(entity, primary))
        .addStatement("return $L", keyMap)
        .build());
    // package-private: the repository's updates and upserts name the key fields they keep and write
    type.addMethod(MethodSpec.methodBuilder("primaryKeyFields")
        .addModifiers(Modifier.STATIC)
        .addJavadoc("The primary-key fields by typed path: what an update keeps and an upsert writes.\n")
        .returns(TypeNames.KEY_FIELDS)
        .addParameters(parameters(entity, primary))
        .addStatement("return $T.of($L)", TypeNames.KEY_FIELDS, keyFieldPairs(entity, primary))
        .build());

    // a plain key field's value method is its partitionKey or sortKey method
    Set<String> valueMethods = new HashSet<>(List.of("partitionKey", "sortKey"));
    for (IndexModel index : table.indexes()) {
      IndexBinding binding = entity.bindingFor(table, index);
      if (binding.declared()) {
        addIndex(type, entity, table, binding, valueMethods);
      }
    }
    return type;
  }

  /**
   * The method that gives a raw index-key field's stored value ({@code statusValue}): the index's
   * key maps and the repository's queries encode it with the field's codec through it.
   */
  static String valueMethod(EntityModel entity, FieldModel field) {
    if (entity.partitionKey().filter(k -> k.plain() && k.plainField().equals(field.name())).isPresent()) {
      return "partitionKey";
    }
    if (entity.sortKey().filter(k -> k.plain() && k.plainField().equals(field.name())).isPresent()) {
      return "sortKey";
    }
    return field.name() + "Value";
  }

  /**
   * The value of a primary-key attribute built by {@code method} of the keys class ({@code null}
   * from inside it): a plain key's method gives its {@code AttributeValue}; a template's gives the
   * key string, wrapped when {@code typed}.
   */
  static CodeBlock keyValue(KeyTemplate key, String method, ClassName keysClass, boolean typed) {
    CodeBlock call = keysClass == null
        ? CodeBlock.of("$L($L)", method, Naming.arguments(key.fields()))
        : CodeBlock.of("$T.$L($L)", keysClass, method, Naming.arguments(key.fields()));
    return key.plain() || !typed ? call : CodeBlock.of("$T.fromS($L)", TypeNames.ATTRIBUTE_VALUE, call);
  }

  /** The partition or sort key builder: of a template's key string, or of a plain key field's stored value. */
  private void addKey(TypeSpec.Builder type, EntityModel entity, TableModel table, KeyTemplate key, String constant,
      String method, boolean partition) {
    if (!key.plain()) {
      addTemplate(type, entity, table, key, constant, method, partition,
          JavadocText.wrap("The $L key {@code $L}.\n", partition ? "partition" : "sort", key.text()));
      return;
    }
    FieldModel field = entity.field(key.plainField()).orElseThrow();
    CodeBlock codec = FieldCode.schemaCodec(TypeNames.className(entity.schemaType()), entity.fields(), field);
    type.addMethod(MethodSpec.methodBuilder(method)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(JavadocText.wrap("The $L key: {@code $L} as attribute {@code $L} stores it.\n",
            partition ? "partition" : "sort", field.name(), field.attributeName()))
        .returns(TypeNames.ATTRIBUTE_VALUE)
        .addParameters(parameters(List.of(field)))
        // the runtime checks the value as DynamoDB would: not empty, within the partition or sort key's size
        .addStatement("return $T.$L($S, $S, $L, $L)", TypeNames.KEY_MAPS, partition ? "value" : "sortKeyValue",
            entity.typeName(), field.name(), codec, Naming.parameter(field.name()))
        .build());
  }

  /** {@code OrderFields.USER_ID, userId, OrderFields.ORDER_ID, orderId}: the key fields by typed path. */
  private static CodeBlock keyFieldPairs(EntityModel entity, List<KeyTemplate> primary) {
    ClassName fieldsClass = TypeNames.className(entity.type().companion("Fields"));
    List<CodeBlock> pairs = new ArrayList<>();
    for (FieldModel field : entity.keyFields(primary)) {
      pairs.add(CodeBlock.of("$T.$L, $L", fieldsClass, Naming.constant(field.name()), Naming.parameter(field.name())));
    }
    return CodeBlock.join(pairs, ",$W");
  }

  private void addIndex(TypeSpec.Builder type, EntityModel entity, TableModel table, IndexBinding binding,
      Set<String> valueMethods) {
    IndexModel index = binding.index();
    String method = Naming.indexMethodPrefix(index.name());
    String constant = Naming.constant(index.name());
    List<CodeBlock> attributes = new ArrayList<>();
    // the key method's shard parameter, named clear of its key fields (a field may be called shard)
    String shard = shardParameter(entity.keyFields(binding).stream().map(FieldModel::name).toList());
    addPart(type, entity, table, binding.partitionKey(), index.kind() == IndexModel.Kind.LOCAL
        ? table.partitionKey() : index.partitionKey(), constant + "_PARTITION_KEY", method + "PartitionKey",
        true, index, shard, attributes);
    if (index.hasSortKey()) {
      addPart(type, entity, table, binding.sortKey(), index.sortKey(), constant + "_SORT_KEY", method + "SortKey",
          false, index, shard, attributes);
    }
    if (!binding.complete()) {
      return;
    }
    int shards = entity.shards(index);
    MethodSpec.Builder key = MethodSpec.methodBuilder(method + "Key")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(JavadocText.wrap("The key of the item in index {@code $L}$L.\n", index.name(),
            shards == 0 ? "" : ", in shard {@code " + shard + "} of its " + shards))
        .returns(TypeNames.ITEM)
        .addParameters(parameters(entity.keyFields(binding)));
    if (shards != 0) {
      key.addParameter(int.class, shard);
    }
    type.addMethod(key.addStatement("return $T.of($L)", TypeNames.KEY_MAPS, CodeBlock.join(attributes, ",$W"))
        .build());
    for (IndexBinding.KeyPart part : List.of(binding.partitionKey(), binding.sortKey())) {
      if (part instanceof IndexBinding.Raw raw && valueMethods.add(valueMethod(entity, raw.field()))) {
        addValueMethod(type, entity, raw);
      }
    }
  }

  /** {@code statusValue(status)}: a raw index-key field as its attribute holds it, through the schema's codec. */
  private static void addValueMethod(TypeSpec.Builder type, EntityModel entity, IndexBinding.Raw raw) {
    FieldModel field = raw.field();
    CodeBlock codec = FieldCode.schemaCodec(TypeNames.className(entity.schemaType()), entity.fields(), field);
    // package-private: the repository's queries on the index encode their values with it
    type.addMethod(MethodSpec.methodBuilder(valueMethod(entity, field))
        .addModifiers(Modifier.STATIC)
        .addJavadoc(JavadocText.wrap("The stored value of {@code $L} (attribute {@code $L}), for index key maps and"
            + " queries.\n", field.name(), raw.attribute()))
        .returns(TypeNames.ATTRIBUTE_VALUE)
        .addParameters(parameters(List.of(field)))
        .addStatement("return $T.value($S, $S, $L, $L)", TypeNames.KEY_MAPS, entity.typeName(), field.name(), codec,
            Naming.parameter(field.name()))
        .build());
  }

  private void addPart(TypeSpec.Builder type, EntityModel entity, TableModel table, IndexBinding.KeyPart part,
      String attribute, String constant, String method, boolean partition, IndexModel index, String shard,
      List<CodeBlock> attributes) {
    int shards = partition ? entity.shards(index) : 0;
    if (part instanceof IndexBinding.Template template && shards != 0) {
      addShardedTemplate(type, entity, table, template.template(), constant, method,
          " of index {@code " + index.name() + "}", shards);
      attributes.add(CodeBlock.of("$S, $T.fromS($L($L))", attribute, TypeNames.ATTRIBUTE_VALUE, method,
          Naming.arguments(withShard(template.template().fields(), shard))));
    } else if (part instanceof IndexBinding.Template template) {
      addTemplate(type, entity, table, template.template(), constant, method, partition,
          JavadocText.wrap("The $L key {@code $L} of index {@code $L}.\n", partition ? "partition" : "sort",
              template.template().text(), index.name()));
      attributes.add(CodeBlock.of("$S, $T.fromS($L($L))", attribute, TypeNames.ATTRIBUTE_VALUE, method,
          Naming.arguments(template.template().fields())));
    } else if (part instanceof IndexBinding.TablePartitionKey && entity.sharded()) {
      // a local index of a sharded table: the item's partition is in its shard
      attributes.add(CodeBlock.of("$S, $T.fromS(partitionKey($L))", attribute, TypeNames.ATTRIBUTE_VALUE,
          Naming.arguments(withShard(entity.partitionKey().orElseThrow().fields(), shard))));
    } else if (part instanceof IndexBinding.TablePartitionKey) {
      attributes.add(CodeBlock.of("$S, $L", attribute,
          keyValue(entity.partitionKey().orElseThrow(), "partitionKey", null, true)));
    } else if (part instanceof IndexBinding.Raw raw) {
      attributes.add(CodeBlock.of("$S, $L($L)", attribute, valueMethod(entity, raw.field()),
          Naming.parameter(raw.field().name())));
    }
  }

  private void addTemplate(TypeSpec.Builder type, EntityModel entity, TableModel table, KeyTemplate template,
      String constant, String method, boolean partition, CodeBlock javadoc) {
    MethodSpec.Builder builder = MethodSpec.methodBuilder(method)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(javadoc)
        .returns(String.class)
        .addParameters(parameters(entity, List.of(template)));
    if (template.isFixed()) {
      builder.addStatement("return $S", template.text());
    } else {
      // package-private: the repository's query builders encode range values with the same format
      type.addField(FieldSpec.builder(TypeNames.KEY_FORMAT, constant, Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.$L($S,$W$S, $S)", TypeNames.KEY_FORMAT, partition ? "partitionKey" : "sortKey",
              entity.typeName(), template.text(), table.delimiter())
          .build());
      builder.addStatement("return $L.complete($L)", constant, concatenation(entity, template, constant));
    }
    type.addMethod(builder.build());
  }

  /**
   * {@code shard(userId, day, id)}: the shard of the item with this key, a hash of its unsharded
   * partition key and its sort key; gets, updates, deletes and puts compute it alike.
   */
  private void addShardOf(TypeSpec.Builder type, EntityModel entity, KeyTemplate partition, KeyTemplate sort) {
    // package-private: the schema writes an item's partition key in its shard
    type.addMethod(MethodSpec.methodBuilder("shard")
        .addModifiers(Modifier.STATIC)
        .addJavadoc(JavadocText.wrap("The shard of the item with this key, 0 to $L: the hash of its partition key"
            + " {@code $L} and sort key {@code $L}, modulo $L.\n", entity.shards() - 1, partition.text(), sort.text(),
            entity.shards()))
        .returns(int.class)
        .addParameters(parameters(entity, List.of(partition, sort)))
        .addStatement("return $T.ofKey($L, $L.complete($L),$W$L)", TypeNames.SHARDS, entity.shards(), "PARTITION_KEY",
            concatenation(entity, partition, "PARTITION_KEY"), keyValue(sort, "sortKey", null, false))
        .build());
  }

  /**
   * A sharded partition key: its builder for one shard ({@code STATUS#PAID#3}) and the partitions of
   * every shard, which the queries read.
   */
  private void addShardedTemplate(TypeSpec.Builder type, EntityModel entity, TableModel table, KeyTemplate template,
      String constant, String method, String where, int shards) {
    String shard = shardParameter(template.fields());
    // package-private: the repository's query builders encode range values with the same format
    type.addField(FieldSpec.builder(TypeNames.KEY_FORMAT, constant, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.shardedPartitionKey($S,$W$S, $S, $L)", TypeNames.KEY_FORMAT, entity.typeName(),
            template.text(), table.delimiter(), shards)
        .build());
    type.addMethod(MethodSpec.methodBuilder(method)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(JavadocText.wrap("The partition key {@code $L}$L in shard {@code $L}, 0 to $L: an item's"
            + " shard is its primary key's hash modulo $L.\n", template.text(), where, shard, shards - 1, shards))
        .returns(String.class)
        .addParameters(parameters(entity, List.of(template)))
        .addParameter(int.class, shard)
        .addStatement("return $L.complete($L$W+ $L.shard($L))", constant, concatenation(entity, template, constant), constant,
            shard)
        .build());
    type.addMethod(MethodSpec.methodBuilder(method + "s")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(JavadocText.wrap("The partition keys {@code $L}$L in each of its $L shards, in shard order: what"
            + " its queries read.\n", template.text(), where, shards))
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), TypeNames.ATTRIBUTE_VALUE))
        .addParameters(parameters(entity, List.of(template)))
        .addStatement("return $T.partitions($L, $L -> $L($L))", TypeNames.SHARDS, shards, shard, method,
            Naming.arguments(withShard(template.fields(), shard)))
        .build());
  }

  private static List<String> withShard(List<String> fields, String shard) {
    List<String> arguments = new ArrayList<>(fields);
    arguments.add(shard);
    return arguments;
  }

  /** {@code shard}, or, when a key field of the method has that name, {@code shard_} (and so on). */
  private static String shardParameter(List<String> fields) {
    String name = "shard";
    while (fields.contains(name) || fields.stream().map(Naming::parameter).anyMatch(name::equals)) {
      name += "_";
    }
    return name;
  }

  /** {@code "USER#" + PARTITION_KEY.encode("id", KeyTypes.STRING, id)}. */
  private static CodeBlock concatenation(EntityModel entity, KeyTemplate template, String constant) {
    CodeBlock.Builder code = CodeBlock.builder();
    boolean first = true;
    for (Segment segment : template.segments()) {
      if (!first) {
        code.add("$W+ ");
      }
      first = false;
      if (segment instanceof Literal literal) {
        code.add("$S", literal.text());
      } else {
        String field = ((Placeholder) segment).field();
        code.add("$L.encode($S, $L,$W$L)", constant, field, TypeNames.keyType(entity.field(field).orElseThrow()),
            Naming.parameter(field));
      }
    }
    return code.build();
  }

  static List<ParameterSpec> parameters(EntityModel entity, List<KeyTemplate> templates) {
    return parameters(entity.keyFields(templates));
  }

  /** One parameter per key field, named and typed after it. */
  private static List<ParameterSpec> parameters(List<FieldModel> fields) {
    return fields.stream()
        .map(field -> ParameterSpec.builder(TypeNames.typeName(field.javaType()), Naming.parameter(field.name())).build())
        .toList();
  }

  private static String describe(TableModel table, List<KeyTemplate> templates) {
    return templates.size() == 2
        ? table.partitionKey() + " = " + templates.get(0).text() + ", " + table.sortKey() + " = " + templates.get(1).text()
        : table.partitionKey() + " = " + templates.get(0).text();
  }
}
