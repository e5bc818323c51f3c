package dev.monotable.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.monotable.processor.model.AccessPatternModel;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.KeyTemplate;
import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.TableModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Entity>Repository}: put, get and delete by the entity's primary key fields, and
 * a query method per access pattern; or, of {@link Flavor#ASYNC}, its async twin
 * {@code <Entity>AsyncRepository}, whose methods return futures. One generator writes both, method
 * for method.
 */
public final class RepositoryGenerator extends EntitySourceGenerator {
  /** The helper that turns a batch's key records into key maps, in the synchronous repository. */
  private static final String BATCH_KEYS = "primaryKeys";

  private final Flavor flavor;

  /** The generator of the synchronous repositories. */
  public RepositoryGenerator(Filer filer) {
    this(filer, Flavor.SYNC);
  }

  private RepositoryGenerator(Filer filer, Flavor flavor) {
    super(filer);
    this.flavor = flavor;
  }

  /** The generator of the async repositories. */
  public static RepositoryGenerator async(Filer filer) {
    return new RepositoryGenerator(filer, Flavor.ASYNC);
  }

  @Override
  protected TypeSpec.Builder type(EntityInTable input) {
    EntityModel entity = input.entity();
    TableModel table = input.table();
    ClassName entityClass = TypeNames.className(entity.type());
    ClassName schemaClass = TypeNames.className(entity.schemaType());
    ClassName keysClass = TypeNames.className(entity.keysType());
    String name = entity.type().simpleName();

    List<KeyTemplate> primary = entity.primaryKeyTemplates(table);
    List<ParameterSpec> keyParameters = KeysGenerator.parameters(entity, primary);
    CodeBlock keyArguments = CodeBlock.join(keyParameters.stream().map(p -> CodeBlock.of("$N", p)).toList(), ", ");
    CodeBlock primaryKey = CodeBlock.of("$T.primaryKey($L)", keysClass, keyArguments);
    String keyText = primary.stream().map(KeyTemplate::text).reduce((a, b) -> a + " / " + b).orElseThrow();

    ClassName repository = TypeNames.className(flavor.repositoryType(entity));
    TypeSpec.Builder type = TypeSpec.classBuilder(repository)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(flavor.abstractRepository(), entityClass));
    if (flavor.async()) {
      type.addJavadoc(JavadocText.wrap("Reads and writes {@link $T} items, keyed {@code $L}, through the SDK's async"
          + " client: the async twin of {@link $T}, each read and write a future.\n", entityClass, keyText,
          TypeNames.className(entity.repositoryType())))
          .addJavadoc("Get one from {@code $L.async(dynamoDbAsyncClient).$L()}.\n", table.tableClass().simpleName(),
              Naming.repositoryAccessor(entity.type()));
    } else {
      type.addJavadoc(JavadocText.wrap("Reads and writes {@link $T} items, keyed {@code $L}.\n", entityClass, keyText))
          .addJavadoc("Get one from {@code $L.$L()}.\n", table.tableClass().simpleName(),
              Naming.repositoryAccessor(entity.type()));
    }
    type
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("A repository of the entity's items in {@code table}.\n")
            .addParameter(TypeNames.DYNAMO_TABLE, "table")
            .addStatement(SchemaGenerator.hasIndexKeyRules(entity, table)
                ? CodeBlock.of("super(table.store($T.INSTANCE, $T.INDEX_KEY_RULES))", schemaClass, schemaClass)
                : CodeBlock.of("super(table.store($T.INSTANCE))", schemaClass))
            .build());

    // put, putIfAbsent, delete(entity), batchPut and scanAll need only the entity: AbstractRepository has them
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(MethodSpec.methodBuilder("get")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(JavadocText.wrap("Reads the $L keyed {@code $L}, if there is one.\n", name, keyText))
        .returns(flavor.result(ParameterizedTypeName.get(TypeNames.OPTIONAL, entityClass)))
        .addParameters(keyParameters)
        .addStatement("return store().get($L)", primaryKey)
        .build());
    // the parameters after the key fields are named clear of them (a key field may be called read)
    String read = unusedName(keyParameters.stream().anyMatch(p -> p.name().equals("read")) ? "readAs" : "read",
        keyParameters);
    String condition = unusedName("condition", keyParameters);
    methods.add(MethodSpec.methodBuilder("get")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(JavadocText.wrap("Reads the $L of these key fields as {@code $L} says: {@code Read.consistent()},"
            + " {@code Read.projecting(..)}.\n", name, read))
        .returns(flavor.result(ParameterizedTypeName.get(TypeNames.OPTIONAL, entityClass)))
        .addParameters(keyParameters)
        .addParameter(TypeNames.READ, read)
        .addStatement("return store().get($L, $L)", primaryKey, read)
        .build());
    methods.add(MethodSpec.methodBuilder("delete")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(JavadocText.wrap("Deletes the $L of these key fields, whatever its version; an absent one is no"
            + " error.\n", name))
        .returns(flavor.result(TypeName.VOID))
        .addParameters(keyParameters)
        .addStatement(statement("store().delete($L)"), primaryKey)
        .build());
    methods.add(MethodSpec.methodBuilder("delete")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(JavadocText.wrap("Deletes the $L of these key fields if {@code $L} holds for it.\n\n"
            + "@throws $T when it does not; nothing is deleted\n", name, condition, TypeNames.CONDITION_FAILED))
        .returns(flavor.result(TypeName.VOID))
        .addParameters(keyParameters)
        .addParameter(TypeNames.CONDITION, condition)
        .addStatement(statement("store().delete($L, $L)"), primaryKey, condition)
        .build());
    CodeBlock keyFields = CodeBlock.of("$T.primaryKeyFields($L)", keysClass, keyArguments);
    methods.add(MethodSpec.methodBuilder("update")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(JavadocText.wrap("An update of the existing $L of these key fields: {@code execute()} fails with"
            + " {@link $T} when there is none.\n", name, TypeNames.CONDITION_FAILED))
        .returns(ParameterizedTypeName.get(flavor.update(), entityClass))
        .addParameters(keyParameters)
        .addStatement("return store().update($L,$W$L)", primaryKey, keyFields)
        .build());
    methods.add(MethodSpec.methodBuilder("upsert")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(JavadocText.wrap("An update of the $L of these key fields that creates it (keys, type, version)"
            + " when there is none.\n", name))
        .returns(ParameterizedTypeName.get(flavor.update(), entityClass))
        .addParameters(keyParameters)
        .addStatement("return store().upsert($L,$W$L)", primaryKey, keyFields)
        .build());
    methods.addAll(batches(type, entity, keyParameters, entityClass));
    MethodSpec scanIndex = scanIndex(entity, table);
    if (scanIndex != null) {
      methods.add(scanIndex);
    }
    for (AccessPatternModel pattern : entity.accessPatterns()) {
      methods.add(new AccessPatternCode(entity, table, pattern, repository, input.ownsTerritory(), flavor)
          .addBuilders(type));
    }
    type.addMethods(overloadsTogether(methods));
    if (!flavor.async()) {
      type.addMethod(batchKeys(entity, keyParameters, keysClass));
    }
    return type;
  }

  /** {@code code} as the statement of a method returning nothing, or as the return of an async one's future. */
  private String statement(String code) {
    return flavor.async() ? "return " + code : code;
  }

  /** {@code name}, or it with {@code _} added until no key parameter has it. */
  private static String unusedName(String name, List<ParameterSpec> keyParameters) {
    String candidate = name;
    while (true) {
      String taken = candidate;
      if (keyParameters.stream().noneMatch(parameter -> parameter.name().equals(taken))) {
        return candidate;
      }
      candidate += "_";
    }
  }

  /** The batch operations' one conversion of key records to key maps, a private helper. */
  private static MethodSpec batchKeys(EntityModel entity, List<ParameterSpec> keyParameters, ClassName keysClass) {
    ClassName key = keyRecord(entity);
    CodeBlock keyArguments = CodeBlock.join(
        keyParameters.stream().map(p -> CodeBlock.of("key.$N()", p)).toList(), ", ");
    ClassName list = ClassName.get("java.util", "List");
    return MethodSpec.methodBuilder(BATCH_KEYS)
        .addModifiers(Modifier.STATIC)
        .addJavadoc("The key maps of {@code keys}, checked as one batch (for this repository and its async twin).\n")
        .returns(ParameterizedTypeName.get(list, TypeNames.ITEM))
        .addParameter(ParameterizedTypeName.get(list, key), "keys")
        .addStatement("$T.checkBatch($S, keys)", TypeNames.KEY_MAPS, entity.typeName())
        .addStatement("$T<$T> primaryKeys = new $T<>(keys.size())", list, TypeNames.ITEM,
            ClassName.get("java.util", "ArrayList"))
        .beginControlFlow("for ($T key : keys)", key)
        .addStatement("primaryKeys.add($T.primaryKey($L))", keysClass, keyArguments)
        .endControlFlow()
        .addStatement("return primaryKeys")
        .build();
  }

  /** {@code OrderRepository.Key}, or {@code PrimaryKey} for an entity named {@code Key}. */
  private static ClassName keyRecord(EntityModel entity) {
    String keyName = entity.type().simpleName().equals("Key") ? "PrimaryKey" : "Key";
    return TypeNames.className(entity.repositoryType()).nestedClass(keyName);
  }

  /**
   * {@code scanIndex(String index)}: a scan of one of the secondary indexes the entity's items are
   * in, chosen by the name the design gives it (as {@code @AccessPattern(index = ...)} does); any
   * other name is refused. An index that does not hold whole items is read as its queries read it:
   * the entries, then the items by their table keys. Null when the entity is in no index.
   */
  private MethodSpec scanIndex(EntityModel entity, TableModel table) {
    List<IndexModel> indexes = table.indexes().stream()
        .filter(index -> entity.bindingFor(table, index).complete())
        .toList();
    if (indexes.isEmpty()) {
      return null;
    }
    String name = entity.type().simpleName();
    CodeBlock.Builder cases = CodeBlock.builder().add("return switch (index) {\n").indent();
    for (IndexModel index : indexes) {
      cases.addStatement("case $S -> store().scanIndex($T.$L)", index.name(),
          TypeNames.className(table.tableClass()), TableGenerator.indexConstant(index));
    }
    String names = indexes.stream().map(IndexModel::name).reduce((a, b) -> a + ", " + b).orElseThrow();
    cases.add("default -> throw new $T(\n", IllegalArgumentException.class).indent().indent()
        .add("$S + index + $S);\n", name + " items are not in index ", ": scan one of " + names)
        .unindent().unindent();
    cases.unindent().add("};\n");
    return MethodSpec.methodBuilder("scanIndex")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(JavadocText.wrap("Every $L in secondary index {@code index} (one of $L), by a scan of the whole"
            + " index.\n\n@throws IllegalArgumentException for an index this entity is not in\n", name, names))
        .returns(ParameterizedTypeName.get(flavor.scan(), TypeNames.className(entity.type())))
        .addParameter(String.class, "index")
        .addCode(cases.build())
        .build();
  }

  /**
   * The methods in their order, but each overload moved up next to the first method of its name
   * ({@code put(order)}, {@code put(order, condition)}), as a person groups them.
   */
  private static List<MethodSpec> overloadsTogether(List<MethodSpec> methods) {
    Map<String, List<MethodSpec>> byName = new LinkedHashMap<>();
    for (MethodSpec method : methods) {
      byName.computeIfAbsent(method.name(), n -> new ArrayList<>()).add(method);
    }
    return byName.values().stream().flatMap(List::stream).toList();
  }

  /**
   * A key record of the primary-key fields, added to the synchronous repository (the async one takes
   * that record too), and the batch reads and writes through it.
   */
  private List<MethodSpec> batches(TypeSpec.Builder type, EntityModel entity, List<ParameterSpec> keyParameters,
      ClassName entityClass) {
    ClassName key = keyRecord(entity);
    if (!flavor.async()) {
      type.addType(TypeSpec.recordBuilder(key)
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc("The primary-key fields of one $L, for batch reads and deletes.\n", entity.type().simpleName())
          .recordConstructor(MethodSpec.constructorBuilder().addParameters(keyParameters).build())
          .build());
    }
    CodeBlock keyMaps = flavor.async()
        ? CodeBlock.of("$T.$L(keys)", TypeNames.className(entity.repositoryType()), BATCH_KEYS)
        : CodeBlock.of("$L(keys)", BATCH_KEYS);
    ClassName list = ClassName.get("java.util", "List");
    TypeName keyList = ParameterizedTypeName.get(list, key);
    TypeName found = ParameterizedTypeName.get(list, ParameterizedTypeName.get(TypeNames.OPTIONAL, entityClass));
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(MethodSpec.methodBuilder("batchGet")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(JavadocText.wrap("Reads the $L of {@code keys}, in the order asked (empty where there is none).\n\n"
            + "@throws dev.monotable.runtime.BatchIncompleteException carrying the keys still unread\n",
            entity.type().simpleName()))
        .returns(flavor.result(found))
        .addParameter(keyList, "keys")
        .addStatement("return store().batchGet($L, keys)", keyMaps)
        .build());
    methods.add(MethodSpec.methodBuilder("batchGet")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(JavadocText.wrap("Reads the $L of {@code keys} as {@code read} says, in the order asked.\n\n"
            + "@throws dev.monotable.runtime.BatchIncompleteException carrying the keys still unread\n",
            entity.type().simpleName()))
        .returns(flavor.result(found))
        .addParameter(keyList, "keys")
        .addParameter(TypeNames.READ, "read")
        .addStatement("return store().batchGet($L, keys, read)", keyMaps)
        .build());
    methods.add(MethodSpec.methodBuilder("batchDelete")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(JavadocText.wrap("Deletes the items of {@code keys}, 25 a request.\n\n"
            + "@throws dev.monotable.runtime.BatchIncompleteException carrying the keys still undeleted\n"))
        .returns(flavor.result(TypeName.VOID))
        .addParameter(keyList, "keys")
        .addStatement(statement("store().batchDelete($L, keys)"), keyMaps)
        .build());
    return methods;
  }
}
