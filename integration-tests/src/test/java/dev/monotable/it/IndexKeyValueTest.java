package dev.monotable.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.it.shop.Product;
import dev.monotable.it.shop.ProductFields;
import dev.monotable.it.shop.ShopTable;
import dev.monotable.runtime.InvalidKeyException;
import dev.monotable.testing.DynamoDbExtension;
import dev.monotable.testing.TestDynamoDb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A raw attribute that is a secondary index's key ({@code category} of index ByPrice) given a value
 * no key can hold: a typed {@link InvalidKeyException} naming the attribute, never DynamoDB's raw
 * refusal, and nothing written.
 */
@ExtendWith(DynamoDbExtension.class)
class IndexKeyValueTest {
  private final ShopTable shop;

  IndexKeyValueTest(DynamoDbClient client, TestDynamoDb dynamo) {
    shop = ShopTable.of(client, dynamo.uniqueTableName("Shop"));
    shop.createIfNotExists();
  }

  private static Product product(String sku, String category) {
    Product product = new Product();
    product.setSku(sku);
    product.setName("lamp");
    product.setCategory(category);
    product.setPriceCents(100L);
    return product;
  }

  @Test
  void putAndUpdate_ofAnEmptyIndexKeyAttribute_areInvalidKeys_andWriteNothing() {
    InvalidKeyException put = assertThrows(InvalidKeyException.class, () -> shop.products().put(product("A", "")));
    assertTrue(put.getMessage().contains("category"), put.getMessage());
    assertTrue(shop.products().get("A").isEmpty());

    shop.products().put(product("B", "lamps"));
    InvalidKeyException update = assertThrows(InvalidKeyException.class,
        () -> shop.products().update("B").set(ProductFields.CATEGORY, "").execute());
    assertTrue(update.getMessage().contains("category"), update.getMessage());
    assertEquals("lamps", shop.products().get("B").orElseThrow().getCategory());

    assertThrows(InvalidKeyException.class,
        () -> shop.products().put(product("C", "x".repeat(2049))), "over 2048 bytes for a partition key");
  }
}
