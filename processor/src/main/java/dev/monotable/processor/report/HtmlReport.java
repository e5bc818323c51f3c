package dev.monotable.processor.report;

import dev.monotable.processor.model.AccessPatternModel;
import dev.monotable.processor.model.EntityModel;
import dev.monotable.processor.model.FieldModel;
import dev.monotable.processor.model.IndexBinding;
import dev.monotable.processor.model.IndexModel;
import dev.monotable.processor.model.KeyTemplate;
import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.TableModel;
import dev.monotable.processor.model.Territories;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code <Table>.html}: the design of one table on one self-contained page (inline CSS; no scripts,
 * fonts or images from anywhere): the entity types in the table with their keys and example key
 * strings, the access-pattern matrix, the indexes and what each holds, the item collections and the
 * warnings of the build. Every user-written text is escaped.
 */
final class HtmlReport {
  private final DesignReport report;
  private final TableModel table;
  private final StringBuilder html = new StringBuilder();

  private HtmlReport(DesignReport report) {
    this.report = report;
    this.table = report.table();
  }

  static String render(DesignReport report) {
    return new HtmlReport(report).page();
  }

  private String page() {
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(table.name())).append(" · Monotable design report</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    header();
    html.append("<main>\n");
    entityLayout();
    accessPatterns();
    indexes();
    collections();
    warnings();
    html.append("</main>\n<footer>Written by the Monotable annotation processor from the annotations of ")
        .append(code(table.type().canonicalName())).append(".</footer>\n</body>\n</html>\n");
    return html.toString();
  }

  private void header() {
    html.append("<header>\n<div class=\"wrap\">\n<p class=\"kicker\">Monotable design report</p>\n<h1>")
        .append(escape(table.name())).append("</h1>\n<dl class=\"facts\">\n");
    fact("Partition key", code(table.partitionKey()));
    fact("Sort key", table.hasSortKey() ? code(table.sortKey()) : "none");
    fact("Entity types", Integer.toString(report.entities().size()));
    fact("Type attribute", table.hasTypeAttribute() ? code(table.typeAttribute()) : "none");
    fact("Key delimiter", code(table.delimiter()));
    fact("Time to live", table.hasTimeToLive() ? code(table.timeToLive()) : "off");
    fact("Stream", table.hasStream() ? escape(table.stream()) : "off");
    fact("Billing", table.provisioned()
        ? "provisioned, " + table.throughput().read() + " RCU / " + table.throughput().write() + " WCU"
        : "on demand");
    fact("Deletion protection", table.deletionProtection() ? "on" : "off");
    html.append("</dl>\n</div>\n</header>\n");
  }

  private void fact(String name, String valueHtml) {
    html.append("<div><dt>").append(escape(name)).append("</dt><dd>").append(valueHtml).append("</dd></div>\n");
  }

  /** The seed's "Entity Types in One Table": one row per entity, one column per key. */
  private void entityLayout() {
    section("entities", "Entity types in one table",
        "Each entity's key templates (blue; green: a field stored as it is), with an example key built from sample "
            + "values in the encoding the runtime writes. A dash: the entity is not in that index.");
    html.append("<div class=\"scroll\"><table>\n<thead><tr><th>Entity</th><th>").append(escape(table.partitionKey())).append("</th>");
    if (table.hasSortKey()) {
      html.append("<th>").append(escape(table.sortKey())).append("</th>");
    }
    for (IndexModel index : table.indexes()) {
      html.append("<th>").append(escape(index.name())).append("</th>");
    }
    html.append("</tr></thead>\n");
    int columns = 2 + (table.hasSortKey() ? 1 : 0) + table.indexes().size();
    for (EntityModel entity : report.entities()) {
      html.append("<tbody class=\"entity\"><tr data-entity=\"").append(escape(entity.type().simpleName())).append("\"><td><strong>")
          .append(escape(entity.type().simpleName())).append("</strong>");
      if (table.hasTypeAttribute()) {
        html.append("<span class=\"ex\">").append(escape(table.typeAttribute())).append(" = ")
            .append(escape(entity.typeName())).append("</span>");
      }
      html.append("</td>");
      html.append("<td>").append(part(entity.tablePartitionKey(table), entity)).append(shards(entity.shards(), table))
          .append("</td>");
      if (table.hasSortKey()) {
        html.append("<td>").append(part(entity.tableSortKey(table), entity)).append("</td>");
      }
      for (IndexModel index : table.indexes()) {
        IndexBinding binding = entity.bindingFor(table, index);
        html.append("<td>");
        if (!binding.complete()) {
          html.append("<span class=\"none\" title=\"not in this index\">—</span>");
        } else {
          if (index.kind() == IndexModel.Kind.GLOBAL) {
            html.append("<span class=\"attr\">").append(escape(index.partitionKey())).append("</span>")
                .append(part(binding.partitionKey(), entity)).append(shards(entity.shards(index), table));
          }
          if (index.hasSortKey()) {
            html.append("<span class=\"attr\">").append(escape(index.sortKey())).append("</span>")
                .append(part(binding.sortKey(), entity));
          }
        }
        html.append("</td>");
      }
      html.append("</tr>\n<tr class=\"fields\"><td></td><td colspan=\"").append(columns - 1)
          .append("\"><span class=\"label\">attributes</span> ").append(otherAttributes(entity)).append("</td></tr></tbody>\n");
    }
    html.append("</table></div>\n</section>\n");
  }

