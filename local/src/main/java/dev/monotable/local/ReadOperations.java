package dev.monotable.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monotable.local.expression.Condition;
import dev.monotable.local.expression.DocumentPath;
import dev.monotable.local.expression.Expressions;
import dev.monotable.local.expression.Placeholders;
import dev.monotable.local.expression.Projection;
import dev.monotable.local.expression.SortKeyCondition;
import dev.monotable.local.legacy.LegacyConditions;
import dev.monotable.local.legacy.LegacyConditions.KeyPart;
import dev.monotable.local.legacy.LegacyParameters;
import dev.monotable.local.legacy.LegacyProjection;
import dev.monotable.local.value.DynamoError;
import dev.monotable.local.value.ItemSize;
import dev.monotable.local.value.Value;
import dev.monotable.local.value.ValueJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/** Query and Scan, on tables and on secondary indexes, with DynamoDB's paging rules. */
final class ReadOperations {
  /** A page ends once this much data has been read, before any filter. */
  static final int PAGE_BYTES = 1024 * 1024;

  private static final String START_KEY_INVALID = "The provided starting key is invalid";
  private static final String KEY_NOT_SCHEMA = "The provided key element does not match the schema";
  private static final String KEY_NOT_SUPPORTED = "Query key condition not supported";
  private static final String SCALAR_KEYS =
      "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: ";
  /** The ComparisonOperators a key condition cannot use on any key attribute. */
  private static final Set<String> NOT_INDEXABLE = Set.of("NULL", "NOT_NULL", "NE", "CONTAINS", "NOT_CONTAINS", "IN");

  private final EngineState state;

  ReadOperations(EngineState state) {
    this.state = state;
  }

