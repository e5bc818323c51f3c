package dev.monotable.processor.model;

/** The DynamoDB scalar types a key attribute may have. */
public enum AttributeType {
  S, N, B
}
