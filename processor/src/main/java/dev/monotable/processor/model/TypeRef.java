package dev.monotable.processor.model;

import java.util.List;

/**
 * A named class or interface: its package and its simple names from the outermost enclosing type
 * inwards ({@code [Shop, Order]} for the nested {@code Shop.Order}).
 */
public record TypeRef(String packageName, List<String> simpleNames) {
  public TypeRef {
    simpleNames = List.copyOf(simpleNames);
  }

  /** A top-level type. */
  public static TypeRef of(String packageName, String simpleName) {
    return new TypeRef(packageName, List.of(simpleName));
  }

  /** The innermost simple name. */
  public String simpleName() {
    return simpleNames.get(simpleNames.size() - 1);
  }

  /** The name a generated companion starts with: nested names joined by '_' ({@code Shop_Order}). */
  public String flatName() {
    return String.join("_", simpleNames);
  }

  /** The canonical name ({@code com.shop.Shop.Order}). */
  public String canonicalName() {
    String nested = String.join(".", simpleNames);
    return packageName.isEmpty() ? nested : packageName + "." + nested;
  }

  /** A generated companion type in the same package: {@code flatName() + suffix}. */
  public TypeRef companion(String suffix) {
    return TypeRef.of(packageName, flatName() + suffix);
  }

  @Override
  public String toString() {
    return canonicalName();
  }
}
