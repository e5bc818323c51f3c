package dev.monotable.processor.model;

import java.util.Optional;

/** An entity's {@code @IndexKey}: its templates for one secondary index. */
public record IndexKeyModel(
    String index, Optional<KeyTemplate> partitionKey, Optional<KeyTemplate> sortKey, SourceRef indexSource) {}
