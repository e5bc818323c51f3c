package dev.monotable.docs.shop;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;

/** A store of a chain, found by place: narrowing the sort key field by field. */
// region store
@Entity(table = AppData.class)
@PartitionKey("CHAIN#<chain>")
@SortKey("COUNTRY#<country>#STATE#<state>#CITY#<city>")
@AccessPattern(name = "storesOfChain")
public record Store(String chain, String country, String state, String city, String name) {}
// endregion
