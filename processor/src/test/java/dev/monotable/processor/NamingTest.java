package dev.monotable.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.TypeRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingTest {

  @ParameterizedTest
  @CsvSource({
      "User, users",
      "OrderItem, orderItems",
      "DocVersion, docVersions",
      "Tx, txes",
      "Category, categories",
      "Status, statuses",
      "Box, boxes",
      "Quiz, quizes",
      "Batch, batches",
      "Wish, wishes",
      "Day, days",
      "Key, keys",
      "URLMapping, urlMappings",
      "Class, classes"})
  void repositoryAccessor_isTheLowerCamelPlural(String entity, String accessor) {
    assertEquals(accessor, Naming.repositoryAccessor(TypeRef.of("test", entity)));
  }

  @ParameterizedTest
  @CsvSource({"GSI1, gsi1", "ByStatus, byStatus", "LSI1, lsi1", "GSIKey, gsiKey", "X, x"})
  void lowerCamel_lowersLeadingAcronyms(String name, String expected) {
    assertEquals(expected, Naming.lowerCamel(name));
  }

  @ParameterizedTest
  @CsvSource({"orderDate, ORDER_DATE", "id, ID", "GSI1, GSI1", "priceCents, PRICE_CENTS"})
  void constant_isScreamingSnakeCase(String name, String expected) {
    assertEquals(expected, Naming.constant(name));
  }
}
