package dev.monotable.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.monotable.processor.model.TableModel;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Generates {@code <Table>Migrations}, what {@code <Table>Table.migrations()} returns: the backfills and
 * rekeys of the table's entities, run by the runtime's migrations over the table's repositories.
 */
public final class MigrationsGenerator extends SourceFileGenerator<TableGenerator.Input> {
  static final ClassName MIGRATIONS = ClassName.get("dev.monotable.runtime", "Migrations");
  private static final ClassName BACKFILL = ClassName.get("dev.monotable.runtime", "Backfill");
  private static final ClassName REKEY = ClassName.get("dev.monotable.runtime", "Rekey");

  public MigrationsGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected String packageName(TableGenerator.Input input) {
    return input.table().type().packageName();
  }

  @Override
  protected TypeSpec.Builder type(TableGenerator.Input input) {
    TableModel table = input.table();
    ClassName self = TypeNames.className(table.migrationsClass());
    TypeVariableName t = TypeVariableName.get("T");
    TypeName entity = ParameterizedTypeName.get(ClassName.get(Class.class), t);
    return TypeSpec.classBuilder(self)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(MIGRATIONS)
        .addJavadoc("The migrations of table {@code $L}: backfills and rekeys of its entities' stored items.\n",
            table.name())
        .addJavadoc("Get it from {@code $L.migrations()}.\n", table.tableClass().simpleName())
        .addField(MIGRATIONS, "migrations", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder()
            .addJavadoc("The migrations {@code migrations} run.\n")
            .addParameter(MIGRATIONS, "migrations")
            .addStatement("this.migrations = migrations")
            .build())
        .addMethod(MethodSpec.methodBuilder("backfill")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addTypeVariable(t)
            .returns(BACKFILL)
            .addParameter(entity, "entity")
            .addStatement("return migrations.backfill(entity)")
            .build())
        .addMethod(MethodSpec.methodBuilder("rekey")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addTypeVariable(t)
            .returns(REKEY)
            .addParameter(entity, "entity")
            .addStatement("return migrations.rekey(entity)")
            .build());
  }
}