  ObjectNode query(JsonNode request) {
    // what DynamoDB checks before it looks at the table, in its order
    checkExpressionParameters(request, "FilterExpression", "KeyConditionExpression");
    String legacyFilter = request.hasNonNull("QueryFilter") ? "QueryFilter" : null;
    Condition queryFilter = legacyFilter == null ? null
        : LegacyConditions.filter(request.get(legacyFilter), legacyFilter, request.get("ConditionalOperator"));
    LegacyProjection.attributesToGet(request.get("AttributesToGet"));
    Map<String, Value> startValues = startKeyValues(request);
    String keyConditionText = Requests.text(request, "KeyConditionExpression", null);
    if (keyConditionText == null && !request.hasNonNull("KeyConditions")) {
      throw DynamoError.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
    }
    // in DynamoDB's order, which its message follows: "FilterExpression and KeyConditionExpression are null"
    Placeholders placeholders = Requests.placeholders(request, "ProjectionExpression", "FilterExpression",
        "KeyConditionExpression");
    Expressions.ParsedKeyCondition parsedKey = keyConditionText == null ? null
        : Expressions.parseKeyCondition(keyConditionText, placeholders);
    Condition filter = legacyFilter != null ? queryFilter : Requests.condition(request, "FilterExpression", placeholders);
    Projection projection = Requests.projection(request, placeholders);
    placeholders.checkAllUsed();
    Map<String, KeyPart> parts = new LinkedHashMap<>();
    if (parsedKey != null) {
      for (SortKeyCondition part : Expressions.keyConditionParts(parsedKey)) {
        List<Value> values = part.upperValue() == null ? List.of(part.value()) : List.of(part.value(), part.upperValue());
        parts.put(part.attributeName(), new KeyPart(part.attributeName(), part.operator().name(), values));
      }
    } else {
      for (KeyPart part : LegacyConditions.keyConditionParts(request.get("KeyConditions"))) {
        parts.put(part.attribute(), part);
      }
    }

    Source source = source(request);
    KeySchema keys = source.keys();
    Map<String, Value> start = checkQueryStartKey(startValues, source);
    for (String attribute : keyAttributes(keys)) {
      String type = source.table.attributeTypes.get(attribute);
      boolean partition = attribute.equals(keys.partitionKey());
      if (start != null) {
        if (!start.containsKey(attribute)) {
          throw DynamoError.validation(START_KEY_INVALID);
        }
        if (!start.get(attribute).type().equals(type)) {
          throw DynamoError.validation(KEY_NOT_SCHEMA);
        }
      }
      if (partition && !keys.hasSortKey() && parts.size() > 1) {
        throw DynamoError.validation(KEY_NOT_SUPPORTED);
      }
      KeyPart part = parts.get(attribute);
      if (part == null) {
        if (partition || parts.size() > 1) {
          throw DynamoError.validation("Query condition missed key schema element: " + attribute);
        }
        continue;
      }
      if (NOT_INDEXABLE.contains(part.operator())) {
        throw DynamoError.validation("Attempted conditional constraint is not an indexable operation");
      }
      for (Value value : part.values()) {
        if (!value.type().equals(type)) {
          throw DynamoError.validation("One or more parameter values were invalid: Condition parameter type does not "
              + "match schema type");
        }
      }
      if (partition && !part.operator().equals("EQ")) {
        throw DynamoError.validation(KEY_NOT_SUPPORTED);
      }
    }
    Value partitionValue = parts.get(keys.partitionKey()).values().get(0);
    KeyPart sortPart = keys.hasSortKey() ? parts.get(keys.sortKey()) : null;
    SortKeyCondition sort = sortPart == null ? null : new SortKeyCondition(sortPart.attribute(),
        SortKeyCondition.Operator.valueOf(sortPart.operator()), sortPart.values().get(0),
        sortPart.values().size() > 1 ? sortPart.values().get(1) : null);
    if (sort != null) {
      checkSortCondition(sort, keys);
    }
    if (start != null) {
      Map<String, Value> tableStart = new LinkedHashMap<>();
      for (String attribute : keyAttributes(source.table.key)) {
        Value value = start.get(attribute);
        if (value == null || !value.type().equals(source.table.attributeTypes.get(attribute))) {
          throw DynamoError.validation(START_KEY_INVALID + ": " + KEY_NOT_SCHEMA);
        }
        tableStart.put(attribute, value);
      }
      if (sort == null) {
        if (!partitionValue.equals(start.get(keys.partitionKey()))) {
          throw DynamoError.validation("The provided starting key is outside query boundaries based on provided conditions");
        }
      } else {
        if (!sort.matches(start.get(keys.sortKey()))) {
          throw DynamoError.validation("The provided starting key does not match the range key predicate");
        }
        if (!partitionValue.equals(start.get(keys.partitionKey()))) {
          throw DynamoError.validation("The query can return at most one row and cannot be restarted");
        }
      }
    }
    checkKeyPaths(projection == null ? List.of() : projection.paths(), source.table);
    if (filter != null) {
      for (String name : filter.attributeNames()) {
        if (keys.isKeyAttribute(name)) {
          throw DynamoError.validation((legacyFilter != null ? "QueryFilter" : "Filter Expression")
              + " can only contain non-primary key attributes: Primary key attribute: " + name);
        }
      }
    }
    checkGlobalSelect(request, source);
    checkKeyPaths(filter == null ? List.of() : filter.paths(), source.table);
    Page page = page(request, source, filter, projection, true);
    boolean forward = !request.has("ScanIndexForward") || request.get("ScanIndexForward").asBoolean(true);

    NavigableMap<RowKey, Map<String, Value>> range = source.store().partition(partitionValue);
    if (sort != null) {
      range = narrow(range, sort);
    }
    if (start != null) {
      RowKey row = source.rowKey(start);
      range = forward ? range.tailMap(row, false) : range.headMap(row, false);
    }
    Iterator<Map<String, Value>> rows = (forward ? range : range.descendingMap()).values().iterator();
    boolean matched = false;
    while (rows.hasNext()) {
      Map<String, Value> row = rows.next();
      if (sort != null && !sort.matches(row.get(keys.sortKey()))) {
        if (matched && sort.operator() == SortKeyCondition.Operator.BEGINS_WITH) {
          break; // the rows of one prefix are contiguous
        }
        continue;
      }
      matched = true;
      if (!page.add(row)) {
        // DynamoDB answers a LastEvaluatedKey whenever the page stops at Limit or 1 MB, rows left or not
        page.more = true;
        break;
      }
    }
    return page.render(source);
  }

