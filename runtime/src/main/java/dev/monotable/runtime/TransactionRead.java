package dev.monotable.runtime;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads of up to 100 items, of any entity types, as one snapshot ({@code TransactGetItems}): no
 * write lands between them, and a write in progress on one of them cancels the read. Each
 * {@code get} returns a handle that holds its entity once {@link #execute()} has run.
 *
 * <pre>{@code
 * TransactionRead read = table.transactionRead();
 * TransactionRead.Result<User> user = read.get(table.users(), UserKeys.primaryKey("ada"));
 * TransactionRead.Result<Order> order = read.get(table.orders(), OrderKeys.primaryKey("ada", date, "o-1"));
 * read.execute();
 * user.value();   // Optional<User>
 * }</pre>
 *
 * <p>Costs twice the read units of consistent gets. An absent item, an expired one, and one of
 * another entity type than its repository's read as empty.
 */
public interface TransactionRead {
  /**
   * Adds the read of the item of {@code key} (built with {@code <Entity>Keys.primaryKey}).
   *
   * @throws IllegalStateException when the transaction holds 100 gets already, or one of this key
   *     (DynamoDB refuses two operations on one item); nothing is sent
   */
  <T> Result<T> get(Repository<T> repository, Map<String, AttributeValue> key);

  /**
   * Reads every item as one snapshot; with no get added, sends nothing.
   *
   * @throws TransactionFailedException when DynamoDB cancels the read (a conflicting write in
   *     progress, say), with one reason per get in the order they were added
   */
  void execute();

  /**
   * The entity one {@code get} reads, once the read has run.
   *
   * @param <T> the entity type
   */
  interface Result<T> {
    /**
     * The entity, empty when there is no item, it has expired, or it is of another type.
     *
     * @throws IllegalStateException before the read has run
     */
    Optional<T> value();
  }
}
