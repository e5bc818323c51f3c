package dev.monotable.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
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
import java.util.List;
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
        .addJavadoc("Key builders of {@link $T} in table {@code $L}: the exact key strings and key maps.\n",
            entityClass, table.name())
        .addJavadoc("Every builder refuses a null or empty component, or one containing {@code $L},\n",
            table.delimiter())
        .addJavadoc("with {@link dev.monotable.runtime.InvalidKeyException}.\n")
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

    KeyTemplate partition = entity.partitionKey().orElseThrow();
    addTemplate(type, entity, table, partition, "PARTITION_KEY", "partitionKey", true,
        "The partition key {@code " + partition.text() + "}.");
    List<KeyTemplate> primary = new ArrayList<>(List.of(partition));
    CodeBlock keyMap;
    if (table.hasSortKey()) {
      KeyTemplate sort = entity.sortKey().orElseThrow();
      addTemplate(type, entity, table, sort, "SORT_KEY", "sortKey", false, "The sort key {@code " + sort.text() + "}.");
      primary.add(sort);
      keyMap = CodeBlock.of("$T.of($S, partitionKey($L), $S, sortKey($L))", TypeNames.KEY_MAPS,
          table.partitionKey(), Naming.arguments(partition.fields()), table.sortKey(), Naming.arguments(sort.fields()));
    } else {
      keyMap = CodeBlock.of("$T.of($S, partitionKey($L))", TypeNames.KEY_MAPS, table.partitionKey(),
          Naming.arguments(partition.fields()));
    }
    type.addMethod(MethodSpec.methodBuilder("primaryKey")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("The primary key of the item: {@code $L}.\n", describe(table, primary))
        .returns(TypeNames.ITEM)
        .addParameters(parameters(entity, primary))
        .addStatement("return $L", keyMap)
        .build());

    for (IndexModel index : table.indexes()) {
      IndexBinding binding = entity.bindingFor(table, index);
      if (binding.declared()) {
        addIndex(type, entity, table, binding);
      }
    }
    return type;
  }

  private void addIndex(TypeSpec.Builder type, EntityModel entity, TableModel table, IndexBinding binding) {
    IndexModel index = binding.index();
    String method = Naming.indexMethodPrefix(index.name());
    String constant = Naming.constant(index.name());
    List<CodeBlock> attributes = new ArrayList<>();
    addPart(type, entity, table, binding.partitionKey(), index.kind() == IndexModel.Kind.LOCAL
        ? table.partitionKey() : index.partitionKey(), constant + "_PARTITION_KEY", method + "PartitionKey",
        true, index, attributes);
    if (index.hasSortKey()) {
      addPart(type, entity, table, binding.sortKey(), index.sortKey(), constant + "_SORT_KEY", method + "SortKey",
          false, index, attributes);
    }
    if (!binding.complete()) {
      return;
    }
    CodeBlock map = attributes.size() == 2
        ? CodeBlock.of("$T.of($L, $L)", TypeNames.KEY_MAPS, attributes.get(0), attributes.get(1))
        : CodeBlock.of("$T.of($L)", TypeNames.KEY_MAPS, attributes.get(0));
    type.addMethod(MethodSpec.methodBuilder(method + "Key")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("The key of the item in index {@code $L}.\n", index.name())
        .returns(TypeNames.ITEM)
        .addParameters(parameters(entity.keyFields(binding)))
        .addStatement("return $L", map)
        .build());
  }

  private void addPart(TypeSpec.Builder type, EntityModel entity, TableModel table, IndexBinding.KeyPart part,
      String attribute, String constant, String method, boolean partition, IndexModel index,
      List<CodeBlock> attributes) {
    if (part instanceof IndexBinding.Template template) {
      addTemplate(type, entity, table, template.template(), constant, method, partition,
          "The " + (partition ? "partition" : "sort") + " key {@code " + template.template().text()
              + "} of index {@code " + index.name() + "}.");
      attributes.add(CodeBlock.of("$S, $T.fromS($L($L))", attribute, TypeNames.ATTRIBUTE_VALUE, method,
          Naming.arguments(template.template().fields())));
    } else if (part instanceof IndexBinding.TablePartitionKey) {
      KeyTemplate tablePartition = entity.partitionKey().orElseThrow();
      attributes.add(CodeBlock.of("$S, $T.fromS(partitionKey($L))", attribute, TypeNames.ATTRIBUTE_VALUE,
          Naming.arguments(tablePartition.fields())));
    } else if (part instanceof IndexBinding.Raw raw) {
      FieldModel field = raw.field();
      attributes.add(CodeBlock.of("$S, $T.value($S, $S, $L, $L)", attribute, TypeNames.KEY_MAPS,
          entity.typeName(), field.name(), FieldCode.codec(field.valueType()), Naming.parameter(field.name())));
    }
  }

  private void addTemplate(TypeSpec.Builder type, EntityModel entity, TableModel table, KeyTemplate template,
      String constant, String method, boolean partition, String javadoc) {
    MethodSpec.Builder builder = MethodSpec.methodBuilder(method)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc("$L\n", javadoc)
        .returns(String.class)
        .addParameters(parameters(entity, List.of(template)));
    if (template.isFixed()) {
      builder.addStatement("return $S", template.text());
    } else {
      // package-private: the repository's query builders encode range values with the same format
      type.addField(FieldSpec.builder(TypeNames.KEY_FORMAT, constant, Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.$L($S, $S, $S)", TypeNames.KEY_FORMAT, partition ? "partitionKey" : "sortKey",
              entity.typeName(), template.text(), table.delimiter())
          .build());
      builder.addStatement("return $L.complete($L)", constant, concatenation(template, constant));
    }
    type.addMethod(builder.build());
  }

  /** {@code "USER#" + PARTITION_KEY.encode("id", id)}. */
  private static CodeBlock concatenation(KeyTemplate template, String constant) {
    CodeBlock.Builder code = CodeBlock.builder();
    boolean first = true;
    for (Segment segment : template.segments()) {
      if (!first) {
        code.add(" + ");
      }
      first = false;
      if (segment instanceof Literal literal) {
        code.add("$S", literal.text());
      } else {
        String field = ((Placeholder) segment).field();
        code.add("$L.encode($S, $L)", constant, field, Naming.parameter(field));
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