  /** A sharded partition key's note: the shards its items are spread over, as their keys end. */
  private static String shards(int shards, TableModel table) {
    if (shards == 0) {
      return "";
    }
    return "<span class=\"ex\" title=\"write sharding: an item's shard is its primary key's hash modulo " + shards
        + "\">in " + shards + " shards, keys ending " + escape(table.delimiter()) + "0 to " + escape(table.delimiter())
        + (shards - 1) + "</span>";
  }

  /** One key attribute of an entity: its template (or raw attribute) and an example value. */
  private String part(IndexBinding.KeyPart part, EntityModel entity) {
    if (part instanceof IndexBinding.Template template) {
      return "<code class=\"tpl\">" + escape(template.template().text()) + "</code><span class=\"ex eg\">"
          + escape(ExampleValues.key(template.template(), entity)) + "</span>";
    }
    if (part instanceof IndexBinding.Raw raw) {
      return "<code class=\"tpl raw\" title=\"the field's value, stored as it is\">" + escape(raw.field().name())
          + "</code><span class=\"ex eg\">" + escape(ExampleValues.keyComponent(raw.field(), entity)) + "</span>";
    }
    if (part instanceof IndexBinding.TablePartitionKey) {
      return part(entity.tablePartitionKey(table), entity);
    }
    return "<span class=\"none\">—</span>";
  }

  private String otherAttributes(EntityModel entity) {
    List<String> names = new ArrayList<>();
    for (FieldModel field : entity.storedFields()) {
      String role = field.version() ? " (version)" : field.timeToLive() ? " (time to live)" : "";
      names.add(escape(field.attributeName()) + "<span class=\"type\">" + escape(ExampleValues.attributeType(field))
          + escape(role) + "</span>");
    }
    return String.join(", ", names);
  }

  /** The access-pattern matrix: one row per pattern, then one per item collection. */
  private void accessPatterns() {
    section("access-patterns", "Access patterns",
        "Every query the generated repositories offer: where it reads, its key condition, what it returns and how it narrows.");
    html.append("<div class=\"scroll\"><table>\n<thead><tr><th>Pattern</th><th>Reads</th><th>Key condition</th><th>Returns</th>")
        .append("<th>Sort order and narrowing</th><th>Projection</th></tr></thead>\n<tbody>\n");
    int rows = 0;
    for (EntityModel entity : report.entities()) {
      for (AccessPatternModel pattern : entity.accessPatterns()) {
        patternRow(entity, pattern);
        rows++;
      }
    }
    for (Map.Entry<String, List<EntityModel>> collection : report.collections().entrySet()) {
      collectionRow(collection.getKey(), collection.getValue());
      rows++;
    }
    if (rows == 0) {
      html.append("<tr><td colspan=\"6\" class=\"none\">No access patterns: declare @AccessPattern on an entity.</td></tr>\n");
    }
    html.append("</tbody>\n</table></div>\n</section>\n");
  }

