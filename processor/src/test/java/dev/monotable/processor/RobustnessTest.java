package dev.monotable.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.monotable.processor.ProcessorTestSupport.appData;
import static dev.monotable.processor.ProcessorTestSupport.compile;
import static dev.monotable.processor.ProcessorTestSupport.entity;

import com.google.testing.compile.Compilation;
import javax.tools.Diagnostic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever the input, the processor answers with diagnostics, never with a crash. */
class RobustnessTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "@Entity(table = AppData.class) @PartitionKey(\"<\") @SortKey(\">\") record R(String id) {}",
      "@Entity(table = AppData.class) @PartitionKey(\"<<<>>>\") @SortKey(\"<a><a><a>\") record R(String a) {}",
      "@Entity(table = AppData.class) @PartitionKey(\"A#<id>\") @SortKey(\"B\") interface R {}",
      "@Entity(table = AppData.class) @PartitionKey(\"A#<id>\") @SortKey(\"B\") enum R { X }",
      "@Entity(table = AppData.class) @PartitionKey(\"A#<t>\") @SortKey(\"B\") record R<T>(T t) {}",
      "@Entity(table = AppData.class) @PartitionKey(\"A#<x>\") @SortKey(\"B\") record R(Missing x) {}",
      "@Entity(table = Missing.class) @PartitionKey(\"A#<id>\") record R(String id) {}",
      "@Entity(table = AppData.class) @PartitionKey(\"A#< id >\") @SortKey(\"#\") class R { private R() {} }",
      "@Entity(table = AppData.class) @PartitionKey(\"A#<id>\") @SortKey(\"B\") record R(String id, R self) {}",
      "@Entity(table = AppData.class) @PartitionKey(\"A#<id>\") @SortKey(\"B\") @IndexKey(index = \"\") record R(String id) {}",
      "@Entity(table = AppData.class) @PartitionKey(\"A#<id>\") @SortKey(\"B\") @AccessPattern(name = \"\") record R(String id) {}",
      "@Entity(table = AppData.class) @PartitionKey(\"A#<id>\") @SortKey(\"B\") record R(String id, @Attribute(\"\") String x) {}",
      "@Entity(table = AppData.class) @PartitionKey(\"A#<id>\") @SortKey(\"B\") record R(String id, Map<String, List<Set<int[]>>> x) {}",
      "@Document @Entity(table = AppData.class) @PartitionKey(\"A#<id>\") @SortKey(\"B\") record R(String id) {}",
      "@Table(name = \"\", partitionKey = \"\", sortKey = \"\", typeAttribute = \"\") @Entity(table = R.class) @PartitionKey(\"\") interface R {}",
  })
  void oddInput_givesDiagnostics_neverAnInternalError(String declaration) {
    Compilation compilation = compile(appData(), entity("R", declaration));
    for (Diagnostic<?> diagnostic : compilation.diagnostics()) {
      assertWithMessage("%s", diagnostic).that(diagnostic.getMessage(null)).doesNotContain("MT-INTERNAL");
      assertWithMessage("%s", diagnostic).that(diagnostic.getMessage(null)).doesNotContain("Exception");
    }
    assertWithMessage("a design this odd should not compile cleanly: %s", compilation.diagnostics())
        .that(compilation.status() == Compilation.Status.FAILURE
            || !compilation.warnings().isEmpty()
            || declaration.contains("R self"))
        .isTrue();
  }
}
