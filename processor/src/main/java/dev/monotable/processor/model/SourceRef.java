package dev.monotable.processor.model;

/**
 * Where in the user's source a model part came from: an opaque handle the reader creates and the
 * diagnostics printer resolves, so that the model itself stays free of compiler types.
 */
public interface SourceRef {
  /** A part with no place of its own (a default value, say); diagnostics fall back to the entity. */
  SourceRef NONE = new SourceRef() {
    @Override public String toString() {
      return "SourceRef.NONE";
    }
  };
}
