package dev.monotable.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
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
import javax.lang.model.element.Modifier;

/**
 * The query method of one access pattern, and its query builders: one builder per narrowing stage
 * of the sort-key template (equality on each leading field in turn, then at most one range
 * condition on the next), so that an out-of-order narrowing does not compile. Builders are values:
 * a narrowing returns a new builder over the new {@code QueryState} its call returns.
 */
final class AccessPatternCode {
  private final EntityModel entity;
  private final TableModel table;
  private final AccessPatternModel pattern;
  private final ClassName repository;
  private final ClassName entityClass;
  private final ClassName keysClass;
  private final IndexModel index;
  private final boolean consistent;

  AccessPatternCode(EntityModel entity, TableModel table, AccessPatternModel pattern, ClassName repository) {
    this.entity = entity;
    this.table = table;
    this.pattern = pattern;
    this.repository = repository;
    this.entityClass = TypeNames.className(entity.type());
    this.keysClass = TypeNames.className(entity.keysType());
    this.index = pattern.onPrimaryKey() ? null : table.index(pattern.index()).orElseThrow();
    this.consistent = index == null || index.kind() == IndexModel.Kind.LOCAL;
  }

  /** Adds the query method and its builder types to the repository. */
  void addTo(TypeSpec.Builder type) {
    IndexBinding.KeyPart partition;
    IndexBinding.KeyPart sort;
    String partitionAttribute;
    String sortAttribute;
    String keyPrefix;
    if (index == null) {
      partition = new IndexBinding.TablePartitionKey();
      sort = table.hasSortKey() ? new IndexBinding.Template(table.sortKey(), entity.sortKey().orElseThrow())
          : new IndexBinding.None();
      partitionAttribute = table.partitionKey();
      sortAttribute = table.hasSortKey() ? table.sortKey() : null;
      keyPrefix = "";
    } else {
      IndexBinding binding = entity.bindingFor(table, index);
      partition = binding.partitionKey();
      sort = binding.sortKey();
      partitionAttribute = index.kind() == IndexModel.Kind.LOCAL ? table.partitionKey() : index.partitionKey();
      sortAttribute = index.hasSortKey() ? index.sortKey() : null;
      keyPrefix = Naming.indexMethodPrefix(index.name());
    }

    List<ParameterSpec> parameters = new ArrayList<>();
    CodeBlock partitionValue = partitionValue(partition, keyPrefix, parameters);
    String patternName = entity.typeName() + "." + pattern.name();
    CodeBlock sortArgument = sortAttribute == null ? CodeBlock.of("") : CodeBlock.of(", $S", sortAttribute);
    CodeBlock.Builder start = CodeBlock.builder();
    if (index == null) {
      start.add("this.store.queryTable($S, $S, $L$L)", patternName, partitionAttribute, partitionValue, sortArgument);
    } else {
      start.add("this.store.queryIndex($S, $S, $S, $L$L)", index.name(), patternName, partitionAttribute,
          partitionValue, sortArgument);
    }
    if (index != null && index.projection() != IndexModel.Projection.ALL) {
      start.add("\n.fetchFullItems($S$L)", table.partitionKey(),
          table.hasSortKey() ? CodeBlock.of(", $S", table.sortKey()) : "");
    }

    TypeName returned;
    CodeBlock construct;
    String sortDescription;
    if (sort instanceof IndexBinding.Template template && !template.template().isFixed()) {
      KeyTemplate sortTemplate = template.template();
      start.add("\n.sortKeyTerritory($S)", sortTemplate.literalPrefix());
      String constant = index == null ? "SORT_KEY" : Naming.constant(index.name()) + "_SORT_KEY";
      List<TypeSpec> stages = templateStages(sortTemplate, constant);
      stages.forEach(type::addType);
      returned = repository.nestedClass(stages.get(0).name());
      construct = CodeBlock.of("new $T($L\n.query())", returned, start.build());
      sortDescription = "sort key {@code " + sortTemplate.text() + "}, narrowed to {@code "
          + sortTemplate.literalPrefix() + "…}";
    } else if (sort instanceof IndexBinding.Template template) {
      start.add("\n.exactSortKey($S)", template.template().text());
      returned = narrowed();
      construct = CodeBlock.of("$L\n.$L()", start.build(), narrowedCall());
      sortDescription = "sort key {@code " + template.template().text() + "}";
    } else if (sort instanceof IndexBinding.Raw raw) {
      TypeSpec stage = rawStage(raw.field());
      type.addType(stage);
      returned = repository.nestedClass(stage.name());
      construct = CodeBlock.of("new $T($L\n.query())", returned, start.build());
      sortDescription = "sort key attribute {@code " + raw.attribute() + "}";
    } else {
      returned = narrowed();
      construct = CodeBlock.of("$L\n.$L()", start.build(), narrowedCall());
      sortDescription = "no sort key";
    }

    type.addMethod(MethodSpec.methodBuilder(pattern.name())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Access pattern {@code $L}: $L items of one partition of $L, $L.\n", pattern.name(),
            entity.type().simpleName(), index == null ? "the table" : "index {@code " + index.name() + "}",
            sortDescription)
        .addJavadoc(index != null && index.projection() != IndexModel.Projection.ALL
            ? "The index does not hold whole items: the query reads the full items by their table keys.\n" : "")
        .returns(returned)
        .addParameters(parameters)
        .addStatement("return $L", construct)
        .build());
  }

  private CodeBlock partitionValue(IndexBinding.KeyPart partition, String keyPrefix, List<ParameterSpec> parameters) {
    if (partition instanceof IndexBinding.Raw raw) {
      FieldModel field = raw.field();
      parameters.add(ParameterSpec.builder(TypeNames.typeName(field.javaType()), Naming.parameter(field.name())).build());
      return CodeBlock.of("$T.value($S, $S, $L, $L)", TypeNames.KEY_MAPS, entity.typeName(), field.name(),
          FieldCode.codec(field.valueType()), Naming.parameter(field.name()));
    }
    KeyTemplate template = partition instanceof IndexBinding.Template t ? t.template() : entity.partitionKey().orElseThrow();
    String method = partition instanceof IndexBinding.Template ? keyPrefix + "PartitionKey" : "partitionKey";
    parameters.addAll(KeysGenerator.parameters(entity, List.of(template)));
    return CodeBlock.of("$T.fromS($T.$L($L))", TypeNames.ATTRIBUTE_VALUE, keysClass, method,
        Naming.arguments(template.fields()));
  }

  private TypeName narrowed() {
    return ParameterizedTypeName.get(consistent ? TypeNames.NARROWED_CONSISTENT_QUERY : TypeNames.NARROWED_QUERY,
        entityClass);
  }

  /** The {@code QueryState} method that makes the narrowed query of this pattern. */
  private String narrowedCall() {
    return consistent ? "narrowedConsistent" : "narrowed";
  }

  private String stageName(int fixedFields, List<String> fields) {
    StringBuilder name = new StringBuilder(Naming.upperCamel(pattern.name())).append("Query");
    if (fixedFields > 0) {
      name.append("With");
      for (int i = 0; i < fixedFields; i++) {
        name.append(Naming.upperCamel(fields.get(i)));
      }
    }
    return name.toString();
  }

  private TypeSpec.Builder stage(String name, String javadoc) {
    ClassName self = repository.nestedClass(name);
    ClassName base = consistent ? TypeNames.CONSISTENT_QUERY : TypeNames.QUERY;
    return TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("$L\n", javadoc)
        .superclass(ParameterizedTypeName.get(base, entityClass, self))
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(ParameterizedTypeName.get(TypeNames.QUERY, entityClass, WildcardTypeName.subtypeOf(Object.class)), "source")
            .addStatement("super(source)")
            .build())
        .addMethod(MethodSpec.methodBuilder("with")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PROTECTED)
            .returns(self)
            .addParameter(ParameterizedTypeName.get(TypeNames.QUERY, entityClass, WildcardTypeName.subtypeOf(Object.class)), "source")
            .addStatement("return new $T(source)", self)
            .build());
  }

  /** One builder per number of fixed leading fields of the sort-key template. */
  private List<TypeSpec> templateStages(KeyTemplate template, String constant) {
    List<String> fields = new ArrayList<>();
    List<String> following = new ArrayList<>();
    List<Segment> segments = template.segments();
    for (int i = 0; i < segments.size(); i++) {
      if (segments.get(i) instanceof Placeholder placeholder) {
        fields.add(placeholder.field());
        following.add(i + 1 < segments.size() && segments.get(i + 1) instanceof Literal literal ? literal.text() : "");
      }
    }
    List<TypeSpec> stages = new ArrayList<>();
    for (int k = 0; k < fields.size(); k++) {
      String fieldName = fields.get(k);
      FieldModel field = entity.field(fieldName).orElseThrow();
      String parameter = Naming.parameter(fieldName);
      TypeName fieldType = TypeNames.typeName(field.javaType());
      boolean last = k == fields.size() - 1;
      CodeBlock encoded = CodeBlock.of("$T.$L.encode($S, $L)", keysClass, constant, fieldName, parameter);
      String continuation = following.get(k);
      TypeSpec.Builder stage = stage(stageName(k, fields), k == 0
          ? "Query builder of access pattern {@code " + pattern.name() + "}; narrow it by {@code " + fieldName + "}."
          : "Query builder of access pattern {@code " + pattern.name() + "} with " + String.join(", ", fields.subList(0, k))
              + " fixed; narrow it by {@code " + fieldName + "}.");

      MethodSpec.Builder equal = MethodSpec.methodBuilder(parameter)
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc("Only items whose {@code $L} is {@code $L}.\n", fieldName, parameter)
          .addParameter(fieldType, parameter);
      if (last) {
        equal.returns(narrowed())
            .addStatement("return $T.of(this).fixLast($L).$L()", TypeNames.QUERY_STATE, withText(encoded, continuation), narrowedCall());
      } else {
        ClassName next = repository.nestedClass(stageName(k + 1, fields));
        equal.returns(next)
            .addStatement("return new $T($T.of(this).fix($L).query())", next, TypeNames.QUERY_STATE, withText(encoded, continuation));
      }
      stage.addMethod(equal.build());
      addRange(stage, fieldName, parameter, fieldType, "LessThan", "lessThan", "below", encoded, continuation);
      addRange(stage, fieldName, parameter, fieldType, "AtMost", "atMost", "at most", encoded, continuation);
      addRange(stage, fieldName, parameter, fieldType, "GreaterThan", "greaterThan", "above", encoded, continuation);
      addRange(stage, fieldName, parameter, fieldType, "AtLeast", "atLeast", "at least", encoded, continuation);
      stage.addMethod(MethodSpec.methodBuilder(parameter + "Between")
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc("Only items whose {@code $L} is between {@code low} and {@code high}, both included.\n", fieldName)
          .returns(narrowed())
          .addParameter(fieldType, "low")
          .addParameter(fieldType, "high")
          .addStatement("return $T.of(this).between($T.$L.encode($S, low), $T.$L.encode($S, high), $S).$L()",
              TypeNames.QUERY_STATE, keysClass, constant, fieldName, keysClass, constant, fieldName, continuation, narrowedCall())
          .build());
      if (isString(field)) {
        stage.addMethod(MethodSpec.methodBuilder(parameter + "BeginsWith")
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Only items whose {@code $L} begins with {@code start}.\n", fieldName)
            .returns(narrowed())
            .addParameter(String.class, "start")
            .addStatement("return $T.of(this).beginsWith($T.$L.encode($S, start)).$L()", TypeNames.QUERY_STATE, keysClass,
                constant, fieldName, narrowedCall())
            .build());
      }
      stages.add(stage.build());
    }
    return stages;
  }

  /** The encoded value followed by the template text after it, without a {@code + ""} when there is none. */
  private static CodeBlock withText(CodeBlock encoded, String text) {
    return text.isEmpty() ? encoded : CodeBlock.of("$L + $S", encoded, text);
  }

  private void addRange(TypeSpec.Builder stage, String fieldName, String parameter, TypeName fieldType, String suffix,
      String call, String words, CodeBlock encoded, String continuation) {
    stage.addMethod(MethodSpec.methodBuilder(parameter + suffix)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Only items whose {@code $L} is $L {@code $L}.\n", fieldName, words, parameter)
        .returns(narrowed())
        .addParameter(fieldType, parameter)
        .addStatement("return $T.of(this).$L($L, $S).$L()", TypeNames.QUERY_STATE, call, encoded, continuation, narrowedCall())
        .build());
  }

  /** The builder of a raw-attribute sort key: conditions on the attribute's own type. */
  private TypeSpec rawStage(FieldModel field) {
    String fieldName = field.name();
    String parameter = Naming.parameter(fieldName);
    TypeName fieldType = TypeNames.typeName(field.javaType());
    TypeSpec.Builder stage = stage(stageName(0, List.of()), "Query builder of access pattern {@code "
        + pattern.name() + "}; narrow it by {@code " + fieldName + "}.");
    CodeBlock codec = FieldCode.codec(field.valueType());
    stage.addMethod(rawMethod(parameter, "", "is {@code " + parameter + "}", fieldType,
        CodeBlock.of("rawEqualTo($L)", rawValue(fieldName, codec, parameter))));
    String[][] comparisons = {{"LessThan", "<", "below"}, {"AtMost", "<=", "at most"},
        {"GreaterThan", ">", "above"}, {"AtLeast", ">=", "at least"}};
    for (String[] comparison : comparisons) {
      stage.addMethod(rawMethod(parameter, comparison[0], "is " + comparison[2] + " {@code " + parameter + "}",
          fieldType, CodeBlock.of("rawCompare($S, $L)", comparison[1], rawValue(fieldName, codec, parameter))));
    }
    stage.addMethod(MethodSpec.methodBuilder(parameter + "Between")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Only items whose {@code $L} is between {@code low} and {@code high}, both included.\n", fieldName)
        .returns(narrowed())
        .addParameter(fieldType, "low")
        .addParameter(fieldType, "high")
        .addStatement("return $T.of(this).rawBetween($L, $L).$L()", TypeNames.QUERY_STATE, rawValue(fieldName, codec, "low"),
            rawValue(fieldName, codec, "high"), narrowedCall())
        .build());
    if (isString(field)) {
      stage.addMethod(MethodSpec.methodBuilder(parameter + "BeginsWith")
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc("Only items whose {@code $L} begins with {@code start}.\n", fieldName)
          .returns(narrowed())
          .addParameter(String.class, "start")
          .addStatement("return $T.of(this).rawBeginsWith($L).$L()", TypeNames.QUERY_STATE, rawValue(fieldName, codec, "start"), narrowedCall())
          .build());
    }
    return stage.build();
  }

  /** A narrowing method of a raw sort key; {@code narrowing} is the {@code QueryState} call that makes the new state. */
  private MethodSpec rawMethod(String parameter, String suffix, String words, TypeName fieldType, CodeBlock narrowing) {
    return MethodSpec.methodBuilder(parameter + suffix)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Only items whose {@code $L} $L.\n", parameter, words)
        .returns(narrowed())
        .addParameter(fieldType, parameter)
        .addStatement("return $T.of(this).$L.$L()", TypeNames.QUERY_STATE, narrowing, narrowedCall())
        .build();
  }

  private CodeBlock rawValue(String fieldName, CodeBlock codec, String variable) {
    return CodeBlock.of("$T.value($S, $S, $L, $L)", TypeNames.KEY_MAPS, entity.typeName(), fieldName, codec, variable);
  }

  private static boolean isString(FieldModel field) {
    return field.valueType() instanceof ValueType.Scalar scalar && scalar.kind() == ScalarKind.STRING;
  }
}
