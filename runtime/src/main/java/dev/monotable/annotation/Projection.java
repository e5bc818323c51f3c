package dev.monotable.annotation;

/** Which attributes a secondary index holds besides its keys and the table's keys. */
public enum Projection {
  /** Every attribute. */
  ALL,
  /** Only the index and table keys. */
  KEYS_ONLY,
  /** The keys and the attributes listed in {@code nonKeyAttributes}. */
  INCLUDE
}
