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
import dev.monotable.processor.model.FieldModel;
import dev.monotable.processor.model.IndexBinding;
import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.KeyTemplate;
import dev.monotable.processor.model.KeyTemplate.Literal;
import dev.monotable.processor.model.KeyTemplate.Placeholder;
import dev.monotable.processor.model.KeyTemplate.Segment;
import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.ScalarKind;
import dev.monotable.processor.model.TableModel;
import dev.monotable.processor.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The query method of one access pattern, and its query builders: one builder per narrowing stage
 * of the sort-key template (equality on each leading field in turn, then at most one range
 * condition on the next), so that an out-of-order narrowing does not compile. Builders are values:
 * a narrowing returns a new builder over the new {@code QueryPlan} its call returns.
 */
final class AccessPatternCode {
  /** The methods without parameters of the runtime's query builders, which a range method may not hide. */
  private static final Set<String> QUERY_METHODS = Set.of("descending", "list", "stream", "publisher", "first", "page", "count",
      "toRequest", "consistentRead", "plan", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait", "clone",
      "finalize");
  /**
   * The methods of one parameter of the runtime's query builders, which an equality method may not
   * override or overload: {@code after(String)} would override the cursor's, and {@code limit(Integer)}
   * would leave {@code limit(5)} meaning the query's limit.
   */
  private static final Set<String> QUERY_METHODS_OF_ONE_PARAMETER = Set.of("filter", "project", "limit", "after",
      "equals", "wait");
  /** Why the builders of a global-index pattern have no {@code consistentRead()}, in their Javadoc. */
  private static final String NO_CONSISTENT_READ = "No {@code consistentRead()}: DynamoDB reads a global"
      + " secondary index eventually consistent only, so a strongly consistent read of it does not compile; for one,"
      + " query the table or a local index.";
  private final EntityModel entity;
  private final TableModel table;
  private final AccessPatternModel pattern;
  private final ClassName repository;
  private final ClassName entityClass;
  private final ClassName keysClass;
  private final IndexModel index;
  private final boolean consistent;
  /** Whether no other entity's items can lie where this entity's table queries read. */
  private final boolean ownsTerritory;
  private final Flavor flavor;

  AccessPatternCode(EntityModel entity, TableModel table, AccessPatternModel pattern, ClassName repository,
      boolean ownsTerritory, Flavor flavor) {
    this.ownsTerritory = ownsTerritory;
    this.flavor = flavor;
    this.entity = entity;
    this.table = table;
    this.pattern = pattern;
    this.repository = repository;
    this.entityClass = TypeNames.className(entity.type());
    this.keysClass = TypeNames.className(entity.keysType());
    this.index = pattern.onPrimaryKey() ? null : table.index(pattern.index()).orElseThrow();
    this.consistent = index == null || index.kind() == IndexModel.Kind.LOCAL;
  }

