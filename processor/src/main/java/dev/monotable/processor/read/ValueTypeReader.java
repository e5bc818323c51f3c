package dev.monotable.processor.read;

import dev.monotable.processor.Names;
import dev.monotable.processor.model.ScalarKind;
import dev.monotable.processor.model.ValueType;
import dev.monotable.processor.model.ValueType.ConverterProblem;
import dev.monotable.processor.model.ValueType.Unsupported.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Classifies a field's Java type into how it is stored (DESIGN §6). */
final class ValueTypeReader {
  private static final Map<String, ScalarKind> DECLARED_SCALARS = Map.ofEntries(
      Map.entry("java.lang.String", ScalarKind.STRING),
      Map.entry("java.lang.Boolean", ScalarKind.BOOLEAN),
      Map.entry("java.lang.Byte", ScalarKind.BYTE),
      Map.entry("java.lang.Short", ScalarKind.SHORT),
      Map.entry("java.lang.Integer", ScalarKind.INT),
      Map.entry("java.lang.Long", ScalarKind.LONG),
      Map.entry("java.lang.Float", ScalarKind.FLOAT),
      Map.entry("java.lang.Double", ScalarKind.DOUBLE),
      Map.entry("java.math.BigDecimal", ScalarKind.BIG_DECIMAL),
      Map.entry("java.math.BigInteger", ScalarKind.BIG_INTEGER),
      Map.entry("java.time.Instant", ScalarKind.INSTANT),
      Map.entry("java.time.LocalDate", ScalarKind.LOCAL_DATE),
      Map.entry("java.time.LocalDateTime", ScalarKind.LOCAL_DATE_TIME),
      Map.entry("java.time.OffsetDateTime", ScalarKind.OFFSET_DATE_TIME),
      Map.entry("java.time.ZonedDateTime", ScalarKind.ZONED_DATE_TIME),
      Map.entry("java.time.Duration", ScalarKind.DURATION),
      Map.entry("java.util.UUID", ScalarKind.UUID),
      Map.entry("java.net.URI", ScalarKind.URI),
      Map.entry(Names.SDK_BYTES, ScalarKind.SDK_BYTES),
      Map.entry("java.nio.ByteBuffer", ScalarKind.BYTE_BUFFER));

  private static final Map<TypeKind, ScalarKind> PRIMITIVES = Map.of(
      TypeKind.BOOLEAN, ScalarKind.BOOLEAN,
      TypeKind.BYTE, ScalarKind.BYTE,
      TypeKind.SHORT, ScalarKind.SHORT,
      TypeKind.INT, ScalarKind.INT,
      TypeKind.LONG, ScalarKind.LONG,
      TypeKind.FLOAT, ScalarKind.FLOAT,
      TypeKind.DOUBLE, ScalarKind.DOUBLE);

  private final Elements elements;
  private final Types types;
  private final Annotations annotations;

  ValueTypeReader(Elements elements, Types types, Annotations annotations) {
    this.elements = elements;
    this.types = types;
    this.annotations = annotations;
  }

  /** How a field is stored: through its {@code @Convert} converter, if any, or by its type. */
  ValueType read(Element field, TypeMirror type) {
    Optional<AnnotationMirror> convert = annotations.find(field, Names.CONVERT);
    if (convert.isPresent()) {
      return converted(annotations.type(convert.get(), "value"), type);
    }
    return classify(type);
  }

