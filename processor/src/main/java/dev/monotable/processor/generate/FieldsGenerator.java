package dev.monotable.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.monotable.processor.model.FieldModel;
import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.TypeRef;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Type>Fields}: one typed {@code Path} per stored field of an entity or document,
 * for conditions and filters: {@code OrderFields.STATUS.eq(OrderStatus.PAID)}.
 */
public final class FieldsGenerator extends SourceFileGenerator<FieldsGenerator.Input> {
  /** A type and its fields. */
  public record Input(TypeRef type, List<FieldModel> fields) {}

  public FieldsGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected String packageName(Input input) {
    return input.type().packageName();
  }

  @Override
  protected TypeSpec.Builder type(Input input) {
    ClassName owner = TypeNames.className(input.type());
    ClassName schema = TypeNames.className(input.type().companion("Schema"));
    TypeSpec.Builder type = TypeSpec.classBuilder(TypeNames.className(input.type().companion("Fields")))
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("Typed attribute paths of {@link $T}, for conditions and filters.\n", owner)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (FieldModel field : input.fields()) {
      if (field.ignored()) {
        continue;
      }
      type.addField(FieldSpec.builder(
              ParameterizedTypeName.get(TypeNames.PATH, TypeNames.boxed(field.javaType())),
              Naming.constant(field.name()), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc("Attribute {@code $L}, field {@code $L}.\n", field.attributeName(), field.name())
          .initializer("$T.of($S,$W$L)", TypeNames.ATTRIBUTE_PATHS, field.attributeName(),
              FieldCode.schemaCodec(schema, input.fields(), field))
          .build());
    }
    return type;
  }
}
