package dev.monotable.processor.generate;

import javax.annotation.processing.Filer;

/** A generator of one file per entity, written to the entity's package. */
abstract class EntitySourceGenerator extends SourceFileGenerator<EntityInTable> {
  EntitySourceGenerator(Filer filer) {
    super(filer);
  }

  @Override
  protected final String packageName(EntityInTable input) {
    return input.entity().type().packageName();
  }
}
