package dev.monotable.processor;

/**
 * The names of Monotable's annotations, read as mirrors by name so that the processor never loads
 * user or runtime classes.
 */
public final class Names {
  public static final String ANNOTATION_PACKAGE = "dev.monotable.annotation";
  public static final String TABLE = ANNOTATION_PACKAGE + ".Table";
  public static final String GLOBAL_INDEX = ANNOTATION_PACKAGE + ".GlobalIndex";
  public static final String LOCAL_INDEX = ANNOTATION_PACKAGE + ".LocalIndex";
  public static final String ENTITY = ANNOTATION_PACKAGE + ".Entity";
  public static final String PARTITION_KEY = ANNOTATION_PACKAGE + ".PartitionKey";
  public static final String SORT_KEY = ANNOTATION_PACKAGE + ".SortKey";
  public static final String INDEX_KEY = ANNOTATION_PACKAGE + ".IndexKey";
  public static final String INDEX_KEYS = ANNOTATION_PACKAGE + ".IndexKeys";
  public static final String ACCESS_PATTERN = ANNOTATION_PACKAGE + ".AccessPattern";
  public static final String ACCESS_PATTERNS = ANNOTATION_PACKAGE + ".AccessPatterns";
  public static final String ATTRIBUTE = ANNOTATION_PACKAGE + ".Attribute";
  public static final String IGNORE = ANNOTATION_PACKAGE + ".Ignore";
  public static final String CONVERT = ANNOTATION_PACKAGE + ".Convert";
  public static final String DOCUMENT = ANNOTATION_PACKAGE + ".Document";
  public static final String VERSION = ANNOTATION_PACKAGE + ".Version";
  public static final String TIME_TO_LIVE = ANNOTATION_PACKAGE + ".TimeToLive";
  public static final String CREATED_AT = ANNOTATION_PACKAGE + ".CreatedAt";
  public static final String UPDATED_AT = ANNOTATION_PACKAGE + ".UpdatedAt";

  public static final String ATTRIBUTE_CONVERTER = "dev.monotable.runtime.AttributeConverter";
  public static final String SDK_BYTES = "software.amazon.awssdk.core.SdkBytes";

  /** The annotation on every generated source file, naming the processor that wrote it. */
  public static final String GENERATED = "javax.annotation.processing.Generated";
  /** What {@code @Generated} names on the files Monotable writes. */
  public static final String PROCESSOR = "dev.monotable.processor.MonotableProcessor";

  /** The prefix of the {@code @SuppressWarnings} names Monotable honours. */
  public static final String SUPPRESSION_PREFIX = "monotable.";

  private Names() {}
}
