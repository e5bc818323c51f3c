package dev.monotable.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.monotable.processor.ProcessorTestSupport.appData;
import static dev.monotable.processor.ProcessorTestSupport.compile;
import static dev.monotable.processor.ProcessorTestSupport.entity;
import static dev.monotable.processor.ProcessorTestSupport.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
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

  /**
   * Sort-key fields named after every method of the runtime's query builders, repositories and range
   * types: each narrows through a method of its own, and the query's own methods keep their meaning.
   */
  @Test
  void fieldsNamedLikeTheMethodsOfQueriesAndRepositories_compile_andKeepTheQueryMethods() throws IOException {
    List<String> names = List.of("limit", "after", "filter", "project", "descending", "list", "stream", "first",
        "page", "count", "toRequest", "consistentRead", "equals", "get", "put", "putIfAbsent", "delete", "update",
        "upsert", "batchGet", "batchPut", "batchDelete", "scanAll", "scanIndex", "store", "of", "primaryKeys",
        "lessThan", "atMost", "greaterThan", "atLeast", "between", "beginsWith", "with", "state", "builder",
        "source", "query", "read", "readAs", "condition", "keys", "key", "index", "partitionKey", "sortKey",
        "shard", "items", "cursor");
    String template = names.stream().map(name -> "<" + name + ">").collect(Collectors.joining("#"));
    String fields = names.stream().map(name -> (name.equals("limit") ? "int " : name.equals("page") ? "long "
        : "String ") + name).collect(Collectors.joining(", "));
    Compilation compilation = compile(appData(), entity("Everything", """
            @Entity(table = AppData.class)
            @PartitionKey("E#<read>#<condition>#<index>")
            @SortKey("E#%s")
            @IndexKey(index = "GSI1", partitionKey = "E#<keys>", sortKey = "%s")
            @AccessPattern(name = "everything")
            @AccessPattern(name = "everythingByKeys", index = "GSI1")
            record Everything(%s) {}
            """.formatted(template, template, fields)),
        // the caller compiles only if each method is the one it should be
        source("test.Usage", """
            package test;
            import dev.monotable.runtime.NarrowedConsistentQuery;
            import dev.monotable.runtime.Read;
            class Usage {
              static void use(EverythingRepository repository) {
                EverythingRepository.EverythingQuery query = repository.everything("r", "c", "i");
                EverythingRepository.EverythingQuery limited = query.limit(5).after("cursor").descending();
                NarrowedConsistentQuery<Everything> narrowed = query.limitEqualTo(5).afterEqualTo("a")
                    .filterEqualTo("f").projectEqualTo("p").descending("d").list("l").stream("s").first("f")
                    .pageRange().between(1, 2);
                EverythingRepository.EverythingQuery.WithLimitAfter pageOfTwo = query.limitEqualTo(1)
                    .afterEqualTo("x").limit(2);
                long count = query.limitEqualTo(1).count();
                repository.everythingByKeys("k").limitEqualTo(7).after().beginsWith("b").list();
                repository.delete("r", "c", "i", %s, EverythingFields.READ.exists());
                repository.get("r", "c", "i", %s, Read.consistent());
              }
            }
            """.formatted(arguments(names), arguments(names))));
    // and no scanAll() warning on the generated code that reads a field named scanAll
    assertThat(compilation).succeededWithoutWarnings();
    String repository = compilation.generatedSourceFile("test.EverythingRepository").orElseThrow().getCharContent(true)
        .toString();
    assertThat(repository).contains("public WithLimit limitEqualTo(int limit)");
    assertThat(repository).contains("public WithLimitAfter afterEqualTo(String after)");
    assertThat(repository).contains("Condition condition_)");
    assertThat(repository).contains("Read readAs_)");
  }

  /** The sort-key values of the usage: a number for limit and page, a string for the others. */
  private static String arguments(List<String> names) {
    return names.stream().filter(name -> !List.of("read", "condition", "index").contains(name))
        .map(name -> name.equals("limit") ? "1" : name.equals("page") ? "2L" : "\"" + name + "\"")
        .collect(Collectors.joining(", "));
  }
}
