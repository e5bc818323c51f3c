package dev.monotable.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.monotable.processor.ProcessorTestSupport.appData;
import static dev.monotable.processor.ProcessorTestSupport.compile;
import static dev.monotable.processor.ProcessorTestSupport.entity;
import static dev.monotable.processor.ProcessorTestSupport.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The query builders' range methods: one per sort-key field, returning the runtime's range type of
 * the field's type, and renamed where the field's name is one of the query's own methods.
 */
class QueryBuilderDesignTest {
  @Test
  void rangeMethods_areTypedByTheField_andNeverHideAQueryMethod() throws IOException {
    Compilation compilation = compile(appData(), entity("Chapter", """
            @Entity(table = AppData.class)
            @PartitionKey("BOOK#<book>")
            @SortKey("PAGE#<page>#<count>#<at>")
            @AccessPattern(name = "chaptersOfBook")
            record Chapter(String book, long page, String count, Instant at) {}
            """),
        // the caller compiles only if each method returns what it should
        source("test.Usage", """
            package test;
            import dev.monotable.runtime.NarrowedConsistentQuery;
            import java.time.Instant;
            class Usage {
              static void use(ChapterRepository chapters) {
                NarrowedConsistentQuery<Chapter> pages = chapters.chaptersOfBook("b").pageRange().between(1, 3);
                long counted = chapters.chaptersOfBook("b").count();
                NarrowedConsistentQuery<Chapter> prefixed = chapters.chaptersOfBook("b").page(2).countRange()
                    .beginsWith("a");
                NarrowedConsistentQuery<Chapter> since = chapters.chaptersOfBook("b").page(2).count("x").at()
                    .atLeast(Instant.EPOCH);
              }
            }
            """));
    assertThat(compilation).succeeded();
    String repository = compilation.generatedSourceFile("test.ChapterRepository").orElseThrow().getCharContent(true)
        .toString();
    assertThat(repository).contains("public LongSortKeyRange<NarrowedConsistentQuery<Chapter>> pageRange()");
    assertThat(repository).contains("public TextSortKeyRange<NarrowedConsistentQuery<Chapter>> countRange()");
    assertThat(repository).contains("public SortKeyRange<Instant, NarrowedConsistentQuery<Chapter>> at()");
  }
}
