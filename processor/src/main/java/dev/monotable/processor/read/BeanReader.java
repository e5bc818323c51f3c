package dev.monotable.processor.read;

import dev.monotable.processor.Names;
import dev.monotable.processor.diag.ElementRef;
import dev.monotable.processor.model.Creation;
import dev.monotable.processor.model.Creation.Problem;
import dev.monotable.processor.model.Creation.Reason;
import dev.monotable.processor.model.FieldModel;
import dev.monotable.processor.model.FieldModel.Access;
import dev.monotable.processor.model.JavaType;
import dev.monotable.processor.model.TypeRef;
import dev.monotable.processor.model.ValueType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Reads the stored shape of a record or class: its fields, how each is read, and how an instance is
 * built (canonical constructor, or no-argument constructor and setters).
 */
final class BeanReader {
  /** The fields of a type and how to build it. */
  record Bean(List<FieldModel> fields, Creation creation) {}

  private final Types types;
  private final Annotations annotations;
  private final ValueTypeReader valueTypes;

  BeanReader(Types types, Annotations annotations, ValueTypeReader valueTypes) {
    this.types = types;
    this.annotations = annotations;
    this.valueTypes = valueTypes;
  }

  Bean read(TypeElement type) {
    Optional<Problem> shapeProblem = shapeProblem(type);
    if (type.getKind() == ElementKind.RECORD) {
      return readRecord(type, shapeProblem);
    }
    if (type.getKind() == ElementKind.CLASS) {
      return readClass(type, shapeProblem);
    }
    return new Bean(List.of(), Creation.impossible(shapeProblem.orElse(problem(Reason.NOT_A_CLASS, type))));
  }

