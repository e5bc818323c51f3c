package dev.monotable.processor.generate;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.monotable.processor.model.FieldModel;
import dev.monotable.processor.model.JavaType;
import dev.monotable.processor.model.TypeRef;
import dev.monotable.processor.model.ValueType;
import java.util.List;

/** The runtime and SDK types generated code uses, and the model's types as JavaPoet names. */
final class TypeNames {
  private static final String RUNTIME = "dev.monotable.runtime";
  /** What only generated code calls: no public member of generated code may expose these types. */
  private static final String INTERNAL = "dev.monotable.runtime.internal";
  private static final String MODEL = "software.amazon.awssdk.services.dynamodb.model";

  static final ClassName ATTRIBUTE_CODEC = ClassName.get(INTERNAL, "AttributeCodec");
  static final ClassName ATTRIBUTE_CODECS = ClassName.get(INTERNAL, "AttributeCodecs");
  static final ClassName ITEM_WRITER = ClassName.get(INTERNAL, "ItemWriter");
  static final ClassName ITEM_READER = ClassName.get(INTERNAL, "ItemReader");
  static final ClassName ENTITY_SCHEMA = ClassName.get(INTERNAL, "EntitySchema");
  static final ClassName DOCUMENT_SCHEMA = ClassName.get(INTERNAL, "DocumentSchema");
  static final ClassName KEY_FORMAT = ClassName.get(INTERNAL, "KeyFormat");
  static final ClassName KEY_TYPES = ClassName.get(INTERNAL, "KeyTypes");
  static final ClassName KEY_MAPS = ClassName.get(INTERNAL, "KeyMaps");
  static final ClassName KEY_FIELDS = ClassName.get(INTERNAL, "KeyFields");
  static final ClassName DYNAMO_TABLE = ClassName.get(INTERNAL, "DynamoTable");
  static final ClassName ENTITY_STORE = ClassName.get(INTERNAL, "EntityStore");
  static final ClassName TABLE_DEFINITIONS = ClassName.get(INTERNAL, "TableDefinitions");
  static final ClassName QUERY_PLAN = ClassName.get(INTERNAL, "QueryPlan");
  static final ClassName ABSTRACT_QUERY = ClassName.get(INTERNAL, "AbstractQuery");
  static final ClassName ABSTRACT_CONSISTENT_QUERY = ClassName.get(INTERNAL, "AbstractConsistentQuery");
  static final ClassName ABSTRACT_REPOSITORY = ClassName.get(INTERNAL, "AbstractRepository");
  static final ClassName ABSTRACT_ASYNC_QUERY = ClassName.get(INTERNAL, "AbstractAsyncQuery");
  static final ClassName ABSTRACT_ASYNC_CONSISTENT_QUERY = ClassName.get(INTERNAL, "AbstractAsyncConsistentQuery");
  static final ClassName ABSTRACT_ASYNC_REPOSITORY = ClassName.get(INTERNAL, "AbstractAsyncRepository");
  static final ClassName ASYNC_ENTITY_STORE = ClassName.get(INTERNAL, "AsyncEntityStore");
  static final ClassName SORT_KEY_FIELD = ClassName.get(INTERNAL, "SortKeyField");
  static final ClassName PATH = ClassName.get(RUNTIME, "Path");
  static final ClassName ATTRIBUTE_PATHS = ClassName.get(INTERNAL, "AttributePaths");
  static final ClassName UPDATE = ClassName.get(RUNTIME, "Update");
  static final ClassName TABLE_OPTIONS = ClassName.get(RUNTIME, "TableOptions");
  static final ClassName TABLE_INDEX = ClassName.get(RUNTIME, "TableIndex");
  static final ClassName INDEX_KEY_RULE = ClassName.get(INTERNAL, "IndexKeyRule");
  static final ClassName TABLE_BATCH = ClassName.get(RUNTIME, "TableBatch");
  static final ClassName TABLE_BATCH_GET = ClassName.get(RUNTIME, "TableBatchGet");
  static final ClassName TRANSACTION = ClassName.get(RUNTIME, "Transaction");
  static final ClassName TRANSACTION_READ = ClassName.get(RUNTIME, "TransactionRead");
  static final ClassName READ = ClassName.get(RUNTIME, "Read");
  static final ClassName CONDITION = ClassName.get(RUNTIME, "Condition");
  static final ClassName CONDITION_FAILED = ClassName.get(RUNTIME, "ConditionFailedException");
  static final ClassName SCAN = ClassName.get(RUNTIME, "Scan");
  static final ClassName NARROWED_QUERY = ClassName.get(RUNTIME, "NarrowedQuery");
  static final ClassName SORT_KEY_RANGE = ClassName.get(RUNTIME, "SortKeyRange");
  static final ClassName TEXT_SORT_KEY_RANGE = ClassName.get(RUNTIME, "TextSortKeyRange");
  static final ClassName LONG_SORT_KEY_RANGE = ClassName.get(RUNTIME, "LongSortKeyRange");
  static final ClassName NARROWED_CONSISTENT_QUERY = ClassName.get(RUNTIME, "NarrowedConsistentQuery");
  static final String ASYNC = RUNTIME + ".async";
  static final ClassName ASYNC_NARROWED_QUERY = ClassName.get(ASYNC, "AsyncNarrowedQuery");
  static final ClassName ASYNC_NARROWED_CONSISTENT_QUERY = ClassName.get(ASYNC, "AsyncNarrowedConsistentQuery");
  static final ClassName ASYNC_UPDATE = ClassName.get(ASYNC, "AsyncUpdate");
  static final ClassName ASYNC_SCAN = ClassName.get(ASYNC, "AsyncScan");
  static final ClassName ASYNC_TRANSACTION = ClassName.get(ASYNC, "AsyncTransaction");
  static final ClassName ASYNC_TRANSACTION_READ = ClassName.get(ASYNC, "AsyncTransactionRead");
  static final ClassName ASYNC_TABLE_BATCH = ClassName.get(ASYNC, "AsyncTableBatch");
  static final ClassName ASYNC_TABLE_BATCH_GET = ClassName.get(ASYNC, "AsyncTableBatchGet");
  static final ClassName MONOTABLE_TABLE = ClassName.get(RUNTIME, "MonotableTable");
  static final ClassName TABLE_CHECK = ClassName.get(RUNTIME, "TableCheck");
  static final ClassName COMPLETABLE_FUTURE = ClassName.get("java.util.concurrent", "CompletableFuture");
  static final ClassName DYNAMO_DB_ASYNC_CLIENT = ClassName.get("software.amazon.awssdk.services.dynamodb",
      "DynamoDbAsyncClient");

