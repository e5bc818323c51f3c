package dev.monotable.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.monotable.processor.model.Naming;
import dev.monotable.processor.model.TypeRef;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

  /** Every reserved word and literal of Java 17, contextual words, and names that are no keyword. */
  @ParameterizedTest
  @ValueSource(strings = {"abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
      "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for",
      "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package",
      "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized",
      "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "_", "true", "false", "null",
      "var", "record", "yield", "sealed", "permits", "module", "exports", "when", "order", "Class", "__"})
  void isKeyword_agreesWithTheCompilersSourceVersion(String name) {
    assertEquals(SourceVersion.isKeyword(name, SourceVersion.RELEASE_17), Naming.isKeyword(name), name);
  }
}