  private Optional<Problem> shapeProblem(TypeElement type) {
    switch (type.getKind()) {
      case RECORD:
      case CLASS:
        break;
      case INTERFACE:
        return Optional.of(problem(Reason.INTERFACE, type));
      case ENUM:
        return Optional.of(problem(Reason.ENUM, type));
      default:
        return Optional.of(problem(Reason.NOT_A_CLASS, type));
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      return Optional.of(problem(Reason.ABSTRACT, type));
    }
    if (!type.getTypeParameters().isEmpty()) {
      return Optional.of(problem(Reason.GENERIC, type));
    }
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.of(problem(Reason.PRIVATE, e));
      }
      boolean nested = e.getEnclosingElement() instanceof TypeElement;
      if (nested && e.getKind() == ElementKind.CLASS && !e.getModifiers().contains(Modifier.STATIC)) {
        return Optional.of(problem(Reason.INNER_CLASS, e));
      }
    }
    return Optional.empty();
  }

  private static Problem problem(Reason reason, Element atFault) {
    return new Problem(reason, atFault.getSimpleName().toString());
  }

  private Bean readRecord(TypeElement type, Optional<Problem> shapeProblem) {
    List<FieldModel> fields = new ArrayList<>();
    for (RecordComponentElement component : type.getRecordComponents()) {
      String name = component.getSimpleName().toString();
      // the component's private field carries the same annotations and, unlike the component,
      // a source position the compiler can report on
      Element declaration = ElementFilter.fieldsIn(type.getEnclosedElements()).stream()
          .filter(f -> f.getSimpleName().contentEquals(name))
          .<Element>map(f -> f)
          .findFirst()
          .orElse(component);
      // javac has no accessor for a component it refuses (one named like a method of Object): its
      // own error says why, and the name stands in for the accessor
      String accessor = component.getAccessor() == null ? name : component.getAccessor().getSimpleName().toString();
      fields.add(field(declaration, name, component.asType(), Access.method(accessor), null));
    }
    Creation creation = shapeProblem.map(Creation::impossible).orElse(Creation.constructor());
    return new Bean(fields, creation);
  }

  private Bean readClass(TypeElement type, Optional<Problem> shapeProblem) {
    List<VariableElement> declared = new ArrayList<>();
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (!field.getModifiers().contains(Modifier.STATIC)) {
        declared.add(field);
      }
    }
    List<ExecutableElement> methods = ElementFilter.methodsIn(type.getEnclosedElements());
    List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements());

    Optional<ExecutableElement> canonical = constructors.stream()
        .filter(c -> !c.getModifiers().contains(Modifier.PRIVATE))
        .filter(c -> matchesFields(c, declared))
        .findFirst();
    boolean noArgs = constructors.stream().anyMatch(
        c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));

    List<FieldModel> fields = new ArrayList<>();
    for (VariableElement field : declared) {
      String name = field.getSimpleName().toString();
      Optional<ExecutableElement> getter = getter(methods, name, field.asType());
      Access read = getter
          .map(method -> Access.method(method.getSimpleName().toString()))
          .orElse(field.getModifiers().contains(Modifier.PRIVATE) ? null : Access.field(name));
      Access write = null;
      if (canonical.isEmpty()) {
        write = setter(methods, name, field.asType())
            .map(setter -> Access.method(setter.getSimpleName().toString()))
            .orElse(field.getModifiers().contains(Modifier.PRIVATE) || field.getModifiers().contains(Modifier.FINAL)
                ? null : Access.field(name));
      }
      boolean transientField = field.getModifiers().contains(Modifier.TRANSIENT);
      fields.add(field(field, getter.orElse(null), name, field.asType(), read, write, transientField));
    }

    Creation creation;
    if (shapeProblem.isPresent()) {
      creation = Creation.impossible(shapeProblem.get());
    } else if (canonical.isPresent()) {
      creation = Creation.constructor();
    } else if (noArgs) {
      creation = Creation.setters();
    } else {
      creation = Creation.impossible(problem(Reason.NO_CONSTRUCTOR, type));
    }
    return new Bean(fields, creation);
  }

  private boolean matchesFields(ExecutableElement constructor, List<VariableElement> fields) {
    List<? extends VariableElement> parameters = constructor.getParameters();
    if (parameters.size() != fields.size() || fields.isEmpty()) {
      return false;
    }
    for (int i = 0; i < fields.size(); i++) {
      if (!types.isSameType(parameters.get(i).asType(), fields.get(i).asType())) {
        return false;
      }
    }
    return true;
  }

  private Optional<ExecutableElement> getter(List<ExecutableElement> methods, String field, TypeMirror type) {
    String capitalised = Character.toUpperCase(field.charAt(0)) + field.substring(1);
    List<String> names = new ArrayList<>(List.of("get" + capitalised, field));
    if (type.getKind() == TypeKind.BOOLEAN) {
      names.add(0, "is" + capitalised);
    }
    for (String name : names) {
      for (ExecutableElement method : methods) {
        if (method.getSimpleName().contentEquals(name) && !method.getModifiers().contains(Modifier.PRIVATE)
            && !method.getModifiers().contains(Modifier.STATIC) && valueTypes.returns(method, type)) {
          return Optional.of(method);
        }
      }
    }
    return Optional.empty();
  }

  private Optional<ExecutableElement> setter(List<ExecutableElement> methods, String field, TypeMirror type) {
    String name = "set" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    for (ExecutableElement method : methods) {
      if (method.getSimpleName().contentEquals(name) && method.getParameters().size() == 1
          && !method.getModifiers().contains(Modifier.PRIVATE) && !method.getModifiers().contains(Modifier.STATIC)
          && types.isSameType(method.getParameters().get(0).asType(), type)) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }

  private FieldModel field(Element element, String name, TypeMirror type, Access read, Access write) {
    return field(element, null, name, type, read, write, false);
  }

  /**
   * The field of {@code element}; a bean's annotations may sit on the field or on its {@code getter}
   * (every field annotation targets methods too), and both are read.
   */
  private FieldModel field(Element element, Element getter, String name, TypeMirror type, Access read, Access write,
      boolean transientField) {
    Function<String, Optional<AnnotationMirror>> find = annotation ->
        annotations.find(element, annotation).or(() -> getter == null ? Optional.empty()
            : annotations.find(getter, annotation));
    boolean ignored = transientField || find.apply(Names.IGNORE).isPresent();
    String attributeName = name;
    ElementRef attributeSource = ElementRef.of(element);
    Optional<AnnotationMirror> attribute = find.apply(Names.ATTRIBUTE);
    if (attribute.isPresent()) {
      Element owner = annotations.find(element, Names.ATTRIBUTE).isPresent() ? element : getter;
      attributeName = annotations.string(attribute.get(), "value");
      AnnotationValue value = annotations.explicit(attribute.get(), "value");
      attributeSource = ElementRef.of(owner, attribute.get(), value);
    }
    JavaType javaType = TypeRefs.javaType(type);
    // an ignored field is never stored, so its type needs no stored form
    ValueType valueType = ignored ? new ValueType.NotStored() : valueTypes.read(element, type);
    if (javaType == null && !ignored) {
      valueType = new ValueType.Unsupported(ValueType.Unsupported.Reason.NOT_CONCRETE, type.toString());
    }
    if (javaType == null) {
      javaType = JavaType.declared(TypeRef.of("java.lang", "Object"), List.of());
    }
    Set<FieldModel.Role> roles = EnumSet.noneOf(FieldModel.Role.class);
    if (find.apply(Names.VERSION).isPresent()) {
      roles.add(FieldModel.Role.VERSION);
    }
    if (find.apply(Names.TIME_TO_LIVE).isPresent()) {
      roles.add(FieldModel.Role.TIME_TO_LIVE);
    }
    if (find.apply(Names.CREATED_AT).isPresent()) {
      roles.add(FieldModel.Role.CREATED_AT);
    }
    if (find.apply(Names.UPDATED_AT).isPresent()) {
      roles.add(FieldModel.Role.UPDATED_AT);
    }
    if (find.apply(Names.PARTITION_KEY).isPresent()) {
      roles.add(FieldModel.Role.PARTITION_KEY);
    }
    if (find.apply(Names.SORT_KEY).isPresent()) {
      roles.add(FieldModel.Role.SORT_KEY);
    }
    return new FieldModel(name, attributeName, javaType, valueType, read, write, ignored, roles,
        ElementRef.of(element), attributeSource);
  }
}
