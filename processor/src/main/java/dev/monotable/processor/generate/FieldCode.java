package dev.monotable.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.monotable.processor.model.Creation;
import dev.monotable.processor.model.FieldModel;
import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.ScalarKind;
import dev.monotable.processor.model.TypeRef;
import dev.monotable.processor.model.ValueType;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The field-by-field code that entity and document schemas share: attribute-name constants, codec
 * constants, and the statements that write and read each field. The codec constants are
 * package-private: the entity's keys and fields classes use the schema's codecs rather than build
 * their own, so that each codec is written once.
 */
final class FieldCode {
  private final List<FieldModel> fields;
  private final Map<String, String> attributeConstants = new LinkedHashMap<>();
  private final Map<String, String> codecConstants = new LinkedHashMap<>();

  /** The nested class of the attribute-name constants, apart from the schema's own and from the typed paths. */
  static final String ATTRIBUTES = "Attributes";

  FieldCode(List<FieldModel> fields) {
    this.fields = fields;
    Set<String> used = new HashSet<>();
    for (FieldModel field : fields) {
      if (!field.ignored()) {
        attributeConstants.put(field.name(), unique(Naming.constant(field.name()), used));
      }
    }
    codecConstants.putAll(codecConstants(fields));
  }

  /**
   * The codec constant of each stored field of a composite type (a scalar uses the shared codec of
   * {@code AttributeCodecs}), by field name. The names follow from the fields alone, not from the
   * names a schema reserves, so another class can name a schema's constant without the schema.
   */
  private static Map<String, String> codecConstants(List<FieldModel> fields) {
    Set<String> used = new HashSet<>();
    for (FieldModel field : fields) {
      if (!field.ignored()) {
        // a schema's own constants never end in _CODEC, so they cannot take a codec's name
        used.add(Naming.constant(field.name()));
      }
    }
    Map<String, String> constants = new LinkedHashMap<>();
    for (FieldModel field : fields) {
      if (!field.ignored() && !(field.valueType() instanceof ValueType.Scalar)) {
        constants.put(field.name(), unique(Naming.constant(field.name()) + "_CODEC", used));
      }
    }
    return constants;
  }

  private static String unique(String name, Set<String> used) {
    String candidate = name;
    while (!used.add(candidate)) {
      candidate = candidate + "_";
    }
    return candidate;
  }

  /**
   * The attribute-name constants, in a nested class of their own ({@code OrderSchema.Attributes.STATUS}),
   * so that completion never offers them beside the typed paths ({@code OrderFields.STATUS}); and the
   * codec constants.
   */
  void addConstants(TypeSpec.Builder type, String owner) {
    TypeSpec.Builder attributes = TypeSpec.classBuilder(ATTRIBUTES)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The attribute of each stored field of {@code $L}, named after the field.\n", owner)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (FieldModel field : fields) {
      if (!field.ignored()) {
        attributes.addField(FieldSpec.builder(String.class, attributeConstants.get(field.name()),
                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("$S", field.attributeName())
            .build());
      }
    }
    type.addType(attributes.build());
    for (FieldModel field : fields) {
      String constant = codecConstants.get(field.name());
      if (constant == null) {
        continue;
      }
      TypeName codecType = ParameterizedTypeName.get(TypeNames.ATTRIBUTE_CODEC, TypeNames.boxed(field.javaType()));
      type.addField(FieldSpec.builder(codecType, constant, Modifier.STATIC, Modifier.FINAL)
          .initializer(codec(field.valueType(), true))
          .build());
    }
  }

  /** {@code out.put(EMAIL, AttributeCodecs.STRING, user.email());} for every stored field. */
  void writeFields(CodeBlock.Builder code, String writer, String instance) {
    writeFields(code, writer, instance, Set.of());
  }

  /** Writes every stored field but those named in {@code written} (plain key fields, written as keys). */
  void writeFields(CodeBlock.Builder code, String writer, String instance, Set<String> written) {
    for (FieldModel field : fields) {
      if (field.ignored() || written.contains(field.name())) {
        continue;
      }
      code.addStatement("$L.put($L, $L,$W$L)", writer, constantOf(field.name()), codecOf(field),
          access(field, instance));
    }
  }

  /**
   * Builds the instance from the attributes of map {@code attributes} and returns it; {@code
   * typeConstant} names the entity or document in read errors.
   */
  void readAndReturn(CodeBlock.Builder code, TypeRef type, Creation creation, String attributes, String typeConstant,
      String instance) {
    readAndReturn(code, type, creation, attributes, typeConstant, instance, Map.of());
  }

