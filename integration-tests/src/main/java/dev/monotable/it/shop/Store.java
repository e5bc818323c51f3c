package dev.monotable.it.shop;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;

/** Stores located by a hierarchical sort key, and graded by an enum component. */
@Entity(table = Shop.class)
@PartitionKey("CHAIN#<chain>")
@SortKey("COUNTRY#<country>#STATE#<state>#CITY#<city>#GRADE#<grade>")
@AccessPattern(name = "storesOfChain")
public record Store(String chain, String country, String state, String city, Grade grade) {
  public enum Grade { BRONZE, GOLD, SILVER }
}
