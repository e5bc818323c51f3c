package dev.monotable.processor.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What a table's definition derives from its entities: the type of each key attribute. */
public final class TableLayout {
  private TableLayout() {}

  /**
   * Every attribute used in the key schema of the table or an index, with its type: templates are
   * strings, a plain key field or a raw-attribute index key has its field's type (checked to agree
   * across entities),
   * and an index no entity fills is given strings.
   */
  public static Map<String, AttributeType> attributeDefinitions(TableModel table, List<EntityModel> entities) {
    Map<String, AttributeType> definitions = new LinkedHashMap<>();
    definitions.put(table.partitionKey(), tableKeyType(table.partitionKey(), entities, e -> e.tablePartitionKey(table)));
    if (table.hasSortKey()) {
      definitions.put(table.sortKey(), tableKeyType(table.sortKey(), entities, e -> e.tableSortKey(table)));
    }
    for (IndexModel index : table.indexes()) {
      if (index.kind() == IndexModel.Kind.GLOBAL) {
        definitions.putIfAbsent(index.partitionKey(), typeOf(table, index, index.partitionKey(), entities));
      }
      if (index.hasSortKey()) {
        definitions.putIfAbsent(index.sortKey(), typeOf(table, index, index.sortKey(), entities));
      }
    }
    return definitions;
  }

  /** A table key attribute: a plain key field's type (checked to agree across entities), else a string. */
  private static AttributeType tableKeyType(String attribute, List<EntityModel> entities,
      Function<EntityModel, IndexBinding.KeyPart> part) {
    for (EntityModel entity : entities) {
      if (part.apply(entity) instanceof IndexBinding.Raw raw && raw.field().valueType().keyAttributeType() != null) {
        return raw.field().valueType().keyAttributeType();
      }
    }
    return AttributeType.S;
  }

  private static AttributeType typeOf(TableModel table, IndexModel index, String attribute, List<EntityModel> entities) {
    for (EntityModel entity : entities) {
      IndexBinding binding = entity.bindingFor(table, index);
      for (IndexBinding.KeyPart part : List.of(binding.partitionKey(), binding.sortKey())) {
        if (part instanceof IndexBinding.Raw raw && raw.attribute().equals(attribute)
            && raw.field().valueType().keyAttributeType() != null) {
          return raw.field().valueType().keyAttributeType();
        }
      }
    }
    return AttributeType.S;
  }
}
