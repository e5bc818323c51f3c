package dev.monotable.processor.model;

/** An {@code @AccessPattern}: a named query, on the primary key when {@code index} is empty. */
public record AccessPatternModel(String name, String index, SourceRef nameSource, SourceRef indexSource) {
  public boolean onPrimaryKey() {
    return index.isEmpty();
  }
}
