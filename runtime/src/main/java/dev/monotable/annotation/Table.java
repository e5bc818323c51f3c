package dev.monotable.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one physical DynamoDB table on an interface. Entities name the interface in
 * {@link Entity#table()}; the processor generates {@code <Interface>Table}, the root a program holds.
 *
 * <pre>{@code
 * @Table(name = "AppData", partitionKey = "PK", sortKey = "SK",
 *        globalIndexes = @GlobalIndex(name = "GSI1", partitionKey = "GSI1PK", sortKey = "GSI1SK"))
 * interface AppData {}
 *
 * AppDataTable table = AppDataTable.of(dynamoDbClient);
 * table.createIfNotExists();
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Table {
  /** The table name used when none is given to {@code <Interface>Table.of(client, name)}. */
  String name();

  /**
   * Name of the partition (HASH) key attribute: of type S when entities fill it from templates, of
   * the field's type (S, N or B) when they declare a field {@code @PartitionKey}.
   */
  String partitionKey();

  /**
   * Name of the sort (RANGE) key attribute, typed like the partition key attribute; empty for a table
   * without a sort key.
   */
  String sortKey() default "";

  /** Global secondary indexes; at most 20. */
  GlobalIndex[] globalIndexes() default {};

  /** Local secondary indexes; at most 5, and only on a table with a sort key. */
  LocalIndex[] localIndexes() default {};

  /**
   * The attribute that holds each item's entity type name; empty for none, which only a table of a
   * single entity type can have (a table made before Monotable usually has none).
   */
  String typeAttribute() default "_type";

  /**
   * The attribute DynamoDB's time to live reads (epoch seconds), which entities fill from their
   * {@link TimeToLive} field; empty for none.
   */
  String timeToLive() default "";

  /**
   * The table's DynamoDB stream and what its records carry; {@link StreamView#NONE} (the default)
   * for none. With a stream, the generated table class has {@code changes()}: records decoded to
   * typed changes of the entities, and a handler interface with a method per entity and event.
   */
  StreamView stream() default StreamView.NONE;

  /**
   * How the table is billed: on demand (the default), or provisioned with read and write capacity
   * units, as {@code billing = @Billing(mode = BillingMode.PROVISIONED, read = 10, write = 5)}.
   */
  Billing billing() default @Billing;

  /**
   * Whether DynamoDB refuses to delete the table (DeleteTable fails until the protection is turned
   * off with UpdateTable): for tables whose loss would hurt.
   */
  boolean deletionProtection() default false;

  /**
   * The one character that separates key components (a longer delimiter is a build-time error: with
   * "::", "a:" + "b" and "a" + ":b" would give one key). A key component value that contains it is
   * refused at run time, so a user-supplied id can never address another entity's item.
   */
  String keyDelimiter() default "#";

  /**
   * The key field that names a tenant ({@code "tenantId"}), for a table that several tenants share:
   * the build requires every entity to have that field and every partition key to begin with it
   * ({@code TENANT#<tenantId>#USER#<userId>}), warns of each access pattern whose index partition key
   * does not, and writes the IAM policy that confines a role to its tenant's partitions
   * ({@code dynamodb:LeadingKeys} bound to the principal tag of that name): {@code <Table>.iam.json}
   * in the design report, and {@code <Table>Table.iamPolicy(tableName)}. Empty: not a tenant table.
   */
  String tenant() default "";
}
