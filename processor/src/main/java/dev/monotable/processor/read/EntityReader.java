package dev.monotable.processor.read;

import dev.monotable.processor.Names;
import dev.monotable.processor.diag.ElementRef;
import dev.monotable.processor.model.AccessPatternModel;
import dev.monotable.processor.model.DocumentModel;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.FieldModel;
import dev.monotable.processor.model.IndexKeyModel;
import dev.monotable.processor.model.KeyTemplate;
import dev.monotable.processor.model.ScalarKind;
import dev.monotable.processor.model.SourceRef;
import dev.monotable.processor.model.TypeRef;
import dev.monotable.processor.model.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/** Reads {@code @Entity} and {@code @Document} types into models. Never validates. */
public final class EntityReader {
  private final Annotations annotations;
  private final BeanReader beans;

  public EntityReader(ProcessingEnvironment environment) {
    this.annotations = new Annotations(environment.getElementUtils());
    ValueTypeReader valueTypes =
        new ValueTypeReader(environment.getElementUtils(), environment.getTypeUtils(), annotations);
    this.beans = new BeanReader(environment.getTypeUtils(), annotations, valueTypes);
  }

  /** The table interface an entity names, or null when the class literal does not resolve. */
  public TypeElement tableOf(TypeElement element) {
    AnnotationMirror entity = annotations.find(element, Names.ENTITY).orElseThrow();
    TypeMirror table = annotations.type(entity, "table");
    return table instanceof DeclaredType declared ? (TypeElement) declared.asElement() : null;
  }

  public EntityModel readEntity(TypeElement element, TypeElement table) {
    AnnotationMirror entity = annotations.find(element, Names.ENTITY).orElseThrow();
    String typeName = annotations.string(entity, "type");
    if (typeName.isEmpty()) {
      typeName = element.getSimpleName().toString();
    }
    BeanReader.Bean bean = beans.read(element);
    List<FieldModel> fields = new ArrayList<>();
    Optional<AnnotationMirror> tableAnnotation = table == null ? Optional.empty() : annotations.find(table, Names.TABLE);
    String timeToLive = tableAnnotation.map(t -> annotations.string(t, "timeToLive")).orElse("");
    String tablePartitionKey = tableAnnotation.map(t -> annotations.string(t, "partitionKey")).orElse("");
    String tableSortKey = tableAnnotation.map(t -> annotations.string(t, "sortKey")).orElse("");
    for (FieldModel field : bean.fields()) {
      // a time-to-live field lives under the table's TTL attribute; an Instant is stored as epoch seconds
      if (field.timeToLive() && !timeToLive.isEmpty()) {
        boolean instant = field.valueType() instanceof ValueType.Scalar scalar && scalar.kind() == ScalarKind.INSTANT;
        field = field.storedAs(timeToLive, instant ? new ValueType.Scalar(ScalarKind.EPOCH_SECONDS, false)
            : field.valueType());
      }
      // a plain key field lives under the table's key attribute, unless @Attribute names another (an error)
      field = storedAsKey(field, FieldModel.Role.PARTITION_KEY, tablePartitionKey);
      field = storedAsKey(field, FieldModel.Role.SORT_KEY, tableSortKey);
      fields.add(field);
    }

    Optional<KeyTemplate> partitionKey = Optional.empty();
    String collection = "";
    SourceRef collectionSource = SourceRef.NONE;
    int shards = 0;
    SourceRef shardsSource = SourceRef.NONE;
    Optional<AnnotationMirror> partition = annotations.find(element, Names.PARTITION_KEY);
    if (partition.isPresent()) {
      partitionKey = Optional.of(template(element, partition.get(), "value"));
      collection = annotations.string(partition.get(), "collection");
      collectionSource = ElementRef.of(element, partition.get(), annotations.explicit(partition.get(), "collection"));
      shards = (int) annotations.number(partition.get(), "shards");
      shardsSource = ElementRef.of(element, partition.get(), annotations.explicit(partition.get(), "shards"));
    }
    Optional<KeyTemplate> sortKey = annotations.find(element, Names.SORT_KEY)
        .map(sort -> template(element, sort, "value"));
    for (FieldModel field : fields) {
      if (field.roles().contains(FieldModel.Role.PARTITION_KEY)) {
        Element fieldElement = ((ElementRef) field.source()).element();
        AnnotationMirror mirror = annotations.find(fieldElement, Names.PARTITION_KEY).orElseThrow();
        partitionKey = Optional.of(plainKey(field, fieldElement, mirror, partitionKey.isPresent()));
        collection = annotations.string(mirror, "collection");
        collectionSource = ElementRef.of(fieldElement, mirror, annotations.explicit(mirror, "collection"));
        shards = (int) annotations.number(mirror, "shards");
        shardsSource = ElementRef.of(fieldElement, mirror, annotations.explicit(mirror, "shards"));
      }
      if (field.roles().contains(FieldModel.Role.SORT_KEY)) {
        Element fieldElement = ((ElementRef) field.source()).element();
        AnnotationMirror mirror = annotations.find(fieldElement, Names.SORT_KEY).orElseThrow();
        sortKey = Optional.of(plainKey(field, fieldElement, mirror, sortKey.isPresent()));
      }
    }

    List<IndexKeyModel> indexKeys = new ArrayList<>();
    List<AnnotationMirror> indexKeyMirrors = annotations.findRepeated(element, Names.INDEX_KEY, Names.INDEX_KEYS);
    for (int i = 0; i < indexKeyMirrors.size(); i++) {
      AnnotationMirror indexKey = indexKeyMirrors.get(i);
      indexKeys.add(new IndexKeyModel(
          annotations.string(indexKey, "index"),
          optionalTemplate(element, indexKey, "partitionKey", Names.INDEX_KEY, i),
          optionalTemplate(element, indexKey, "sortKey", Names.INDEX_KEY, i),
          repeatedRef(element, indexKey, "index", Names.INDEX_KEY, i),
          (int) annotations.number(indexKey, "shards"),
          repeatedRef(element, indexKey, "shards", Names.INDEX_KEY, i)));
    }
    List<AccessPatternModel> accessPatterns = new ArrayList<>();
    List<AnnotationMirror> patternMirrors = annotations.findRepeated(element, Names.ACCESS_PATTERN, Names.ACCESS_PATTERNS);
    for (int i = 0; i < patternMirrors.size(); i++) {
      AnnotationMirror pattern = patternMirrors.get(i);
      accessPatterns.add(new AccessPatternModel(
          annotations.string(pattern, "name"),
          annotations.string(pattern, "index"),
          repeatedRef(element, pattern, "name", Names.ACCESS_PATTERN, i),
          repeatedRef(element, pattern, "index", Names.ACCESS_PATTERN, i)));
    }
    return new EntityModel(
        TypeRefs.of(element),
        typeName,
        table == null ? null : TypeRefs.of(table),
        fields,
        bean.creation(),
        partitionKey,
        sortKey,
        collection,
        indexKeys,
        accessPatterns,
        suppressions(element),
        shards,
        new EntityModel.Sources(
            ElementRef.of(element),
            ElementRef.of(element, entity, annotations.explicit(entity, "table")),
            ElementRef.of(element, entity, annotations.explicit(entity, "type")),
            collectionSource,
            shardsSource));
  }

