package dev.monotable.processor;

import dev.monotable.processor.diag.Message;
import dev.monotable.processor.diag.Reporter;
import dev.monotable.processor.model.FieldModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The types that wait for a later round because something they use is not generated yet (another
 * processor's output, or a table class of this one), by kind, with what each waits for. Each round
 * takes them back with the round's own annotated types; what still waits when processing is over
 * is reported, once, as never generated (AutoValue's and Dagger's deferral, kept out of the
 * processor's main flow).
 */
final class Deferrals {
  /** The kinds of annotated type that can wait, each with its annotation. */
  enum Kind {
    DOCUMENT(Names.DOCUMENT), TABLE(Names.TABLE), ENTITY(Names.ENTITY);

    final String annotation;

    Kind(String annotation) {
      this.annotation = annotation;
    }
  }

  private final Elements elements;
  private final Map<Kind, List<String>> waiting = new LinkedHashMap<>();
  /** Why each waiting type waits: the type it needs, for the report if it never comes. */
  private final Map<String, String> awaited = new LinkedHashMap<>();

  Deferrals(ProcessingEnvironment environment) {
    this.elements = environment.getElementUtils();
    for (Kind kind : Kind.values()) {
      waiting.put(kind, new ArrayList<>());
    }
  }

  /** The types of {@code kind} to process this round: those deferred before, then the round's own. */
  List<TypeElement> take(RoundEnvironment round, Kind kind) {
    Map<String, TypeElement> found = new LinkedHashMap<>();
    for (String name : waiting.get(kind)) {
      TypeElement element = elements.getTypeElement(name);
      if (element != null) {
        found.put(name, element);
      }
    }
    waiting.get(kind).clear();
    TypeElement annotationType = elements.getTypeElement(kind.annotation);
    if (annotationType != null) {
      for (Element element : round.getElementsAnnotatedWith(annotationType)) {
        if (element instanceof TypeElement type) {
          found.putIfAbsent(type.getQualifiedName().toString(), type);
        }
      }
    }
    return new ArrayList<>(found.values());
  }

  /** Processes {@code element} again next round; {@code reason} names what it waits for. */
  void defer(Kind kind, TypeElement element, String reason) {
    String name = element.getQualifiedName().toString();
    if (!waiting.get(kind).contains(name)) {
      waiting.get(kind).add(name);
    }
    if (reason != null) {
      awaited.put(name, reason);
    }
  }

  /** Defers a type waiting for the type of one of its fields, named in the report if it never comes. */
  void deferForFields(Kind kind, TypeElement element, List<FieldModel> fields) {
    String reason = FieldModel.firstAwaitingGeneration(fields)
        .map(field -> field.javaType() + " (field " + field.name() + ")")
        .orElse("a type of one of its fields");
    defer(kind, element, reason);
  }

  /** At the end of processing: reports every document and entity still waiting, and forgets them all. */
  void reportNeverGenerated(Reporter reporter) {
    List<String> names = new ArrayList<>(waiting.get(Kind.DOCUMENT));
    names.addAll(waiting.get(Kind.ENTITY));
    for (String name : names) {
      TypeElement element = elements.getTypeElement(name);
      if (element != null) {
        reporter.report(element, Message.NOT_GENERATED, element.getSimpleName(), awaited.get(name));
      }
    }
    waiting.values().forEach(List::clear);
    awaited.clear();
  }
}
