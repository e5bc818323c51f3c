package dev.monotable.docs.shop;

import dev.monotable.annotation.Entity;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.util.Set;

/** A product with its stock, changed in place by updates. */
// region product
@Entity(table = AppData.class)
@PartitionKey("PRODUCT#<sku>")
@SortKey("PRODUCT")
public record Product(String sku, String name, long stock, Set<String> tags, String category) {}
// endregion
