package dev.monotable.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.monotable.processor.model.AttributeType;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.KeyTemplate;
import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.TableLayout;
import dev.monotable.processor.model.TableModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Table>Table}: the root a program holds, with the table definition and one
 * repository accessor per entity.
 */
public final class TableGenerator extends SourceFileGenerator<TableGenerator.Input> {
  /** A table and its entities. */
  public record Input(TableModel table, List<EntityModel> entities) {
    public Input {
      entities = entities.stream().sorted(Comparator.comparing(e -> e.type().simpleName())).toList();
    }
  }

  public TableGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected String packageName(Input input) {
    return input.table().type().packageName();
  }

  @Override
  protected TypeSpec.Builder type(Input input) {
    TableModel table = input.table();
    ClassName tableClass = TypeNames.className(table.tableClass());
    ClassName declaration = TypeNames.className(table.type());
    TypeSpec.Builder type = TypeSpec.classBuilder(tableClass)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Table {@code $L} declared by {@link $T}: its definition and its repositories.\n",
            table.name(), declaration)
        .addJavadoc("<pre>{@code\n$T table = $T.of(dynamoDbClient);\ntable.createIfNotExists();\n}</pre>\n",
            tableClass, tableClass)
        .addField(FieldSpec.builder(String.class, "DEFAULT_NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The name given in {@code @Table}.\n")
            .initializer("$S", table.name())
            .build())
        .addField(FieldSpec.builder(TypeNames.DYNAMO_TABLE, "table", Modifier.PRIVATE, Modifier.FINAL).build());

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(TypeNames.DYNAMO_TABLE, "table")
        .addStatement("this.table = table");
    for (EntityModel entity : input.entities()) {
      ClassName repository = TypeNames.className(entity.repositoryType());
      String accessor = Naming.repositoryAccessor(entity.type());
      type.addField(FieldSpec.builder(repository, accessor, Modifier.PRIVATE, Modifier.FINAL).build());
      constructor.addStatement("this.$L = new $T(table)", accessor, repository);
    }
    type.addMethod(MethodSpec.methodBuilder("of")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("The table named {@value #DEFAULT_NAME}, reached through {@code client}.\n")
        .returns(tableClass)
        .addParameter(TypeNames.DYNAMO_DB_CLIENT, "client")
        .addStatement("return of(client, DEFAULT_NAME)")
        .build());
    type.addMethod(MethodSpec.methodBuilder("of")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("The table of this design under another name ({@code AppData-dev}, say).\n")
        .addJavadoc("@throws IllegalArgumentException when {@code tableName} is not a DynamoDB table name\n")
        .returns(tableClass)
        .addParameter(TypeNames.DYNAMO_DB_CLIENT, "client")
        .addParameter(String.class, "tableName")
        .addStatement("return of(client, tableName, $T.defaults())", TypeNames.TABLE_OPTIONS)
        .build());
    type.addMethod(MethodSpec.methodBuilder("of")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("The table of this design under {@code tableName}, with {@code options} (a clock for tests,\n")
        .addJavadoc("expired items shown).\n")
        .returns(tableClass)
        .addParameter(TypeNames.DYNAMO_DB_CLIENT, "client")
        .addParameter(String.class, "tableName")
        .addParameter(TypeNames.TABLE_OPTIONS, "options")
        .addCode(table.hasTimeToLive()
            ? CodeBlock.of("return new $T($T.of(client, tableName, options).withTimeToLive($S));\n", tableClass,
                TypeNames.DYNAMO_TABLE, table.timeToLive())
            : CodeBlock.of("return new $T($T.of(client, tableName, options));\n", tableClass, TypeNames.DYNAMO_TABLE))
        .build());
    type.addMethod(MethodSpec.methodBuilder("tableName")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The name requests are sent to.\n")
        .returns(String.class)
        .addStatement("return table.name()")
        .build());
    type.addMethod(createTableRequest(input));
    type.addMethod(MethodSpec.methodBuilder("createIfNotExists")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Creates the table as {@link #createTableRequest()} describes it unless it exists, and waits\n")
        .addJavadoc("until it is active. A second call is a no-op.\n\n")
        .addJavadoc("@return true when this call created the table\n")
        .returns(boolean.class)
        .addCode(table.hasTimeToLive()
            ? CodeBlock.of("return table.createIfNotExists(createTableRequest(), $S);\n", table.timeToLive())
            : CodeBlock.of("return table.createIfNotExists(createTableRequest());\n"))
        .build());
    type.addMethod(tableOperation("transaction", TypeNames.TRANSACTION,
        "A transaction of up to 100 puts, updates, deletes and condition checks across entities."));
    type.addMethod(tableOperation("batchGet", TypeNames.TABLE_BATCH_GET, "A batch of reads across entities."));
    type.addMethod(tableOperation("batchWrite", TypeNames.TABLE_BATCH,
        "A batch of puts and deletes across entities (not atomic: see {@link #transaction()})."));
    if (table.hasStream()) {
      ClassName changes = TypeNames.className(table.changesClass());
      type.addField(FieldSpec.builder(changes, "changes", Modifier.PRIVATE, Modifier.FINAL).build());
      constructor.addStatement("this.changes = new $T(table)", changes);
      type.addMethod(MethodSpec.methodBuilder("changes")
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc(JavadocText.wrap("The changes of this table's stream ($L): records decoded to typed changes,"
              + " dispatched to a {@link $T}, read with a stream reader.\n", table.stream(),
              TypeNames.className(table.changeHandlerClass())))
          .returns(changes)
          .addStatement("return changes")
          .build());
    }
    addCollections(type, input);
    type.addMethod(constructor.build());
    for (EntityModel entity : input.entities()) {
      ClassName repository = TypeNames.className(entity.repositoryType());
      String accessor = Naming.repositoryAccessor(entity.type());
      type.addMethod(MethodSpec.methodBuilder(accessor)
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc("The repository of {@link $T} items.\n", TypeNames.className(entity.type()))
          .returns(repository)
          .addStatement("return $L", accessor)
          .build());
    }
    return type;
  }

