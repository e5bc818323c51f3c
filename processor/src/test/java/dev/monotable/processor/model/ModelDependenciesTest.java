package dev.monotable.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.processor.diag.Reporter;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The model uses no javax (no {@code javax.lang.model}) and no JavaPoet type, so that the checks and
 * generators can be tested on models alone: read from the names and descriptors in the constant
 * pool of each compiled class of the package.
 */
class ModelDependenciesTest {
  private static final List<String> FORBIDDEN = List.of("javax/", "com/sun/", "com/palantir/javapoet/");

  @Test
  void modelClasses_referToNoJavaxNorJavaPoetType() throws IOException, URISyntaxException {
    Path classes = Path.of(TableModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path model = classes.resolve(TableModel.class.getPackageName().replace('.', '/'));
    List<String> found = new ArrayList<>();
    int scanned = 0;
    try (Stream<Path> files = Files.list(model)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        scanned++;
        try (InputStream in = Files.newInputStream(file)) {
          for (String name : referencedNames(in)) {
            if (FORBIDDEN.stream().anyMatch(name::contains)) {
              found.add(file.getFileName() + ": " + name);
            }
          }
        }
      }
    }
    assertTrue(scanned > 20, "read the model's classes from " + model);
    assertEquals(List.of(), found);
  }

  @Test
  void referencedNames_findTheJavaxTypesOfAClassThatUsesThem() throws IOException {
    try (InputStream in = Reporter.class.getResourceAsStream("Reporter.class")) {
      assertTrue(referencedNames(in).stream().anyMatch(name -> name.contains("javax/annotation/processing/Messager")));
    }
  }

  /**
   * The UTF-8 entries of a class file's constant pool but string literals: the names of the classes,
   * members and descriptors it refers to.
   */
  private static Set<String> referencedNames(InputStream classFile) throws IOException {
    DataInputStream in = new DataInputStream(classFile);
    in.readInt(); // magic
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    Set<Integer> literals = new HashSet<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 8 -> literals.add(in.readUnsignedShort()); // String: the index of its text
        case 7, 16, 19, 20 -> in.readUnsignedShort(); // Class, MethodType, Module, Package
        case 15 -> in.skipNBytes(3); // MethodHandle
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt(); // Integer, Float, refs, NameAndType, dynamic
        case 5, 6 -> { // Long, Double take two entries
          in.readLong();
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    Set<String> names = new HashSet<>();
    for (int i = 1; i < count; i++) {
      if (utf8[i] != null && !literals.contains(i)) {
        names.add(utf8[i]);
      }
    }
    return names;
  }
}
