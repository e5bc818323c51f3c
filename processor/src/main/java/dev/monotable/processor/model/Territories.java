package dev.monotable.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whose items a query reads. A query of an entity reads the partitions its partition key can name
 * and, in them, the territory of its sort key: the keys that begin with the template's literal
 * prefix ({@code ORDER#} for {@code ORDER#<orderId>}, a fixed template's whole text). Another
 * entity's items lie there when its partition key can be equal ({@link KeyShapes}) and its sort keys
 * can begin with that prefix. The checks warn of it, a table query of an entity that shares its
 * territory with no other needs no filter on the type attribute, and the design report names the
 * entities whose items a query skips.
 */
public final class Territories {
  private Territories() {}

  /**
   * Whether every key of {@code keys} lies in the territory of {@code territory}: those of
   * {@code ORDER#<orderId>#NOTE#<n>} in that of {@code ORDER#<orderId>}.
   */
  public static boolean liesInside(KeyTemplate keys, KeyTemplate territory) {
    return keys.literalPrefix().startsWith(territory.literalPrefix());
  }

  /**
   * Whether some key of {@code keys} can lie in the territory of {@code territory}: also when a
   * placeholder follows a shorter prefix, which its values can continue ({@code ORDER#<day>} into
   * the territory of {@code ORDER#2024<n>}).
   */
  public static boolean canLieInside(KeyTemplate keys, KeyTemplate territory) {
    return liesInside(keys, territory)
        || !keys.isFixed() && territory.literalPrefix().startsWith(keys.literalPrefix());
  }

  /**
   * The other entities whose sort keys all lie in the territory of {@code queried}'s, in partitions
   * they can share with it: a table query of {@code queried} reads every one of their items. Only
   * entities whose keys resolve ({@link EntityModel#hasResolvedKey}) are compared; the table has a
   * sort key.
   */
  public static List<EntityModel> inside(TableModel table, List<EntityModel> entities, EntityModel queried) {
    List<EntityModel> inside = new ArrayList<>();
    for (EntityModel other : entities) {
      if (other != queried && other.hasResolvedKey(table)
          && KeyShapes.canBeEqual(KeyShapes.Key.tablePartitionKey(queried), KeyShapes.Key.tablePartitionKey(other),
              table.delimiter())
          && liesInside(other.sortKey().orElseThrow(), queried.sortKey().orElseThrow())) {
        inside.add(other);
      }
    }
    return inside;
  }

  /**
   * The other entities whose items can lie where a query of {@code queried} reads: on the table when
   * {@code index} is empty, else on that index, which holds only the entities that fill its keys. A
   * plain partition key (a field stored as it is) has no shape to compare, and neither has a table
   * key that does not resolve: such an entity is taken to share every item with every other. A
   * plain sort key may hold any value: it shares all of its partitions. {@code queried}'s key must
   * resolve ({@link EntityModel#hasResolvedKey}).
   */
  public static List<EntityModel> sharing(TableModel table, List<EntityModel> entities, EntityModel queried,
      Optional<IndexModel> index) {
    Keys mine = Keys.of(table, queried, index).orElseThrow();
    List<EntityModel> sharing = new ArrayList<>();
    for (EntityModel other : entities) {
      if (other == queried) {
        continue;
      }
      if (index.isEmpty() && !other.hasResolvedKey(table)) {
        sharing.add(other);
        continue;
      }
      Optional<Keys> theirs = Keys.of(table, other, index);
      if (theirs.isPresent() && canMeet(mine, theirs.get(), table.delimiter())) {
        sharing.add(other);
      }
    }
    return sharing;
  }

  private static boolean canMeet(Keys queried, Keys other, String delimiter) {
    if (!(queried.partition() instanceof IndexBinding.Template mine
        && other.partition() instanceof IndexBinding.Template theirs)) {
      return true; // a field stored as it is has no shape to compare
    }
    if (!KeyShapes.canBeEqual(new KeyShapes.Key(mine.template(), queried.entity(), queried.shards()),
        new KeyShapes.Key(theirs.template(), other.entity(), other.shards()), delimiter)) {
      return false;
    }
    if (queried.sort() instanceof IndexBinding.Template territory
        && other.sort() instanceof IndexBinding.Template keys) {
      return canLieInside(keys.template(), territory.template());
    }
    return true; // the whole partition (no sort key), or a plain sort key, whose values may be anything
  }

  /** How an entity fills the keys of the table or of one index, when it does. */
  private record Keys(EntityModel entity, IndexBinding.KeyPart partition, int shards, IndexBinding.KeyPart sort) {
    static Optional<Keys> of(TableModel table, EntityModel entity, Optional<IndexModel> index) {
      if (index.isEmpty()) {
        return Optional.of(
            new Keys(entity, entity.tablePartitionKey(table), entity.shards(), entity.tableSortKey(table)));
      }
      IndexBinding binding = entity.bindingFor(table, index.get());
      if (!binding.complete()) {
        return Optional.empty();
      }
      return Optional.of(new Keys(entity, entity.indexPartitionKey(table, index.get()), entity.shards(index.get()),
          binding.sortKey()));
    }
  }
}
