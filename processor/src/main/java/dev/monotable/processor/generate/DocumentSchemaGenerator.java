package dev.monotable.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.monotable.processor.model.DocumentModel;
import dev.monotable.processor.model.Naming;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/** Generates {@code <Document>Schema}: a nested document to and from the attributes of a map value. */
public final class DocumentSchemaGenerator extends SourceFileGenerator<DocumentModel> {
  public DocumentSchemaGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected String packageName(DocumentModel document) {
    return document.type().packageName();
  }

  @Override
  protected TypeSpec.Builder type(DocumentModel document) {
    ClassName documentClass = TypeNames.className(document.type());
    ClassName schemaClass = TypeNames.className(document.schemaType());
    FieldCode fields = new FieldCode(document.fields());
    String instance = Naming.instanceVariable(document.type().simpleName());

    TypeSpec.Builder type = TypeSpec.classBuilder(schemaClass)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(TypeNames.DOCUMENT_SCHEMA, documentClass))
        .addJavadoc(JavadocText.wrap("Maps the document {@link $T} to and from the attributes of a map (M) value.\n",
            documentClass))
        .addField(FieldSpec.builder(schemaClass, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The schema; it holds no state.\n")
            .initializer("new $T()", schemaClass)
            .build())
        .addField(FieldSpec.builder(String.class, "DOCUMENT_TYPE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("The document's name in error messages.\n")
            .initializer("$S", document.type().simpleName())
            .build());
    fields.addConstants(type, document.type().simpleName());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    type.addMethod(MethodSpec.methodBuilder("typeName")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return DOCUMENT_TYPE")
        .build());

    CodeBlock.Builder write = CodeBlock.builder()
        .addStatement("$T out = $T.of(DOCUMENT_TYPE)", TypeNames.ITEM_WRITER, TypeNames.ITEM_WRITER);
    fields.writeFields(write, "out", instance);
    write.addStatement("return out.attributes()");
    type.addMethod(MethodSpec.methodBuilder("toAttributes")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeNames.ITEM)
        .addParameter(documentClass, instance)
        .addCode(write.build())
        .build());

    CodeBlock.Builder read = CodeBlock.builder();
    fields.readAndReturn(read, document.type(), document.creation(), "attributes", "DOCUMENT_TYPE", instance);
    type.addMethod(MethodSpec.methodBuilder("fromAttributes")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(documentClass)
        .addParameter(TypeNames.ITEM, "attributes")
        .addCode(read.build())
        .build());
    return type;
  }
}
