package dev.monotable.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monotable.local.expression.Condition;
import dev.monotable.local.expression.DocumentPath;
import dev.monotable.local.expression.Expressions;
import dev.monotable.local.expression.KeyCondition;
import dev.monotable.local.expression.Placeholders;
import dev.monotable.local.expression.Projection;
import dev.monotable.local.expression.SortKeyCondition;
import dev.monotable.local.legacy.LegacyConditions;
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
import java.util.TreeMap;

/** Query and Scan, on tables and on secondary indexes, with DynamoDB's paging rules. */
final class ReadOperations {
  /** A page ends once this much data has been read, before any filter. */
  static final int PAGE_BYTES = 1024 * 1024;

  private final EngineState state;

  ReadOperations(EngineState state) {
    this.state = state;
  }

  ObjectNode query(JsonNode request) {
    Source source = source(request);
    Placeholders placeholders = Requests.placeholders(request, "KeyConditionExpression", "FilterExpression",
        "ProjectionExpression");
    String keyConditionText = Requests.text(request, "KeyConditionExpression", null);
    KeySchema keys = source.keys();
    KeyCondition keyCondition;
    if (keyConditionText != null) {
      keyCondition = Expressions.keyCondition(keyConditionText, placeholders, keys.partitionKey(), keys.sortKey());
    } else if (request.hasNonNull("KeyConditions")) {
      keyCondition = LegacyConditions.keyConditions(request.get("KeyConditions"), keys.partitionKey(),
          keys.partitionType(), keys.sortKey(), keys.sortType());
    } else {
      throw DynamoError.validation("Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
    }
    Page page = page(request, source, placeholders, true);
    placeholders.checkAllUsed();
    if (!keyCondition.partitionValue().type().equals(keys.partitionType())) {
      throw DynamoError.validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
    }
    SortKeyCondition sort = keyCondition.sortKey().orElse(null);
    if (sort != null) {
      checkSortCondition(sort, keys);
    }
    boolean forward = !request.has("ScanIndexForward") || request.get("ScanIndexForward").asBoolean(true);

    NavigableMap<RowKey, Map<String, Value>> range = source.store().partition(keyCondition.partitionValue());
    if (sort != null) {
      range = narrow(range, sort);
    }
    Map<String, Value> start = exclusiveStartKey(request, source);
    if (start != null) {
      if (!keyCondition.partitionValue().equals(start.get(keys.partitionKey()))) {
        throw DynamoError.validation("The provided starting key is invalid: The provided starting key does not match the "
            + "range key predicate");
      }
      if (sort != null && !sort.matches(start.get(keys.sortKey()))) {
        throw DynamoError.validation("The provided starting key is outside query boundaries based on provided conditions");
      }
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
        page.more = rows.hasNext();
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
    Source source = source(request);
    Placeholders placeholders = Requests.placeholders(request, "FilterExpression", "ProjectionExpression");
    Page page = page(request, source, placeholders, false);
    placeholders.checkAllUsed();
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
    long endHash = segment + 1 == total ? Long.MAX_VALUE : PartitionToken.segmentStart(segment + 1, total);
    NavigableMap<PartitionToken, TreeMap<RowKey, Map<String, Value>>> partitions = source.store().partitions()
        .subMap(PartitionToken.bound(PartitionToken.segmentStart(segment, total)), true, PartitionToken.bound(endHash), false);

    Map<String, Value> start = exclusiveStartKey(request, source);
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
        page.more = rows.hasNext() || rest.hasNext();
        break;
      }
    }
    return page.render(source);
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

  private static Page page(JsonNode request, Source source, Placeholders placeholders, boolean query) {
    Condition filter = Requests.condition(request, "FilterExpression", placeholders);
    Projection projection = Requests.projection(request, placeholders);
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
          throw DynamoError.validation("One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not "
              + "supported for global secondary index " + source.index.name + " because its projection type is not ALL");
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

  /** The ExclusiveStartKey, checked to hold the keys a LastEvaluatedKey of this source holds; or null. */
  private static Map<String, Value> exclusiveStartKey(JsonNode request, Source source) {
    JsonNode node = request.get("ExclusiveStartKey");
    if (node == null || node.isNull()) {
      return null;
    }
    Map<String, Value> start = ValueJson.readItem(node);
    KeySchema table = source.table.key;
    boolean valid = start.containsKey(table.partitionKey()) && (!table.hasSortKey() || start.containsKey(table.sortKey()));
    if (source.index != null) {
      valid &= start.containsKey(source.index.key.partitionKey())
          && (!source.index.key.hasSortKey() || start.containsKey(source.index.key.sortKey()));
    }
    for (Map.Entry<String, Value> attribute : start.entrySet()) {
      String name = attribute.getKey();
      valid &= (table.isKeyAttribute(name) || (source.index != null && source.index.key.isKeyAttribute(name)))
          && attribute.getValue().isScalarKeyType()
          && attribute.getValue().type().equals(source.table.attributeTypes.get(name));
    }
    if (!valid) {
      throw DynamoError.validation("The provided starting key is invalid: The provided key element does not match the schema");
    }
    return start;
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
        double units = Math.max(1, Math.ceil(bytes / 4096.0)) * (source.consistent ? 1 : 0.5);
        capacity.read(source.table.name, source.index == null ? null : source.index.name,
            source.index != null && source.index.global, units);
        response.set("ConsumedCapacity", capacity.single(source.table.name));
      }
      return response;
    }
  }
}