  private static void checkSortCondition(SortKeyCondition sort, KeySchema keys) {
    if (!sort.value().type().equals(keys.sortType())
        || (sort.upperValue() != null && !sort.upperValue().type().equals(keys.sortType()))) {
      throw DynamoError.validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
    }
    if (sort.operator() == SortKeyCondition.Operator.BEGINS_WITH && sort.value() instanceof Value.N) {
      throw DynamoError.validation("Invalid KeyConditionExpression: Incorrect operand type for operator or function; "
          + "operator or function: begins_with, operand type: N");
    }
    if (sort.operator() == SortKeyCondition.Operator.BETWEEN && Value.compare(sort.value(), sort.upperValue()) > 0) {
      throw DynamoError.validation("Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater "
          + "than or equal to lower bound; lower bound operand: AttributeValue: {" + sort.value().type() + ":"
          + ValueJson.write(sort.value()).elements().next().asText() + "}, upper bound operand: AttributeValue: {"
          + sort.upperValue().type() + ":" + ValueJson.write(sort.upperValue()).elements().next().asText() + "}");
    }
  }

  /** The rows of one partition that a sort-key condition can match, by bounds on the first row-key part. */
  private static NavigableMap<RowKey, Map<String, Value>> narrow(NavigableMap<RowKey, Map<String, Value>> partition,
      SortKeyCondition sort) {
    Value v = sort.value();
    return switch (sort.operator()) {
      case EQ -> partition.subMap(RowKey.lower(v), true, RowKey.upper(v), true);
      case LT -> partition.headMap(RowKey.lower(v), false);
      case LE -> partition.headMap(RowKey.upper(v), true);
      case GT -> partition.tailMap(RowKey.upper(v), false);
      case GE, BEGINS_WITH -> partition.tailMap(RowKey.lower(v), true);
      case BETWEEN -> partition.subMap(RowKey.lower(v), true, RowKey.upper(sort.upperValue()), true);
    };
  }

