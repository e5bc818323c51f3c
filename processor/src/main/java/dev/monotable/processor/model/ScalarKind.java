package dev.monotable.processor.model;

/** The single-valued attribute types Monotable maps without a converter (DESIGN §6). */
public enum ScalarKind {
  STRING(AttributeType.S, true),
  BOOLEAN(null, true),
  BYTE(AttributeType.N, true),
  SHORT(AttributeType.N, true),
  INT(AttributeType.N, true),
  LONG(AttributeType.N, true),
  FLOAT(AttributeType.N, false),
  DOUBLE(AttributeType.N, false),
  BIG_DECIMAL(AttributeType.N, true),
  BIG_INTEGER(AttributeType.N, true),
  INSTANT(AttributeType.S, true),
  /** An {@code Instant} stored as N epoch seconds: a time-to-live field. */
  EPOCH_SECONDS(AttributeType.N, false),
  LOCAL_DATE(AttributeType.S, true),
  LOCAL_DATE_TIME(AttributeType.S, true),
  OFFSET_DATE_TIME(AttributeType.S, true),
  ZONED_DATE_TIME(AttributeType.S, false),
  DURATION(AttributeType.S, false),
  UUID(AttributeType.S, true),
  URI(AttributeType.S, false),
  BYTE_ARRAY(AttributeType.B, false),
  SDK_BYTES(AttributeType.B, false),
  BYTE_BUFFER(AttributeType.B, false);

  private final AttributeType attributeType;
  private final boolean keyable;

  ScalarKind(AttributeType attributeType, boolean keyable) {
    this.attributeType = attributeType;
    this.keyable = keyable;
  }

  /** The DynamoDB scalar type a value is stored as, or null when it cannot be a key attribute (BOOL). */
  public AttributeType attributeType() {
    return attributeType;
  }

  /** Whether a field of this kind may be a key-template component. */
  public boolean keyable() {
    return keyable;
  }
}
