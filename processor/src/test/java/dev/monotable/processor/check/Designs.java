package dev.monotable.processor.check;

import dev.monotable.processor.model.AccessPatternModel;
import dev.monotable.processor.model.Creation;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.FieldModel;
import dev.monotable.processor.model.IndexKeyModel;
import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.JavaType;
import dev.monotable.processor.model.KeyTemplate;
import dev.monotable.processor.model.ScalarKind;
import dev.monotable.processor.model.SourceRef;
import dev.monotable.processor.model.TableModel;
import dev.monotable.processor.model.Throughput;
import dev.monotable.processor.model.TypeRef;
import dev.monotable.processor.model.ValueType;
import dev.monotable.processor.read.KeyTemplateParser;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Models of small designs, built without javac, for the unit tests of the checks and the model: a
 * table ({@code PK}/{@code SK}, delimiter {@code #}, with the indexes given) and an entity of fields
 * and key templates.
 */
public final class Designs {
  private static final SourceRef NONE = SourceRef.NONE;

  private Designs() {}

  /** Table {@code App} with keys {@code PK}, {@code SK} and these indexes. */
  public static TableModel table(IndexModel... indexes) {
    return new TableModel(TypeRef.of("app", "App"), "App", "PK", "SK", List.of(indexes), "_type", "#", "", "NONE",
        "ON_DEMAND", Throughput.NONE, false, "", "interface",
        new TableModel.Sources(NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE, NONE));
  }

  /** A global index keyed on {@code <name>PK}/{@code <name>SK}. */
  public static IndexModel global(String name) {
    return new IndexModel(name, IndexModel.Kind.GLOBAL, name + "PK", name + "SK", IndexModel.Projection.ALL,
        List.of(), NONE, NONE, NONE, NONE, NONE, Throughput.NONE, NONE, NONE);
  }

  /** A field of a scalar kind; {@code roles} as the field's annotations give them. */
  public static FieldModel field(String name, ScalarKind kind, FieldModel.Role... roles) {
    JavaType type = switch (kind) {
      case LONG -> JavaType.primitive("long");
      case INT -> JavaType.primitive("int");
      case BOOLEAN -> JavaType.primitive("boolean");
      default -> JavaType.declared(TypeRef.of("java.lang", kind.name()), List.of());
    };
    Set<FieldModel.Role> set = roles.length == 0 ? EnumSet.noneOf(FieldModel.Role.class) : EnumSet.copyOf(List.of(roles));
    return new FieldModel(name, name, type, new ValueType.Scalar(kind, type.isPrimitive()),
        FieldModel.Access.method(name), null, false, set, NONE, NONE);
  }

  /** A key template as {@code @PartitionKey}, {@code @SortKey} or {@code @IndexKey} give it. */
  public static KeyTemplate template(String text) {
    return KeyTemplateParser.parse(text, NONE);
  }

  /** An entity builder. */
  public static Entity entity(String name) {
    return new Entity(name);
  }

  /** The parts of an entity model, set one by one. */
  public static final class Entity {
    private final String name;
    private final List<FieldModel> fields = new ArrayList<>();
    private KeyTemplate partitionKey;
    private KeyTemplate sortKey;
    private final List<IndexKeyModel> indexKeys = new ArrayList<>();
    private final List<AccessPatternModel> patterns = new ArrayList<>();
    private final Set<String> suppressed = new HashSet<>();
    private int shards;

    private Entity(String name) {
      this.name = name;
    }

    public Entity field(FieldModel field) {
      fields.add(field);
      return this;
    }

    public Entity keys(String partition, String sort) {
      partitionKey = template(partition);
      sortKey = sort == null ? null : template(sort);
      return this;
    }

    /** A plain partition key: {@code @PartitionKey} on the field, which is stored as it is. */
    public Entity plainPartitionKey(String field) {
      partitionKey = KeyTemplate.plain(field, Optional.empty(), NONE);
      return this;
    }

    /** A plain sort key: {@code @SortKey} on the field, which is stored as it is. */
    public Entity plainSortKey(String field) {
      sortKey = KeyTemplate.plain(field, Optional.empty(), NONE);
      return this;
    }

    /** Writes the partition key in {@code shards} shards. */
    public Entity shards(int shards) {
      this.shards = shards;
      return this;
    }

    /** {@code @SuppressWarnings("monotable.<warning>")}. */
    public Entity suppress(String warning) {
      suppressed.add(warning);
      return this;
    }

    public Entity indexKey(String index, String partition, String sort) {
      indexKeys.add(new IndexKeyModel(index, Optional.ofNullable(partition).map(Designs::template),
          Optional.ofNullable(sort).map(Designs::template), NONE, 0, NONE));
      return this;
    }

    public Entity accessPattern(String pattern, String index) {
      patterns.add(new AccessPatternModel(pattern, index, NONE, NONE));
      return this;
    }

    public EntityModel model() {
      return new EntityModel(TypeRef.of("app", name), name, TypeRef.of("app", "App"), fields, Creation.constructor(),
          Optional.ofNullable(partitionKey), Optional.ofNullable(sortKey), "", indexKeys, patterns, suppressed, shards,
          new EntityModel.Sources(NONE, NONE, NONE, NONE, NONE));
    }
  }

  /** The tags of a report's findings, in order. */
  static List<String> tags(Report report) {
    return report.diagnostics().stream().map(d -> d.message().tag()).toList();
  }
}