  ValueType classify(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return new ValueType.NotYetGenerated(type.toString());
    }
    if (type.getKind().isPrimitive()) {
      ScalarKind kind = PRIMITIVES.get(type.getKind());
      return kind == null
          ? new ValueType.Unsupported(Reason.PRIMITIVE, type.toString())
          : new ValueType.Scalar(kind, true);
    }
    if (type.getKind() == TypeKind.ARRAY) {
      TypeMirror component = ((ArrayType) type).getComponentType();
      return component.getKind() == TypeKind.BYTE
          ? new ValueType.Scalar(ScalarKind.BYTE_ARRAY, false)
          : new ValueType.Unsupported(Reason.ARRAY, type.toString());
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return new ValueType.Unsupported(Reason.NOT_CONCRETE, type.toString());
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    ScalarKind scalar = DECLARED_SCALARS.get(name);
    if (scalar != null) {
      return new ValueType.Scalar(scalar, false);
    }
    if (element.getKind() == ElementKind.ENUM) {
      List<String> constants = new ArrayList<>();
      for (Element enclosed : element.getEnclosedElements()) {
        if (enclosed.getKind() == ElementKind.ENUM_CONSTANT) {
          constants.add(enclosed.getSimpleName().toString());
        }
      }
      return new ValueType.EnumValue(TypeRefs.of(element), constants);
    }
    List<? extends TypeMirror> arguments = declared.getTypeArguments();
    switch (name) {
      case "java.util.List":
        return arguments.size() == 1
            ? unlessUnsupported(new ValueType.ListValue(classify(arguments.get(0))))
            : new ValueType.Unsupported(Reason.RAW_CONTAINER, "List");
      case "java.util.Set": {
        if (arguments.size() != 1) {
          return new ValueType.Unsupported(Reason.RAW_CONTAINER, "Set");
        }
        ValueType member = classify(arguments.get(0));
        if (member instanceof ValueType.NotYetGenerated) {
          return member;
        }
        if (member.keyAttributeType() == null) {
          return new ValueType.Unsupported(Reason.SET_ELEMENT, arguments.get(0).toString());
        }
        return new ValueType.SetValue(member);
      }
      case "java.util.Map": {
        if (arguments.size() != 2) {
          return new ValueType.Unsupported(Reason.RAW_MAP, "Map");
        }
        if (!isString(arguments.get(0))) {
          return new ValueType.Unsupported(Reason.MAP_KEY, arguments.get(0).toString());
        }
        return unlessUnsupported(new ValueType.MapValue(classify(arguments.get(1))));
      }
      case "java.util.Optional":
        return arguments.size() == 1
            ? unlessUnsupported(new ValueType.OptionalValue(classify(arguments.get(0))))
            : new ValueType.Unsupported(Reason.RAW_CONTAINER, "Optional");
      default:
        break;
    }
    if (annotations.find(element, Names.DOCUMENT).isPresent()) {
      return new ValueType.DocumentValue(TypeRefs.of(element));
    }
    return new ValueType.Unsupported(Reason.NOT_DOCUMENT, name);
  }

  /** A container whose element is unsupported is unsupported for the element's reason. */
  private static ValueType unlessUnsupported(ValueType container) {
    ValueType.Unsupported unsupported = container.firstUnsupported();
    return unsupported != null ? unsupported : container;
  }

  private boolean isString(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals("java.lang.String");
  }

  private ValueType converted(TypeMirror converterType, TypeMirror fieldType) {
    if (converterType == null || converterType.getKind() != TypeKind.DECLARED) {
      return new ValueType.NotYetGenerated(String.valueOf(converterType));
    }
    TypeElement converter = (TypeElement) ((DeclaredType) converterType).asElement();
    Optional<ConverterProblem> problem = Optional.empty();
    boolean instantiable = converter.getKind() == ElementKind.CLASS
        && !converter.getModifiers().contains(Modifier.ABSTRACT)
        && ElementFilter.constructorsIn(converter.getEnclosedElements()).stream().anyMatch(
            c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC))
        && converter.getModifiers().contains(Modifier.PUBLIC);
    if (!instantiable) {
      problem = Optional.of(ConverterProblem.notInstantiable());
    } else {
      TypeMirror converts = convertedType(converterType);
      TypeMirror boxedField = fieldType.getKind().isPrimitive()
          ? types.boxedClass((PrimitiveType) fieldType).asType()
          : fieldType;
      if (converts != null && !types.isSameType(types.erasure(converts), types.erasure(boxedField))) {
        problem = Optional.of(ConverterProblem.convertsOtherType(converts.toString(), fieldType.toString()));
      }
    }
    return new ValueType.Converted(TypeRefs.of(converter), problem);
  }

  /** The T of the converter's {@code AttributeConverter<T>}, or null when it cannot be told. */
  private TypeMirror convertedType(TypeMirror converterType) {
    TypeElement converterInterface = elements.getTypeElement(Names.ATTRIBUTE_CONVERTER);
    if (converterInterface == null) {
      return null;
    }
    for (TypeMirror supertype : allSupertypes(converterType)) {
      if (supertype.getKind() == TypeKind.DECLARED
          && ((DeclaredType) supertype).asElement().equals(converterInterface)) {
        List<? extends TypeMirror> arguments = ((DeclaredType) supertype).getTypeArguments();
        return arguments.size() == 1 && arguments.get(0).getKind() == TypeKind.DECLARED ? arguments.get(0) : null;
      }
    }
    return null;
  }

  private List<TypeMirror> allSupertypes(TypeMirror type) {
    List<TypeMirror> all = new ArrayList<>();
    List<TypeMirror> pending = new ArrayList<>(types.directSupertypes(type));
    while (!pending.isEmpty()) {
      TypeMirror next = pending.remove(0);
      all.add(next);
      pending.addAll(types.directSupertypes(next));
    }
    return all;
  }

  /** Whether the method is a getter of a value of the given type. */
  boolean returns(ExecutableElement method, TypeMirror type) {
    return method.getParameters().isEmpty() && types.isSameType(method.getReturnType(), type);
  }
}
