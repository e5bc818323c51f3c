package dev.monotable.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.monotable.processor.model.AccessPatternModel;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.KeyTemplate;
import dev.monotable.processor.model.TableModel;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/** Generates {@code <Entity>Repository}: put, get and delete by the entity's primary key fields. */
public final class RepositoryGenerator extends EntitySourceGenerator {
  public RepositoryGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected TypeSpec.Builder type(EntityInTable input) {
    EntityModel entity = input.entity();
    TableModel table = input.table();
    ClassName entityClass = TypeNames.className(entity.type());
    ClassName schemaClass = TypeNames.className(entity.schemaType());
    ClassName keysClass = TypeNames.className(entity.keysType());
    String instance = dev.monotable.processor.model.Naming.instanceVariable(entity.type().simpleName());

    List<KeyTemplate> primary = entity.primaryKeyTemplates(table);
    List<ParameterSpec> keyParameters = KeysGenerator.parameters(entity, primary);
    CodeBlock keyArguments = CodeBlock.join(keyParameters.stream().map(p -> CodeBlock.of("$N", p)).toList(), ", ");
    String keyText = primary.stream().map(KeyTemplate::text).reduce((a, b) -> a + " / " + b).orElseThrow();

    TypeSpec.Builder type = TypeSpec.classBuilder(TypeNames.className(entity.repositoryType()))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(TypeNames.REPOSITORY, entityClass))
        .addJavadoc("Reads and writes {@link $T} items, keyed {@code $L}.\n", entityClass, keyText)
        .addJavadoc("Get one from {@code $L.$L()}.\n", table.tableClass().simpleName(),
            dev.monotable.processor.model.Naming.repositoryAccessor(entity.type()))
        .addField(FieldSpec.builder(ParameterizedTypeName.get(TypeNames.ENTITY_STORE, entityClass), "store",
            Modifier.PRIVATE, Modifier.FINAL).build())
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("A repository of the entity's items in {@code table}.\n")
            .addParameter(TypeNames.DYNAMO_TABLE, "table")
            .addStatement(SchemaGenerator.hasIndexKeyRules(entity, table)
                ? CodeBlock.of("this.store = table.store(this, $T.INSTANCE, $T.INDEX_KEY_RULES)", schemaClass, schemaClass)
                : CodeBlock.of("this.store = table.store(this, $T.INSTANCE)", schemaClass))
            .build())
        .addMethod(MethodSpec.methodBuilder("put")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Writes {@code $L}, replacing any item with the same key.\n", instance)
            .addParameter(entityClass, instance)
            .addStatement("this.store.put($L)", instance)
            .build())
        .addMethod(MethodSpec.methodBuilder("get")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Reads the $L keyed {@code $L}, if there is one.\n", entity.type().simpleName(), keyText)
            .returns(ParameterizedTypeName.get(TypeNames.OPTIONAL, entityClass))
            .addParameters(keyParameters)
            .addStatement("return this.store.get($T.primaryKey($L))", keysClass, keyArguments)
            .build())
        .addMethod(MethodSpec.methodBuilder("delete")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Deletes the $L keyed {@code $L}, unconditionally (whatever its version); deleting an\n",
                entity.type().simpleName(), keyText)
            .addJavadoc("absent item is not an error.\n")
            .addParameters(keyParameters)
            .addStatement("this.store.delete($T.primaryKey($L))", keysClass, keyArguments)
            .build())
        .addMethod(MethodSpec.methodBuilder("delete")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Deletes the item of {@code $L}$L.\n", instance, entity.versionField().isPresent()
                ? ", only if its stored version is the one it was read with ({@code OptimisticLockException}\n"
                    + "otherwise)" : "")
            .addParameter(entityClass, instance)
            .addStatement("this.store.deleteEntity($L)", instance)
            .build());
    type.addMethod(MethodSpec.methodBuilder("put")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Writes {@code $L} if {@code condition} holds for the item now stored under its key.\n\n", instance)
        .addJavadoc("@throws $T when it does not; nothing is written\n", TypeNames.CONDITION_FAILED)
        .addParameter(entityClass, instance)
        .addParameter(TypeNames.CONDITION, "condition")
        .addStatement("this.store.put($L, condition)", instance)
        .build());
    type.addMethod(MethodSpec.methodBuilder("putIfAbsent")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Writes {@code $L} only when no item has its key.\n\n", instance)
        .addJavadoc("@throws $T when one has; its {@code current(Class)} is that item\n", TypeNames.CONDITION_FAILED)
        .addParameter(entityClass, instance)
        .addStatement("this.store.putIfAbsent($L)", instance)
        .build());
    type.addMethod(MethodSpec.methodBuilder("delete")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Deletes the $L keyed {@code $L} if {@code condition} holds for it.\n\n",
            entity.type().simpleName(), keyText)
        .addJavadoc("@throws $T when it does not; nothing is deleted\n", TypeNames.CONDITION_FAILED)
        .addParameters(keyParameters)
        .addParameter(TypeNames.CONDITION, "condition")
        .addStatement("this.store.delete($T.primaryKey($L), condition)", keysClass, keyArguments)
        .build());
    CodeBlock keyFields = CodeBlock.of("$T.of($L)", TypeNames.KEY_FIELDS, keyFieldPairs(entity, primary));
    type.addMethod(MethodSpec.methodBuilder("update")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("An update of the existing $L keyed {@code $L}; {@code execute()} sends it, and fails with\n",
            entity.type().simpleName(), keyText)
        .addJavadoc("{@link $T} when there is none ({@link #upsert} creates it).\n", TypeNames.CONDITION_FAILED)
        .returns(ParameterizedTypeName.get(TypeNames.UPDATE, entityClass))
        .addParameters(keyParameters)
        .addStatement("return this.store.update($T.primaryKey($L), $L)", keysClass, keyArguments, keyFields)
        .build());
    type.addMethod(MethodSpec.methodBuilder("upsert")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("An update of the $L keyed {@code $L} that creates it when there is none, with its key fields,\n",
            entity.type().simpleName(), keyText)
        .addJavadoc("type attribute, index keys, initial version and creation time; {@code execute()} sends it.\n")
        .returns(ParameterizedTypeName.get(TypeNames.UPDATE, entityClass))
        .addParameters(keyParameters)
        .addStatement("return this.store.upsert($T.primaryKey($L), $L)", keysClass, keyArguments, keyFields)
        .build());
    addBatches(type, entity, keyParameters, keysClass, entityClass);
    type.addMethod(MethodSpec.methodBuilder("scanAll")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Every $L in the table, by a scan that reads (and pays for) every item of every type.\n",
            entity.type().simpleName())
        .addJavadoc("Prefer an access pattern; this is for backfills, exports and small tables.\n")
        .returns(ParameterizedTypeName.get(TypeNames.SCAN, entityClass))
        .addStatement("return this.store.scan()")
        .build());
    for (AccessPatternModel pattern : entity.accessPatterns()) {
      new AccessPatternCode(entity, table, pattern, TypeNames.className(entity.repositoryType())).addTo(type);
    }
    return type;
  }

  /** A key record of the primary-key fields, and batch reads and writes through it. */
  private static void addBatches(TypeSpec.Builder type, EntityModel entity, List<ParameterSpec> keyParameters,
      ClassName keysClass, ClassName entityClass) {
    String keyName = entity.type().simpleName().equals("Key") ? "PrimaryKey" : "Key";
    ClassName key = TypeNames.className(entity.repositoryType()).nestedClass(keyName);
    type.addType(TypeSpec.recordBuilder(key)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The primary-key fields of one $L, for batch reads and deletes.\n", entity.type().simpleName())
        .recordConstructor(MethodSpec.constructorBuilder().addParameters(keyParameters).build())
        .build());
    CodeBlock keyArguments = CodeBlock.join(
        keyParameters.stream().map(p -> CodeBlock.of("key.$N()", p)).toList(), ", ");
    ClassName list = ClassName.get("java.util", "List");
    ClassName arrayList = ClassName.get("java.util", "ArrayList");
    CodeBlock toKeys = CodeBlock.builder()
        .addStatement("$T.checkBatch($S, keys)", TypeNames.KEY_MAPS, entity.typeName())
        .addStatement("$T<$T> primaryKeys = new $T<>(keys.size())", list, TypeNames.ITEM, arrayList)
        .beginControlFlow("for ($T key : keys)", key)
        .addStatement("primaryKeys.add($T.primaryKey($L))", keysClass, keyArguments)
        .endControlFlow()
        .build();
    type.addMethod(MethodSpec.methodBuilder("batchGet")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Reads the $L of {@code keys} in batches of 100, in the order asked (empty where there is\n",
            entity.type().simpleName())
        .addJavadoc("none), retrying what DynamoDB leaves unprocessed.\n\n")
        .addJavadoc("@throws dev.monotable.runtime.BatchIncompleteException carrying the keys still unread\n")
        .returns(ParameterizedTypeName.get(list, ParameterizedTypeName.get(TypeNames.OPTIONAL, entityClass)))
        .addParameter(ParameterizedTypeName.get(list, key), "keys")
        .addCode(toKeys)
        .addStatement("return this.store.batchGet(primaryKeys, keys)")
        .build());
    type.addMethod(MethodSpec.methodBuilder("batchPut")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Writes every one of {@code entities} in batches of 25, retrying what DynamoDB leaves unprocessed.\n\n")
        .addJavadoc("@throws dev.monotable.runtime.BatchIncompleteException carrying the items still unwritten\n")
        .addParameter(ParameterizedTypeName.get(list, entityClass), "entities")
        .addStatement("this.store.batchPut(entities)")
        .build());
    type.addMethod(MethodSpec.methodBuilder("batchDelete")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Deletes the items of {@code keys} in batches of 25, retrying what DynamoDB leaves unprocessed.\n\n")
        .addJavadoc("@throws dev.monotable.runtime.BatchIncompleteException carrying the keys still undeleted\n")
        .addParameter(ParameterizedTypeName.get(list, key), "keys")
        .addCode(toKeys)
        .addStatement("this.store.batchDelete(primaryKeys, keys)")
        .build());
  }

  /** {@code OrderFields.USER_ID, userId, OrderFields.ORDER_ID, orderId}: the key fields by typed path. */
  private static CodeBlock keyFieldPairs(EntityModel entity, List<KeyTemplate> primary) {
    ClassName fieldsClass = TypeNames.className(entity.type().companion("Fields"));
    List<CodeBlock> pairs = new java.util.ArrayList<>();
    for (dev.monotable.processor.model.FieldModel field : entity.keyFields(primary)) {
      pairs.add(CodeBlock.of("$T.$L, $L", fieldsClass, dev.monotable.processor.model.Naming.constant(field.name()),
          dev.monotable.processor.model.Naming.parameter(field.name())));
    }
    return CodeBlock.join(pairs, ", ");
  }
}
