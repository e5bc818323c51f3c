package dev.monotable.processor.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JavadocTextTest {
  private static final String SENTENCE = "Deletes the Order keyed {@code USER#<userId> / ORDER#<orderDate>#<orderId>},"
      + " unconditionally (whatever its version); deleting an absent item is not an error.\n";

  @Test
  void wrap_fillsLinesToTheWidth_keepingInlineTagsWhole() {
    String text = JavadocText.wrap(SENTENCE).toString();
    assertEquals("""
        Deletes the Order keyed {@code USER#<userId> / ORDER#<orderDate>#<orderId>}, unconditionally
        (whatever its version); deleting an absent item is not an error.
        """, text);
  }

  @Test
  void wrap_putsTextArgumentsIntoTheFill_andKeepsTheirDollarSigns() {
    String text = JavadocText.wrap("The sort key {@code $L} of index {@code $L}.\n", "A$B#<id>", "GSI1").toString();
    assertEquals("The sort key {@code A$B#<id>} of index {@code GSI1}.\n", text);
  }

  @Test
  void wrap_countsATypeAsItsSimpleName_andKeepsItForTheImport() {
    ClassName type = ClassName.get("dev.monotable.runtime", "ConditionFailedException");
    // 93 columns with the simple name, which the file imports; 115 with the qualified one
    CodeBlock javadoc = JavadocText.wrap("word ".repeat(10) + "fails with {@link $T} when there is none.\n", type);
    String[] lines = javadoc.toString().split("\n");
    assertEquals("word ".repeat(10) + "fails with {@link dev.monotable.runtime.ConditionFailedException} when",
        lines[0]);
    assertEquals("there is none.", lines[1]);
  }

  @Test
  void wrap_neverEndsAParagraphOnALoneWord() {
    String text = JavadocText.wrap("word ".repeat(20) + "last.\n").toString();
    String[] lines = text.split("\n");
    assertEquals(2, lines.length);
    assertEquals("word last.", lines[1]);
    assertTrue(Arrays.stream(lines).allMatch(line -> line.length() <= JavadocText.WIDTH));
  }

  @Test
  void wrap_keepsTheLinesOfTheFormat() {
    String text = JavadocText.wrap("Writes it.\n\n@throws $T when it does not\n",
        ClassName.get("dev.monotable.runtime", "ConditionFailedException")).toString();
    assertEquals("Writes it.\n\n@throws dev.monotable.runtime.ConditionFailedException when it does not\n", text);
  }
}