  ObjectNode scan(JsonNode request) {
    // what DynamoDB checks before it looks at the table, in its order
    checkExpressionParameters(request, "FilterExpression");
    LegacyProjection.attributesToGet(request.get("AttributesToGet"));
    Condition scanFilter = !request.hasNonNull("ScanFilter") ? null
        : LegacyConditions.filter(request.get("ScanFilter"), "ScanFilter", request.get("ConditionalOperator"));
    Map<String, Value> startValues = startKeyValues(request);
    JsonNode segmentNode = request.get("Segment");
    JsonNode totalNode = request.get("TotalSegments");
    int segment = 0;
    int total = 1;
    if (segmentNode != null && !segmentNode.isNull() || totalNode != null && !totalNode.isNull()) {
      if (totalNode == null || totalNode.isNull()) {
        throw DynamoError.validation("The TotalSegments parameter is required but was not present in the request when "
            + "Segment parameter is present");
      }
      if (segmentNode == null || segmentNode.isNull()) {
        throw DynamoError.validation("The Segment parameter is required but was not present in the request when parameter "
            + "TotalSegments is present");
      }
      segment = segmentNode.asInt();
      total = totalNode.asInt();
      if (total < 1 || total > 1_000_000) {
        throw DynamoError.validation("1 validation error detected: Value '" + total + "' at 'totalSegments' failed to "
            + "satisfy constraint: Member must have value between 1 and 1000000");
      }
      if (segment < 0 || segment >= total) {
        throw DynamoError.validation("The Segment parameter is zero-based and must be less than parameter TotalSegments: "
            + "Segment: " + segment + " is not less than TotalSegments: " + total);
      }
    }
    Placeholders placeholders = Requests.placeholders(request, "FilterExpression", "ProjectionExpression");
    Condition filter = request.hasNonNull("ScanFilter") ? scanFilter
        : Requests.condition(request, "FilterExpression", placeholders);
    Projection projection = Requests.projection(request, placeholders);
    placeholders.checkAllUsed();

    Source source = source(request);
    Map<String, Value> start = checkScanStartKey(startValues, source);
    checkGlobalSelect(request, source);
    if (start != null) {
      for (String attribute : keyAttributes(source.table.key)) {
        Value value = start.get(attribute);
        if (value == null || !value.type().equals(source.table.attributeTypes.get(attribute))) {
          throw DynamoError.validation(START_KEY_INVALID + ": " + KEY_NOT_SCHEMA);
        }
      }
      if (total > 1 && PartitionToken.of(start.get(source.keys().partitionKey())).segment(total) != segment) {
        throw DynamoError.validation(START_KEY_INVALID + ": Invalid ExclusiveStartKey. Please use ExclusiveStartKey "
            + "with correct Segment. TotalSegments: " + total + " Segment: " + segment);
      }
    }
    checkKeyPaths(projection == null ? List.of() : projection.paths(), source.table);
    checkKeyPaths(filter == null ? List.of() : filter.paths(), source.table);
    Page page = page(request, source, filter, projection, false);

    long endHash = segment + 1 == total ? Long.MAX_VALUE : PartitionToken.segmentStart(segment + 1, total);
    NavigableMap<PartitionToken, TreeMap<RowKey, Map<String, Value>>> partitions = source.store().partitions()
        .subMap(PartitionToken.bound(PartitionToken.segmentStart(segment, total)), true, PartitionToken.bound(endHash), false);

    Iterator<Map<String, Value>> first = null;
    if (start != null) {
      PartitionToken token = PartitionToken.of(start.get(source.keys().partitionKey()));
      TreeMap<RowKey, Map<String, Value>> partition = partitions.get(token);
      if (partition != null) {
        first = partition.tailMap(source.rowKey(start), false).values().iterator();
      }
      partitions = partitions.tailMap(token, false);
    }
    Iterator<TreeMap<RowKey, Map<String, Value>>> rest = partitions.values().iterator();
    Iterator<Map<String, Value>> rows = first != null ? first : rest.hasNext() ? rest.next().values().iterator() : null;
    while (rows != null) {
      if (!rows.hasNext()) {
        rows = rest.hasNext() ? rest.next().values().iterator() : null;
        continue;
      }
      if (!page.add(rows.next())) {
        page.more = true;
        break;
      }
    }
    return page.render(source);
  }

  /**
   * The first checks of a read's expression parameters: legacy and expression parameters not
   * mixed, and ExpressionAttributeNames and ExpressionAttributeValues only beside the expressions
   * that may use them ({@code valueExpressions}: those but ProjectionExpression).
   */
  private static void checkExpressionParameters(JsonNode request, String... valueExpressions) {
    LegacyParameters.refuseMixed(request);
    boolean anyValueExpression = false;
    for (String field : valueExpressions) {
      anyValueExpression |= request.hasNonNull(field);
    }
    if (request.hasNonNull("ExpressionAttributeNames") && !anyValueExpression
        && !request.hasNonNull("ProjectionExpression")) {
      throw DynamoError.validation("ExpressionAttributeNames can only be specified when using expressions");
    }
    if (request.hasNonNull("ExpressionAttributeValues") && !anyValueExpression) {
      throw DynamoError.validation("ExpressionAttributeValues can only be specified when using expressions: "
          + String.join(" and ", valueExpressions) + (valueExpressions.length > 1 ? " are" : " is") + " null");
    }
  }