  /**
   * {@link #readAndReturn(CodeBlock.Builder, TypeRef, Creation, String, String, String)}, where the
   * value of each field named in {@code lookups} is looked up by the given expression instead of
   * {@code item.get(NAME)} (the primary-key fields, which every item gives).
   */
  void readAndReturn(CodeBlock.Builder code, TypeRef type, Creation creation, String attributes, String typeConstant,
      String instance, Map<String, CodeBlock> lookups) {
    Map<String, CodeBlock> required = lookups;
    if (creation.kind() == Creation.Kind.CONSTRUCTOR && fields.isEmpty()) {
      code.addStatement("return new $T()", TypeNames.className(type));
      return;
    }
    if (creation.kind() == Creation.Kind.CONSTRUCTOR) {
      code.add("return new $T(\n", TypeNames.className(type)).indent().indent();
      for (int i = 0; i < fields.size(); i++) {
        FieldModel field = fields.get(i);
        code.add(field.ignored() ? defaultValue(field) : readValue(field, attributes, typeConstant, required));
        code.add(i < fields.size() - 1 ? ",\n" : ");\n");
      }
      code.unindent().unindent();
      return;
    }
    code.addStatement("$T $L = new $T()", TypeNames.className(type), instance, TypeNames.className(type));
    for (FieldModel field : fields) {
      if (field.ignored()) {
        continue;
      }
      if (field.write().kind() == FieldModel.Access.Kind.METHOD) {
        code.addStatement("$L.$L($L)", instance, field.write().member(),
            readValue(field, attributes, typeConstant, required));
      } else {
        code.addStatement("$L.$L = $L", instance, field.write().member(),
            readValue(field, attributes, typeConstant, required));
      }
    }
    code.addStatement("return $L", instance);
  }

  /**
   * Returns a copy of {@code instance} in which the fields named in {@code replaced} take the given
   * values and every other field keeps its own: the entity as a write stores it.
   */
  void copyAndReturn(CodeBlock.Builder code, TypeRef type, Creation creation, String instance,
      Map<String, CodeBlock> replaced) {
    if (creation.kind() == Creation.Kind.CONSTRUCTOR) {
      code.add("return new $T(\n", TypeNames.className(type)).indent().indent();
      for (int i = 0; i < fields.size(); i++) {
        code.add(copiedValue(fields.get(i), instance, replaced));
        code.add(i < fields.size() - 1 ? ",\n" : ");\n");
      }
      code.unindent().unindent();
      return;
    }
    String copy = instance.equals("stored") ? "storedCopy" : "stored";
    code.addStatement("$T $L = new $T()", TypeNames.className(type), copy, TypeNames.className(type));
    for (FieldModel field : fields) {
      if (field.write() == null) {
        continue;
      }
      if (field.write().kind() == FieldModel.Access.Kind.METHOD) {
        code.addStatement("$L.$L($L)", copy, field.write().member(), copiedValue(field, instance, replaced));
      } else {
        code.addStatement("$L.$L = $L", copy, field.write().member(), copiedValue(field, instance, replaced));
      }
    }
    code.addStatement("return $L", copy);
  }

  /** The attribute-name constant of a stored field as the schema names it ({@code Attributes.USER_ID}). */
  String constantOf(String field) {
    return ATTRIBUTES + "." + attributeConstants.get(field);
  }

  private static CodeBlock copiedValue(FieldModel field, String instance, Map<String, CodeBlock> replaced) {
    CodeBlock value = replaced.get(field.name());
    if (value != null) {
      return value;
    }
    return field.read() == null ? defaultValue(field) : access(field, instance);
  }

  /** {@code ItemReader.getString(item.get(EMAIL), EMAIL, ENTITY_TYPE)}: the read of one field. */
  private CodeBlock readValue(FieldModel field, String attributes, String typeConstant,
      Map<String, CodeBlock> lookups) {
    String attribute = constantOf(field.name());
    CodeBlock lookup = lookups.getOrDefault(field.name(), CodeBlock.of("$L.get($L)", attributes, attribute));
    String getter = null;
    if (field.javaType().isPrimitive() && field.valueType() instanceof ValueType.Scalar) {
      getter = switch (field.javaType().primitive()) {
        case "boolean" -> "getBoolean";
        case "byte" -> "getByte";
        case "short" -> "getShort";
        case "int" -> "getInt";
        case "long" -> "getLong";
        case "float" -> "getFloat";
        default -> "getDouble";
      };
    } else if (field.valueType() instanceof ValueType.Scalar scalar && !codecConstants.containsKey(field.name())) {
      // the commonest types have typed reads, each a short fast path for the value as written
      getter = switch (scalar.kind()) {
        case STRING -> "getString";
        case INSTANT -> "getInstant";
        case BIG_DECIMAL -> "getBigDecimal";
        default -> null;
      };
    }
    // the lookup is here, in the generated method, whose map is always of one kind
    if (getter != null) {
      return CodeBlock.of("$T.$L($L,$W$L, $L)", TypeNames.ITEM_READER, getter, lookup, attribute, typeConstant);
    }
    return CodeBlock.of("$T.get($L, $L,$W$L, $L)", TypeNames.ITEM_READER, lookup, attribute, codecOf(field),
        typeConstant);
  }

