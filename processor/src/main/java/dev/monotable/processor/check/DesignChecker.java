package dev.monotable.processor.check;

import dev.monotable.processor.diag.Message;
import dev.monotable.processor.model.AttributeType;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.IndexBinding;
import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.KeyTemplate;
import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.SourceRef;
import dev.monotable.processor.model.TableModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks what only the entities of one table together can break: two entities whose keys can be
 * equal, two entities with one type name or repository accessor, and an index key attribute that
 * entities store with different types. Each finding is reported on one entity and names the other.
 */
public final class DesignChecker {
  /** One report per entity, in the order given. */
  public Map<EntityModel, Report> check(TableModel table, List<EntityModel> entities) {
    Map<EntityModel, Report> reports = new LinkedHashMap<>();
    List<EntityModel> ordered = new ArrayList<>(entities);
    ordered.sort(Comparator.comparing(e -> e.type().canonicalName()));
    for (EntityModel entity : ordered) {
      reports.put(entity, new Report());
    }
    checkNames(table, ordered, reports);
    checkKeyCollisions(table, ordered, reports);
    checkIndexAttributeTypes(table, ordered, reports);
    return reports;
  }

  private void checkNames(TableModel table, List<EntityModel> entities, Map<EntityModel, Report> reports) {
    for (int i = 0; i < entities.size(); i++) {
      for (int j = 0; j < i; j++) {
        EntityModel earlier = entities.get(j);
        EntityModel later = entities.get(i);
        if (earlier.typeName().equals(later.typeName())) {
          for (EntityModel reported : List.of(earlier, later)) {
            reports.get(reported).add(Message.ENTITY_DUPLICATE, reported.sources().typeName(), earlier.type(),
                later.type(), table.type().simpleName(), "share the type name \"" + later.typeName() + "\"");
          }
        } else if (Naming.repositoryAccessor(earlier.type()).equals(Naming.repositoryAccessor(later.type()))) {
          for (EntityModel reported : List.of(earlier, later)) {
            reports.get(reported).add(Message.ENTITY_DUPLICATE, reported.sources().element(), earlier.type(),
                later.type(), table.type().simpleName(), "would both be served by "
                    + table.tableClass().simpleName() + "." + Naming.repositoryAccessor(later.type()) + "()");
          }
        }
      }
    }
  }

  private void checkKeyCollisions(TableModel table, List<EntityModel> entities, Map<EntityModel, Report> reports) {
    for (int i = 0; i < entities.size(); i++) {
      EntityModel later = entities.get(i);
      if (!hasCheckableKey(table, later)) {
        continue;
      }
      for (int j = 0; j < i; j++) {
        EntityModel earlier = entities.get(j);
        if (!hasCheckableKey(table, earlier)) {
          continue;
        }
        KeyTemplate laterPartition = later.partitionKey().get();
        KeyTemplate earlierPartition = earlier.partitionKey().get();
        boolean samePartition = KeyShapes.canBeEqual(
            earlierPartition, earlier, laterPartition, later, table.delimiter());
        boolean sameSort = !table.hasSortKey() || KeyShapes.canBeEqual(
            earlier.sortKey().get(), earlier, later.sortKey().get(), later, table.delimiter());
        if (samePartition && sameSort) {
          // reported on both entities, each naming the other, so that either can be fixed
          for (EntityModel reported : List.of(earlier, later)) {
            KeyTemplate at = table.hasSortKey() ? reported.sortKey().get() : reported.partitionKey().get();
            reports.get(reported).add(Message.KEY_COLLISION, at.source(), earlier.type().simpleName(),
                describe(table, earlier), later.type().simpleName(), describe(table, later),
                reported.typeName().toUpperCase(java.util.Locale.ROOT));
          }
        }
      }
    }
  }

  private static boolean hasCheckableKey(TableModel table, EntityModel entity) {
    if (entity.partitionKey().isEmpty() || !entity.partitionKey().get().isValid()) {
      return false;
    }
    if (!entity.partitionKey().get().fields().stream().allMatch(f -> entity.field(f).isPresent())) {
      return false;
    }
    if (table.hasSortKey()) {
      return entity.sortKey().isPresent() && entity.sortKey().get().isValid()
          && entity.sortKey().get().fields().stream().allMatch(f -> entity.field(f).isPresent());
    }
    return true;
  }

  private static String describe(TableModel table, EntityModel entity) {
    String key = "\"" + entity.partitionKey().get().text() + "\"";
    return table.hasSortKey() ? key + " / \"" + entity.sortKey().get().text() + "\"" : key;
  }

  private void checkIndexAttributeTypes(TableModel table, List<EntityModel> entities, Map<EntityModel, Report> reports) {
    for (IndexModel index : table.indexes()) {
      Map<String, Owner> owners = new LinkedHashMap<>();
      for (EntityModel entity : entities) {
        IndexBinding binding = entity.bindingFor(table, index);
        check(table, index, entity, binding.partitionKey(), owners, reports);
        check(table, index, entity, binding.sortKey(), owners, reports);
      }
    }
  }

  /** The first entity that gave an index key attribute its type, and where. */
  private record Owner(EntityModel entity, AttributeType type, String how, SourceRef at) {}

  private void check(TableModel table, IndexModel index, EntityModel entity, IndexBinding.KeyPart part,
      Map<String, Owner> owners, Map<EntityModel, Report> reports) {
    String attribute;
    AttributeType type;
    String how;
    SourceRef at;
    if (part instanceof IndexBinding.Template template) {
      attribute = template.attribute();
      type = AttributeType.S;
      how = "a key template";
      at = template.template().source();
    } else if (part instanceof IndexBinding.Raw raw) {
      attribute = raw.attribute();
      type = raw.field().valueType().keyAttributeType();
      how = "field " + raw.field().name() + " (" + raw.field().javaType() + ")";
      at = raw.field().attributeSource();
      if (type == null) {
        reports.get(entity).add(Message.INDEX_ATTRIBUTE_TYPE, at, attribute, index.name(), table.type().simpleName(),
            "but " + entity.type().simpleName() + " stores " + how
                + " there, which is not a string, number or binary value; rename the field with @Attribute");
        return;
      }
    } else {
      return;
    }
    Owner owner = owners.putIfAbsent(attribute, new Owner(entity, type, how, at));
    if (owner != null && owner.type() != type) {
      String problem = "but " + owner.entity().type().simpleName() + " stores it as " + owner.type()
          + " through " + owner.how() + " and " + entity.type().simpleName() + " as " + type + " through " + how
          + "; an index key attribute has one type, so store both as the same type";
      reports.get(owner.entity()).add(Message.INDEX_ATTRIBUTE_TYPE, owner.at(), attribute, index.name(),
          table.type().simpleName(), problem);
      reports.get(entity).add(Message.INDEX_ATTRIBUTE_TYPE, at, attribute, index.name(),
          table.type().simpleName(), problem);
    }
  }
}
