package dev.monotable.it.shop;

import dev.monotable.annotation.Entity;
import dev.monotable.annotation.Ignore;
import dev.monotable.annotation.PartitionKey;
import dev.monotable.annotation.SortKey;
import java.util.List;
import java.util.Set;

/** A bean with setters; {@code category} and {@code priceCents} are the raw keys of index ByPrice. */
@Entity(table = Shop.class)
@PartitionKey("PRODUCT#<sku>")
@SortKey("DETAILS")
public class Product {
  private String sku;
  private String name;
  private String category;
  private Long priceCents;
  private Long stock;
  private Set<String> tags;
  private List<Dimension> dimensions;
  @Ignore private String cachedLabel;

  public Product() {}

  public String getSku() {
    return sku;
  }

  public void setSku(String sku) {
    this.sku = sku;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public Long getPriceCents() {
    return priceCents;
  }

  public void setPriceCents(Long priceCents) {
    this.priceCents = priceCents;
  }

  public Long getStock() {
    return stock;
  }

  public void setStock(Long stock) {
    this.stock = stock;
  }

  public Set<String> getTags() {
    return tags;
  }

  public void setTags(Set<String> tags) {
    this.tags = tags;
  }

  public List<Dimension> getDimensions() {
    return dimensions;
  }

  public void setDimensions(List<Dimension> dimensions) {
    this.dimensions = dimensions;
  }

  public String getCachedLabel() {
    return cachedLabel;
  }

  public void setCachedLabel(String cachedLabel) {
    this.cachedLabel = cachedLabel;
  }
}
