package dev.monotable.processor.check;

import dev.monotable.processor.diag.Message;
import dev.monotable.processor.model.AccessPatternModel;
import dev.monotable.processor.model.AttributeType;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.IndexBinding;
import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.KeyShapes;
import dev.monotable.processor.model.KeyTemplate;
import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.SourceRef;
import dev.monotable.processor.model.TableModel;
import dev.monotable.processor.model.Tenancy;
import dev.monotable.processor.model.Territories;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;

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
      reports.put(entity, Report.about(entity.sources().element()));
    }
    checkNames(table, ordered, reports);
    checkKeyCollisions(table, ordered, reports);
    checkTypeless(table, ordered, reports);
    checkTableKeyTypes(table, ordered, reports);
    checkIndexAttributeTypes(table, ordered, reports);
    checkCollections(table, ordered, reports);
    checkTerritories(table, ordered, reports);
    checkChangeHandlerNames(table, ordered, reports);
    checkTenant(table, ordered, reports);
    return reports;
  }

  /**
   * A tenant table: every entity has the tenant field and a partition key that begins with it; an
   * access pattern on an index whose partition key does not is warned of (no policy confines it).
   */
  private void checkTenant(TableModel table, List<EntityModel> entities, Map<EntityModel, Report> reports) {
    if (!table.hasTenant()) {
      return;
    }
    String tenant = table.tenant();
    for (EntityModel entity : entities) {
      Report report = reports.get(entity);
      String name = entity.type().simpleName();
      if (entity.field(tenant).isEmpty()) {
        // on the entity's table = ..., which makes it a tenant table's
        report.on(entity.sources().table()).add(Message.TENANT_FIELD, table.name(), tenant, name, tenant);
        continue;
      }
      Optional<KeyTemplate> partition = entity.partitionKey();
      if (partition.isPresent() && partition.get().isValid()
          && Tenancy.leadingPattern(partition.get(), tenant).isEmpty()) {
        report.on(partition.get().source()).add(Message.TENANT_KEY, partition.get().text(), name, tenant,
            table.name(), tenant);
        continue;
      }
      for (AccessPatternModel pattern : entity.accessPatterns()) {
        if (pattern.onPrimaryKey()) {
          continue;
        }
        Optional<IndexModel> index = table.index(pattern.index());
        if (index.isEmpty() || index.get().kind() == IndexModel.Kind.LOCAL
            || !entity.bindingFor(table, index.get()).complete()) {
          continue;
        }
        Optional<KeyTemplate> key = Tenancy.partitionTemplate(entity, table, index.get());
        if (key.isPresent() && Tenancy.leadingPattern(key.get(), tenant).isEmpty()) {
          report.on(pattern.nameSource()).add(Message.TENANT_PATTERN, pattern.name(), name, index.get().name(),
              key.get().text(), tenant, tenant);
        }
      }
    }
  }

  /**
   * With a stream, each entity gets handler methods named after its class ({@code orderInserted}): two
   * classes of one simple name in one table would share them.
   */
  private void checkChangeHandlerNames(TableModel table, List<EntityModel> entities, Map<EntityModel, Report> reports) {
    if (!table.hasStream()) {
      return;
    }
    Map<String, EntityModel> byMethod = new LinkedHashMap<>();
    for (EntityModel entity : entities) {
      String method = Naming.changeHandlerMethod(entity.type(), "Inserted");
      EntityModel other = byMethod.putIfAbsent(method, entity);
      if (other != null) {
        reports.get(entity).add(Message.STREAM_HANDLER_NAME, other.type().canonicalName(),
            entity.type().canonicalName(), table.name(), method, table.changeHandlerClass().simpleName());
      }
    }
  }

  /** Method names a generated table class already has, which collections cannot take. */
  private static final Set<String> TABLE_METHODS = Set.of(
      "of", "async", "tableName", "createTableRequest", "createIfNotExists", "check", "transaction", "transactionRead",
      "batchGet", "batchWrite", "changes", "pollChanges", "iamPolicy", "migrations",
      "equals", "hashCode", "toString", "getClass", "wait", "notify", "notifyAll");

  private void checkCollections(TableModel table, List<EntityModel> entities, Map<EntityModel, Report> reports) {
    Map<String, List<EntityModel>> collections = new LinkedHashMap<>();
    for (EntityModel entity : entities) {
      if (!entity.collection().isEmpty()) {
        collections.computeIfAbsent(entity.collection(), c -> new ArrayList<>()).add(entity);
      }
    }
    Set<String> accessors = new HashSet<>();
    entities.forEach(e -> accessors.add(Naming.repositoryAccessor(e.type())));
    checkCollectionTypes(table, entities, collections, reports);
    for (Map.Entry<String, List<EntityModel>> collection : collections.entrySet()) {
      String name = collection.getKey();
      List<EntityModel> members = collection.getValue();
      boolean invalid = !SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name);
      boolean taken = !invalid && (TABLE_METHODS.contains(name) || accessors.contains(name));
      if (invalid || taken) {
        for (EntityModel member : members) {
          Report report = reports.get(member).on(member.sources().collection());
          if (invalid) {
            report.add(Message.COLLECTION_NAME_INVALID, name, member.type().simpleName());
          } else {
            report.add(Message.COLLECTION_NAME_TAKEN, name, member.type().simpleName(),
                table.tableClass().simpleName(), name);
          }
        }
        continue;
      }
      // a collection is one query of one partition: a sharded member's items are in several
      for (EntityModel member : members) {
        if (member.sharded()) {
          reports.get(member).on(member.sources().collection()).add(Message.COLLECTION_SHARDED, name,
              member.type().simpleName(), member.shards());
        }
      }
      checkComponents(table, entities, name, members, reports);
      if (members.size() == 1) {
        EntityModel only = members.get(0);
        reports.get(only).on(only.sources().collection()).add(Message.COLLECTION_SINGLE, name,
            table.type().simpleName(), only.type().simpleName());
        continue;
      }
      EntityModel first = members.get(0);
      for (EntityModel member : members.subList(1, members.size())) {
        if (first.partitionKey().isPresent() && member.partitionKey().isPresent()
            && !sameShape(first, first.partitionKey().get(), member, member.partitionKey().get())) {
          for (EntityModel reported : List.of(first, member)) {
            reports.get(reported).on(reported.sources().collection()).add(Message.COLLECTION_SHAPE, name,
                first.type().simpleName(), first.partitionKey().get().text(), member.type().simpleName(),
                member.partitionKey().get().text());
          }
        }
      }
    }
  }

  /**
   * Each collection gives the table class three nested types ({@code customer}: {@code Customer},
   * {@code CustomerCollection}, {@code CustomerPage}); two collections must not give one name
   * ({@code customer} and {@code customerPage}), nor one the table class's own.
   */
  private void checkCollectionTypes(TableModel table, List<EntityModel> entities,
      Map<String, List<EntityModel>> collections, Map<EntityModel, Report> reports) {
    List<String> entityNames = entities.stream().map(entity -> entity.type().simpleName()).toList();
    Map<String, String> owners = new LinkedHashMap<>();
    String tableClass = table.tableClass().simpleName();
    for (String name : collections.keySet()) {
      if (!SourceVersion.isIdentifier(name)) {
        continue; // reported as a name that is not a method name
      }
      for (String type : List.of(Naming.collectionRecord(name, entityNames), Naming.collectionHandle(name),
          Naming.collectionPage(name))) {
        String other = type.equals(tableClass) ? null : owners.putIfAbsent(type, name);
        if (!type.equals(tableClass) && other == null) {
          continue;
        }
        for (EntityModel member : collections.get(name)) {
          Report report = reports.get(member).on(member.sources().collection());
          if (other == null) {
            report.add(Message.COLLECTION_TYPE_TABLE, name, tableClass, type);
          } else {
            report.add(Message.COLLECTION_TYPE_CLASH, other, name, table.type().simpleName(), tableClass, type);
          }
        }
        break;
      }
    }
  }

  /**
   * The members of a collection are components of its record, named after their classes: two must
   * not give one name ({@code Orders}, of one item, and {@code Order}, of a list, are both {@code
   * orders}).
   */
  private void checkComponents(TableModel table, List<EntityModel> entities, String name, List<EntityModel> members,
      Map<EntityModel, Report> reports) {
    List<String> entityNames = entities.stream().map(entity -> entity.type().simpleName()).toList();
    Map<String, EntityModel> byComponent = new LinkedHashMap<>();
    for (EntityModel member : members) {
      boolean single = member.sortKey().map(KeyTemplate::isFixed).orElse(true);
      String component = Naming.collectionComponent(member.type(), single);
      EntityModel other = byComponent.putIfAbsent(component, member);
      if (other != null) {
        reports.get(member).on(member.sources().collection()).add(Message.COLLECTION_MEMBER_CLASH,
            other.type().simpleName(), member.type().simpleName(), name, component,
            table.tableClass().simpleName(), Naming.collectionRecord(name, entityNames));
      }
    }
  }

  /** Same literal text in the same places, and placeholders of the same types. */
  private static boolean sameShape(EntityModel a, KeyTemplate templateA, EntityModel b, KeyTemplate templateB) {
    List<KeyTemplate.Segment> segmentsA = templateA.segments();
    List<KeyTemplate.Segment> segmentsB = templateB.segments();
    if (segmentsA.size() != segmentsB.size()) {
      return false;
    }
    for (int i = 0; i < segmentsA.size(); i++) {
      KeyTemplate.Segment x = segmentsA.get(i);
      KeyTemplate.Segment y = segmentsB.get(i);
      if (x instanceof KeyTemplate.Literal literalX) {
        if (!(y instanceof KeyTemplate.Literal literalY) || !literalX.text().equals(literalY.text())) {
          return false;
        }
      } else if (y instanceof KeyTemplate.Placeholder placeholderY) {
        String typeX = a.field(((KeyTemplate.Placeholder) x).field()).map(f -> f.javaType().toString()).orElse("?");
        String typeY = b.field(placeholderY.field()).map(f -> f.javaType().toString()).orElse("?");
        if (!typeX.equals(typeY)) {
          return false;
        }
      } else {
        return false;
      }
    }
    return true;
  }

  /**
   * Warns when one entity's sort keys can lie inside another's territory in a shared partition
   * ({@code ORDER#<id>} and {@code ORDER#<id>#NOTE#<n>}): queries stay exact, by filtering on the
   * type attribute, but read the other entity's items too.
   */
  private void checkTerritories(TableModel table, List<EntityModel> entities, Map<EntityModel, Report> reports) {
    if (!table.hasSortKey()) {
      return;
    }
    for (EntityModel queried : entities) {
      if (!queried.hasResolvedKey(table) || queried.sortKey().get().isFixed()
          || queried.suppressedWarnings().contains("territory-overlap")) {
        continue;
      }
      for (EntityModel other : Territories.inside(table, entities, queried)) {
        reports.get(queried).on(queried.sortKey().get().source()).add(Message.TERRITORY_OVERLAP,
            other.type().simpleName(), other.sortKey().get().text(), queried.type().simpleName(),
            queried.sortKey().get().text(), queried.type().simpleName(), other.type().simpleName());
      }
    }
  }

  private void checkNames(TableModel table, List<EntityModel> entities, Map<EntityModel, Report> reports) {
    for (int i = 0; i < entities.size(); i++) {
      for (int j = 0; j < i; j++) {
        EntityModel earlier = entities.get(j);
        EntityModel later = entities.get(i);
        if (earlier.typeName().equals(later.typeName())) {
          for (EntityModel reported : List.of(earlier, later)) {
            reports.get(reported).on(reported.sources().typeName()).add(Message.ENTITY_DUPLICATE_TYPE_NAME, earlier.type(),
                later.type(), table.type().simpleName(), later.typeName());
          }
        } else if (Naming.repositoryAccessor(earlier.type()).equals(Naming.repositoryAccessor(later.type()))) {
          for (EntityModel reported : List.of(earlier, later)) {
            reports.get(reported).add(Message.ENTITY_DUPLICATE_ACCESSOR, earlier.type(), later.type(),
                table.type().simpleName(), table.tableClass().simpleName(), Naming.repositoryAccessor(later.type()));
          }
        }
      }
    }
    // an accessor is a method of the table class next to its own: Change's changes() and the stream's
    for (EntityModel entity : entities) {
      String accessor = Naming.repositoryAccessor(entity.type());
      if (tableMethods(table).contains(accessor)) {
        reports.get(entity).add(Message.ENTITY_ACCESSOR_TAKEN, entity.type().simpleName(), table.type().simpleName(),
            table.tableClass().simpleName(), accessor, entity.typeName());
      }
    }
  }

  /** The methods of the generated table class besides the repository accessors and collections. */
  private static Set<String> tableMethods(TableModel table) {
    Set<String> methods = new HashSet<>(TABLE_METHODS);
    if (!table.hasStream()) {
      methods.remove("changes");
    }
    return methods;
  }

  private void checkKeyCollisions(TableModel table, List<EntityModel> entities, Map<EntityModel, Report> reports) {
    for (int i = 0; i < entities.size(); i++) {
      EntityModel later = entities.get(i);
      if (!later.hasResolvedKey(table)) {
        continue;
      }
      for (int j = 0; j < i; j++) {
        EntityModel earlier = entities.get(j);
        if (!earlier.hasResolvedKey(table)) {
          continue;
        }
        // a sharded partition key ends in its shard: "X#<id>" in 4 shards can be "X#a#2"
        boolean samePartition = KeyShapes.canBeEqual(KeyShapes.Key.tablePartitionKey(earlier),
            KeyShapes.Key.tablePartitionKey(later), table.delimiter());
        boolean sameSort = !table.hasSortKey() || KeyShapes.canBeEqual(
            earlier.sortKey().get(), earlier, later.sortKey().get(), later, table.delimiter());
        if (samePartition && sameSort) {
          // reported on both entities, each naming the other, so that either can be fixed
          for (EntityModel reported : List.of(earlier, later)) {
            KeyTemplate at = table.hasSortKey() ? reported.sortKey().get() : reported.partitionKey().get();
            reports.get(reported).on(at.source()).add(Message.KEY_COLLISION, earlier.type().simpleName(),
                describe(table, earlier), later.type().simpleName(), describe(table, later),
                reported.typeName().toUpperCase(Locale.ROOT));
          }
        }
      }
    }
  }

  /**
   * Whether no other entity of the table can have items in the range a table query of
   * {@code queried} reads ({@link Territories#sharing}). Such queries need no filter on the type
   * attribute.
   */
  public static boolean ownsTerritory(TableModel table, List<EntityModel> entities, EntityModel queried) {
    if (!table.hasTypeAttribute() || !queried.hasResolvedKey(table)) {
      return false;
    }
    if (table.hasSortKey() && queried.sortKey().get().plain()) {
      return false; // a plain sort key marks out no territory: its queries keep the filter
    }
    return Territories.sharing(table, entities, queried, Optional.empty()).isEmpty();
  }

  private static String describe(TableModel table, EntityModel entity) {
    String key = "\"" + entity.partitionKey().get().text() + "\"";
    if (entity.sharded()) {
      key += " in " + entity.shards() + " shards, ending " + table.delimiter() + "0 to " + table.delimiter()
          + (entity.shards() - 1);
    }
    return table.hasSortKey() ? key + " / \"" + entity.sortKey().get().text() + "\"" : key;
  }

  /** A table without a type attribute cannot tell its entities' items apart: it holds one entity type. */
  private void checkTypeless(TableModel table, List<EntityModel> entities, Map<EntityModel, Report> reports) {
    if (table.hasTypeAttribute() || entities.size() < 2) {
      return;
    }
    EntityModel first = entities.get(0);
    for (EntityModel other : entities.subList(1, entities.size())) {
      reports.get(other).on(other.sources().table()).add(Message.TABLE_TYPELESS_SECOND_ENTITY,
          table.type().simpleName(), first.type().simpleName(), other.type().simpleName());
    }
  }

  /** Templates store the table's key attributes as strings; plain key fields as their own type. All must agree. */
  private void checkTableKeyTypes(TableModel table, List<EntityModel> entities, Map<EntityModel, Report> reports) {
    Map<String, Claim> owners = new LinkedHashMap<>();
    for (EntityModel entity : entities) {
      for (IndexBinding.KeyPart part : List.of(entity.tablePartitionKey(table), entity.tableSortKey(table))) {
        Claim claim = Claim.of(entity, part);
        if (claim == null || claim.type() == null) {
          continue; // no key, or a field type EntityChecker reports
        }
        Claim owner = owners.putIfAbsent(claim.attribute(), claim);
        if (owner != null && owner.type() != claim.type()) {
          String which = claim.attribute().equals(table.partitionKey()) ? "partition key" : "sort key";
          for (Claim side : List.of(owner, claim)) {
            reports.get(side.entity()).on(side.at()).add(Message.TABLE_KEY_TYPES_DIFFER, claim.attribute(), which,
                table.type().simpleName(), owner.entity().type().simpleName(), owner.type(), owner.how(),
                claim.entity().type().simpleName(), claim.type(), claim.how());
          }
        }
      }
    }
  }

  private void checkIndexAttributeTypes(TableModel table, List<EntityModel> entities, Map<EntityModel, Report> reports) {
    for (IndexModel index : table.indexes()) {
      Map<String, Claim> owners = new LinkedHashMap<>();
      for (EntityModel entity : entities) {
        IndexBinding binding = entity.bindingFor(table, index);
        for (IndexBinding.KeyPart part : List.of(binding.partitionKey(), binding.sortKey())) {
          Claim claim = Claim.of(entity, part);
          if (claim == null) {
            continue;
          }
          if (claim.type() == null) {
            reports.get(entity).on(claim.at()).add(Message.INDEX_ATTRIBUTE_NOT_KEY_TYPE, claim.attribute(),
                index.name(), table.type().simpleName(), entity.type().simpleName(), claim.how());
            continue;
          }
          Claim owner = owners.putIfAbsent(claim.attribute(), claim);
          if (owner != null && owner.type() != claim.type()) {
            for (Claim side : List.of(owner, claim)) {
              reports.get(side.entity()).on(side.at()).add(Message.INDEX_ATTRIBUTE_TYPES_DIFFER, claim.attribute(),
                  index.name(), table.type().simpleName(), owner.entity().type().simpleName(), owner.type(),
                  owner.how(), claim.entity().type().simpleName(), claim.type(), claim.how());
            }
          }
        }
      }
    }
  }

  /**
   * How one entity fills a key attribute: with a template (a string) or with a field's value (its
   * type, null when no key can have it), and where that is declared.
   */
  private record Claim(EntityModel entity, String attribute, AttributeType type, String how, SourceRef at) {
    /** The claim of a key part, or null when the entity does not fill it. */
    static Claim of(EntityModel entity, IndexBinding.KeyPart part) {
      if (part instanceof IndexBinding.Template template) {
        return new Claim(entity, template.attribute(), AttributeType.S, "a key template", template.template().source());
      }
      if (part instanceof IndexBinding.Raw raw) {
        return new Claim(entity, raw.attribute(), raw.field().valueType().keyAttributeType(),
            "field " + raw.field().name() + " (" + raw.field().javaType() + ")", raw.field().attributeSource());
      }
      return null;
    }
  }
}
