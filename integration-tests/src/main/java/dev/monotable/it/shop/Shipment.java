package dev.monotable.it.shop;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.IndexKey;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;

/** A shipment indexed by two non-key fields together, for index-key rewrites on update. */
@Entity(table = Shop.class)
@PartitionKey("SHIPMENT#<id>")
@SortKey("SHIPMENT")
@IndexKey(index = "GSI1", partitionKey = "CARRIER#<carrier>#<region>", sortKey = "SHIPMENT#<id>")
@AccessPattern(name = "shipmentsOfCarrier", index = "GSI1")
public record Shipment(String id, String carrier, String region) {}
