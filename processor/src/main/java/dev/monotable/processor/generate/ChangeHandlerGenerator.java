package dev.monotable.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.TableModel;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Table>ChangeHandler}: one default no-op method per entity and event the table's
 * stream view type can tell apart, each taking the images the view carries, and {@code unknown} for
 * the rest.
 */
public final class ChangeHandlerGenerator extends SourceFileGenerator<TableGenerator.Input> {
  public ChangeHandlerGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected String packageName(TableGenerator.Input input) {
    return input.table().type().packageName();
  }

  @Override
  protected TypeSpec.Builder type(TableGenerator.Input input) {
    TableModel table = input.table();
    ClassName handler = TypeNames.className(table.changeHandlerClass());
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(handler)
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(JavadocText.wrap("What to do with each change of table {@code $L}, whose stream carries $L: one"
            + " method per entity and event, each doing nothing until overridden. {@link $T#dispatch} calls them in"
            + " the order of the records.\n", table.name(), table.stream(), TypeNames.className(table.changesClass())));
    for (EntityModel entity : input.entities()) {
      addMethods(type, table, entity);
    }
    type.addMethod(MethodSpec.methodBuilder("unknown")
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addJavadoc("A change of an item whose images name no entity type of this table, or that its record\n")
        .addJavadoc("does not carry the image of.\n")
        .addParameter(TypeNames.UNKNOWN_CHANGE, "change")
        .build());
    return type;
  }

  private static void addMethods(TypeSpec.Builder type, TableModel table, EntityModel entity) {
    ClassName entityType = TypeNames.className(entity.type());
    if (table.streamHasNewImage()) {
      type.addMethod(method(entity, "Inserted")
          .addJavadoc("A new {@link $T}, put or upserted where there was none.\n", entityType)
          .addParameter(entityType, Naming.instanceVariable(entity.type().simpleName()))
          .build());
    }
    if (table.streamHasNewImage() || table.streamHasOldImage()) {
      MethodSpec.Builder modified = method(entity, "Modified");
      if (table.streamHasNewImage() && table.streamHasOldImage()) {
        modified.addJavadoc("A changed {@link $T}: as it was and as it is.\n", entityType)
            .addParameter(entityType, "before")
            .addParameter(entityType, "after");
      } else if (table.streamHasNewImage()) {
        modified.addJavadoc("A changed {@link $T}, as it is now (the stream does not carry the old image).\n",
                entityType)
            .addParameter(entityType, "after");
      } else {
        modified.addJavadoc("A changed {@link $T}, as it was (the stream does not carry the new image).\n", entityType)
            .addParameter(entityType, "before");
      }
      type.addMethod(modified.build());
    }
    if (table.streamHasOldImage()) {
      type.addMethod(method(entity, "Removed")
          .addJavadoc("A deleted {@link $T}, as it was; {@code expired} when time to live removed it.\n", entityType)
          .addParameter(entityType, "before")
          .addParameter(boolean.class, "expired")
          .build());
    }
  }

  private static MethodSpec.Builder method(EntityModel entity, String event) {
    return MethodSpec.methodBuilder(Naming.changeHandlerMethod(entity.type(), event))
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT);
  }
}
