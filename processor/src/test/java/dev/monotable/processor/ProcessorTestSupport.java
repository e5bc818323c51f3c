package dev.monotable.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Compiles sources with the Monotable processor, as the tests of each build-time check do. */
final class ProcessorTestSupport {
  private ProcessorTestSupport() {}

  static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new MonotableProcessor()).compile(sources);
  }

  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  /** The usual table of the tests: {@code test.AppData} with PK/SK, a GSI and an LSI. */
  static JavaFileObject appData() {
    return source("test.AppData", """
        package test;

        import dev.monotable.annotation.*;

        @Table(name = "AppData", partitionKey = "PK", sortKey = "SK",
            globalIndexes = {
                @GlobalIndex(name = "GSI1", partitionKey = "GSI1PK", sortKey = "GSI1SK"),
                @GlobalIndex(name = "ByStatus", partitionKey = "status", sortKey = "orderDate")},
            localIndexes = @LocalIndex(name = "LSI1", sortKey = "LSI1SK"))
        interface AppData {}
        """);
  }

  /** An entity source in package {@code test} with the usual imports. */
  static JavaFileObject entity(String simpleName, String declaration) {
    return source("test." + simpleName, """
        package test;

        import dev.monotable.annotation.*;
        import java.math.*;
        import java.time.*;
        import java.util.*;

        """ + declaration);
  }
}
