package dev.monotable.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.monotable.processor.model.AccessPatternModel;
import dev.monotable.processor.model.AttributeType;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.KeyTemplate;
import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.TableLayout;
import dev.monotable.processor.model.TableModel;
import dev.monotable.processor.model.Territories;
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
  /**
   * A table and its entities; {@code iamPolicy} is the tenant policy of a tenant table (the design
   * report's {@code <Table>.iam.json}, with {@code <table>} where the table name goes), else null.
   */
  public record Input(TableModel table, List<EntityModel> entities, String iamPolicy) {
    public Input {
      entities = entities.stream().sorted(Comparator.comparing(e -> e.type().simpleName())).toList();
    }

    /** A table without a tenant policy. */
    public Input(TableModel table, List<EntityModel> entities) {
      this(table, entities, null);
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
        .addSuperinterface(TypeNames.MONOTABLE_TABLE)
        .addJavadoc("Table {@code $L} declared by {@link $T}: its definition and its repositories.\n",
            table.name(), declaration)
        .addJavadoc("<pre>{@code\n$T table = $T.of(dynamoDbClient);\ntable.createIfNotExists();\n}</pre>\n",
            tableClass, tableClass)
        .addJavadoc("Its async twin, {@code $L.async(dynamoDbAsyncClient)}, returns futures.\n", tableClass.simpleName())
        .addField(FieldSpec.builder(String.class, "DEFAULT_NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The name given in {@code @Table}.\n")
            .initializer("$S", table.name())
            .build());
    addIndexConstants(type, table, input.entities());
    type.addField(FieldSpec.builder(TypeNames.DYNAMO_TABLE, "table", Modifier.PRIVATE, Modifier.FINAL).build());

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
    addFactories(type, table, "of", TypeNames.DYNAMO_DB_CLIENT, tableClass, "of", List.of(
        "The table named {@value #DEFAULT_NAME}, reached through {@code client}.\n",
        "The table of this design under another name ({@code AppData-dev}, say).\n"
            + "@throws IllegalArgumentException when {@code tableName} is not a DynamoDB table name\n",
        "The table named {@value #DEFAULT_NAME}, with {@code options}.\n",
        "The table of this design under {@code tableName}, with {@code options} (a clock for tests,\n"
            + "expired items shown).\n"));
    addFactories(type, table, "async", TypeNames.DYNAMO_DB_ASYNC_CLIENT,
        TypeNames.className(table.asyncTableClass()), "ofAsync", List.of(
        "The async twin of this table, named {@value #DEFAULT_NAME}, reached through {@code client}.\n",
        "The async twin of this table under {@code tableName}.\n",
        "The async twin of this table, named {@value #DEFAULT_NAME}, with {@code options}.\n",
        "The async twin of this table under {@code tableName}, with {@code options}.\n"));
    type.addMethod(MethodSpec.methodBuilder("tableName")
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(Override.class)
        .addJavadoc("The name requests are sent to.\n")
        .returns(String.class)
        .addStatement("return table.name()")
        .build());
    type.addMethod(MethodSpec.methodBuilder("createTableRequest")
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(Override.class)
        .addJavadoc("The CreateTable request of this table: key schema, attribute definitions, every global and\n")
        .addJavadoc("local index with its projection, $L$L billing.\n",
            table.hasStream() ? "its stream (" + table.stream() + "), " : "",
            table.provisioned() ? "provisioned" : "on-demand")
        .addJavadoc(table.deletionProtection()
            ? "Deletion protection is on: DeleteTable fails until UpdateTable turns it off.\n" : "")
        .returns(TypeNames.CREATE_TABLE_REQUEST)
        .addStatement("return createTableRequest(table.name())")
        .build());
    type.addMethod(createTableRequest(input));
    type.addMethod(MethodSpec.methodBuilder("check")
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(Override.class)
        .addJavadoc("Describes the table and compares it with {@link #createTableRequest()}, creating and changing\n")
        .addJavadoc("nothing: its status, and each way it differs from the design.\n")
        .returns(TypeNames.TABLE_CHECK)
        .addStatement("return table.check(createTableRequest())")
        .build());
    type.addMethod(MethodSpec.methodBuilder("createIfNotExists")
        .addModifiers(Modifier.PUBLIC)
        .addAnnotation(Override.class)
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
    type.addMethod(tableOperation("transactionRead", TypeNames.TRANSACTION_READ,
        "A read of up to 100 items across entities as one snapshot ({@code TransactGetItems})."));
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
    if (input.iamPolicy() != null) {
      addIamPolicy(type, input.iamPolicy());
    }
    addMigrations(type, input.table(), input.entities());
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
    Map<String, List<EntityModel>> collections = collections(input.entities());
    TableModel table = input.table();
    List<String> entityNames = input.entities().stream().map(entity -> entity.type().simpleName()).toList();
    for (Map.Entry<String, List<EntityModel>> collection : collections.entrySet()) {
      String name = collection.getKey();
      List<EntityModel> members = collection.getValue();
      ClassName record = TypeNames.className(table.tableClass())
          .nestedClass(Naming.collectionRecord(name, entityNames));
      TypeSpec.Builder recordType = TypeSpec.recordBuilder(record)
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc("Item collection {@code $L}: the items of one partition, by entity type.\n", name);
      MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
      CodeBlock.Builder body = CodeBlock.builder();
      EntityModel first = members.get(0);
      KeyTemplate partition = first.partitionKey().orElseThrow();
      // locals are named after the members; keep them clear of the parameters and the loop variable
      java.util.Set<String> taken = new java.util.HashSet<>(partition.fields());
      taken.add("items");
      String loop = taken.contains("item") ? "storedItem" : "item";
      taken.add(loop);
      CodeBlock.Builder dispatch = CodeBlock.builder();
      List<CodeBlock> arguments = new ArrayList<>();
      for (EntityModel member : members) {
        ClassName entity = TypeNames.className(member.type());
        ClassName schema = TypeNames.className(member.schemaType());
        boolean single = member.sortKey().map(k -> k.isFixed()).orElse(true);
        String component = collectionComponent(member);
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

      ClassName handle = TypeNames.className(table.tableClass()).nestedClass(Naming.collectionHandle(name));
      ClassName page = TypeNames.className(table.tableClass()).nestedClass(Naming.collectionPage(name));
      MethodSpec.Builder pageConstructor = constructor.build().toBuilder();
      String cursor = taken.contains("cursor") ? "nextCursor" : "cursor";
      pageConstructor.addParameter(ParameterizedTypeName.get(TypeNames.OPTIONAL, ClassName.get(String.class)), cursor);
      type.addType(TypeSpec.recordBuilder(page)
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc("One page of item collection {@code $L}: its items by entity type, and the cursor of the next\n"
              + "page (empty after the last).\n", name)
          .recordConstructor(pageConstructor.build())
          .build());

      CodeBlock collect = CodeBlock.builder().add(body.build())
          .beginControlFlow("for ($T $L : items)", TypeNames.ITEM, loop)
          .beginControlFlow("switch ($T.typeOf($L, $S))", TypeNames.DYNAMO_TABLE, loop, table.typeAttribute())
          .add(dispatch.build())
          .add("default -> {\n").indent()
          .add("// an item of another entity type sharing the partition: not part of this collection\n")
          .unindent().add("}\n")
          .endControlFlow()
          .endControlFlow()
          .addStatement("return new $T($L)", record, CodeBlock.join(arguments, ", "))
          .build();
      type.addType(collectionHandle(table, name, members, handle, record, page, collect));

      String partitionLocal = taken.contains("partition") ? "partitionValue" : "partition";
      List<EntityModel> narrowed = narrowable(table, members);
      CodeBlock.Builder code = CodeBlock.builder()
          .addStatement("$T $L = $L", TypeNames.ATTRIBUTE_VALUE, partitionLocal,
              KeysGenerator.keyValue(partition, "partitionKey", TypeNames.className(first.keysType()), true))
          .addStatement("return new $T(this.table, $L$L)", handle, partitionLocal, narrowed.stream()
              .map(m -> ", this." + Naming.repositoryAccessor(m.type())).reduce("", String::concat));
      type.addMethod(MethodSpec.methodBuilder(name)
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc(JavadocText.wrap("Item collection {@code $L}: the items of partition {@code $L}, of every member"
              + " type; {@code read()} reads them all, {@code page(limit, cursor)} a page at a time.\n",
              name, partition.text()))
          .returns(handle)
          .addParameters(KeysGenerator.parameters(first, List.of(partition)))
          .addCode(code.build())
          .build());
    }
  }

  /**
   * A constant per key of the table, {@code PRIMARY_KEY} and one per secondary index named after it
   * ({@code GSI1}, {@code BY_STATUS}): its name, key attributes, projection and the access patterns
   * that query it, which the repositories' queries and scans name.
   */
  private static void addIndexConstants(TypeSpec.Builder type, TableModel table, List<EntityModel> entities) {
    type.addField(FieldSpec.builder(TypeNames.TABLE_INDEX, PRIMARY_KEY, Modifier.PUBLIC, Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("The table's primary key: $L.\n", keyText(table.partitionKey(),
            table.hasSortKey() ? table.sortKey() : null))
        .initializer("$T.primaryKey($S, $L,$W$L)", TypeNames.TABLE_INDEX, table.partitionKey(),
            table.hasSortKey() ? CodeBlock.of("$S", table.sortKey()) : "null", patterns(entities, ""))
        .build());
    for (IndexModel index : table.indexes()) {
      boolean local = index.kind() == IndexModel.Kind.LOCAL;
      String partitionKey = local ? table.partitionKey() : index.partitionKey();
      String sortKey = index.hasSortKey() ? index.sortKey() : null;
      type.addField(FieldSpec.builder(TypeNames.TABLE_INDEX, indexConstant(index), Modifier.PUBLIC,
              Modifier.STATIC, Modifier.FINAL)
          .addJavadoc(JavadocText.wrap("$L index {@code $L}: $L, projecting {@code $L}.\n", local ? "Local" : "Global",
              index.name(), keyText(partitionKey, sortKey), index.projection().name()))
          .initializer("$T.$L($S, $S, $L,$W$T.$L,$W$L)", TypeNames.TABLE_INDEX, local ? "local" : "global", index.name(),
              partitionKey, sortKey == null ? "null" : CodeBlock.of("$S", sortKey), TypeNames.PROJECTION_TYPE,
              index.projection().name(), patterns(entities, index.name()))
          .build());
    }
  }

  /** The constant of the table's primary key in the table class. */
  static final String PRIMARY_KEY = "PRIMARY_KEY";

  /** The constant of {@code index} in the table class. */
  static String indexConstant(IndexModel index) {
    return Naming.constant(index.name());
  }

  private static String keyText(String partitionKey, String sortKey) {
    return sortKey == null ? "partition key {@code " + partitionKey + "}"
        : "partition key {@code " + partitionKey + "}, sort key {@code " + sortKey + "}";
  }

  /** {@code List.of("Order.ordersByStatus", ..)}: the access patterns of {@code index} ("" for the table). */
  private static CodeBlock patterns(List<EntityModel> entities, String index) {
    List<CodeBlock> names = new ArrayList<>();
    for (EntityModel entity : entities) {
      for (AccessPatternModel pattern : entity.accessPatterns()) {
        if (pattern.index().equals(index)) {
          names.add(CodeBlock.of("$S", entity.typeName() + "." + pattern.name()));
        }
      }
    }
    return CodeBlock.of("$T.of($L)", List.class, CodeBlock.join(names, ", "));
  }

  /**
   * The members a collection handle can read on their own: one query of the partition narrowed to
   * the member's sort keys, {@code begins_with} its territory (or its one fixed key), reading no
   * other member's items. A member whose territory is a prefix of another member's is left out (its
   * query would read, and pay for, the other's items; the build warns of the overlap), and so is
   * every member of a collection with a plain sort key, whose values may lie anywhere.
   */
  static List<EntityModel> narrowable(TableModel table, List<EntityModel> members) {
    if (!table.hasSortKey() || members.stream().anyMatch(m -> m.sortKey().isEmpty() || m.sortKey().get().plain())) {
      return List.of();
    }
    List<EntityModel> narrowable = new ArrayList<>();
    for (EntityModel member : members) {
      KeyTemplate sortKey = member.sortKey().orElseThrow();
      boolean overlaps = !sortKey.isFixed() && members.stream().anyMatch(other -> other != member
          && Territories.liesInside(other.sortKey().orElseThrow(), sortKey));
      String method = collectionComponent(member);
      if (!overlaps && !method.equals("read") && !method.equals("page")) {
        narrowable.add(member);
      }
    }
    return narrowable;
  }

  /** The record component of a member: {@code user} for at most one item, {@code orders} for a list. */
  static String collectionComponent(EntityModel member) {
    return Naming.collectionComponent(member.type(), member.sortKey().map(KeyTemplate::isFixed).orElse(true));
  }

  /**
   * The start of a collection handle of either flavour: the table, the partition and the repository of
   * each {@link #narrowable} member, as fields its private constructor sets.
   */
  static TypeSpec.Builder handleFields(ClassName handle, List<EntityModel> narrowed, Flavor flavor) {
    TypeSpec.Builder type = TypeSpec.classBuilder(handle)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addField(TypeNames.DYNAMO_TABLE, "table", Modifier.PRIVATE, Modifier.FINAL)
        .addField(TypeNames.ATTRIBUTE_VALUE, "partition", Modifier.PRIVATE, Modifier.FINAL);
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(TypeNames.DYNAMO_TABLE, "table")
        .addParameter(TypeNames.ATTRIBUTE_VALUE, "partition")
        .addStatement("this.table = table")
        .addStatement("this.partition = partition");
    for (EntityModel member : narrowed) {
      ClassName repository = TypeNames.className(flavor.repositoryType(member));
      String field = Naming.repositoryAccessor(member.type());
      type.addField(repository, field, Modifier.PRIVATE, Modifier.FINAL);
      constructor.addParameter(repository, field).addStatement("this.$L = $L", field, field);
    }
    return type.addMethod(constructor.build());
  }

  /** The entities of each item collection of the table, by collection name in the entities' order. */
  static Map<String, List<EntityModel>> collections(List<EntityModel> entities) {
    Map<String, List<EntityModel>> collections = new java.util.LinkedHashMap<>();
    for (EntityModel entity : entities) {
      if (!entity.collection().isEmpty()) {
        collections.computeIfAbsent(entity.collection(), c -> new ArrayList<>()).add(entity);
      }
    }
    return collections;
  }

  /**
   * The handle of one partition of a collection: {@code read()}, {@code page(limit, cursor)}, and a
   * narrowed query per {@link #narrowable} member.
   */
  private static TypeSpec collectionHandle(TableModel table, String name, List<EntityModel> members, ClassName handle,
      ClassName record, ClassName page, CodeBlock collect) {
    List<EntityModel> narrowed = narrowable(table, members);
    TypeSpec.Builder type = handleFields(handle, narrowed, Flavor.SYNC)
        .addJavadoc(JavadocText.wrap("Item collection {@code $L} of one partition: read every item, a page at a time,"
            + " or one member type on its own.\n", name));
    type.addMethod(MethodSpec.methodBuilder("read")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(JavadocText.wrap("Every item of the partition, read in one query (paged to its end) and decoded"
            + " by type. Items of other entity types are skipped.\n"))
        .returns(record)
        .addStatement("return collect(this.table.partition($S, $S, this.partition))", name, table.partitionKey())
        .build());
    List<CodeBlock> components = new ArrayList<>();
    for (EntityModel member : members) {
      components.add(CodeBlock.of("items.$L()", collectionComponent(member)));
    }
    type.addMethod(MethodSpec.methodBuilder("page")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(JavadocText.wrap("One page: at most {@code limit} items of the partition in sort-key order (fewer"
            + " when some are of other types or expired), after the page whose cursor this is ({@code null} for the"
            + " first). Cursors are opaque and checked: one of another collection or partition, or an altered one,"
            + " is refused with {@code InvalidCursorException} before anything is sent.\n"))
        .returns(page)
        .addParameter(int.class, "limit")
        .addParameter(String.class, "cursor")
        .addStatement("return pageOf(this.table.partitionPage($S, $S, this.partition, limit, cursor))", name,
            table.partitionKey())
        .build());
    for (EntityModel member : narrowed) {
      KeyTemplate sortKey = member.sortKey().orElseThrow();
      String component = collectionComponent(member);
      ClassName entity = TypeNames.className(member.type());
      CodeBlock narrowing = sortKey.isFixed()
          ? CodeBlock.of(".exactSortKey($S)", sortKey.text())
          : CodeBlock.of(".sortKeyTerritory($S)", sortKey.literalPrefix());
      type.addMethod(MethodSpec.methodBuilder(component)
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc(JavadocText.wrap("The {@link $T} items of the partition alone: a query of sort keys $L, which"
              + " reads no other member's items.\n", entity, sortKey.isFixed()
              ? "{@code " + sortKey.text() + "}" : "beginning {@code " + sortKey.literalPrefix() + "}"))
          .returns(ParameterizedTypeName.get(TypeNames.NARROWED_CONSISTENT_QUERY, entity))
          .addCode(CodeBlock.builder()
              .add("return $T.of(this.$L)\n", TypeNames.ENTITY_STORE, Naming.repositoryAccessor(member.type()))
              .indent().indent()
              .add(".query($T.$L, $S, this.partition)\n", TypeNames.className(table.tableClass()), PRIMARY_KEY,
                  name + "." + component)
              .add("$L\n", narrowing)
              .add(".narrowedConsistent();\n")
              .unindent().unindent()
              .build())
          .build());
    }
    type.addMethod(MethodSpec.methodBuilder("pageOf")
        .addModifiers(Modifier.STATIC)
        .addJavadoc("The page of the items read, decoded by type (for this handle and its async twin).\n")
        .returns(page)
        .addParameter(TypeNames.DYNAMO_TABLE.nestedClass("PartitionPage"), "read")
        .addStatement("$T items = collect(read.items())", record)
        .addStatement("return new $T($L, $T.ofNullable(read.cursor()))", page, CodeBlock.join(components, ", "),
            TypeNames.OPTIONAL)
        .build());
    type.addMethod(MethodSpec.methodBuilder("collect")
        .addModifiers(Modifier.STATIC)
        .addJavadoc("The items read, decoded by type (for this handle and its async twin).\n")
        .returns(record)
        .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), TypeNames.ITEM), "items")
        .addCode(collect)
        .build());
    return type.build();
  }

  /**
   * {@code iamPolicy(tableName)} and {@code iamPolicy()}: the tenant policy as a string, for CDK or
   * CloudFormation users who attach it to their tenants' roles.
   */
  private static void addIamPolicy(TypeSpec.Builder type, String policy) {
    type.addField(FieldSpec.builder(String.class, "IAM_POLICY", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The tenant policy, {@code <table>} where the table name goes.\n")
        .initializer("$S", policy)
        .build());
    type.addMethod(MethodSpec.methodBuilder("iamPolicy")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("The IAM policy that confines a role to its tenant's items of table {@code tableName}\n")
        .addJavadoc("({@code dynamodb:LeadingKeys} bound to the role's principal tag of the tenant field), as JSON.\n")
        .returns(String.class)
        .addParameter(String.class, "tableName")
        .addStatement("return IAM_POLICY.replace($S, tableName)", "<table>")
        .build());
    type.addMethod(MethodSpec.methodBuilder("iamPolicy")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The tenant policy of this table, as {@link #iamPolicy(String)} gives it.\n")
        .returns(String.class)
        .addStatement("return iamPolicy(table.name())")
        .build());
  }

  /** {@code migrations()}: backfills of the table's entities, found by their classes. */
  private static void addMigrations(TypeSpec.Builder type, TableModel table, List<EntityModel> entities) {
    List<CodeBlock> entries = new ArrayList<>();
    for (EntityModel entity : entities) {
      entries.add(CodeBlock.of("$T.entry($T.class, this.$L)", Map.class, TypeNames.className(entity.type()),
          Naming.repositoryAccessor(entity.type())));
    }
    ClassName migrations = TypeNames.className(table.migrationsClass());
    type.addMethod(MethodSpec.methodBuilder("migrations")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("What carries this table's items across a change of its design: {@code backfill(Order.class)}\n")
        .addJavadoc("writes the index keys and type attribute that items written before the change lack,\n")
        .addJavadoc("{@code rekey(Order.class)} moves items stored under an earlier key template.\n")
        .returns(migrations)
        .addStatement("return new $T(this.table.migrations($T.ofEntries($L)))", migrations, Map.class,
            CodeBlock.join(entries, ",$W"))
        .build());
  }

  /**
   * The static factories {@code method(client)}, {@code (client, tableName)}, {@code (client, options)}
   * and {@code (client, tableName, options)} of {@code returned}, the last making the {@code DynamoTable}
   * with {@code tableFactory} ({@code of}, {@code ofAsync}); {@code javadocs} in that order.
   */
  private static void addFactories(TypeSpec.Builder type, TableModel table, String method, ClassName client,
      ClassName returned, String tableFactory, List<String> javadocs) {
    type.addMethod(factory(method, client, returned, javadocs.get(0))
        .addStatement("return $L(client, DEFAULT_NAME)", method)
        .build());
    type.addMethod(factory(method, client, returned, javadocs.get(1))
        .addParameter(String.class, "tableName")
        .addStatement("return $L(client, tableName, $T.defaults())", method, TypeNames.TABLE_OPTIONS)
        .build());
    type.addMethod(factory(method, client, returned, javadocs.get(2))
        .addParameter(TypeNames.TABLE_OPTIONS, "options")
        .addStatement("return $L(client, DEFAULT_NAME, options)", method)
        .build());
    type.addMethod(factory(method, client, returned, javadocs.get(3))
        .addParameter(String.class, "tableName")
        .addParameter(TypeNames.TABLE_OPTIONS, "options")
        .addCode(table.hasTimeToLive()
            ? CodeBlock.of("return new $T($T.$L(client, tableName, options).withTimeToLive($S));\n", returned,
                TypeNames.DYNAMO_TABLE, tableFactory, table.timeToLive())
            : CodeBlock.of("return new $T($T.$L(client, tableName, options));\n", returned, TypeNames.DYNAMO_TABLE,
                tableFactory))
        .build());
  }

  private static MethodSpec.Builder factory(String method, ClassName client, ClassName returned, String javadoc) {
    return MethodSpec.methodBuilder(method)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(javadoc)
        .returns(returned)
        .addParameter(client, "client");
  }

  /** {@code public Transaction transaction() { return new Transaction(this.table); }} and the like. */
  private static MethodSpec tableOperation(String name, ClassName type, String javadoc) {
    return tableOperation(name, name, type, javadoc);
  }

  /** {@code name()} returning {@code this.table.tableMethod()}, for this class and its async twin. */
  static MethodSpec tableOperation(String name, String tableMethod, ClassName type, String javadoc) {
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("$L\n", javadoc)
        .returns(type)
        .addStatement("return this.table.$L()", tableMethod)
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
        .add(".tableName(tableName)\n")
        .add(".keySchema($T.keySchema($S, $L))\n", TypeNames.TABLE_DEFINITIONS, table.partitionKey(),
            sortKeyArgument(table.sortKey()))
        .add(".attributeDefinitions(\n").indent().indent()
        .add(CodeBlock.join(attributes, ",\n")).add(")\n").unindent().unindent();
    List<IndexModel> globals = table.indexes(IndexModel.Kind.GLOBAL);
    if (!globals.isEmpty()) {
      request.add(".globalSecondaryIndexes(\n").indent().indent()
          .add(CodeBlock.join(globals.stream().map(i -> index(i, "globalIndex", table.provisioned())).toList(),
              ",\n"))
          .add(")\n").unindent().unindent();
    }
    List<IndexModel> locals = table.indexes(IndexModel.Kind.LOCAL);
    if (!locals.isEmpty()) {
      request.add(".localSecondaryIndexes(\n").indent().indent()
          .add(CodeBlock.join(locals.stream().map(i -> index(i, "localIndex", false)).toList(), ",\n"))
          .add(")\n").unindent().unindent();
    }
    if (table.hasStream()) {
      request.add(".streamSpecification($T.stream($T.$L))\n", TypeNames.TABLE_DEFINITIONS, TypeNames.STREAM_VIEW_TYPE,
          table.stream());
    }
    if (table.provisioned()) {
      request.add(".billingMode($T.PROVISIONED)\n", TypeNames.BILLING_MODE)
          .add(".provisionedThroughput($T.throughput($L, $L))\n", TypeNames.TABLE_DEFINITIONS,
              table.throughput().read(), table.throughput().write());
    } else {
      request.add(".billingMode($T.PAY_PER_REQUEST)\n", TypeNames.BILLING_MODE);
    }
    if (table.deletionProtection()) {
      request.add(".deletionProtectionEnabled(true)\n");
    }
    request.add(".build();\n").unindent().unindent();
    return MethodSpec.methodBuilder("createTableRequest")
        .addModifiers(Modifier.STATIC)
        .addJavadoc("The CreateTable request of the design under {@code tableName}, for this class and its async twin.\n")
        .returns(TypeNames.CREATE_TABLE_REQUEST)
        .addParameter(String.class, "tableName")
        .addCode(request.build())
        .build();
  }

  /** A global or local index; a global index of a provisioned table with its own capacity units. */
  private static CodeBlock index(IndexModel index, String builder, boolean provisioned) {
    CodeBlock projection = CodeBlock.of("$T.projection($T.$L$L)", TypeNames.TABLE_DEFINITIONS,
        TypeNames.PROJECTION_TYPE, index.projection().name(),
        index.nonKeyAttributes().isEmpty() ? "" : ", " + String.join(", ",
            index.nonKeyAttributes().stream().map(a -> CodeBlock.of("$S", a).toString()).toList()));
    if (provisioned) {
      return CodeBlock.of("$T.$L($S, $S, $L,$W$L,$W$T.throughput($L, $L))", TypeNames.TABLE_DEFINITIONS, builder,
          index.name(), index.partitionKey(), sortKeyArgument(index.sortKey()), projection,
          TypeNames.TABLE_DEFINITIONS, index.throughput().read(), index.throughput().write());
    }
    return CodeBlock.of("$T.$L($S, $S, $L,$W$L)", TypeNames.TABLE_DEFINITIONS, builder, index.name(),
        index.partitionKey(), sortKeyArgument(index.sortKey()), projection);
  }

  private static CodeBlock sortKeyArgument(String sortKey) {
    return sortKey.isEmpty() ? CodeBlock.of("null") : CodeBlock.of("$S", sortKey);
  }
}