  private static CodeBlock defaultValue(FieldModel field) {
    if (!field.javaType().isPrimitive()) {
      return CodeBlock.of("null");
    }
    return switch (field.javaType().primitive()) {
      case "boolean" -> CodeBlock.of("false");
      case "long" -> CodeBlock.of("0L");
      case "float" -> CodeBlock.of("0f");
      case "double" -> CodeBlock.of("0d");
      case "int" -> CodeBlock.of("0");
      default -> CodeBlock.of("($L) 0", field.javaType().primitive());
    };
  }

  /**
   * The codec of one of {@code fields} as another class of the type refers to it: the constant of
   * the type's schema ({@code OrderSchema.STATUS_CODEC}) for a composite type, the shared scalar
   * codec ({@code AttributeCodecs.INSTANT}) otherwise.
   */
  static CodeBlock schemaCodec(ClassName schema, List<FieldModel> fields, FieldModel field) {
    String constant = codecConstants(fields).get(field.name());
    return constant != null ? CodeBlock.of("$T.$L", schema, constant) : codec(field.valueType());
  }

  /** The codec of a field: a constant for composite types, the shared scalar codec otherwise. */
  CodeBlock codecOf(FieldModel field) {
    String constant = codecConstants.get(field.name());
    return constant != null ? CodeBlock.of("$L", constant) : codec(field.valueType());
  }

  /** How to read the field from an instance: {@code user.email()} or {@code user.email}. */
  static CodeBlock access(FieldModel field, String instance) {
    return field.read().kind() == FieldModel.Access.Kind.METHOD
        ? CodeBlock.of("$L.$L()", instance, field.read().member())
        : CodeBlock.of("$L.$L", instance, field.read().member());
  }

  /** The codec expression of a stored type. */
  static CodeBlock codec(ValueType type) {
    return codec(type, false);
  }

  /**
   * The codec expression of a stored type; {@code breakable}: the line may break after the opening
   * parenthesis of a list, set, map or optional codec, where a long codec constant breaks
   * ({@code AttributeCodecs.list(\n AttributeCodecs.document(Order_LineSchema.INSTANCE))}).
   */
  private static CodeBlock codec(ValueType type, boolean breakable) {
    if (type instanceof ValueType.Scalar scalar) {
      return CodeBlock.of("$T.$L", TypeNames.ATTRIBUTE_CODECS, scalarCodec(scalar.kind()));
    }
    if (type instanceof ValueType.EnumValue enumValue) {
      return CodeBlock.of("$T.enumOf($T.class)", TypeNames.ATTRIBUTE_CODECS, TypeNames.className(enumValue.type()));
    }
    if (type instanceof ValueType.DocumentValue document) {
      return CodeBlock.of("$T.document($T.INSTANCE)", TypeNames.ATTRIBUTE_CODECS,
          TypeNames.className(document.type().companion("Schema")));
    }
    if (type instanceof ValueType.ListValue list) {
      return container("list", list.element(), breakable);
    }
    if (type instanceof ValueType.SetValue set) {
      return container("set", set.element(), breakable);
    }
    if (type instanceof ValueType.MapValue map) {
      return container("map", map.value(), breakable);
    }
    if (type instanceof ValueType.OptionalValue optional) {
      return container("optional", optional.element(), breakable);
    }
    if (type instanceof ValueType.Converted converted) {
      return CodeBlock.of("$T.converted(new $T())", TypeNames.ATTRIBUTE_CODECS,
          TypeNames.className(converted.converter()));
    }
    throw new IllegalStateException("no codec for " + type + "; the checker should have refused it");
  }

  private static CodeBlock container(String factory, ValueType contained, boolean breakable) {
    return CodeBlock.of(breakable ? "$T.$L($Z$L)" : "$T.$L($L)", TypeNames.ATTRIBUTE_CODECS, factory,
        codec(contained, false));
  }

  private static String scalarCodec(ScalarKind kind) {
    return switch (kind) {
      case INT -> "INTEGER";
      case EPOCH_SECONDS -> "EPOCH_SECONDS";
      case UUID -> "UUID_CODEC";
      case URI -> "URI_CODEC";
      default -> kind.name();
    };
  }
}
