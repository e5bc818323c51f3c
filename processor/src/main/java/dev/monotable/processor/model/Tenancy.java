package dev.monotable.processor.model;

import dev.monotable.processor.model.KeyTemplate.Literal;
import dev.monotable.processor.model.KeyTemplate.Placeholder;
import dev.monotable.processor.model.KeyTemplate.Segment;
import java.util.List;
import java.util.Optional;

/**
 * What a tenant table's keys mean to IAM: a partition key that begins with the tenant component
 * ({@code TENANT#<tenantId>#USER#<userId>}) can be confined to one tenant by
 * {@code dynamodb:LeadingKeys} {@code StringLike TENANT#${aws:PrincipalTag/tenantId}#*}; one that
 * does not cannot.
 */
public final class Tenancy {
  private Tenancy() {}

  /** The IAM policy variable of the caller's tenant: its principal tag named after the tenant field. */
  public static String principalTag(String tenant) {
    return "${aws:PrincipalTag/" + tenant + "}";
  }

  /**
   * The {@code dynamodb:LeadingKeys} pattern that matches the partition keys {@code template} writes
   * for the caller's tenant, or empty when the template does not begin with the tenant component: its
   * literal prefix, the tenant's tag, then the first character after it (the delimiter, so that tenant
   * {@code A} does not match {@code AB}) and {@code *}, or nothing when the tenant ends the key.
   */
  public static Optional<String> leadingPattern(KeyTemplate template, String tenant) {
    List<Segment> segments = template.segments();
    int at = 0;
    String prefix = "";
    if (!segments.isEmpty() && segments.get(0) instanceof Literal literal) {
      prefix = literal.text();
      at = 1;
    }
    if (segments.size() <= at || !(segments.get(at) instanceof Placeholder placeholder)
        || !placeholder.field().equals(tenant)) {
      return Optional.empty();
    }
    if (segments.size() == at + 1) {
      return Optional.of(prefix + principalTag(tenant));
    }
    if (!(segments.get(at + 1) instanceof Literal following) || following.text().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(prefix + principalTag(tenant) + following.text().charAt(0) + "*");
  }

  /** The partition key of {@code entity} in the table, or in {@code index}: its template, or empty when it has none. */
  public static Optional<KeyTemplate> partitionTemplate(EntityModel entity, TableModel table, IndexModel index) {
    if (index == null || index.kind() == IndexModel.Kind.LOCAL) {
      return entity.partitionKey();
    }
    IndexBinding.KeyPart part = entity.bindingFor(table, index).partitionKey();
    if (part instanceof IndexBinding.Template template) {
      return Optional.of(template.template());
    }
    if (part instanceof IndexBinding.Raw raw) {
      return Optional.of(KeyTemplate.plain(raw.field().name(), Optional.empty(), SourceRef.NONE));
    }
    return entity.partitionKey();
  }
}
