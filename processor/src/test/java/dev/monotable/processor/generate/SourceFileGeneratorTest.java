package dev.monotable.processor.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourceFileGeneratorTest {
  @Test
  void oneLineJavadoc_writesAJavadocOfOneTextLineOnOneLine_atItsIndentation() {
    String source = """
        /**
         * Keys of {@link Order}.
         */
        public final class OrderKeys {
            /**
             * The sort key {@code ORDER#<orderId>}.
             */
            public static String sortKey(String orderId) {
        """;
    assertEquals("""
        /** Keys of {@link Order}. */
        public final class OrderKeys {
            /** The sort key {@code ORDER#<orderId>}. */
            public static String sortKey(String orderId) {
        """, SourceFileGenerator.oneLineJavadoc(source));
  }

  @Test
  void oneLineJavadoc_keepsJavadocOfSeveralLines_aLoneTag_andOneThatWouldPassTheColumnLimit() {
    String text = "x".repeat(SourceFileGenerator.MAX_COLUMNS - 10);
    String source = """
            /**
             * Writes the item.
             *
             * @throws ConditionFailedException when it does not hold
             */
            /**
             * @deprecated use put
             */
            /**
             * %s
             */
        """.formatted(text);
    assertEquals(source, SourceFileGenerator.oneLineJavadoc(source));
  }
}
