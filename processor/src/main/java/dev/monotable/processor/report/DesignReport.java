package dev.monotable.processor.report;

import dev.monotable.processor.diag.Diagnostic;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.FieldModel;
import dev.monotable.processor.model.IndexBinding;
import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.TableModel;
import dev.monotable.processor.model.ValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a table's design report is made of: the checked table, its entities (by simple name, as the
 * table class lists them) and the warnings its checks reported, each already printed once by the
 * compiler. Also what the outputs share about the design: which entities each index holds.
 */
public record DesignReport(TableModel table, List<EntityModel> entities, List<Warning> warnings) {
  public DesignReport {
    entities = entities.stream().sorted(Comparator.comparing(e -> e.type().simpleName())).toList();
    warnings = List.copyOf(warnings);
  }

  /** A warning about the table or one of its entities ({@code subject}), with its tag and text. */
  public record Warning(String subject, String tag, String text) {
    public static Warning of(String subject, Diagnostic diagnostic) {
      return new Warning(subject, diagnostic.message().tag(), diagnostic.text());
    }
  }

  /** Whether an index holds an entity's items. */
  enum Presence {
    /** Every item of the entity has the index's keys. */
    EVERY_ITEM,
    /** Only items whose {@link Membership#nullableFields} are all set: the index is sparse for the entity. */
    WHEN_SET,
    /** The entity does not provide the index's keys. */
    ABSENT
  }

  /** How an index holds one entity; {@code binding} is null for the table itself. */
  record Membership(EntityModel entity, IndexBinding binding, Presence presence, List<FieldModel> nullableFields) {}

  /** How {@code index} holds each entity of the table. */
  List<Membership> membership(IndexModel index) {
    List<Membership> memberships = new ArrayList<>();
    for (EntityModel entity : entities) {
      IndexBinding binding = entity.bindingFor(table, index);
      if (!binding.complete()) {
        memberships.add(new Membership(entity, binding, Presence.ABSENT, List.of()));
        continue;
      }
      List<FieldModel> nullable = entity.keyFields(binding).stream()
          .filter(field -> canBeNull(entity, field))
          .toList();
      memberships.add(new Membership(entity, binding,
          nullable.isEmpty() ? Presence.EVERY_ITEM : Presence.WHEN_SET, nullable));
    }
    return memberships;
  }

  /** Whether some entity's items can be missing from {@code index}. */
  boolean sparse(IndexModel index) {
    return membership(index).stream().anyMatch(m -> m.presence() != Presence.EVERY_ITEM);
  }

  /**
   * Whether a stored item can lack the field: a primitive cannot, and neither can a field of the
   * primary key (a key is never built from a null).
   */
  static boolean canBeNull(EntityModel entity, FieldModel field) {
    if (field.valueType() instanceof ValueType.Scalar scalar && scalar.primitive()) {
      return false;
    }
    return entity.partitionKey().map(t -> !t.fields().contains(field.name())).orElse(true)
        && entity.sortKey().map(t -> !t.fields().contains(field.name())).orElse(true);
  }

  /** The item collections: entities that share a partition, by collection name, in entity order. */
  Map<String, List<EntityModel>> collections() {
    Map<String, List<EntityModel>> collections = new LinkedHashMap<>();
    for (EntityModel entity : entities) {
      if (!entity.collection().isEmpty()) {
        collections.computeIfAbsent(entity.collection(), name -> new ArrayList<>()).add(entity);
      }
    }
    return collections;
  }
}