  private void patternRow(EntityModel entity, AccessPatternModel pattern) {
    IndexModel index = pattern.onPrimaryKey() ? null : table.index(pattern.index()).orElse(null);
    if (!pattern.onPrimaryKey() && index == null) {
      return; // the checks refuse a pattern on an undeclared index; nothing generated it
    }
    IndexBinding.KeyPart partition = index == null ? entity.tablePartitionKey(table)
        : entity.indexPartitionKey(table, index);
    IndexBinding.KeyPart sort = index == null ? entity.tableSortKey(table) : entity.bindingFor(table, index).sortKey();
    String partitionAttribute = index == null || index.kind() == IndexModel.Kind.LOCAL
        ? table.partitionKey() : index.partitionKey();
    String sortAttribute = index == null ? table.sortKey() : index.sortKey();

    html.append("<tr data-pattern=\"").append(escape(pattern.name())).append("\"><td><strong>")
        .append(escape(pattern.name())).append("</strong><span class=\"ex\">")
        .append(escape(entity.type().simpleName())).append("Repository.").append(escape(pattern.name()))
        .append("(").append(escape(Naming.arguments(fieldsOf(partition)))).append(")</span></td>");
    html.append("<td>").append(index == null ? "table" : escape(index.name()) + "<span class=\"ex\">"
        + (index.kind() == IndexModel.Kind.GLOBAL ? "global index" : "local index") + "</span>").append("</td>");
    html.append("<td>").append(keyCondition(partitionAttribute, partition, sortAttribute, sort)).append("</td>");
    html.append("<td>").append(escape(entity.type().simpleName()));
    List<String> skipped = Territories.sharing(table, report.entities(), entity, Optional.ofNullable(index)).stream()
        .map(other -> other.type().simpleName()).toList();
    if (!skipped.isEmpty() && table.hasTypeAttribute()) {
      html.append("<span class=\"ex\">skips ").append(escape(String.join(", ", skipped)))
          .append(" items in range by ").append(escape(table.typeAttribute())).append("</span>");
    }
    html.append("</td>");
    html.append("<td>").append(order(sortAttribute, sort)).append("</td>");
    html.append("<td>").append(projection(index)).append("</td></tr>\n");
  }

  private void collectionRow(String name, List<EntityModel> members) {
    EntityModel first = members.get(0);
    IndexBinding.KeyPart partition = first.tablePartitionKey(table);
    html.append("<tr data-pattern=\"").append(escape(name)).append("\"><td><strong>").append(escape(name))
        .append("</strong> <span class=\"note\">collection</span><span class=\"ex\">")
        .append(escape(table.type().simpleName())).append("Table.").append(escape(name)).append("(")
        .append(escape(Naming.arguments(fieldsOf(partition)))).append(")</span></td>")
        .append("<td>table</td><td>").append(keyCondition(table.partitionKey(), partition, "", new IndexBinding.None()))
        .append("</td><td>").append(escape(members.stream().map(e -> e.type().simpleName())
            .collect(Collectors.joining(", "))))
        .append("</td><td>").append(table.hasSortKey() ? "by " + code(table.sortKey()) + ", whole partition" : "—")
        .append("</td><td>ALL</td></tr>\n");
  }

  private static List<String> fieldsOf(IndexBinding.KeyPart part) {
    if (part instanceof IndexBinding.Template template) {
      return template.template().fields();
    }
    if (part instanceof IndexBinding.Raw raw) {
      return List.of(raw.field().name());
    }
    return List.of();
  }

  private static String keyCondition(String partitionAttribute, IndexBinding.KeyPart partition,
      String sortAttribute, IndexBinding.KeyPart sort) {
    StringBuilder condition = new StringBuilder("<code>").append(escape(partitionAttribute)).append(" = ")
        .append(keyValue(partition)).append("</code>");
    if (sort instanceof IndexBinding.Template template) {
      KeyTemplate sortTemplate = template.template();
      if (sortTemplate.isFixed()) {
        condition.append("<br><code>AND ").append(escape(sortAttribute)).append(" = ")
            .append(escape(quoted(sortTemplate.text()))).append("</code>");
      } else if (!sortTemplate.literalPrefix().isEmpty()) {
        condition.append("<br><code>AND begins_with(").append(escape(sortAttribute)).append(", ")
            .append(escape(quoted(sortTemplate.literalPrefix()))).append(")</code>");
      }
    }
    return condition.toString();
  }

  private static String keyValue(IndexBinding.KeyPart part) {
    if (part instanceof IndexBinding.Template template) {
      return escape(quoted(template.template().text()));
    }
    if (part instanceof IndexBinding.Raw raw) {
      return escape(":" + raw.field().name());
    }
    return "?";
  }

  private static String quoted(String text) {
    return "\"" + text + "\"";
  }

  private static String order(String sortAttribute, IndexBinding.KeyPart sort) {
    if (sort instanceof IndexBinding.Template template && template.template().isFixed()) {
      return "one item per partition";
    }
    if (sort instanceof IndexBinding.Template template) {
      return "by " + code(sortAttribute) + ", ascending; <code>descending()</code> on request"
          + "<span class=\"ex\">narrow by " + escape(String.join(" → ", template.template().fields()))
          + " (equal, range, prefix)</span>";
    }
    if (sort instanceof IndexBinding.Raw raw) {
      return "by " + code(sortAttribute) + ", ascending; <code>descending()</code> on request"
          + "<span class=\"ex\">narrow by " + escape(raw.field().name()) + " (equal, range)</span>";
    }
    return "unordered (no sort key)";
  }