  /**
   * The attribute values of the ExclusiveStartKey, each checked alone (null when there is none);
   * an invalid one is reported as an invalid starting key, but for number and duplicate errors,
   * which DynamoDB reports bare.
   */
  private static Map<String, Value> startKeyValues(JsonNode request) {
    JsonNode node = request.get("ExclusiveStartKey");
    if (node == null || node.isNull()) {
      return null;
    }
    try {
      return ValueJson.readItem(node);
    } catch (DynamoError e) {
      String message = e.getMessage();
      if (!e.type().equals("ValidationException") || message.contains("umber") || message.contains("numeric")
          || message.contains("duplicates")) {
        throw e;
      }
      throw DynamoError.validation(START_KEY_INVALID + ": " + message);
    }
  }

  /** A Query's ExclusiveStartKey, checked to name as many attributes as its LastEvaluatedKey would. */
  private static Map<String, Value> checkQueryStartKey(Map<String, Value> start, Source source) {
    if (start != null) {
      checkStartKeySize(start, source, START_KEY_INVALID);
    }
    return start;
  }

  /**
   * A Scan's ExclusiveStartKey, checked to name as many attributes as its LastEvaluatedKey would
   * and, on an index, to hold the index's keys with their types.
   */
  private static Map<String, Value> checkScanStartKey(Map<String, Value> start, Source source) {
    if (start == null) {
      return null;
    }
    checkStartKeySize(start, source, source.index == null ? START_KEY_INVALID + ": " + KEY_NOT_SCHEMA : START_KEY_INVALID);
    if (source.index != null) {
      for (String attribute : keyAttributes(source.index.key)) {
        Value value = start.get(attribute);
        if (value == null) {
          throw DynamoError.validation(START_KEY_INVALID);
        }
        if (!value.type().equals(source.table.attributeTypes.get(attribute))) {
          throw DynamoError.validation(KEY_NOT_SCHEMA);
        }
      }
    }
    return start;
  }

  /** Refuses a start key naming more or fewer attributes than the table's and the index's keys. */
  private static void checkStartKeySize(Map<String, Value> start, Source source, String message) {
    List<String> names = keyAttributes(source.table.key);
    if (source.index != null) {
      for (String attribute : keyAttributes(source.index.key)) {
        if (!names.contains(attribute)) {
          names.add(attribute);
        }
      }
    }
    if (start.size() != names.size()) {
      throw DynamoError.validation(message);
    }
  }

  /** Refuses Select ALL_ATTRIBUTES on a global secondary index that does not project every attribute. */
  private static void checkGlobalSelect(JsonNode request, Source source) {
    if (source.index != null && source.index.global && !source.index.projectionType.equals("ALL")
        && "ALL_ATTRIBUTES".equals(Requests.text(request, "Select", null))) {
      throw DynamoError.validation(globalSelectError(source.index));
    }
  }

  private static String globalSelectError(SecondaryIndex index) {
    return "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global "
        + "secondary index " + index.name + " because its projection type is not ALL";
  }

  /** The partition key and, if any, the sort key. */
  private static List<String> keyAttributes(KeySchema keys) {
    List<String> names = new ArrayList<>();
    names.add(keys.partitionKey());
    if (keys.hasSortKey()) {
      names.add(keys.sortKey());
    }
    return names;
  }

  /** Refuses a nested path ({@code a.b}, {@code a[0]}) into a key attribute of the table or of one of its indexes. */
  private static void checkKeyPaths(List<DocumentPath> paths, Table table) {
    List<String> nested = new ArrayList<>();
    for (DocumentPath path : paths) {
      if (!path.isTopLevel()) {
        nested.add(path.topLevelName());
      }
    }
    if (nested.isEmpty()) {
      return;
    }
    for (String attribute : keyAttributes(table.key)) {
      if (nested.contains(attribute)) {
        throw DynamoError.validation(SCALAR_KEYS + "Key: " + attribute);
      }
    }
    for (SecondaryIndex index : table.indexes.values()) {
      for (String attribute : keyAttributes(index.key)) {
        if (nested.contains(attribute)) {
          throw DynamoError.validation(SCALAR_KEYS + "IndexKey: " + attribute);
        }
      }
    }
  }