  /**
   * One method per item collection: one query of the shared partition, paged to its end, each item
   * decoded by its type attribute into the collection record; items of other types are skipped.
   */
  private void addCollections(TypeSpec.Builder type, Input input) {
    Map<String, List<EntityModel>> collections = new java.util.LinkedHashMap<>();
    for (EntityModel entity : input.entities()) {
      if (!entity.collection().isEmpty()) {
        collections.computeIfAbsent(entity.collection(), c -> new ArrayList<>()).add(entity);
      }
    }
    TableModel table = input.table();
    for (Map.Entry<String, List<EntityModel>> collection : collections.entrySet()) {
      String name = collection.getKey();
      List<EntityModel> members = collection.getValue();
      ClassName record = TypeNames.className(table.tableClass()).nestedClass(Naming.upperCamel(name));
      TypeSpec.Builder recordType = TypeSpec.recordBuilder(record)
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc("Item collection {@code $L}: the items of one partition, by entity type.\n", name);
      MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
      CodeBlock.Builder body = CodeBlock.builder();
      EntityModel first = members.get(0);
      KeyTemplate partition = first.partitionKey().orElseThrow();
      // locals are named after the members; keep them clear of the parameters and the loop variable
      java.util.Set<String> taken = new java.util.HashSet<>(partition.fields());
      String loop = taken.contains("item") ? "storedItem" : "item";
      taken.add(loop);
      CodeBlock.Builder dispatch = CodeBlock.builder();
      List<CodeBlock> arguments = new ArrayList<>();
      for (EntityModel member : members) {
        ClassName entity = TypeNames.className(member.type());
        ClassName schema = TypeNames.className(member.schemaType());
        boolean single = member.sortKey().map(k -> k.isFixed()).orElse(true);
        String component = single ? Naming.lowerCamel(member.type().simpleName()) : Naming.repositoryAccessor(member.type());
        String local = taken.contains(component) ? component + "Found" : component;
        taken.add(local);
        if (single) {
          constructor.addParameter(ParameterizedTypeName.get(TypeNames.OPTIONAL, entity), component);
          body.addStatement("$T $L = null", entity, local);
          dispatch.addStatement("case $T.ENTITY_TYPE -> $L = $T.INSTANCE.fromItem($L)", schema, local, schema, loop);
          arguments.add(CodeBlock.of("$T.ofNullable($L)", TypeNames.OPTIONAL, local));
        } else {
          constructor.addParameter(ParameterizedTypeName.get(ClassName.get(List.class), entity), component);
          body.addStatement("$T<$T> $L = new $T<>()", List.class, entity, local, ArrayList.class);
          dispatch.addStatement("case $T.ENTITY_TYPE -> $L.add($T.INSTANCE.fromItem($L))", schema, local, schema, loop);
          arguments.add(CodeBlock.of("$L", local));
        }
      }
      recordType.recordConstructor(constructor.build());
      type.addType(recordType.build());

      String partitionLocal = taken.contains("partition") ? "partitionValue" : "partition";
      CodeBlock.Builder code = CodeBlock.builder().add(body.build())
          .addStatement("$T $L = $T.fromS($T.partitionKey($L))", TypeNames.ATTRIBUTE_VALUE, partitionLocal,
              TypeNames.ATTRIBUTE_VALUE, TypeNames.className(first.keysType()), Naming.arguments(partition.fields()))
          .beginControlFlow("for ($T $L : this.table.partition($S, $L))", TypeNames.ITEM, loop,
              table.partitionKey(), partitionLocal)
          .beginControlFlow("switch ($T.typeOf($L, $S))", TypeNames.DYNAMO_TABLE, loop, table.typeAttribute())
          .add(dispatch.build())
          .add("default -> {\n").indent()
          .add("// an item of another entity type sharing the partition: not part of this collection\n")
          .unindent().add("}\n")
          .endControlFlow()
          .endControlFlow()
          .addStatement("return new $T($L)", record, CodeBlock.join(arguments, ", "));
      type.addMethod(MethodSpec.methodBuilder(name)
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc(JavadocText.wrap("Item collection {@code $L}: every item of partition {@code $L}, read in one"
              + " query (paged to its end) and decoded by type. Items of other entity types are skipped.\n",
              name, partition.text()))
          .returns(record)
          .addParameters(KeysGenerator.parameters(first, List.of(partition)))
          .addCode(code.build())
          .build());
    }
  }

