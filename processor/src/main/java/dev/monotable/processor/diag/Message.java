package dev.monotable.processor.diag;

import javax.tools.Diagnostic.Kind;

/**
 * Every diagnostic the processor reports: a stable tag users and tests can grep, the text (a
 * {@link String#format} pattern) and the kind. Texts say what is wrong, where, and how to fix it.
 * Each constant is one whole sentence: call sites pass values (names, numbers, the user's text),
 * never clauses of their own; one finding worded two ways is two constants with one tag.
 */
public enum Message {
  TABLE_NOT_INTERFACE("MT-TABLE-KIND", Kind.ERROR,
      "@Table belongs on an interface, but %s is a %s; declare `interface %s {}` and annotate it"),
  TABLE_NAME("MT-TABLE-NAME", Kind.ERROR,
      "table name \"%s\" is not a DynamoDB table name: use 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'"),
  TABLE_KEY_NAME("MT-TABLE-KEY-NAME", Kind.ERROR,
      "partitionKey of table %s is empty; name the key attribute, e.g. \"PK\""),
  TABLE_DELIMITER_EMPTY("MT-TABLE-DELIMITER", Kind.ERROR,
      "keyDelimiter of table %s is empty; use a single character such as \"#\""),
  TABLE_DELIMITER_MARKS_PLACEHOLDERS("MT-TABLE-DELIMITER", Kind.ERROR,
      "keyDelimiter of table %s contains '<' or '>', which mark placeholders; use a single character such as \"#\""),
  TABLE_DELIMITER_LENGTH("MT-TABLE-DELIMITER-LENGTH", Kind.ERROR,
      "keyDelimiter \"%s\" of table %s is %d characters long, but a key delimiter must be exactly one character (with a longer one, such as \"::\", different field values can join into one key: \"a:\" and \"b\" give \"a:::b\", and so do \"a\" and \":b\"); use a single character such as \"#\""),
  TABLE_SORT_KEY_IS_PARTITION_KEY("MT-TABLE-SORT-KEY", Kind.ERROR,
      "sortKey \"%s\" of table %s is also its partitionKey, so every item's sort key value would overwrite its partition key value; name another attribute, such as \"SK\", or remove sortKey"),
  TABLE_KEY_NAME_LENGTH("MT-TABLE-KEY-NAME-LENGTH", Kind.ERROR,
      "key attribute name \"%s\" (%s) of table %s is %d bytes long in UTF-8, but DynamoDB allows key attribute names of at most %d bytes; choose a shorter name"),
  TABLE_DUPLICATE("MT-TABLE-DUPLICATE", Kind.ERROR,
      "table interfaces %s and %s both declare table name \"%s\", so both would generate the description of one DynamoDB table; give each @Table its own name, or declare the entities of both on one interface"),
  TABLE_TYPE_ATTRIBUTE_EMPTY("MT-TABLE-TYPE-ATTRIBUTE", Kind.ERROR,
      "typeAttribute \"\" of table %s is empty; choose another name such as \"_type\""),
  TABLE_TYPE_ATTRIBUTE_IS_KEY("MT-TABLE-TYPE-ATTRIBUTE", Kind.ERROR,
      "typeAttribute \"%s\" of table %s is also a key attribute of the table; choose another name such as \"_type\""),
  INDEX_LIMIT_GLOBAL("MT-INDEX-LIMIT", Kind.ERROR,
      "table %s declares %d global indexes; DynamoDB allows at most %d"),
  INDEX_LIMIT_LOCAL("MT-INDEX-LIMIT", Kind.ERROR,
      "table %s declares %d local indexes; DynamoDB allows at most %d"),
  INDEX_LOCAL_WITHOUT_SORT_KEY("MT-INDEX-LOCAL-NO-SORT-KEY", Kind.ERROR,
      "table %s has no sort key, so it cannot have local index %s; add sortKey to @Table or use a @GlobalIndex"),
  INDEX_DUPLICATE("MT-INDEX-DUPLICATE", Kind.ERROR,
      "table %s declares index \"%s\" twice; index names must be unique"),
  INDEX_NAME("MT-INDEX-DEFINITION", Kind.ERROR,
      "index \"%s\" of table %s: an index name has 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'"),
  INDEX_PARTITION_KEY_EMPTY("MT-INDEX-DEFINITION", Kind.ERROR,
      "index %s of table %s: partitionKey is empty; name the attribute"),
  INDEX_SORT_KEY_EMPTY("MT-INDEX-DEFINITION", Kind.ERROR,
      "index %s of table %s: sortKey is empty; name the attribute"),
  INDEX_SORT_KEY_IS_TABLE_SORT_KEY("MT-INDEX-DEFINITION", Kind.ERROR,
      "index %s of table %s: its sort key is the table's own sort key \"%s\"; name another attribute"),
  INDEX_INCLUDE_WITHOUT_ATTRIBUTES("MT-INDEX-DEFINITION", Kind.ERROR,
      "index %s of table %s: projection INCLUDE needs nonKeyAttributes; list them or use ALL or KEYS_ONLY"),
  INDEX_ATTRIBUTES_WITHOUT_INCLUDE("MT-INDEX-DEFINITION", Kind.ERROR,
      "index %s of table %s: nonKeyAttributes are only used with projection INCLUDE; set projection = Projection.INCLUDE"),
  INDEX_KEYS_SAME_ATTRIBUTE("MT-INDEX-DEFINITION", Kind.ERROR,
      "index %s of table %s: the partition and sort key are the same attribute \"%s\""),
  ENTITY_AND_DOCUMENT("MT-ENTITY-KIND", Kind.ERROR,
      "%s is both @Entity and @Document; an entity is stored as an item and a document inside one, so keep one of the two annotations"),
  ENTITY_TABLE("MT-ENTITY-TABLE", Kind.ERROR,
      "entity %s names table %s, which is not annotated @Table; annotate the interface with @Table or name another"),
  ENTITY_DUPLICATE_TYPE_NAME("MT-ENTITY-DUPLICATE", Kind.ERROR,
      "entities %s and %s of table %s share the type name \"%s\"; set @Entity(type = \"...\") to tell them apart"),
  ENTITY_DUPLICATE_ACCESSOR("MT-ENTITY-DUPLICATE", Kind.ERROR,
      "entities %s and %s of table %s would both be served by %s.%s(); set @Entity(type = \"...\") to tell them apart"),
  KEY_MISSING_PARTITION("MT-KEY-NO-PARTITION-KEY", Kind.ERROR,
      "entity %s has no @PartitionKey; add one, e.g. @PartitionKey(\"%s#<%s>\")"),
  KEY_SORT_MISSING("MT-KEY-NO-SORT-KEY", Kind.ERROR,
      "entity %s has no @SortKey, but table %s has sort key %s; add @SortKey, e.g. @SortKey(\"%s\")"),
  KEY_SORT_UNEXPECTED("MT-KEY-UNEXPECTED-SORT-KEY", Kind.ERROR,
      "table %s has no sort key, so entity %s cannot have @SortKey(\"%s\"); remove it or add sortKey to @Table"),
  KEY_MALFORMED("MT-KEY-MALFORMED", Kind.ERROR,
      "malformed key template \"%s\" of %s: %s"),
  KEY_UNKNOWN_FIELD("MT-KEY-UNKNOWN-FIELD", Kind.ERROR,
      "key template \"%s\" of %s names <%s>, which is not a field of %s"),
  KEY_UNKNOWN_FIELD_NEAREST("MT-KEY-UNKNOWN-FIELD", Kind.ERROR,
      "key template \"%s\" of %s names <%s>, which is not a field of %s; did you mean <%s>?"),
  KEY_UNKNOWN_FIELD_LISTED("MT-KEY-UNKNOWN-FIELD", Kind.ERROR,
      "key template \"%s\" of %s names <%s>, which is not a field of %s; its fields are %s"),
  KEY_ADJACENT_PLACEHOLDERS("MT-KEY-ADJACENT-PLACEHOLDERS", Kind.ERROR,
      "key template \"%s\" of %s: <%s> and <%s> are not separated by the key delimiter \"%s\", so different values can give the same key; write <%s>%s<%s>"),
  KEY_FIELD_TYPE("MT-KEY-FIELD-TYPE", Kind.ERROR,
      "field %s of %s is a %s, which cannot be part of key template \"%s\"; key fields are String, integer types, BigInteger, BigDecimal, enums, UUID, Instant, LocalDate, LocalDateTime, OffsetDateTime or boolean"),
  KEY_DELIMITER_IN_ENCODING("MT-KEY-DELIMITER-CLASH", Kind.ERROR,
      "field %s of %s is a %s, whose key encoding can contain \"%s\", the key delimiter of table %s; choose another keyDelimiter, such as \"#\""),
  KEY_COLLISION("MT-KEY-COLLISION", Kind.ERROR,
      "the keys of %s (%s) and %s (%s) can be equal for some values, so one entity could overwrite the other's items; give one of them a distinct literal prefix, e.g. \"%s#...\""),
  KEY_TOO_LONG("MT-KEY-TOO-LONG", Kind.ERROR,
      "key template \"%s\" of %s gives keys of at least %d bytes in UTF-8 (%d of literal text, at least %d from its placeholders), but DynamoDB allows %s values of at most %d bytes; shorten its literal text or use fewer placeholders"),
  KEY_HOT_PARTITION_FIXED("MT-KEY-HOT-PARTITION", Kind.WARNING,
      "partition key \"%s\" of %s has no placeholder, so all its items share few partitions (a hot partition); add a high-cardinality field, or @SuppressWarnings(\"monotable.hot-partition\")"),
  KEY_HOT_PARTITION_FEW_VALUES("MT-KEY-HOT-PARTITION", Kind.WARNING,
      "partition key \"%s\" of %s has only enum or boolean placeholders, so all its items share few partitions (a hot partition); add a high-cardinality field, or @SuppressWarnings(\"monotable.hot-partition\")"),
  INDEX_UNKNOWN("MT-INDEX-UNKNOWN", Kind.ERROR,
      "table %s declares no index \"%s\"; declared indexes: %s"),
  INDEX_UNKNOWN_FOR_PATTERN("MT-INDEX-UNKNOWN", Kind.ERROR,
      "table %s declares no index \"%s\" (access pattern %s); declared indexes: %s"),
  INDEX_KEY_LOCAL_PARTITION_KEY("MT-INDEX-KEY-SHAPE", Kind.ERROR,
      "@IndexKey for local index %s of %s: a local index shares the table's partition key; remove partitionKey"),
  INDEX_KEY_UNEXPECTED_SORT_KEY("MT-INDEX-KEY-SHAPE", Kind.ERROR,
      "@IndexKey for %s index %s of %s: the index has no sort key; remove sortKey"),
  INDEX_KEY_MISSING_PARTITION_KEY("MT-INDEX-KEY-SHAPE", Kind.ERROR,
      "@IndexKey for global index %s of %s: give partitionKey, the template of attribute \"%s\""),
  INDEX_KEY_MISSING_SORT_KEY("MT-INDEX-KEY-SHAPE", Kind.ERROR,
      "@IndexKey for %s index %s of %s: give sortKey, the template of attribute \"%s\""),
  INDEX_KEY_DUPLICATE("MT-INDEX-KEY-DUPLICATE", Kind.ERROR,
      "entity %s declares @IndexKey for index %s twice; keep one"),
  ACCESS_PATTERN_NO_LOCAL_KEY("MT-ACCESS-PATTERN-NO-KEY", Kind.ERROR,
      "access pattern %s of %s queries index %s, but %s has no key in it; add @IndexKey(index = \"%s\", ...)"),
  ACCESS_PATTERN_NO_GLOBAL_KEY("MT-ACCESS-PATTERN-NO-KEY", Kind.ERROR,
      "access pattern %s of %s queries index %s, but %s has no key in it; add @IndexKey(index = \"%s\", ...) or a field stored as \"%s\""),
  ACCESS_PATTERN_DUPLICATE("MT-ACCESS-PATTERN-DUPLICATE", Kind.ERROR,
      "entity %s declares access pattern \"%s\" twice; access-pattern names must be unique"),
  ACCESS_PATTERN_NAME_INVALID("MT-ACCESS-PATTERN-NAME", Kind.ERROR,
      "access pattern name \"%s\" of %s is not a Java method name; use a Java method name such as \"ordersOfUser\""),
  ACCESS_PATTERN_NAME_TAKEN("MT-ACCESS-PATTERN-NAME", Kind.ERROR,
      "access pattern name \"%s\" of %s is already a method of %s; use a Java method name such as \"ordersOfUser\""),
  FIELD_CONSTANT_CLASH("MT-FIELD-NAME-CLASH", Kind.ERROR,
      "fields %s and %s of %s would both be the constant %s of the generated %s and %s, which cannot tell them apart; rename one of the fields (@Attribute(\"%s\") keeps its stored attribute name)"),
  ATTRIBUTE_DUPLICATE("MT-ATTRIBUTE-DUPLICATE", Kind.ERROR,
      "fields %s and %s of %s are both stored as attribute \"%s\"; rename one with @Attribute(\"...\")"),
  ATTRIBUTE_RESERVED("MT-ATTRIBUTE-RESERVED", Kind.ERROR,
      "field %s of %s is stored as attribute \"%s\", which is the %s of table %s; rename it with @Attribute(\"...\")"),
  ATTRIBUTE_NAME("MT-ATTRIBUTE-NAME", Kind.ERROR,
      "attribute name of field %s of %s is empty; give a name or remove @Attribute"),
  INDEX_ATTRIBUTE_NOT_KEY_TYPE("MT-INDEX-ATTRIBUTE-TYPE", Kind.ERROR,
      "attribute \"%s\" is a key of index %s of table %s, but %s stores %s there, which is not a string, number or binary value; rename the field with @Attribute"),
  INDEX_ATTRIBUTE_TYPES_DIFFER("MT-INDEX-ATTRIBUTE-TYPE", Kind.ERROR,
      "attribute \"%s\" is a key of index %s of table %s, but %s stores it as %s through %s and %s as %s through %s; an index key attribute has one type, so store both as the same type"),
  FIELD_TYPE("MT-FIELD-TYPE", Kind.ERROR,
      "field %s of %s has type %s, which Monotable cannot store: %s; use a supported type or add @Convert(YourConverter.class)"),
  FIELD_CONVERTER("MT-FIELD-CONVERTER", Kind.ERROR,
      "converter %s of field %s of %s %s"),
  CONSTRUCTION("MT-ENTITY-CONSTRUCTION", Kind.ERROR,
      "%s cannot be constructed: %s"),
  CONSTRUCTION_NO_GETTER("MT-ENTITY-CONSTRUCTION", Kind.ERROR,
      "%s cannot be read: field %s is private and has no getter; add get%s() or make the field package-private"),
  CONSTRUCTION_NO_SETTER("MT-ENTITY-CONSTRUCTION", Kind.ERROR,
      "%s cannot be constructed: field %s has no setter and is private or final; add set%s(..) or a constructor taking every field in order"),
  NOT_GENERATED("MT-TYPE-NOT-GENERATED", Kind.ERROR,
      "%s uses type %s, which was never generated or declared; check its name and the processor that generates it"),
  COLLECTION_SINGLE("MT-COLLECTION-ONE-MEMBER", Kind.ERROR,
      "collection \"%s\" of table %s has one member, %s; a collection reads several entity types from one partition: name it on another entity too, or remove it"),
  COLLECTION_SHAPE("MT-COLLECTION-SHAPE", Kind.ERROR,
      "collection \"%s\": the partition keys of %s (\"%s\") and %s (\"%s\") differ in shape, so they never share a partition; use the same literal text and field types"),
  COLLECTION_NAME_INVALID("MT-COLLECTION-NAME", Kind.ERROR,
      "collection name \"%s\" of %s is not a Java method name; use a Java method name such as \"customer\""),
  COLLECTION_NAME_TAKEN("MT-COLLECTION-NAME", Kind.ERROR,
      "collection name \"%s\" of %s clashes with the method %s.%s(); use a Java method name such as \"customer\""),
  TERRITORY_OVERLAP("MT-KEY-TERRITORY-OVERLAP", Kind.WARNING,
      "the sort keys of %s (\"%s\") lie inside the territory of %s (\"%s\") in a shared partition, so queries of %s also read %s items and filter them out on the type attribute (they still cost reads); give them distinct literal prefixes, or @SuppressWarnings(\"monotable.territory-overlap\")"),
  VERSION_SECOND("MT-VERSION", Kind.ERROR,
      "@Version field %s of %s is a second version field; an entity has one"),
  VERSION_TYPE("MT-VERSION", Kind.ERROR,
      "@Version field %s of %s is a %s; a version is an int or a long"),
  VERSION_IN_KEY("MT-VERSION", Kind.ERROR,
      "@Version field %s of %s is part of the primary key, which would move the item on every write; keep it out of key templates"),
  TIME_TO_LIVE_WITHOUT_ATTRIBUTE("MT-TIME-TO-LIVE", Kind.ERROR,
      "@TimeToLive field %s of %s has no attribute to go to: table %s declares none; add @Table(timeToLive = \"expiresAt\")"),
  TIME_TO_LIVE_SECOND("MT-TIME-TO-LIVE", Kind.ERROR,
      "@TimeToLive field %s of %s is a second one; an item has one expiry"),
  TIME_TO_LIVE_TYPE("MT-TIME-TO-LIVE", Kind.ERROR,
      "@TimeToLive field %s of %s is a %s; a time to live is an Instant or epoch seconds in a long"),
  TIMESTAMP_SECOND("MT-TIMESTAMP", Kind.ERROR,
      "%s field %s of %s is a second one; keep one"),
  TIMESTAMP_TYPE("MT-TIMESTAMP", Kind.ERROR,
      "%s field %s of %s is a %s; a timestamp is an Instant"),
  SCAN_USED("MT-SCAN", Kind.WARNING,
      "scanAll() reads and pays for every item of the table; use an access pattern where one serves, or @SuppressWarnings(\"monotable.scan\") where a scan is meant (a backfill, an export)"),
  SCAN_USED_WITH_PATTERNS("MT-SCAN", Kind.WARNING,
      "scanAll() reads and pays for every item of the table; %s has access patterns %s; use an access pattern where one serves, or @SuppressWarnings(\"monotable.scan\") where a scan is meant (a backfill, an export)"),
  INTERNAL("MT-INTERNAL", Kind.ERROR,
      "Monotable could not process %s because of an internal error (%s); please report it with this element");

  private final String tag;
  private final Kind kind;
  private final String format;

  Message(String tag, Kind kind, String format) {
    this.tag = tag;
    this.kind = kind;
    this.format = format;
  }

  public String tag() {
    return tag;
  }

  public Kind kind() {
    return kind;
  }

  /** The text as a {@link String#format} pattern, for the test that matches it to its call sites. */
  String pattern() {
    return format;
  }

  /** The full text of this message: {@code [TAG] text}. */
  public String format(Object... arguments) {
    return "[" + tag + "] " + String.format(format, arguments);
  }
}
