package dev.monotable.processor.model;

import dev.monotable.processor.model.KeyTemplate.Literal;
import dev.monotable.processor.model.KeyTemplate.Placeholder;
import dev.monotable.processor.model.KeyTemplate.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether two key templates can produce the same key. Components never contain the
 * delimiter (the runtime refuses them, and {@link KeyAlphabet} rules out typed encodings that
 * could), so a key's delimiter-separated parts line up with its template's: two templates can
 * collide only part by part. A sharded partition key has one part more, its shard suffix (the
 * delimiter and the shard number, {@code STATUS#PAID#3}), which is compared as the numbers it can
 * be. A plain key (a field stored as it is) has no parts: a string one can hold any text, the
 * delimiter included.
 */
public final class KeyShapes {
  private KeyShapes() {}

  /**
   * A key as it is written: its template, the entity whose fields fill it, and the number of shards
   * it is written in (0 when it is not sharded).
   */
  public record Key(KeyTemplate template, EntityModel entity, int shards) {
    /** An unsharded key. */
    Key(KeyTemplate template, EntityModel entity) {
      this(template, entity, 0);
    }

    /** The table partition key of {@code entity}, with its shard suffix when it is sharded. */
    public static Key tablePartitionKey(EntityModel entity) {
      return new Key(entity.partitionKey().orElseThrow(), entity, entity.shards());
    }
  }

  /**
   * One delimiter-separated part of a template: literal text and placeholders, in order; or, when
   * {@code shards} is not 0, the shard suffix, one of the numbers 0 to {@code shards - 1}.
   */
  private record Part(List<Segment> segments, int shards) {
    Part(List<Segment> segments) {
      this(segments, 0);
    }

    boolean shardSuffix() {
      return shards != 0;
    }

    boolean literalOnly() {
      return segments.stream().allMatch(s -> s instanceof Literal);
    }

    String literal() {
      StringBuilder text = new StringBuilder();
      for (Segment segment : segments) {
        text.append(((Literal) segment).text());
      }
      return text.toString();
    }

    Optional<Placeholder> singlePlaceholder() {
      return segments.size() == 1 && segments.get(0) instanceof Placeholder p ? Optional.of(p) : Optional.empty();
    }

    String literalPrefix() {
      StringBuilder text = new StringBuilder();
      for (Segment segment : segments) {
        if (!(segment instanceof Literal literal)) {
          break;
        }
        text.append(literal.text());
      }
      return text.toString();
    }

    String literalSuffix() {
      StringBuilder text = new StringBuilder();
      for (int i = segments.size() - 1; i >= 0; i--) {
        if (!(segments.get(i) instanceof Literal literal)) {
          break;
        }
        text.insert(0, literal.text());
      }
      return text.toString();
    }
  }

  /** Whether two unsharded keys can be equal. */
  public static boolean canBeEqual(KeyTemplate a, EntityModel entityA, KeyTemplate b, EntityModel entityB,
      String delimiter) {
    return canBeEqual(new Key(a, entityA), new Key(b, entityB), delimiter);
  }

  /** Whether two keys, each with its shard suffix when it is sharded, can be equal. */
  public static boolean canBeEqual(Key a, Key b, String delimiter) {
    if (a.template().plain() || b.template().plain()) {
      return plainCanBeEqual(a, b, delimiter);
    }
    List<Part> partsA = parts(a.template(), delimiter, a.shards());
    List<Part> partsB = parts(b.template(), delimiter, b.shards());
    if (partsA.size() != partsB.size()) {
      return false;
    }
    for (int i = 0; i < partsA.size(); i++) {
      if (!canBeEqual(partsA.get(i), a.entity(), partsB.get(i), b.entity())) {
        return false;
      }
    }
    return true;
  }

  /**
   * A plain key against another key. Its value is stored as it is: as a number or binary it never
   * equals a key string; as an enum it is one of the constants; as any other string it may be any
   * text, the delimiter included, so it can equal every key string.
   */
  private static boolean plainCanBeEqual(Key a, Key b, String delimiter) {
    Key plain = a.template().plain() ? a : b;
    Key other = plain == a ? b : a;
    Optional<FieldModel> field = plain.entity().field(plain.template().plainField());
    if (field.isEmpty()) {
      return false; // a plain key on no field is reported elsewhere
    }
    AttributeType type = field.get().valueType().keyAttributeType();
    AttributeType otherType = other.template().plain()
        ? other.entity().field(other.template().plainField()).map(f -> f.valueType().keyAttributeType()).orElse(type)
        : AttributeType.S;
    if (type == null || otherType == null || type != otherType) {
      return false; // different key types never meet; no key type at all is reported elsewhere
    }
    if (!(field.get().valueType() instanceof ValueType.EnumValue enumValue)) {
      return true;
    }
    // each constant is one fixed key: compare it as the literal template it is
    for (String constant : enumValue.constants()) {
      KeyTemplate fixed = new KeyTemplate(constant, List.of(new Literal(constant)), Optional.empty(),
          plain.template().source());
      if (other.template().plain() || canBeEqual(new Key(fixed, plain.entity()), other, delimiter)) {
        return true;
      }
    }
    return false;
  }

  private static boolean canBeEqual(Part a, EntityModel entityA, Part b, EntityModel entityB) {
    if (a.shardSuffix() && b.shardSuffix()) {
      return true; // both have a shard 0
    }
    if (a.shardSuffix() || b.shardSuffix()) {
      Part shard = a.shardSuffix() ? a : b;
      Part other = shard == a ? b : a;
      EntityModel otherEntity = shard == a ? entityB : entityA;
      // a shard suffix is the decimal number of the shard, 0 to shards - 1
      for (int number = 0; number < shard.shards(); number++) {
        Part literal = new Part(List.of(new Literal(Integer.toString(number))));
        if (canBeEqual(literal, otherEntity, other, otherEntity)) {
          return true;
        }
      }
      return false;
    }
    if (a.literalOnly() && b.literalOnly()) {
      return a.literal().equals(b.literal());
    }
    if (a.literalOnly() && b.singlePlaceholder().isPresent()) {
      return canProduce(entityB, b.singlePlaceholder().get(), a.literal());
    }
    if (b.literalOnly() && a.singlePlaceholder().isPresent()) {
      return canProduce(entityA, a.singlePlaceholder().get(), b.literal());
    }
    if (a.singlePlaceholder().isPresent() && b.singlePlaceholder().isPresent()) {
      Optional<ValueType> typeA = type(entityA, a.singlePlaceholder().get());
      Optional<ValueType> typeB = type(entityB, b.singlePlaceholder().get());
      if (typeA.orElse(null) instanceof ValueType.EnumValue enumA
          && typeB.orElse(null) instanceof ValueType.EnumValue enumB) {
        return enumA.constants().stream().anyMatch(enumB.constants()::contains);
      }
      return true;
    }
    String prefixA = a.literalPrefix();
    String prefixB = b.literalPrefix();
    String suffixA = a.literalSuffix();
    String suffixB = b.literalSuffix();
    return (prefixA.startsWith(prefixB) || prefixB.startsWith(prefixA))
        && (suffixA.endsWith(suffixB) || suffixB.endsWith(suffixA));
  }

  /**
   * Whether the placeholder can encode to {@code literal}. One naming no field (reported elsewhere)
   * can be any text but the empty one, which the runtime refuses in every key.
   */
  private static boolean canProduce(EntityModel entity, Placeholder placeholder, String literal) {
    return type(entity, placeholder).map(type -> KeyAlphabet.canProduce(type, literal)).orElse(!literal.isEmpty());
  }

  private static Optional<ValueType> type(EntityModel entity, Placeholder placeholder) {
    return entity.field(placeholder.field()).map(FieldModel::valueType);
  }

  private static List<Part> parts(KeyTemplate template, String delimiter, int shards) {
    List<Part> parts = new ArrayList<>();
    List<Segment> current = new ArrayList<>();
    for (Segment segment : template.segments()) {
      if (segment instanceof Literal literal) {
        String[] pieces = literal.text().split(Pattern.quote(delimiter), -1);
        for (int i = 0; i < pieces.length; i++) {
          if (i > 0) {
            parts.add(new Part(current));
            current = new ArrayList<>();
          }
          if (!pieces[i].isEmpty()) {
            current.add(new Literal(pieces[i]));
          }
        }
      } else {
        current.add(segment);
      }
    }
    parts.add(new Part(current));
    if (shards != 0) {
      parts.add(new Part(List.of(), shards));
    }
    return parts;
  }
}