  private static String projection(IndexModel index) {
    if (index == null) {
      return "ALL";
    }
    String projection = escape(index.projection().name());
    if (!index.nonKeyAttributes().isEmpty()) {
      projection += " " + code(String.join(", ", index.nonKeyAttributes()));
    }
    if (index.projection() != IndexModel.Projection.ALL) {
      projection += "<span class=\"ex\">then full items by table key</span>";
    }
    return projection;
  }

  /** Every index with its keys and projection, and how it holds each entity. */
  private void indexes() {
    section("indexes", "Secondary indexes",
        "An entity is in an index when it provides every key attribute of it; when a key is built from fields "
            + "that can be null, only items with those fields set are in it (a sparse index).");
    if (table.indexes().isEmpty()) {
      html.append("<p class=\"none\">The table has no secondary index.</p>\n</section>\n");
      return;
    }
    html.append("<div class=\"scroll\"><table>\n<thead><tr><th>Index</th><th>Keys</th><th>Projection</th><th>Holds</th></tr></thead>\n<tbody>\n");
    for (IndexModel index : table.indexes()) {
      boolean sparse = report.sparse(index);
      html.append("<tr data-index=\"").append(escape(index.name())).append("\"><td><strong>").append(escape(index.name()))
          .append("</strong><span class=\"ex\">").append(index.kind() == IndexModel.Kind.GLOBAL ? "global" : "local")
          .append(sparse ? ", sparse" : ", holds every item").append("</span>");
      if (table.provisioned() && index.kind() == IndexModel.Kind.GLOBAL) {
        html.append("<span class=\"ex\">").append(index.throughput().read()).append(" RCU / ")
            .append(index.throughput().write()).append(" WCU</span>");
      }
      html.append("</td><td>")
          .append(code(index.kind() == IndexModel.Kind.LOCAL ? table.partitionKey() : index.partitionKey()))
          .append(" <span class=\"note\">partition</span>");
      if (index.hasSortKey()) {
        html.append("<br>").append(code(index.sortKey())).append(" <span class=\"note\">sort</span>");
      }
      html.append("</td><td>").append(projection(index)).append("</td><td><ul class=\"holds\">");
      List<String> absent = new ArrayList<>();
      for (DesignReport.Membership membership : report.membership(index)) {
        String name = escape(membership.entity().type().simpleName());
        switch (membership.presence()) {
          case EVERY_ITEM -> html.append("<li><span class=\"badge in\">every item</span> ").append(name).append("</li>");
          case WHEN_SET -> html.append("<li><span class=\"badge sparse\">sparse</span> ").append(name)
              .append(" <span class=\"note\">when ").append(escape(membership.nullableFields().stream()
                  .map(FieldModel::name).collect(Collectors.joining(", ")))).append(" set</span></li>");
          case ABSENT -> absent.add(name);
        }
      }
      if (!absent.isEmpty()) {
        html.append("<li><span class=\"badge out\">absent</span> <span class=\"note\">")
            .append(String.join(", ", absent)).append("</span></li>");
      }
      html.append("</ul></td></tr>\n");
    }
    html.append("</tbody>\n</table></div>\n</section>\n");
  }

  private void collections() {
    section("collections", "Item collections",
        "Entities that share a partition, read together in one query by the table's collection method.");
    Map<String, List<EntityModel>> collections = report.collections();
    if (collections.isEmpty()) {
      html.append("<p class=\"none\">No item collections: name one with @PartitionKey(collection = ...).</p>\n</section>\n");
      return;
    }
    html.append("<div class=\"scroll\"><table>\n<thead><tr><th>Collection</th><th>Partition</th><th>Entities, in sort-key order</th></tr></thead>\n<tbody>\n");
    for (Map.Entry<String, List<EntityModel>> collection : collections.entrySet()) {
      List<EntityModel> members = new ArrayList<>(collection.getValue());
      members.sort(Comparator.comparing(e -> e.sortKey().map(KeyTemplate::literalPrefix).orElse("")));
      EntityModel first = members.get(0);
      html.append("<tr data-collection=\"").append(escape(collection.getKey())).append("\"><td><strong>")
          .append(escape(collection.getKey())).append("</strong></td><td>")
          .append(part(first.tablePartitionKey(table), first)).append("</td><td><ul class=\"holds\">");
      for (EntityModel member : members) {
        html.append("<li>").append(escape(member.type().simpleName()));
        if (table.hasSortKey()) {
          html.append(" ").append(part(member.tableSortKey(table), member));
        }
        html.append("</li>");
      }
      html.append("</ul></td></tr>\n");
    }
    html.append("</tbody>\n</table></div>\n</section>\n");
  }

