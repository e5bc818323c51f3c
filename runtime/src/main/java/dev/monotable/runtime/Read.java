package dev.monotable.runtime;

import java.util.List;
import java.util.Objects;

/**
 * How a get or a batch get reads: eventually consistent (the default, half the read units) or
 * strongly consistent, and whole items or only some attributes. A read is an immutable value.
 *
 * <pre>{@code
 * table.orders().get("ada", date, "o-1", Read.consistent());
 * table.orders().get("ada", date, "o-1", Read.projecting(OrderFields.STATUS, OrderFields.TOTAL));
 * table.orders().batchGet(keys, Read.consistent().withProjection(OrderFields.TOTAL));
 * }</pre>
 *
 * <p>A projected read still reads the key attributes and the type attribute, so the entity is
 * decoded and its type checked as always; its other fields read as absent (null, empty, zero or
 * false). Gets are always on the table, so every read may be consistent.
 */
public final class Read {
  private static final Read EVENTUAL = new Read(false, List.of());
  private static final Read CONSISTENT = new Read(true, List.of());

  private final boolean consistent;
  private final List<Path<?>> projection;

  private Read(boolean consistent, List<Path<?>> projection) {
    this.consistent = consistent;
    this.projection = projection;
  }

  /** An eventually consistent read of whole items: what a get does without a {@code Read}. */
  public static Read eventual() {
    return EVENTUAL;
  }

  /** A strongly consistent read of whole items ({@code ConsistentRead}): it sees every write acknowledged before it. */
  public static Read consistent() {
    return CONSISTENT;
  }

  /**
   * An eventually consistent read of only these attributes (and the keys and type attribute).
   *
   * @throws IllegalArgumentException when no path is given
   */
  public static Read projecting(Path<?>... paths) {
    return EVENTUAL.withProjection(paths);
  }

  /** This read, strongly consistent. */
  public Read withConsistentRead() {
    return new Read(true, projection);
  }

  /**
   * This read, of only these attributes (and the keys and type attribute).
   *
   * @throws IllegalArgumentException when no path is given, or one is null
   */
  public Read withProjection(Path<?>... paths) {
    if (paths == null || paths.length == 0) {
      throw new IllegalArgumentException("a projected read needs at least one path");
    }
    for (Path<?> path : paths) {
      Objects.requireNonNull(path, "a projected path is null");
    }
    return new Read(consistent, List.of(paths));
  }

  /** Whether the read is strongly consistent. */
  public boolean isConsistent() {
    return consistent;
  }

  /** The paths read; empty for whole items. */
  public List<Path<?>> projection() {
    return projection;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Read read && read.consistent == consistent && read.projection.equals(projection);
  }

  @Override
  public int hashCode() {
    return Objects.hash(consistent, projection);
  }

  @Override
  public String toString() {
    return "Read[" + (consistent ? "consistent" : "eventual") + (projection.isEmpty() ? "" : ", " + projection.size()
        + " paths") + "]";
  }
}
