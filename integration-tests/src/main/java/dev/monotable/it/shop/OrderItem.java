package dev.monotable.it.shop;

import dev.monotable.annotation.AccessPattern;
import dev.monotable.annotation.Entity;
import dev.monotable.annotation.IndexKey;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;

/** A plain class with a canonical constructor and getters, keyed by an int line number. */
@Entity(table = Shop.class)
@PartitionKey("ORDER#<orderId>")
@SortKey("ITEM#<lineNo>")
@IndexKey(index = "GSI1", partitionKey = "PRODUCT#<sku>", sortKey = "ORDER#<orderId>#<lineNo>")
@AccessPattern(name = "itemsOfOrder")
@AccessPattern(name = "ordersOfProduct", index = "GSI1")
public final class OrderItem {
  private final String orderId;
  private final int lineNo;
  private final String sku;
  private final int quantity;

  public OrderItem(String orderId, int lineNo, String sku, int quantity) {
    this.orderId = orderId;
    this.lineNo = lineNo;
    this.sku = sku;
    this.quantity = quantity;
  }

  public String getOrderId() {
    return orderId;
  }

  public int getLineNo() {
    return lineNo;
  }

  public String getSku() {
    return sku;
  }

  public int getQuantity() {
    return quantity;
  }
}