  /** Adds the query builder types of the pattern to the repository, and returns its query method. */
  MethodSpec addBuilders(TypeSpec.Builder type) {
    IndexBinding.KeyPart partition;
    IndexBinding.KeyPart sort;
    String keyPrefix;
    if (index == null) {
      partition = entity.partitionKey().orElseThrow().plain() ? entity.tablePartitionKey(table)
          : new IndexBinding.TablePartitionKey();
      sort = entity.tableSortKey(table);
      keyPrefix = "";
    } else {
      IndexBinding binding = entity.bindingFor(table, index);
      partition = binding.partitionKey();
      sort = binding.sortKey();
      keyPrefix = Naming.indexMethodPrefix(index.name());
    }

    List<ParameterSpec> parameters = new ArrayList<>();
    // a sharded partition key: the query reads the partition of every shard
    int shards = index == null ? entity.shards() : entity.shards(index);
    CodeBlock partitionValue = shards == 0 ? partitionValue(partition, keyPrefix, parameters)
        : shardPartitions(partition, keyPrefix, parameters);
    // a local of its own name: the parameters are named after the entity's key fields
    String partitionKey = unusedName(shards == 0 ? "partitionKey" : "partitionKeys", parameters);
    String patternName = entity.typeName() + "." + pattern.name();
    // one call per line: the store's query of the index constant, then what narrows it and what makes the builder
    CodeBlock.Builder start = CodeBlock.builder().add("store()\n")
        .add(".$L($T.$L, $S, $L)", shards == 0 ? "query" : "queryShards", TypeNames.className(table.tableClass()),
            index == null ? TableGenerator.PRIMARY_KEY : TableGenerator.indexConstant(index), patternName, partitionKey);
    if (index == null && ownsTerritory) {
      // no other entity's items lie here: no filter on the type attribute in the requests
      start.add("\n.ownTerritory()");
    }

    TypeName returned;
    CodeBlock construct;
    String sortDescription;
    if (sort instanceof IndexBinding.Template template && !template.template().isFixed()) {
      KeyTemplate sortTemplate = template.template();
      start.add("\n.sortKeyTerritory($S)", sortTemplate.literalPrefix());
      String constant = index == null ? "SORT_KEY" : Naming.constant(index.name()) + "_SORT_KEY";
      type.addType(templateStages(sortTemplate, constant));
      returned = stageClass(0, List.of());
      construct = CodeBlock.of("new $T($L\n.plan())", returned, start.build());
      sortDescription = "sort key {@code " + sortTemplate.text() + "}, narrowed to {@code "
          + sortTemplate.literalPrefix() + "…}";
    } else if (sort instanceof IndexBinding.Template template) {
      start.add("\n.exactSortKey($S)", template.template().text());
      returned = narrowed();
      construct = CodeBlock.of("$L\n.$L()", start.build(), narrowedCall());
      sortDescription = "sort key {@code " + template.template().text() + "}";
    } else if (sort instanceof IndexBinding.Raw raw) {
      type.addType(rawStage(raw.field()));
      returned = stageClass(0, List.of());
      construct = CodeBlock.of("new $T($L\n.plan())", returned, start.build());
      sortDescription = "sort key attribute {@code " + raw.attribute() + "}";
    } else {
      returned = narrowed();
      construct = CodeBlock.of("$L\n.$L()", start.build(), narrowedCall());
      sortDescription = "no sort key";
    }

    return MethodSpec.methodBuilder(pattern.name())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(JavadocText.wrap("Access pattern {@code $L}: $L items of one partition of $L, $L.$L$L\n",
            pattern.name(), entity.type().simpleName(),
            index == null ? "the table" : "index {@code " + index.name() + "}", sortDescription,
            index != null && index.projection() != IndexModel.Projection.ALL
                ? " The index does not hold whole items: the query reads the full items by their table keys." : "",
            consistent ? "" : " " + NO_CONSISTENT_READ))
        .returns(returned)
        .addParameters(parameters)
        .addStatement("$T $L = $L", shards == 0 ? TypeNames.ATTRIBUTE_VALUE
            : ParameterizedTypeName.get(ClassName.get(List.class), TypeNames.ATTRIBUTE_VALUE), partitionKey,
            partitionValue)
        .addStatement("return $L", construct)
        .build();
  }

  /** The partitions of every shard of a sharded index partition key; adds the parameters they take. */
  private CodeBlock shardPartitions(IndexBinding.KeyPart partition, String keyPrefix, List<ParameterSpec> parameters) {
    // an index's own sharded template, or the table's (for the table and its local indexes)
    KeyTemplate template = partition instanceof IndexBinding.Template t ? t.template() : entity.partitionKey().orElseThrow();
    String method = partition instanceof IndexBinding.Template ? keyPrefix + "PartitionKeys" : "partitionKeys";
    parameters.addAll(KeysGenerator.parameters(entity, List.of(template)));
    return CodeBlock.of("$T.$L($L)", keysClass, method, Naming.arguments(template.fields()));
  }

  /** The partition value of the query; adds the parameters it takes. */
  private CodeBlock partitionValue(IndexBinding.KeyPart partition, String keyPrefix, List<ParameterSpec> parameters) {
    if (partition instanceof IndexBinding.Raw raw) {
      FieldModel field = raw.field();
      parameters.add(ParameterSpec.builder(TypeNames.typeName(field.javaType()), Naming.parameter(field.name())).build());
      return rawValue(field, Naming.parameter(field.name()));
    }
    KeyTemplate template = partition instanceof IndexBinding.Template t ? t.template() : entity.partitionKey().orElseThrow();
    String method = partition instanceof IndexBinding.Template ? keyPrefix + "PartitionKey" : "partitionKey";
    parameters.addAll(KeysGenerator.parameters(entity, List.of(template)));
    return KeysGenerator.keyValue(template, method, keysClass, true);
  }

  private TypeName narrowed() {
    return ParameterizedTypeName.get(flavor.narrowedQuery(consistent), entityClass);
  }

  /** The {@code QueryPlan} method that makes the narrowed query of this pattern. */
  private String narrowedCall() {
    return flavor.planCall(consistent ? "narrowedConsistent" : "narrowed");
  }