  /** The table or index a read addresses. */
  private Source source(JsonNode request) {
    Table table = state.table(Requests.tableName(request));
    String indexName = Requests.text(request, "IndexName", null);
    SecondaryIndex index = indexName == null ? null : table.index(indexName);
    boolean consistent = Requests.flag(request, "ConsistentRead");
    if (consistent && index != null && index.global) {
      throw DynamoError.validation("Consistent reads are not supported on global secondary indexes");
    }
    return new Source(table, index, consistent);
  }

  private static Page page(JsonNode request, Source source, Condition filter, Projection projection, boolean query) {
    String select = Requests.text(request, "Select", null);
    if (select == null) {
      select = projection != null ? "SPECIFIC_ATTRIBUTES" : source.index == null ? "ALL_ATTRIBUTES" : "ALL_PROJECTED_ATTRIBUTES";
    }
    select = Requests.choice(request, "Select", select,
        "ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");
    if (projection != null && !select.equals("SPECIFIC_ATTRIBUTES")) {
      throw DynamoError.validation(request.hasNonNull("ProjectionExpression")
          ? "Cannot specify the ProjectionExpression when choosing to get " + select
          : "Cannot specify the AttributesToGet when choosing to get " + (select.equals("COUNT") ? "only the Count" : select));
    }
    if (select.equals("SPECIFIC_ATTRIBUTES") && projection == null) {
      throw DynamoError.validation("SPECIFIC_ATTRIBUTES requires a ProjectionExpression");
    }
    if (select.equals("ALL_PROJECTED_ATTRIBUTES") && source.index == null) {
      throw DynamoError.validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
    }
    boolean fetchFromTable = false;
    if (source.index != null && !source.index.projectionType.equals("ALL")) {
      List<String> unprojected = new ArrayList<>();
      if (projection != null) {
        for (DocumentPath path : projection.paths()) {
          if (!source.index.projects(path.topLevelName()) && !unprojected.contains(path.topLevelName())) {
            unprojected.add(path.topLevelName());
          }
        }
      }
      List<String> unprojectedFilter = new ArrayList<>();
      if (filter != null) {
        for (String name : filter.attributeNames()) {
          if (!source.index.projects(name)) {
            unprojectedFilter.add(name);
          }
        }
      }
      if (source.index.global) {
        if (select.equals("ALL_ATTRIBUTES")) {
          throw DynamoError.validation(globalSelectError(source.index));
        }
        if (!unprojected.isEmpty()) {
          throw DynamoError.validation("One or more parameter values were invalid: Global secondary index "
              + source.index.name + " does not project " + unprojected);
        }
        if (!unprojectedFilter.isEmpty()) {
          throw DynamoError.validation("One or more parameter values were invalid: Secondary index " + source.index.name
              + " does not project one or more filter attributes: " + unprojectedFilter);
        }
      } else {
        // a local index fetches what it does not hold from the table, as DynamoDB does
        fetchFromTable = select.equals("ALL_ATTRIBUTES") || !unprojected.isEmpty() || !unprojectedFilter.isEmpty();
      }
    }
    if (filter != null && query) {
      // a Query's key condition owns the key attributes; a Scan may filter on them
      KeySchema keys = source.keys();
      for (String name : filter.attributeNames()) {
        if (keys.isKeyAttribute(name)) {
          throw DynamoError.validation((request.hasNonNull("QueryFilter") ? "QueryFilter" : "Filter Expression")
              + " can only contain non-primary key attributes: Primary key attribute: " + name);
        }
      }
    }
    int limit = Integer.MAX_VALUE;
    JsonNode limitNode = request.get("Limit");
    if (limitNode != null && !limitNode.isNull()) {
      limit = limitNode.asInt();
      if (limit < 1) {
        throw DynamoError.validation("1 validation error detected: Value '" + limit + "' at 'limit' failed to satisfy "
            + "constraint: Member must have value greater than or equal to 1");
      }
    }
    Capacity capacity = new Capacity(Requests.text(request, "ReturnConsumedCapacity", "NONE"));
    return new Page(source, limit, filter, projection, select.equals("COUNT"), fetchFromTable, capacity);
  }

