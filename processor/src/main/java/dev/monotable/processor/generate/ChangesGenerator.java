package dev.monotable.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.TableModel;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Table>Changes}: stream records decoded by the entity type their images store,
 * dispatched to the table's change handler, read with a stream reader, and, when AWS Lambda's event
 * model is on the class path, the same for a Lambda function's {@code DynamodbEvent}.
 */
public final class ChangesGenerator extends SourceFileGenerator<ChangesGenerator.Input> {
  /** The Lambda event model's classes, present when {@code aws-lambda-java-events} is on the class path. */
  public static final String LAMBDA_EVENT = "com.amazonaws.services.lambda.runtime.events.DynamodbEvent";
  private static final ClassName DYNAMODB_EVENT = ClassName.bestGuess(LAMBDA_EVENT);
  private static final ClassName STREAMS_EVENT_RESPONSE =
      ClassName.get("com.amazonaws.services.lambda.runtime.events", "StreamsEventResponse");
  private static final TypeName ANY_CHANGE =
      ParameterizedTypeName.get(TypeNames.CHANGE, WildcardTypeName.subtypeOf(Object.class));

  /** A table with a stream, and whether the Lambda event model is there to generate its methods. */
  public record Input(TableGenerator.Input design, boolean lambdaEvents) {}

  public ChangesGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected String packageName(Input input) {
    return input.design().table().type().packageName();
  }

  @Override
  protected TypeSpec.Builder type(Input input) {
    TableModel table = input.design().table();
    List<EntityModel> entities = input.design().entities();
    ClassName changes = TypeNames.className(table.changesClass());
    ClassName handler = TypeNames.className(table.changeHandlerClass());
    boolean typed = table.streamHasNewImage() || table.streamHasOldImage();
    TypeSpec.Builder type = TypeSpec.classBuilder(changes)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(JavadocText.wrap("The changes of table {@code $L}, whose stream carries $L: each record decoded"
            + " to a {@link $T} of the entity its image stores, or dispatched to a {@link $T}.\n", table.name(),
            table.stream(), TypeNames.CHANGE, handler))
        .addJavadoc("<pre>{@code\n$T reader = table.changes().poll(streamsClient);\n", TypeNames.STREAM_READER)
        .addJavadoc("table.changes().dispatch(reader.read(), handler);\n}</pre>\n")
        .addField(FieldSpec.builder(TypeNames.DYNAMO_TABLE, "table", Modifier.PRIVATE, Modifier.FINAL).build())
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addJavadoc("Changes to decode and dispatch only, as a Lambda function handed its records needs them;\n")
            .addJavadoc("to {@link #poll} the stream, take {@code changes()} of the table.\n")
            .addStatement("this.table = null")
            .build())
        .addMethod(MethodSpec.constructorBuilder()
            .addParameter(TypeNames.DYNAMO_TABLE, "table")
            .addStatement("this.table = table")
            .build());