  /** {@code public Transaction transaction() { return new Transaction(this.table); }} and the like. */
  private static MethodSpec tableOperation(String name, ClassName type, String javadoc) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("$L\n", javadoc)
        .returns(type)
        .addStatement("return this.table.$L()", name)
        .build();
  }

  private MethodSpec createTableRequest(Input input) {
    TableModel table = input.table();
    Map<String, AttributeType> definitions = TableLayout.attributeDefinitions(table, input.entities());
    List<CodeBlock> attributes = new ArrayList<>();
    definitions.forEach((name, attributeType) -> attributes.add(CodeBlock.of("$T.attribute($S, $T.$L)",
        TypeNames.TABLE_DEFINITIONS, name, TypeNames.SCALAR_ATTRIBUTE_TYPE, attributeType.name())));

    CodeBlock.Builder request = CodeBlock.builder()
        .add("return $T.builder()\n", TypeNames.CREATE_TABLE_REQUEST).indent().indent()
        .add(".tableName(table.name())\n")
        .add(".keySchema($T.keySchema($S, $L))\n", TypeNames.TABLE_DEFINITIONS, table.partitionKey(),
            sortKeyArgument(table.sortKey()))
        .add(".attributeDefinitions(\n").indent().indent()
        .add(CodeBlock.join(attributes, ",\n")).add(")\n").unindent().unindent();
    List<IndexModel> globals = table.indexes(IndexModel.Kind.GLOBAL);
    if (!globals.isEmpty()) {
      request.add(".globalSecondaryIndexes(\n").indent().indent()
          .add(CodeBlock.join(globals.stream().map(i -> index(i, "globalIndex")).toList(), ",\n"))
          .add(")\n").unindent().unindent();
    }
    List<IndexModel> locals = table.indexes(IndexModel.Kind.LOCAL);
    if (!locals.isEmpty()) {
      request.add(".localSecondaryIndexes(\n").indent().indent()
          .add(CodeBlock.join(locals.stream().map(i -> index(i, "localIndex")).toList(), ",\n"))
          .add(")\n").unindent().unindent();
    }
    if (table.hasStream()) {
      request.add(".streamSpecification($T.stream($T.$L))\n", TypeNames.TABLE_DEFINITIONS, TypeNames.STREAM_VIEW_TYPE,
          table.stream());
    }
    request.add(".billingMode($T.PAY_PER_REQUEST)\n", TypeNames.BILLING_MODE)
        .add(".build();\n").unindent().unindent();
    return MethodSpec.methodBuilder("createTableRequest")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The CreateTable request of this table: key schema, attribute definitions, every global and\n")
        .addJavadoc("local index with its projection, $Lon-demand billing.\n",
            table.hasStream() ? "its stream (" + table.stream() + "), " : "")
        .returns(TypeNames.CREATE_TABLE_REQUEST)
        .addCode(request.build())
        .build();
  }

  private static CodeBlock index(IndexModel index, String builder) {
    CodeBlock projection = CodeBlock.of("$T.projection($T.$L$L)", TypeNames.TABLE_DEFINITIONS,
        TypeNames.PROJECTION_TYPE, index.projection().name(),
        index.nonKeyAttributes().isEmpty() ? "" : ", " + String.join(", ",
            index.nonKeyAttributes().stream().map(a -> CodeBlock.of("$S", a).toString()).toList()));
    return CodeBlock.of("$T.$L($S, $S, $L,$W$L)", TypeNames.TABLE_DEFINITIONS, builder, index.name(),
        index.partitionKey(), sortKeyArgument(index.sortKey()), projection);
  }

  private static CodeBlock sortKeyArgument(String sortKey) {
    return sortKey.isEmpty() ? CodeBlock.of("null") : CodeBlock.of("$S", sortKey);
  }
}
