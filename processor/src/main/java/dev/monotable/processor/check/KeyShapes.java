package dev.monotable.processor.check;

import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.FieldModel;
import dev.monotable.processor.model.KeyTemplate;
import dev.monotable.processor.model.KeyTemplate.Literal;
import dev.monotable.processor.model.KeyTemplate.Placeholder;
import dev.monotable.processor.model.KeyTemplate.Segment;
import dev.monotable.processor.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether two key templates can produce the same key. Components never contain the
 * delimiter (the runtime refuses them, and {@link KeyAlphabet} rules out typed encodings that
 * could), so a key's delimiter-separated parts line up with its template's: two templates can
 * collide only part by part.
 */
final class KeyShapes {
  private KeyShapes() {}

  /** One delimiter-separated part of a template: literal text and placeholders, in order. */
  private record Part(List<Segment> segments) {
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

  static boolean canBeEqual(KeyTemplate a, EntityModel entityA, KeyTemplate b, EntityModel entityB, String delimiter) {
    List<Part> partsA = parts(a, delimiter);
    List<Part> partsB = parts(b, delimiter);
    if (partsA.size() != partsB.size()) {
      return false;
    }
    for (int i = 0; i < partsA.size(); i++) {
      if (!canBeEqual(partsA.get(i), entityA, partsB.get(i), entityB)) {
        return false;
      }
    }
    return true;
  }

  private static boolean canBeEqual(Part a, EntityModel entityA, Part b, EntityModel entityB) {
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

  private static List<Part> parts(KeyTemplate template, String delimiter) {
    List<Part> parts = new ArrayList<>();
    List<Segment> current = new ArrayList<>();
    for (Segment segment : template.segments()) {
      if (segment instanceof Literal literal) {
        String[] pieces = literal.text().split(java.util.regex.Pattern.quote(delimiter), -1);
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
    return parts;
  }
}