  /** A table, or one of its indexes, read by a Query or Scan. */
  private record Source(Table table, SecondaryIndex index, boolean consistent) {
    KeySchema keys() {
      return index == null ? table.key : index.key;
    }

    ItemStore store() {
      return index == null ? table.items : index.entries;
    }

    RowKey rowKey(Map<String, Value> item) {
      return index == null ? table.rowKey(item) : index.rowKey(item);
    }

    /** The LastEvaluatedKey of a row: the table's keys, and the index's. */
    Map<String, Value> lastKey(Map<String, Value> row) {
      Map<String, Value> key = new LinkedHashMap<>(table.key.keyOf(row));
      if (index != null) {
        key.putAll(index.key.keyOf(row));
      }
      return key;
    }
  }

  /** One page of results: rows read up to the limit or 1 MB, filtered, projected. */
  private static final class Page {
    final Source source;
    final int limit;
    final Condition filter;
    final Projection projection;
    final boolean countOnly;
    final boolean fetchFromTable;
    final Capacity capacity;
    final List<Map<String, Value>> items = new ArrayList<>();
    int scanned;
    int count;
    long bytes;
    /** The size of the table's items a local index query fetched, read from the table on top of the index. */
    long fetchedBytes;
    Map<String, Value> last;
    boolean more;

    Page(Source source, int limit, Condition filter, Projection projection, boolean countOnly, boolean fetchFromTable,
        Capacity capacity) {
      this.source = source;
      this.limit = limit;
      this.filter = filter;
      this.projection = projection;
      this.countOnly = countOnly;
      this.fetchFromTable = fetchFromTable;
      this.capacity = capacity;
    }

    /** Reads one row; false once the page is full. */
    boolean add(Map<String, Value> row) {
      scanned++;
      bytes += ItemSize.of(row);
      last = row;
      Map<String, Value> item = fetchFromTable ? source.table.get(source.table.key.keyOf(row)) : row;
      if (fetchFromTable && item != null) {
        fetchedBytes += ItemSize.of(item);
      }
      if (item != null && (filter == null || filter.test(item))) {
        count++;
        if (!countOnly) {
          items.add(projection == null ? item : projection.apply(item));
        }
      }
      return scanned < limit && bytes < PAGE_BYTES;
    }

    ObjectNode render(Source source) {
      ObjectNode response = Json.object();
      if (!countOnly) {
        response.set("Items", Json.items(items));
      }
      response.put("Count", count);
      response.put("ScannedCount", scanned);
      if (more && last != null) {
        response.set("LastEvaluatedKey", ValueJson.writeItem(source.lastKey(last)));
      }
      if (capacity.wanted()) {
        double factor = source.consistent ? 1 : 0.5;
        double units = Math.max(1, Math.ceil(bytes / 4096.0)) * factor;
        capacity.read(source.table.name, source.index == null ? null : source.index.name,
            source.index != null && source.index.global, units);
        if (fetchedBytes > 0) {
          capacity.read(source.table.name, null, false, Math.ceil(fetchedBytes / 4096.0) * factor);
        }
        response.set("ConsumedCapacity", capacity.single(source.table.name));
      }
      return response;
    }
  }
}
