package dev.monotable.processor.generate;

import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.TableModel;

/**
 * An entity with the table it is stored in: what each per-entity file is generated from.
 *
 * @param ownsTerritory whether no other entity of the table can have items where the entity's table
 *     queries read, so that they need no filter on the type attribute
 */
public record EntityInTable(EntityModel entity, TableModel table, boolean ownsTerritory) {}
