package dev.monotable.processor.report;

import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.FieldModel;
import dev.monotable.processor.model.KeyTemplate;
import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.ScalarKind;
import dev.monotable.processor.model.ValueType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plausible sample values for the fields of a design, so that a reader sees what a key looks like
 * ({@code USER#ada-1#ORDER#2024-05-01T09:30:00.000000000Z}) rather than only its template. A key
 * component is written as the runtime's {@code KeyEncoding} writes it (fixed-width numbers and
 * times); a stored attribute as a DynamoDB JSON attribute value. The values depend on the field's
 * name and type only, so one field name shows one value wherever it appears.
 */
final class ExampleValues {
  private static final String INSTANT = "2024-05-01T09:30:00.000000000Z";

  private ExampleValues() {}

  /** The template with each placeholder replaced by its field's example, as a key component. */
  static String key(KeyTemplate template, EntityModel entity) {
    StringBuilder key = new StringBuilder();
    for (KeyTemplate.Segment segment : template.segments()) {
      if (segment instanceof KeyTemplate.Literal literal) {
        key.append(literal.text());
      } else if (segment instanceof KeyTemplate.Placeholder placeholder) {
        key.append(entity.field(placeholder.field()).map(field -> keyComponent(field, entity))
            .orElse("<" + placeholder.field() + ">"));
      }
    }
    return key.toString();
  }

  /** A field's example as a key component (the encoding the runtime writes into key strings). */
  static String keyComponent(FieldModel field, EntityModel owner) {
    ValueType type = field.valueType();
    if (type instanceof ValueType.EnumValue enumValue) {
      return firstConstant(enumValue);
    }
    if (type instanceof ValueType.Scalar scalar) {
      return switch (scalar.kind()) {
        case BYTE -> padded(7, 3);
        case SHORT -> padded(42, 5);
        case INT -> padded(42, 10);
        case LONG -> padded(42, 19);
        case BIG_INTEGER -> padded(42, 38);
        // 19.99 = 0.1999 x 10^2: "2", exponent + 500, the digits
        case BIG_DECIMAL -> "25021999";
        case OFFSET_DATE_TIME -> INSTANT + "064800";
        case LOCAL_DATE_TIME -> INSTANT.substring(0, INSTANT.length() - 1);
        default -> text(exampleName(field, owner), scalar.kind());
      };
    }
    return "<" + field.name() + ">";
  }

  /** A field's example as a DynamoDB JSON attribute value ({@code {"S": "..."}}), as it is stored. */
  static Map<String, Object> attributeValue(FieldModel field, EntityModel owner) {
    return attributeValue(exampleName(field, owner), field.valueType());
  }

  /** The name an example is made from: an entity's own {@code id} is named after the entity ({@code userId}). */
  private static String exampleName(FieldModel field, EntityModel owner) {
    return field.name().equals("id") ? Naming.lowerCamel(owner.type().simpleName()) + "Id" : field.name();
  }

  private static Map<String, Object> attributeValue(String name, ValueType type) {
    if (type instanceof ValueType.EnumValue enumValue) {
      return Map.of("S", firstConstant(enumValue));
    }
    if (type instanceof ValueType.Scalar scalar) {
      return switch (scalar.kind()) {
        case BOOLEAN -> Map.of("BOOL", true);
        case BYTE, SHORT, INT, LONG, BIG_INTEGER -> Map.of("N", "42");
        case FLOAT, DOUBLE -> Map.of("N", "2.5");
        case BIG_DECIMAL -> Map.of("N", "19.99");
        case EPOCH_SECONDS -> Map.of("N", "1714555800");
        case BYTE_ARRAY, SDK_BYTES, BYTE_BUFFER -> Map.of("B", "AQID");
        default -> Map.of("S", text(name, scalar.kind()));
      };
    }
    if (type instanceof ValueType.OptionalValue optional) {
      return attributeValue(name, optional.element());
    }
    if (type instanceof ValueType.ListValue list) {
      return Map.of("L", List.of(attributeValue(singular(name), list.element())));
    }
    if (type instanceof ValueType.SetValue set) {
      Map<String, Object> element = attributeValue(singular(name), set.element());
      String kind = element.keySet().iterator().next();
      return Map.of(kind + "S", List.of(element.get(kind)));
    }
    if (type instanceof ValueType.MapValue map) {
      Map<String, Object> entries = new LinkedHashMap<>();
      entries.put("key", attributeValue("value", map.value()));
      return Map.of("M", entries);
    }
    if (type instanceof ValueType.DocumentValue) {
      return Map.of("M", Map.of());
    }
    return Map.of("S", "…");
  }

  /** The DynamoDB type of a field as stored: S, N, B, BOOL, L, M, SS, NS or BS. */
  static String attributeType(FieldModel field) {
    return attributeValue(field.name(), field.valueType()).keySet().iterator().next();
  }

  private static String firstConstant(ValueType.EnumValue enumValue) {
    return enumValue.constants().isEmpty() ? enumValue.type().simpleName() : enumValue.constants().get(0);
  }

  /** A text example after the field's name: ids, emails, names, times. */
  private static String text(String name, ScalarKind kind) {
    String lower = name.toLowerCase(Locale.ROOT);
    return switch (kind) {
      case BOOLEAN -> "true";
      case FLOAT, DOUBLE -> "2.5";
      case INSTANT -> INSTANT;
      case LOCAL_DATE -> INSTANT.substring(0, 10);
      case ZONED_DATE_TIME -> "2024-05-01T11:30+02:00[Europe/Paris]";
      case DURATION -> "PT15M";
      case UUID -> "3f2b6c1e-8a4d-4f1b-9c2e-5d7a8b9c0d1e";
      case URI -> "https://example.com/" + lower;
      default -> {
        if (lower.contains("email")) {
          yield "ada@example.com";
        }
        if (lower.endsWith("id") && lower.length() > 2) {
          yield lower.substring(0, lower.length() - 2) + "-1";
        }
        if (lower.equals("name")) {
          yield "Ada";
        }
        yield (lower.length() > 12 ? lower.substring(0, 12) : lower) + "-1";
      }
    };
  }

  private static String padded(long value, int width) {
    StringBuilder digits = new StringBuilder(Long.toString(value));
    while (digits.length() < width) {
      digits.insert(0, '0');
    }
    return digits.toString();
  }

  private static String singular(String name) {
    return name.endsWith("s") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
  }
}
