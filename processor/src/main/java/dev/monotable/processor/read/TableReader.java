package dev.monotable.processor.read;

import dev.monotable.processor.Names;
import dev.monotable.processor.diag.ElementRef;
import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.SourceRef;
import dev.monotable.processor.model.TableModel;
import dev.monotable.processor.model.Throughput;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Reads a {@code @Table} interface into a {@link TableModel}. */
public final class TableReader {
  private final Annotations annotations;

  public TableReader(Elements elements) {
    this.annotations = new Annotations(elements);
  }

  public TableModel read(TypeElement element) {
    AnnotationMirror table = annotations.find(element, Names.TABLE).orElseThrow();
    String partitionKey = annotations.string(table, "partitionKey");
    List<IndexModel> indexes = new ArrayList<>();
    for (AnnotationValue value : annotations.array(table, "globalIndexes")) {
      AnnotationMirror index = (AnnotationMirror) value.getValue();
      indexes.add(index(element, index, IndexModel.Kind.GLOBAL, annotations.string(index, "partitionKey")));
    }
    for (AnnotationValue value : annotations.array(table, "localIndexes")) {
      AnnotationMirror index = (AnnotationMirror) value.getValue();
      indexes.add(index(element, index, IndexModel.Kind.LOCAL, partitionKey));
    }
    // a @Billing javac could not read (it reports that) reads as the default, on-demand billing
    AnnotationMirror billing = annotations.annotation(table, "billing");
    String kind = element.getKind() == ElementKind.INTERFACE ? "interface"
        : element.getKind().toString().toLowerCase().replace('_', ' ');
    return new TableModel(
        TypeRefs.of(element),
        annotations.string(table, "name"),
        partitionKey,
        annotations.string(table, "sortKey"),
        indexes,
        annotations.string(table, "typeAttribute"),
        annotations.string(table, "keyDelimiter"),
        annotations.string(table, "timeToLive"),
        annotations.enumName(table, "stream"),
        billing == null ? "ON_DEMAND" : annotations.enumName(billing, "mode"),
        billing == null ? Throughput.NONE
            : new Throughput(annotations.number(billing, "read"), annotations.number(billing, "write")),
        annotations.flag(table, "deletionProtection"),
        annotations.string(table, "tenant"),
        kind,
        new TableModel.Sources(
            ElementRef.of(element, table),
            ref(element, table, "name"),
            ref(element, table, "partitionKey"),
            ref(element, table, "sortKey"),
            ref(element, table, "globalIndexes"),
            ref(element, table, "localIndexes"),
            ref(element, table, "typeAttribute"),
            ref(element, table, "keyDelimiter"),
            ref(element, table, "stream"),
            ref(element, table, "billing"),
            billing == null ? SourceRef.NONE : ref(element, billing, "mode"),
            billing == null ? SourceRef.NONE : ref(element, billing, "read"),
            billing == null ? SourceRef.NONE : ref(element, billing, "write"),
            ref(element, table, "tenant")));
  }

  private IndexModel index(TypeElement element, AnnotationMirror index, IndexModel.Kind kind, String partitionKey) {
    boolean global = kind == IndexModel.Kind.GLOBAL;
    return new IndexModel(
        annotations.string(index, "name"),
        kind,
        partitionKey,
        annotations.string(index, "sortKey"),
        IndexModel.Projection.valueOf(annotations.enumName(index, "projection")),
        annotations.strings(index, "nonKeyAttributes"),
        ElementRef.of(element, index),
        ref(element, index, "name"),
        kind == IndexModel.Kind.GLOBAL ? ref(element, index, "partitionKey") : SourceRef.NONE,
        ref(element, index, "sortKey"),
        ref(element, index, "projection"),
        global ? new Throughput(annotations.number(index, "read"), annotations.number(index, "write"))
            : Throughput.NONE,
        global ? ref(element, index, "read") : SourceRef.NONE,
        global ? ref(element, index, "write") : SourceRef.NONE);
  }

  private SourceRef ref(TypeElement element, AnnotationMirror mirror, String attribute) {
    return ElementRef.of(element, mirror, annotations.explicit(mirror, attribute));
  }
}