    type.addMethod(MethodSpec.methodBuilder("decode")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The change {@code record} describes, typed by the entity type its image stores; an\n")
        .addJavadoc("{@link $T} when it names none. A record is decoded alike however often it is read.\n\n",
            TypeNames.UNKNOWN_CHANGE)
        .addJavadoc("@throws $T when an image of a known type cannot be read as its entity\n",
            TypeNames.MAPPING_EXCEPTION)
        .returns(ANY_CHANGE)
        .addParameter(TypeNames.RECORD, "record")
        .addStatement("$T source = $T.of(record)", TypeNames.CHANGE_SOURCE, TypeNames.CHANGE_SOURCE)
        .addCode(typed ? decodeSwitch(table, entities)
            : CodeBlock.of("return new $T(source);\n", TypeNames.UNKNOWN_CHANGE))
        .build());
    type.addMethod(MethodSpec.methodBuilder("decode")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("The changes of {@code records}, in their order.\n")
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), ANY_CHANGE))
        .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), TypeNames.RECORD), "records")
        .addStatement("$T<$T> decoded = new $T<>(records.size())", List.class, ANY_CHANGE, ArrayList.class)
        .beginControlFlow("for ($T record : records)", TypeNames.RECORD)
        .addStatement("decoded.add(decode(record))")
        .endControlFlow()
        .addStatement("return decoded")
        .build());
    if (input.lambdaEvents()) {
      type.addMethod(MethodSpec.methodBuilder("decode")
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc("The change a record of a Lambda function's event describes.\n")
          .returns(ANY_CHANGE)
          .addParameter(DYNAMODB_EVENT.nestedClass("DynamodbStreamRecord"), "record")
          .addStatement("return decode($T.toSdk(record))", TypeNames.LAMBDA_RECORDS)
          .build());
    }

    type.addMethod(MethodSpec.methodBuilder("dispatch")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Hands each record, in order, to the method of {@code handler} for its entity and event.\n\n")
        .addJavadoc("@throws $T when an image of a known type cannot be read as its entity; the records\n",
            TypeNames.MAPPING_EXCEPTION)
        .addJavadoc("    before it have been handled\n")
        .addParameter(ParameterizedTypeName.get(ClassName.get(List.class), TypeNames.RECORD), "records")
        .addParameter(handler, "handler")
        .beginControlFlow("for ($T record : records)", TypeNames.RECORD)
        .addStatement("dispatch(record, handler)")
        .endControlFlow()
        .build());
    MethodSpec.Builder dispatchOne = MethodSpec.methodBuilder("dispatch")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Hands {@code record} to the method of {@code handler} for its entity and event.\n")
        .addParameter(TypeNames.RECORD, "record")
        .addParameter(handler, "handler")
        .addStatement("$T source = $T.of(record)", TypeNames.CHANGE_SOURCE, TypeNames.CHANGE_SOURCE);
    if (typed && !table.hasTypeAttribute()) {
      // a table without a type attribute holds its one entity type only
      EntityModel entity = entities.get(0);
      ClassName schema = TypeNames.className(entity.schemaType());
      dispatchOne.addStatement("$L($T.typed(source, $T.INSTANCE).orElse(null), source, handler)",
          changedMethod(entity), TypeNames.STREAM_CHANGES, schema);
    } else if (typed) {
      dispatchOne.beginControlFlow("switch ($T.typeOf(source, $S))", TypeNames.STREAM_CHANGES, table.typeAttribute());
      for (EntityModel entity : entities) {
        ClassName schema = TypeNames.className(entity.schemaType());
        dispatchOne.addStatement(
            "case $T.ENTITY_TYPE ->$W$L($T.typed(source, $T.INSTANCE).orElse(null), source, handler)",
            schema, changedMethod(entity), TypeNames.STREAM_CHANGES, schema);
      }
      dispatchOne.addStatement("default -> handler.unknown(new $T(source))", TypeNames.UNKNOWN_CHANGE)
          .endControlFlow();
    } else {
      dispatchOne.addStatement("handler.unknown(new $T(source))", TypeNames.UNKNOWN_CHANGE);
    }
    type.addMethod(dispatchOne.build());
    if (input.lambdaEvents()) {
      type.addMethod(MethodSpec.methodBuilder("handle")
          .addModifiers(Modifier.PUBLIC)
          .addJavadoc("Handles a Lambda function's event, record after record. At the first record that fails\n")
          .addJavadoc("(its handler method throws, or its image cannot be read) handling stops, and that record's\n")
          .addJavadoc("sequence number is the batch item failure returned: with {@code ReportBatchItemFailures}\n")
          .addJavadoc("on the event source mapping, Lambda retries from there, so no record is handled twice and\n")
          .addJavadoc("an item's changes stay in order.\n")
          .returns(STREAMS_EVENT_RESPONSE)
          .addParameter(DYNAMODB_EVENT, "event")
          .addParameter(handler, "handler")
          .addStatement("return $T.handle(event, record -> dispatch(record, handler))", TypeNames.LAMBDA_RECORDS)
          .build());
    }

    type.addMethod(MethodSpec.methodBuilder("poll")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("A reader of this table's stream from the oldest record it keeps, for local development\n")
        .addJavadoc("and tests; a Lambda function is handed its records instead.\n\n")
        .addJavadoc("@throws IllegalStateException when the table has no stream enabled\n")
        .returns(TypeNames.STREAM_READER)
        .addParameter(TypeNames.STREAMS_CLIENT, "streams")
        .addStatement("return poll(streams, $T.TRIM_HORIZON)", TypeNames.SHARD_ITERATOR_TYPE)
        .build());
    type.addMethod(MethodSpec.methodBuilder("poll")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("A reader of this table's stream from {@code start}: {@code TRIM_HORIZON} or {@code LATEST}.\n\n")
        .addJavadoc("@throws IllegalStateException when the table has no stream enabled, or these changes have\n")
        .addJavadoc("    no table\n")
        .returns(TypeNames.STREAM_READER)
        .addParameter(TypeNames.STREAMS_CLIENT, "streams")
        .addParameter(TypeNames.SHARD_ITERATOR_TYPE, "start")
        .beginControlFlow("if (table == null)")
        .addStatement("throw new $T($S)", IllegalStateException.class,
            "these changes decode only; poll the stream through the table's changes()")
        .endControlFlow()
        .addStatement("return $T.of(streams, table.streamArn(), start)", TypeNames.STREAM_READER)
        .build());

    if (typed) {
      for (EntityModel entity : entities) {
        type.addMethod(changed(table, entity, handler));
      }
    }
    return type;
  }

  private static CodeBlock decodeSwitch(TableModel table, List<EntityModel> entities) {
    if (!table.hasTypeAttribute()) {
      // a table without a type attribute holds its one entity type only
      ClassName schema = TypeNames.className(entities.get(0).schemaType());
      return CodeBlock.of("return $T.decode(source, $T.INSTANCE);\n", TypeNames.STREAM_CHANGES, schema);
    }
    CodeBlock.Builder code = CodeBlock.builder()
        .add("return switch ($T.typeOf(source, $S)) {\n", TypeNames.STREAM_CHANGES, table.typeAttribute()).indent();
    for (EntityModel entity : entities) {
      ClassName schema = TypeNames.className(entity.schemaType());
      code.add("case $T.ENTITY_TYPE -> $T.decode(source, $T.INSTANCE);\n", schema, TypeNames.STREAM_CHANGES, schema);
    }
    return code.add("default -> new $T(source);\n", TypeNames.UNKNOWN_CHANGE)
        .unindent().add("};\n").build();
  }

  private static String changedMethod(EntityModel entity) {
    return Naming.lowerCamel(entity.type().simpleName()) + "Changed";
  }

  /** The handler call for each event of one entity, with the images the view type carries. */
  private static MethodSpec changed(TableModel table, EntityModel entity, ClassName handler) {
    ClassName entityType = TypeNames.className(entity.type());
    List<CodeBlock[]> branches = new ArrayList<>();
    if (table.streamHasNewImage()) {
      branches.add(new CodeBlock[] {
          CodeBlock.of("change instanceof $T<$T> inserted", TypeNames.CHANGE.nestedClass("Inserted"), entityType),
          CodeBlock.of("handler.$L(inserted.newImage())", Naming.changeHandlerMethod(entity.type(), "Inserted"))});
    }
    String modified = Naming.changeHandlerMethod(entity.type(), "Modified");
    CodeBlock isModified =
        CodeBlock.of("change instanceof $T<$T> modified", TypeNames.CHANGE.nestedClass("Modified"), entityType);
    if (table.streamHasNewImage() && table.streamHasOldImage()) {
      branches.add(new CodeBlock[] {
          CodeBlock.of("$L$W&& modified.oldImage().isPresent() && modified.newImage().isPresent()", isModified),
          CodeBlock.of("handler.$L(modified.oldImage().get(), modified.newImage().get())", modified)});
    } else {
      String image = table.streamHasNewImage() ? "newImage" : "oldImage";
      branches.add(new CodeBlock[] {
          CodeBlock.of("$L && modified.$L().isPresent()", isModified, image),
          CodeBlock.of("handler.$L(modified.$L().get())", modified, image)});
    }
    if (table.streamHasOldImage()) {
      branches.add(new CodeBlock[] {
          CodeBlock.of("change instanceof $T<$T> removed", TypeNames.CHANGE.nestedClass("Removed"), entityType),
          CodeBlock.of("handler.$L(removed.oldImage(), removed.expired())",
              Naming.changeHandlerMethod(entity.type(), "Removed"))});
    }
    CodeBlock.Builder code = CodeBlock.builder();
    for (int i = 0; i < branches.size(); i++) {
      if (i == 0) {
        code.beginControlFlow("if ($L)", branches.get(i)[0]);
      } else {
        code.nextControlFlow("else if ($L)", branches.get(i)[0]);
      }
      code.addStatement("$L", branches.get(i)[1]);
    }
    code.nextControlFlow("else")
        .add("// null, or a modification without both images: the record lacks the image its event needs\n")
        .addStatement("handler.unknown(new $T(source))", TypeNames.UNKNOWN_CHANGE)
        .endControlFlow();
    return MethodSpec.methodBuilder(changedMethod(entity))
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(ParameterizedTypeName.get(TypeNames.CHANGE, entityType), "change")
        .addParameter(TypeNames.CHANGE_SOURCE, "source")
        .addParameter(handler, "handler")
        .addCode(code.build())
        .build();
  }
}
