package dev.monotable.processor.generate;

import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.TableModel;

/** An entity with the table it is stored in: what each per-entity file is generated from. */
public record EntityInTable(EntityModel entity, TableModel table) {}
