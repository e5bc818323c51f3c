package dev.monotable.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.monotable.processor.ProcessorTestSupport.compile;
import static dev.monotable.processor.ProcessorTestSupport.entity;
import static dev.monotable.processor.ProcessorTestSupport.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Table(stream = ...)}: what it generates for each view type, and the designs it refuses. */
class StreamDesignTest {
  private static JavaFileObject feed(String view) {
    return source("test.Feed", """
        package test;
        import dev.monotable.annotation.*;
        @Table(name = "Feed", partitionKey = "PK", sortKey = "SK",
            stream = %s)
        public interface Feed {}
        """.formatted(view));
  }

  private static JavaFileObject post() {
    return entity("Post", """
        @Entity(table = Feed.class)
        @PartitionKey("POST#<id>")
        @SortKey("POST")
        record Post(String id, String text) {}
        """);
  }

  @Test
  void bothImages_giveAHandlerMethodPerEntityAndEvent_andTheTableItsStream() throws IOException {
    Compilation compilation = compile(feed("StreamView.NEW_AND_OLD_IMAGES"), post());
    assertThat(compilation).succeededWithoutWarnings();
    String handler = compilation.generatedSourceFile("test.FeedChangeHandler").orElseThrow().getCharContent(true)
        .toString();
    assertThat(handler).contains("default void postInserted(Post post)");
    assertThat(handler).contains("default void postModified(Post before, Post after)");
    assertThat(handler).contains("default void postRemoved(Post before, boolean expired)");
    assertThat(handler).contains("default void unknown(UnknownChange change)");
    assertThat(compilation).generatedSourceFile("test.FeedTable").contentsAsUtf8String()
        .contains(".streamSpecification(TableDefinitions.stream(StreamViewType.NEW_AND_OLD_IMAGES))");
    assertThat(compilation).generatedSourceFile("test.FeedTable").contentsAsUtf8String()
        .contains("public FeedChanges changes()");
    String changes = compilation.generatedSourceFile("test.FeedChanges").orElseThrow().getCharContent(true).toString();
    assertThat(changes).contains("public Change<?> decode(Record record)");
    assertThat(changes).doesNotContain("DynamodbEvent");   // no Lambda event model on this class path
  }

  @Test
  void oneImage_givesTheMethodsThatImageCanServe() throws IOException {
    Compilation newImage = compile(feed("StreamView.NEW_IMAGE"), post());
    assertThat(newImage).succeededWithoutWarnings();
    String handler = newImage.generatedSourceFile("test.FeedChangeHandler").orElseThrow().getCharContent(true)
        .toString();
    assertThat(handler).contains("default void postInserted(Post post)");
    assertThat(handler).contains("default void postModified(Post after)");
    assertThat(handler).doesNotContain("postRemoved");

    Compilation oldImage = compile(feed("StreamView.OLD_IMAGE"), post());
    assertThat(oldImage).succeededWithoutWarnings();
    handler = oldImage.generatedSourceFile("test.FeedChangeHandler").orElseThrow().getCharContent(true).toString();
    assertThat(handler).doesNotContain("postInserted");
    assertThat(handler).contains("default void postModified(Post before)");
    assertThat(handler).contains("default void postRemoved(Post before, boolean expired)");
  }

  @Test
  void noStream_generatesNoChanges() {
    Compilation compilation = compile(feed("StreamView.NONE"), post());
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFile("test.FeedChanges").isPresent()).isFalse();
    assertThat(compilation).generatedSourceFile("test.FeedTable").contentsAsUtf8String()
        .doesNotContain("streamSpecification");
  }

  @Test
  void keysOnly_isAWarning_onTheStream_andEveryChangeStaysUnknown() throws IOException {
    JavaFileObject table = feed("StreamView.KEYS_ONLY");
    Compilation compilation = compile(table, post());
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[MT-TABLE-STREAM] stream KEYS_ONLY of table Feed carries no item"
            + " image to read the entity type from, so every change decodes as an UnknownChange")
        .inFile(table).onLineContaining("stream = StreamView.KEYS_ONLY");
    String handler = compilation.generatedSourceFile("test.FeedChangeHandler").orElseThrow().getCharContent(true)
        .toString();
    assertThat(handler).doesNotContain("post");
  }

  @Test
  void aMisspeltStreamSetting_isJavacsError_onTheValue() {
    // the enum makes it javac's error; TableCheckerStreamTest covers a constant the processor does not know
    JavaFileObject table = feed("StreamView.NEW_AND_OLD");
    Compilation compilation = compile(table, post());
    // javac's wording differs between JDKs ("cannot find symbol", "must be an enum constant"): the place is what matters
    assertThat(compilation).hadErrorContaining("").inFile(table)
        .onLineContaining("stream = StreamView.NEW_AND_OLD");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void twoEntitiesOfOneSimpleName_wouldShareHandlerMethods_andAreAnError() {
    JavaFileObject shopPost = source("test.shop.Post", """
        package test.shop;
        import dev.monotable.annotation.*;
        import test.Feed;
        @Entity(table = Feed.class, type = "ShopPost")
        @PartitionKey("SHOP#<id>")
        @SortKey("POST")
        public record Post(String id, String text) {}
        """);
    Compilation compilation = compile(feed("StreamView.NEW_AND_OLD_IMAGES"), post(), shopPost);
    assertThat(compilation).hadErrorContaining("[MT-STREAM-HANDLER-NAME] entities test.Post and test.shop.Post of"
        + " table Feed would both be handled by postInserted(...) of FeedChangeHandler; rename one of the classes");
  }

  @Test
  void anEntityNamedChange_onATableWithAStream_isAnError_sinceItsRepositoryWouldBeTheStream() {
    JavaFileObject erroneous = entity("Change", """
        @Entity(table = Feed.class)
        @PartitionKey("CHANGE#<id>")
        @SortKey("CHANGE")
        record Change(String id) {}
        """);
    Compilation compilation = compile(feed("StreamView.NEW_AND_OLD_IMAGES"), erroneous);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[MT-ENTITY-DUPLICATE] entity Change of table Feed would be served"
        + " by FeedTable.changes(), a method the table class already has; rename the class, keeping the type name its"
        + " items are stored with by @Entity(type = \"Change\")").inFile(erroneous).onLineContaining("record Change");

    // without a stream the name is free; with one, the class renamed keeps the stored type name
    assertThat(compile(feed("StreamView.NONE"), erroneous)).succeededWithoutWarnings();
    JavaFileObject renamed = entity("ChangeRequest", """
        @Entity(table = Feed.class, type = "Change")
        @PartitionKey("CHANGE#<id>")
        @SortKey("CHANGE")
        record ChangeRequest(String id) {}
        """);
    assertThat(compile(feed("StreamView.NEW_AND_OLD_IMAGES"), renamed)).succeededWithoutWarnings();
  }
}
