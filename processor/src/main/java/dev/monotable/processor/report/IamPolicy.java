package dev.monotable.processor.report;

import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.KeyTemplate;
import dev.monotable.processor.model.TableModel;
import dev.monotable.processor.model.Tenancy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code <Table>.iam.json}: the identity policy that confines a tenant's role to its own items of a
 * tenant table ({@code @Table(tenant = "tenantId")}). Every statement is conditioned on
 * {@code ForAllValues:StringLike dynamodb:LeadingKeys} with the patterns of the table's partition
 * keys ({@code TENANT#${aws:PrincipalTag/tenantId}#*}), so each key a request names must lie in the
 * caller's tenant, whose id is the role session's principal tag named after the tenant field. Reads
 * (GetItem, BatchGetItem, Query — on the table and the indexes whose partition key leads with the
 * tenant) and writes (PutItem, UpdateItem, DeleteItem, BatchWriteItem, ConditionCheckItem; a
 * transaction is authorized action by action) are separate statements; Scan is granted nowhere (it
 * names no leading key, so no condition could confine it). A local index with a partial projection
 * gets the {@code dynamodb:Select}/{@code dynamodb:Attributes} conditions that keep its queries to
 * what it projects. ARNs name the table in any region and account: narrow them when deploying.
 */
public final class IamPolicy {
  /** Where the table name goes in {@link #template}. */
  public static final String TABLE_NAME = "<table>";

  private IamPolicy() {}

  /** The policy of {@code table} with {@link #TABLE_NAME} for the table name; null for a table without tenants. */
  public static String template(TableModel table, List<EntityModel> entities) {
    if (!table.hasTenant()) {
      return null;
    }
    String tableArn = "arn:aws:dynamodb:*:*:table/" + TABLE_NAME;
    Set<String> leading = new LinkedHashSet<>();
    Set<String> queried = new LinkedHashSet<>();
    for (EntityModel entity : entities) {
      entity.partitionKey().flatMap(key -> Tenancy.leadingPattern(key, table.tenant())).ifPresent(leading::add);
      for (IndexModel index : table.indexes()) {
        if (!entity.bindingFor(table, index).complete()) {
          continue;
        }
        Optional<KeyTemplate> key = Tenancy.partitionTemplate(entity, table, index);
        Optional<String> pattern = key.flatMap(k -> Tenancy.leadingPattern(k, table.tenant()));
        if (pattern.isPresent()) {
          leading.add(pattern.get());
          queried.add(index.name());
        }
      }
    }
    Map<String, Object> condition = Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys",
        List.copyOf(leading)));
    List<Object> statements = new ArrayList<>();
    List<String> readResources = new ArrayList<>(List.of(tableArn));
    List<IndexModel> partial = new ArrayList<>();
    for (String name : queried) {
      IndexModel index = table.index(name).orElseThrow();
      if (index.kind() == IndexModel.Kind.LOCAL && index.projection() != IndexModel.Projection.ALL) {
        partial.add(index);
      } else {
        readResources.add(tableArn + "/index/" + name);
      }
    }
    statements.add(statement("TenantReads", List.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query"),
        readResources, condition));
    statements.add(statement("TenantWrites", List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
        "dynamodb:BatchWriteItem", "dynamodb:ConditionCheckItem"), List.of(tableArn), condition));
    for (IndexModel index : partial) {
      // a query of a local index asking for more than it projects fetches from the table: keep it to the projection
      Map<String, Object> projected = new LinkedHashMap<>(condition);
      projected.put("ForAllValues:StringEquals", Map.of("dynamodb:Attributes", projectedAttributes(table, index)));
      projected.put("StringEqualsIfExists", Map.of("dynamodb:Select",
          List.of("SPECIFIC_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES")));
      statements.add(statement("TenantQueries" + index.name().replaceAll("[^A-Za-z0-9]", ""),
          List.of("dynamodb:Query"), List.of(tableArn + "/index/" + index.name()), projected));
    }
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("Version", "2012-10-17");
    policy.put("Statement", statements);
    return Json.write(policy);
  }

  /** The attributes a local index projects: the table's keys, its sort key, its non-key attributes. */
  private static List<String> projectedAttributes(TableModel table, IndexModel index) {
    Set<String> attributes = new LinkedHashSet<>();
    attributes.add(table.partitionKey());
    if (table.hasSortKey()) {
      attributes.add(table.sortKey());
    }
    if (index.hasSortKey()) {
      attributes.add(index.sortKey());
    }
    if (index.projection() == IndexModel.Projection.INCLUDE) {
      attributes.addAll(index.nonKeyAttributes());
    }
    attributes.add(table.typeAttribute());
    attributes.remove("");
    return List.copyOf(attributes);
  }

  private static Map<String, Object> statement(String sid, List<String> actions, List<String> resources,
      Map<String, Object> condition) {
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Sid", sid);
    statement.put("Effect", "Allow");
    statement.put("Action", actions);
    statement.put("Resource", resources);
    statement.put("Condition", condition);
    return statement;
  }
}