  static final ClassName DYNAMO_DB_CLIENT = ClassName.get("software.amazon.awssdk.services.dynamodb", "DynamoDbClient");
  static final ClassName ATTRIBUTE_VALUE = ClassName.get(MODEL, "AttributeValue");
  static final ClassName CREATE_TABLE_REQUEST = ClassName.get(MODEL, "CreateTableRequest");
  static final ClassName BILLING_MODE = ClassName.get(MODEL, "BillingMode");
  static final ClassName SCALAR_ATTRIBUTE_TYPE = ClassName.get(MODEL, "ScalarAttributeType");
  static final ClassName SHARDS = ClassName.get("dev.monotable.runtime.internal", "Shards");
  static final ClassName PROJECTION_TYPE = ClassName.get(MODEL, "ProjectionType");

  // DynamoDB Streams: the generated <Table>Changes
  static final ClassName CHANGE = ClassName.get(RUNTIME, "Change");
  static final ClassName CHANGE_SOURCE = ClassName.get(RUNTIME, "ChangeSource");
  static final ClassName UNKNOWN_CHANGE = ClassName.get(RUNTIME, "UnknownChange");
  static final ClassName STREAM_READER = ClassName.get(RUNTIME, "StreamReader");
  static final ClassName MAPPING_EXCEPTION = ClassName.get(RUNTIME, "MappingException");
  static final ClassName STREAM_CHANGES = ClassName.get(INTERNAL, "StreamChanges");
  static final ClassName LAMBDA_RECORDS = ClassName.get(INTERNAL, "LambdaRecords");
  static final ClassName RECORD = ClassName.get(MODEL, "Record");
  static final ClassName SHARD_ITERATOR_TYPE = ClassName.get(MODEL, "ShardIteratorType");
  static final ClassName STREAM_VIEW_TYPE = ClassName.get(MODEL, "StreamViewType");
  static final ClassName STREAMS_CLIENT =
      ClassName.get("software.amazon.awssdk.services.dynamodb.streams", "DynamoDbStreamsClient");

  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  static final ClassName MAP = ClassName.get("java.util", "Map");
  static final ClassName STRING = ClassName.get("java.lang", "String");

  /** {@code Map<String, AttributeValue>}. */
  static final TypeName ITEM = ParameterizedTypeName.get(MAP, STRING, ATTRIBUTE_VALUE);

  private TypeNames() {}

  static ClassName className(TypeRef type) {
    List<String> names = type.simpleNames();
    return ClassName.get(type.packageName(), names.get(0),
        names.subList(1, names.size()).toArray(new String[0]));
  }

  static TypeName typeName(JavaType type) {
    if (type.isPrimitive()) {
      return switch (type.primitive()) {
        case "boolean" -> TypeName.BOOLEAN;
        case "byte" -> TypeName.BYTE;
        case "short" -> TypeName.SHORT;
        case "int" -> TypeName.INT;
        case "long" -> TypeName.LONG;
        case "float" -> TypeName.FLOAT;
        case "double" -> TypeName.DOUBLE;
        case "char" -> TypeName.CHAR;
        default -> throw new IllegalArgumentException(type.primitive());
      };
    }
    if (type.arrayComponent() != null) {
      return ArrayTypeName.of(typeName(type.arrayComponent()));
    }
    ClassName raw = className(type.rawType());
    if (type.typeArguments().isEmpty()) {
      return raw;
    }
    return ParameterizedTypeName.get(raw, type.typeArguments().stream().map(TypeNames::typeName)
        .toArray(TypeName[]::new));
  }

  /** The type as a type argument: primitives boxed. */
  static TypeName boxed(JavaType type) {
    TypeName name = typeName(type);
    return name.isPrimitive() ? name.box() : name;
  }

  /**
   * {@code KeyTypes.INSTANT}: the runtime's key type of a key template field, named as its scalar
   * kind is ({@code ENUM} for every enum).
   */
  static CodeBlock keyType(FieldModel field) {
    String constant = field.valueType() instanceof ValueType.EnumValue ? "ENUM"
        : ((ValueType.Scalar) field.valueType()).kind().name();
    return CodeBlock.of("$T.$L", KEY_TYPES, constant);
  }
}