  private void warnings() {
    section("warnings", "Warnings", "What the build warned about this table and its entities.");
    if (report.warnings().isEmpty()) {
      html.append("<p class=\"ok\">No warnings.</p>\n</section>\n");
      return;
    }
    html.append("<div class=\"scroll\"><table>\n<thead><tr><th>Tag</th><th>On</th><th>Warning</th></tr></thead>\n<tbody>\n");
    for (DesignReport.Warning warning : report.warnings()) {
      html.append("<tr class=\"warning\"><td><code>").append(escape(warning.tag())).append("</code></td><td>")
          .append(escape(warning.subject())).append("</td><td>").append(escape(warning.text())).append("</td></tr>\n");
    }
    html.append("</tbody>\n</table></div>\n</section>\n");
  }

  private void section(String id, String title, String lead) {
    html.append("<section id=\"").append(id).append("\">\n<h2>").append(escape(title)).append("</h2>\n<p class=\"lead\">")
        .append(escape(lead)).append("</p>\n");
  }

  private static String code(String text) {
    return "<code>" + escape(text) + "</code>";
  }

  /** Text as HTML character data or attribute value: every markup character is escaped. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private static final String STYLE = """
      *{box-sizing:border-box}
      body{margin:0;background:#f4f5f7;color:#1f2933;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif}
      header{background:#102a43;color:#f0f4f8;padding:22px 0 18px}
      .wrap,main,footer{max-width:1440px;margin:0 auto;padding:0 20px}
      .kicker{margin:0;text-transform:uppercase;letter-spacing:.08em;font-size:11px;color:#9fb3c8}
      h1{margin:2px 0 14px;font-size:26px;font-weight:650}
      .facts{display:flex;flex-wrap:wrap;gap:8px 28px;margin:0}
      .facts div{min-width:0}
      .facts dt{font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:#9fb3c8}
      .facts dd{margin:0;font-weight:600}
      .facts code{background:#243b53;color:#f0f4f8;padding:0 5px;border-radius:3px}
      section{background:#fff;border:1px solid #dde2e8;border-radius:8px;margin:18px 0;padding:16px 18px 10px}
      h2{margin:0;font-size:17px;font-weight:650;color:#102a43}
      .lead{margin:2px 0 12px;color:#627d98;font-size:13px}
      table{border-collapse:collapse;width:100%}
      th{text-align:left;font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:#627d98;font-weight:600;padding:6px 10px;border-bottom:2px solid #dde2e8;white-space:nowrap}
      td{padding:8px 9px;border-bottom:1px solid #eef1f4;vertical-align:top}
      tbody tr:last-child td{border-bottom:none}
      tbody tr:nth-child(even){background:#fafbfc}
      code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono","DejaVu Sans Mono",monospace;font-size:12.5px}
      .tpl{background:#e8eefc;color:#1c3d8f;padding:1px 5px;border-radius:3px;white-space:nowrap}
      .tpl.raw{background:#e6f6ee;color:#17623f}
      .ex{display:block;color:#7b8794;font-size:12px;margin-top:2px;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;overflow-wrap:break-word}
      .eg{word-break:break-all}
      .attr{display:block;font-size:11px;color:#7b8794;margin-top:4px}
      .attr:first-child{margin-top:0}
      .note{color:#7b8794;font-size:12px}
      .none{color:#9aa5b1}
      .type{color:#9aa5b1;font-size:11px;margin-left:3px}
      tbody.entity tr:first-child td{border-bottom:none}
      tbody.entity tr.fields td{padding-top:0;color:#52606d;font-size:12.5px;border-bottom:1px solid #e4e7eb}
      tbody.entity:nth-of-type(even){background:#fafbfc}
      tbody.entity tr:nth-child(even){background:transparent}
      .label{font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:#9aa5b1;margin-right:4px}
      .scroll{overflow-x:auto}
      ul.holds{list-style:none;margin:0;padding:0}
      ul.holds li{margin:2px 0}
      .badge{display:inline-block;min-width:74px;text-align:center;font-size:11px;font-weight:600;border-radius:10px;padding:1px 8px;margin-right:4px}
      .badge.in{background:#e3f9e5;color:#1f7a3a}
      .badge.sparse{background:#fff3c4;color:#8d6708}
      .badge.out{background:#eef1f4;color:#7b8794}
      tr.warning td{background:#fffbea}
      tr.warning td:first-child{border-left:3px solid #f0b429}
      .ok{color:#1f7a3a}
      footer{color:#9aa5b1;font-size:12px;padding-bottom:28px}
      """;
}
