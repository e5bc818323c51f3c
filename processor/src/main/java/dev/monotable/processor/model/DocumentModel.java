package dev.monotable.processor.model;

import java.util.List;

/** A {@code @Document} type: fields stored as the attributes of a map value. */
public record DocumentModel(TypeRef type, List<FieldModel> fields, Creation creation, SourceRef source) {
  public DocumentModel {
    fields = List.copyOf(fields);
  }

  /** The generated schema class. */
  public TypeRef schemaType() {
    return type.companion("Schema");
  }
}
