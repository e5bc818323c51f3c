package dev.monotable.spring.boot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated table classes of the class path, as the Monotable processor lists them in a
 * {@value #LOCATION} resource of each compiled application or library: one fully qualified class name a
 * line, {@code #} starting a comment, blank lines ignored. Every copy of the resource is read (one per jar
 * or classes directory); nothing is scanned.
 */
public final class GeneratedTables {
  /** Where the processor writes the list, in the class output. */
  public static final String LOCATION = "META-INF/monotable/tables";

  private GeneratedTables() {
  }

  /**
   * The class names every {@value #LOCATION} visible to {@code classLoader} lists, each once, in the order
   * found, mapped to the resource that listed it first.
   */
  public static Map<String, URL> read(ClassLoader classLoader) {
    Map<String, URL> tables = new LinkedHashMap<>();
    for (URL resource : resources(classLoader)) {
      for (String className : classNames(resource)) {
        tables.putIfAbsent(className, resource);
      }
    }
    return tables;
  }

  private static List<URL> resources(ClassLoader classLoader) {
    try {
      Enumeration<URL> found = classLoader == null ? ClassLoader.getSystemResources(LOCATION)
          : classLoader.getResources(LOCATION);
      return Collections.list(found);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the " + LOCATION + " resources", e);
    }
  }

  static List<String> classNames(URL resource) {
    List<String> names = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource.openStream(),
        StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        int comment = line.indexOf('#');
        String name = (comment < 0 ? line : line.substring(0, comment)).strip();
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return names;
  }
}