  /** {@code name}, or it with {@code _} added until no parameter has it. */
  private static String unusedName(String name, List<ParameterSpec> parameters) {
    String candidate = name;
    while (true) {
      String taken = candidate;
      if (parameters.stream().noneMatch(parameter -> parameter.name().equals(taken))) {
        return candidate;
      }
      candidate = candidate + "_";
    }
  }

  /**
   * The builder with {@code fixedFields} leading fields of the sort key fixed: the pattern's query
   * builder ({@code OrdersOfUserQuery}), and the builders after it nested in that one, named after
   * the fields they fix ({@code OrdersOfUserQuery.WithOrderDate}).
   */
  private ClassName stageClass(int fixedFields, List<String> fields) {
    ClassName first = repository.nestedClass(Naming.upperCamel(pattern.name()) + "Query");
    if (fixedFields == 0) {
      return first;
    }
    StringBuilder name = new StringBuilder("With");
    for (int i = 0; i < fixedFields; i++) {
      name.append(Naming.upperCamel(fields.get(i)));
    }
    return first.nestedClass(name.toString());
  }

  private TypeSpec.Builder stage(ClassName self, CodeBlock javadoc) {
    ClassName base = flavor.abstractQuery(consistent);
    TypeName plan = ParameterizedTypeName.get(TypeNames.QUERY_PLAN, entityClass);
    return TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(javadoc)
        .addJavadoc(consistent ? CodeBlock.of("") : JavadocText.wrap("<p>$L\n", NO_CONSISTENT_READ))
        .superclass(ParameterizedTypeName.get(base, entityClass, self))
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(plan, "plan")
            .addStatement("super(plan, $T::new)", self)
            .build());
  }

  /**
   * One builder per number of fixed leading fields of the sort-key template: the first, holding
   * the others.
   */
  private TypeSpec templateStages(KeyTemplate template, String constant) {
    List<String> fields = new ArrayList<>();
    List<String> following = new ArrayList<>();
    List<Segment> segments = template.segments();
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i) instanceof Placeholder placeholder) {
        fields.add(placeholder.field());
        following.add(i + 1 < segments.size() && segments.get(i + 1) instanceof Literal literal ? literal.text() : "");
      }
    }
    List<TypeSpec.Builder> stages = new ArrayList<>();
    for (int k = 0; k < fields.size(); k++) {
      String fieldName = fields.get(k);
      FieldModel field = entity.field(fieldName).orElseThrow();
      String parameter = Naming.parameter(fieldName);
      TypeName fieldType = TypeNames.typeName(field.javaType());
      boolean last = k == fields.size() - 1;
      String continuation = following.get(k);
      TypeSpec.Builder stage = stage(stageClass(k, fields), k == 0
          ? JavadocText.wrap("Query builder of access pattern {@code $L}; narrow it by {@code $L}.\n", pattern.name(),
              fieldName)
          : JavadocText.wrap("Query builder of {@code $L} with $L fixed; narrow it by {@code $L}.\n",
              pattern.name(), String.join(", ", fields.subList(0, k)), fieldName));

      // each narrowing is one statement: the encoded value goes straight into the plan
      CodeBlock encoded = encode(constant, fieldName, parameter);
      MethodSpec.Builder equal = MethodSpec.methodBuilder(equalityMethod(fieldName))
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc(JavadocText.wrap("Only items whose {@code $L} is {@code $L}.\n", fieldName, parameter))
          .addParameter(fieldType, parameter);
      if (last) {
        equal.returns(narrowed())
            .addStatement("return plan().fixLast($L)$Z.$L()", withText(encoded, continuation), narrowedCall());
      } else {
        ClassName next = stageClass(k + 1, fields);
        equal.returns(next)
            .addStatement("return new $T(plan().fix($L))", next, withText(encoded, continuation));
      }
      stage.addMethod(equal.build());
      stage.addMethod(range(field, CodeBlock.of("$T.$L.field($S, $L, $S)", keysClass, constant, fieldName,
          TypeNames.keyType(field), continuation)));
      stages.add(stage);
    }
    TypeSpec.Builder first = stages.get(0);
    stages.subList(1, stages.size()).forEach(stage -> first.addType(stage.build()));
    return first.build();
  }

  /**
   * {@code OrderKeys.SORT_KEY.encode("orderDate", KeyTypes.INSTANT, variable)}: a sort-key field's
   * value as its template writes it.
   */
  private CodeBlock encode(String constant, String fieldName, String variable) {
    return CodeBlock.of("$T.$L.encode($S, $L,$W$L)", keysClass, constant, fieldName,
        TypeNames.keyType(entity.field(fieldName).orElseThrow()), variable);
  }

  /** The encoded value followed by the template text after it, without a {@code + ""} when there is none. */
  private static CodeBlock withText(CodeBlock encoded, String text) {
    return text.isEmpty() ? encoded : CodeBlock.of("$L + $S", encoded, text);
  }

  /** The builder of a raw-attribute sort key: conditions on the attribute's own type. */
  private TypeSpec rawStage(FieldModel field) {
    String fieldName = field.name();
    String parameter = Naming.parameter(fieldName);
    TypeName fieldType = TypeNames.typeName(field.javaType());
    TypeSpec.Builder stage = stage(stageClass(0, List.of()),
        JavadocText.wrap("Query builder of access pattern {@code $L}; narrow it by {@code $L}.\n", pattern.name(),
            fieldName));
    stage.addMethod(MethodSpec.methodBuilder(equalityMethod(fieldName))
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(JavadocText.wrap("Only items whose {@code $L} is {@code $L}.\n", fieldName, parameter))
        .returns(narrowed())
        .addParameter(fieldType, parameter)
        .addStatement("return plan().rawEqualTo($L)$Z.$L()", rawValue(field, parameter), narrowedCall())
        .build());
    stage.addMethod(range(field, CodeBlock.of("$T.raw($T::$L)", TypeNames.SORT_KEY_FIELD, keysClass,
        KeysGenerator.valueMethod(entity, field))));
    return stage.build();
  }

  /**
   * The method that narrows a sort-key field to one value, named after the field ({@code
   * orderDate(date)}); where the name is a one-parameter method of the query ({@code after(cursor)},
   * {@code limit(n)}, …) it is {@code <field>EqualTo(value)}, so that the query's own keeps its meaning.
   */
  private static String equalityMethod(String fieldName) {
    String name = Naming.parameter(fieldName);
    return QUERY_METHODS_OF_ONE_PARAMETER.contains(name) ? name + "EqualTo" : name;
  }

  /**
   * The method that gives the range conditions on a sort-key field, named after the field: {@code
   * orderDate()} returns a {@code SortKeyRange} ({@code TextSortKeyRange} for a string, {@code
   * LongSortKeyRange} for a long) built on
   * {@code field}, the runtime's {@code SortKeyField} of it. Where the name is one of the query's
   * own methods ({@code count()}, {@code page()}, …) it is {@code <field>Range()}.
   */
  private MethodSpec range(FieldModel field, CodeBlock sortKeyField) {
    String fieldName = field.name();
    boolean text = isString(field);
    TypeName boxed = TypeNames.typeName(field.javaType()).box();
    // long values take long arguments, so that an int widens as it does for a long parameter
    boolean longValues = boxed.equals(ClassName.get(Long.class));
    TypeName rangeType = text ? ParameterizedTypeName.get(TypeNames.TEXT_SORT_KEY_RANGE, narrowed())
        : longValues ? ParameterizedTypeName.get(TypeNames.LONG_SORT_KEY_RANGE, narrowed())
        : ParameterizedTypeName.get(TypeNames.SORT_KEY_RANGE, boxed, narrowed());
    String kind = text ? "TextRange" : longValues ? "LongRange" : "Range";
    String call = flavor.planCall(consistent ? "consistent" + kind
        : Character.toLowerCase(kind.charAt(0)) + kind.substring(1));
    String name = Naming.parameter(fieldName);
    if (QUERY_METHODS.contains(name)) {
      name = name + "Range";
    }
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(JavadocText.wrap("Only items with {@code $L} in a range: {@code $L().$L(..)}.\n", fieldName, name,
            text ? "beginsWith" : "atLeast"))
        .returns(rangeType)
        .addStatement("return plan().$L($L)", call, sortKeyField)
        .build();
  }

  /** {@code OrderKeys.orderDateValue(low)}: a value of the raw key field as its attribute holds it. */
  private CodeBlock rawValue(FieldModel field, String variable) {
    return CodeBlock.of("$T.$L($L)", keysClass, KeysGenerator.valueMethod(entity, field), variable);
  }

  private static boolean isString(FieldModel field) {
    return field.valueType() instanceof ValueType.Scalar scalar && scalar.kind() == ScalarKind.STRING;
  }
}
