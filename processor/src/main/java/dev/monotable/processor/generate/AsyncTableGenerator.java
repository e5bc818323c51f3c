package dev.monotable.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.KeyTemplate;
import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.TableModel;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Table>AsyncTable}, the async twin of {@code <Table>Table} that
 * {@code <Table>Table.async(dynamoDbAsyncClient)} hands out: the async repositories, transactions,
 * batches and item collections. The design (its CreateTable request, index constants, collection
 * records) stays in the synchronous class, which this one refers to.
 */
public final class AsyncTableGenerator extends SourceFileGenerator<TableGenerator.Input> {
  public AsyncTableGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected String packageName(TableGenerator.Input input) {
    return input.table().type().packageName();
  }

  @Override
  protected TypeSpec.Builder type(TableGenerator.Input input) {
    TableModel table = input.table();
    ClassName tableClass = TypeNames.className(table.tableClass());
    ClassName asyncClass = TypeNames.className(table.asyncTableClass());
    TypeSpec.Builder type = TypeSpec.classBuilder(asyncClass)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Table {@code $L} through the SDK's async client: the async twin of {@link $T}, its reads and\n",
            table.name(), tableClass)
        .addJavadoc("writes futures. Get it from {@code $T.async(dynamoDbAsyncClient)}.\n", tableClass)
        .addField(FieldSpec.builder(TypeNames.DYNAMO_TABLE, "table", Modifier.PRIVATE, Modifier.FINAL).build());
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addJavadoc("The table {@code table} reaches, through its async client.\n")
        .addParameter(TypeNames.DYNAMO_TABLE, "table")
        .addStatement("this.table = table");
    for (EntityModel entity : input.entities()) {
      ClassName repository = TypeNames.className(entity.asyncRepositoryType());
      String accessor = Naming.repositoryAccessor(entity.type());
      type.addField(FieldSpec.builder(repository, accessor, Modifier.PRIVATE, Modifier.FINAL).build());
      constructor.addStatement("this.$L = new $T(table)", accessor, repository);
    }
    type.addMethod(constructor.build());
    type.addMethod(MethodSpec.methodBuilder("tableName")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The name requests are sent to.\n")
        .returns(String.class)
        .addStatement("return table.name()")
        .build());
    type.addMethod(MethodSpec.methodBuilder("createTableRequest")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The CreateTable request of this table, as {@link $T#createTableRequest()} gives it.\n", tableClass)
        .returns(TypeNames.CREATE_TABLE_REQUEST)
        .addStatement("return $T.createTableRequest(table.name())", tableClass)
        .build());
    type.addMethod(MethodSpec.methodBuilder("createIfNotExists")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Creates the table unless it exists; the future completes once it is active, with true when\n")
        .addJavadoc("this call created it.\n")
        .returns(ParameterizedTypeName.get(TypeNames.COMPLETABLE_FUTURE, ClassName.get(Boolean.class)))
        .addCode(table.hasTimeToLive()
            ? CodeBlock.of("return table.createIfNotExistsAsync(createTableRequest(), $S);\n", table.timeToLive())
            : CodeBlock.of("return table.createIfNotExistsAsync(createTableRequest());\n"))
        .build());
    type.addMethod(TableGenerator.tableOperation("transaction", "asyncTransaction", TypeNames.ASYNC_TRANSACTION,
        "A transaction of up to 100 puts, updates, deletes and condition checks across entities."));
    type.addMethod(TableGenerator.tableOperation("batchGet", "asyncBatchGet", TypeNames.ASYNC_TABLE_BATCH_GET,
        "A batch of reads across entities."));
    type.addMethod(TableGenerator.tableOperation("transactionRead", "asyncTransactionRead", TypeNames.ASYNC_TRANSACTION_READ,
        "A read of up to 100 items across entities as one snapshot ({@code TransactGetItems})."));
    type.addMethod(TableGenerator.tableOperation("batchWrite", "asyncBatchWrite", TypeNames.ASYNC_TABLE_BATCH,
        "A batch of puts and deletes across entities (not atomic: see {@link #transaction()})."));
    if (table.hasStream()) {
      addChanges(type, table);
    }
    addCollections(type, input);
    for (EntityModel entity : input.entities()) {
      ClassName repository = TypeNames.className(entity.asyncRepositoryType());
      String accessor = Naming.repositoryAccessor(entity.type());
      type.addMethod(MethodSpec.methodBuilder(accessor)
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc("The async repository of {@link $T} items.\n", TypeNames.className(entity.type()))
          .returns(repository)
          .addStatement("return $L", accessor)
          .build());
    }
    return type;
  }

  /**
   * {@code changes()}, the stream's decoder (decoding is the same for both twins), and
   * {@code pollChanges(streams[, start])}, a reader of the stream through the async streams client.
   */
  private static void addChanges(TypeSpec.Builder type, TableModel table) {
    ClassName changes = TypeNames.className(table.changesClass());
    ClassName reader = ClassName.get(TypeNames.ASYNC, "AsyncStreamReader");
    ClassName streams = ClassName.get("software.amazon.awssdk.services.dynamodb.streams", "DynamoDbStreamsAsyncClient");
    ClassName iteratorType = ClassName.get("software.amazon.awssdk.services.dynamodb.model", "ShardIteratorType");
    type.addMethod(MethodSpec.methodBuilder("changes")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The decoder of this table's stream records into typed changes, dispatched to a handler.\n")
        .returns(changes)
        .addStatement("return new $T()", changes)
        .build());
    type.addMethod(MethodSpec.methodBuilder("pollChanges")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("A reader of this table's stream from the oldest record it keeps, for local development and\n")
        .addJavadoc("tests; the future fails with {@code IllegalStateException} when the table has no stream.\n")
        .returns(ParameterizedTypeName.get(TypeNames.COMPLETABLE_FUTURE, reader))
        .addParameter(streams, "streams")
        .addStatement("return pollChanges(streams, $T.TRIM_HORIZON)", iteratorType)
        .build());
    type.addMethod(MethodSpec.methodBuilder("pollChanges")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("A reader of this table's stream from {@code start}: {@code TRIM_HORIZON} or {@code LATEST}.\n")
        .returns(ParameterizedTypeName.get(TypeNames.COMPLETABLE_FUTURE, reader))
        .addParameter(streams, "streams")
        .addParameter(iteratorType, "start")
        .addStatement("return table.pollAsync(streams, start)")
        .build());
  }