  public DocumentModel readDocument(TypeElement element) {
    BeanReader.Bean bean = beans.read(element);
    return new DocumentModel(TypeRefs.of(element), bean.fields(), bean.creation(), ElementRef.of(element));
  }

  /** Whether the element is annotated {@code @Entity}. */
  public boolean isEntity(TypeElement element) {
    return annotations.find(element, Names.ENTITY).isPresent();
  }

  /** Whether the element is also a table interface, for entities that name one. */
  public boolean isTable(TypeElement element) {
    return annotations.find(element, Names.TABLE).isPresent();
  }

  public static TypeRef typeRef(TypeElement element) {
    return TypeRefs.of(element);
  }

  /**
   * The plain key of a field annotated {@code @PartitionKey} or {@code @SortKey}: an error when the
   * annotation carries a template, or when the entity already has that key.
   */
  private KeyTemplate plainKey(FieldModel field, Element fieldElement, AnnotationMirror mirror, boolean twice) {
    AnnotationValue value = annotations.explicit(mirror, "value");
    Optional<KeyTemplate.SyntaxError> error = Optional.empty();
    if (twice) {
      error = Optional.of(new KeyTemplate.SyntaxError(KeyTemplate.SyntaxError.Reason.DECLARED_TWICE, 0));
    } else if (!annotations.string(mirror, "value").isEmpty()) {
      error = Optional.of(new KeyTemplate.SyntaxError(KeyTemplate.SyntaxError.Reason.TEMPLATE_ON_FIELD, 0));
    }
    return KeyTemplate.plain(field.name(), error, ElementRef.of(fieldElement, mirror, value));
  }

  private FieldModel storedAsKey(FieldModel field, FieldModel.Role role, String keyAttribute) {
    Element element = ((ElementRef) field.source()).element();
    if (!field.roles().contains(role) || keyAttribute.isEmpty() || annotations.find(element, Names.ATTRIBUTE).isPresent()) {
      return field;
    }
    return field.storedAs(keyAttribute, field.valueType());
  }

  private KeyTemplate template(TypeElement element, AnnotationMirror mirror, String attribute) {
    String text = annotations.string(mirror, attribute);
    AnnotationValue value = annotations.explicit(mirror, attribute);
    return KeyTemplateParser.parse(text, ElementRef.of(element, mirror, value));
  }

  private Optional<KeyTemplate> optionalTemplate(
      TypeElement element, AnnotationMirror mirror, String attribute, String annotationName, int occurrence) {
    String text = annotations.string(mirror, attribute);
    return text.isEmpty() ? Optional.empty()
        : Optional.of(KeyTemplateParser.parse(text, repeatedRef(element, mirror, attribute, annotationName, occurrence)));
  }

  /** The place of an attribute of a repeatable annotation, which may sit in a container. */
  private ElementRef repeatedRef(
      TypeElement element, AnnotationMirror mirror, String attribute, String annotationName, int occurrence) {
    return new ElementRef(element, mirror, annotations.explicit(mirror, attribute),
        new ElementRef.Repeated(annotationName, occurrence, attribute));
  }

  private Set<String> suppressions(TypeElement element) {
    Set<String> suppressed = new LinkedHashSet<>();
    annotations.find(element, "java.lang.SuppressWarnings").ifPresent(mirror -> {
      for (String name : annotations.strings(mirror, "value")) {
        if (name.startsWith(Names.SUPPRESSION_PREFIX)) {
          suppressed.add(name.substring(Names.SUPPRESSION_PREFIX.length()));
        }
      }
    });
    return suppressed;
  }
}