  /**
   * One method per item collection, returning the async handle of one partition: {@code read()} and
   * {@code page(limit, cursor)} as futures of the synchronous table's records, and the members' own
   * async queries.
   */
  private static void addCollections(TypeSpec.Builder type, TableGenerator.Input input) {
    TableModel table = input.table();
    ClassName tableClass = TypeNames.className(table.tableClass());
    Map<String, List<EntityModel>> collections = TableGenerator.collections(input.entities());
    List<String> entityNames = input.entities().stream().map(entity -> entity.type().simpleName()).toList();
    for (Map.Entry<String, List<EntityModel>> collection : collections.entrySet()) {
      String name = collection.getKey();
      List<EntityModel> members = collection.getValue();
      List<EntityModel> narrowed = TableGenerator.narrowable(table, members);
      ClassName record = tableClass.nestedClass(Naming.collectionRecord(name, entityNames));
      ClassName page = tableClass.nestedClass(Naming.collectionPage(name));
      ClassName syncHandle = tableClass.nestedClass(Naming.collectionHandle(name));
      ClassName handle = TypeNames.className(table.asyncTableClass()).nestedClass(Naming.collectionHandle(name));
      type.addType(handle(table, name, narrowed, handle, record, page, syncHandle));

      EntityModel first = members.get(0);
      KeyTemplate partition = first.partitionKey().orElseThrow();
      String partitionLocal = partition.fields().contains("partition") ? "partitionValue" : "partition";
      type.addMethod(MethodSpec.methodBuilder(name)
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc(JavadocText.wrap("Item collection {@code $L}: the items of partition {@code $L}, of every member"
              + " type; {@code read()} reads them all, {@code page(limit, cursor)} a page at a time.\n",
              name, partition.text()))
          .returns(handle)
          .addParameters(KeysGenerator.parameters(first, List.of(partition)))
          .addStatement("$T $L = $L", TypeNames.ATTRIBUTE_VALUE, partitionLocal,
              KeysGenerator.keyValue(partition, "partitionKey", TypeNames.className(first.keysType()), true))
          .addStatement("return new $T(this.table, $L$L)", handle, partitionLocal, narrowed.stream()
              .map(m -> ", this." + Naming.repositoryAccessor(m.type())).reduce("", String::concat))
          .build());
    }
  }

  private static TypeSpec handle(TableModel table, String name, List<EntityModel> narrowed, ClassName handle,
      ClassName record, ClassName page, ClassName syncHandle) {
    TypeSpec.Builder type = TableGenerator.handleFields(handle, narrowed, Flavor.ASYNC)
        .addJavadoc(JavadocText.wrap("Item collection {@code $L} of one partition, read through the async client.\n",
            name));
    type.addMethod(MethodSpec.methodBuilder("read")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Every item of the partition, read page after page and decoded by type.\n")
        .returns(ParameterizedTypeName.get(TypeNames.COMPLETABLE_FUTURE, record))
        .addStatement("return this.table.partitionAsync($S, $S, this.partition,$W$T::collect)", name,
            table.partitionKey(), syncHandle)
        .build());
    type.addMethod(MethodSpec.methodBuilder("page")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("One page, as {@link $T#page(int, String)} reads it.\n", syncHandle)
        .returns(ParameterizedTypeName.get(TypeNames.COMPLETABLE_FUTURE, page))
        .addParameter(int.class, "limit")
        .addParameter(String.class, "cursor")
        .addStatement("return this.table.partitionPageAsync($S, $S, this.partition, limit, cursor,$W$T::pageOf)",
            name, table.partitionKey(), syncHandle)
        .build());
    for (EntityModel member : narrowed) {
      KeyTemplate sortKey = member.sortKey().orElseThrow();
      String component = TableGenerator.collectionComponent(member);
      ClassName entity = TypeNames.className(member.type());
      CodeBlock narrowing = sortKey.isFixed()
          ? CodeBlock.of(".exactSortKey($S)", sortKey.text())
          : CodeBlock.of(".sortKeyTerritory($S)", sortKey.literalPrefix());
      TypeName returned = ParameterizedTypeName.get(TypeNames.ASYNC_NARROWED_CONSISTENT_QUERY, entity);
      type.addMethod(MethodSpec.methodBuilder(component)
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc("The {@link $T} items of the partition alone.\n", entity)
          .returns(returned)
          .addCode(CodeBlock.builder()
              .add("return $T.of(this.$L)\n", TypeNames.ASYNC_ENTITY_STORE, Naming.repositoryAccessor(member.type()))
              .indent().indent()
              .add(".query($T.$L, $S, this.partition)\n", TypeNames.className(table.tableClass()),
                  TableGenerator.PRIMARY_KEY, name + "." + component)
              .add("$L\n", narrowing)
              .add(".asyncNarrowedConsistent();\n")
              .unindent().unindent()
              .build())
          .build());
    }
    return type.build();
  }
}
