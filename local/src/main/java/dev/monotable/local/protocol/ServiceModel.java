package dev.monotable.local.protocol;

import dev.monotable.local.protocol.Shape.Kind;
import dev.monotable.local.protocol.Shape.Member;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One service's model as AWS publishes it ({@code dynamodb-2012-08-10-model.json}, and the Streams
 * one): its target prefix, each operation's input shape and every shape. The build reads AWS's JSON
 * ({@link ModelJson}) and stores the model in a compact binary form ({@link #writeTo}) that the
 * engine loads ({@link #load}).
 */
final class ServiceModel {
  /** The version of the stored form ({@link #writeTo}); a jar's model and its reader always agree. */
  private static final int FORMAT = 1;

  private final String targetPrefix;
  private final Map<String, String> inputs;
  private final Map<String, Shape> shapes;
  /** The shapes under which some constraint is declared: the constraint check skips the others (attribute values). */
  private final Set<String> constrained;

  ServiceModel(String targetPrefix, Map<String, String> inputs, Map<String, Shape> shapes) {
    this.targetPrefix = targetPrefix;
    this.inputs = inputs;
    this.shapes = shapes;
    this.constrained = constrained(shapes);
  }

  /**
   * Reads the model the build stored at {@code resource}, beside this class, in the form {@link
   * #writeTo} writes: a few thousand strings read with {@code DataInputStream}, without the JSON
   * parser, so that a fresh engine reads its models while another thread loads the JSON code.
   */
  static ServiceModel load(String resource) {
    try (InputStream in = ServiceModel.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("DynamoDB's service model " + resource + " is missing from the classpath: "
            + "the Maven build of monotable-local writes it there (ModelCompactor, process-classes)");
      }
      return readFrom(new DataInputStream(new BufferedInputStream(in, 16 * 1024)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read DynamoDB's service model " + resource, e);
    }
  }

  /** Writes the model as {@link #load} reads it: the build stores it in the engine's jar. */
  void writeTo(DataOutputStream out) throws IOException {
    out.writeInt(FORMAT);
    out.writeUTF(targetPrefix);
    out.writeInt(inputs.size());
    for (Map.Entry<String, String> input : new TreeMap<>(inputs).entrySet()) {
      out.writeUTF(input.getKey());
      out.writeUTF(input.getValue());
    }
    out.writeInt(shapes.size());
    for (Shape shape : new TreeMap<>(shapes).values()) {
      out.writeUTF(shape.name());
      out.writeByte(shape.kind().ordinal());
      out.writeInt(shape.members().size());
      for (Member member : shape.members()) {
        out.writeUTF(member.name());
        out.writeUTF(member.shape());
      }
      writeTexts(out, List.copyOf(shape.required()));
      writeOptional(out, shape.element());
      writeOptional(out, shape.key());
      writeOptional(out, shape.value());
      writeOptional(out, shape.min());
      writeOptional(out, shape.max());
      writeOptional(out, shape.pattern() == null ? null : shape.pattern().regex());
      writeTexts(out, shape.enumValues());
    }
  }

  private static ServiceModel readFrom(DataInputStream in) throws IOException {
    if (in.readInt() != FORMAT) {
      throw new IOException("the stored service model is of another format: rebuild monotable-local");
    }
    String targetPrefix = in.readUTF();
    Map<String, String> inputs = new HashMap<>();
    for (int i = in.readInt(); i > 0; i--) {
      inputs.put(in.readUTF(), in.readUTF());
    }
    Map<String, Shape> shapes = new HashMap<>();
    Kind[] kinds = Kind.values();
    for (int i = in.readInt(); i > 0; i--) {
      String name = in.readUTF();
      Kind kind = kinds[in.readByte()];
      List<Member> members = new ArrayList<>();
      for (int m = in.readInt(); m > 0; m--) {
        members.add(new Member(in.readUTF(), in.readUTF()));
      }
      Set<String> required = new LinkedHashSet<>(readTexts(in));
      String element = readOptionalText(in);
      String key = readOptionalText(in);
      String value = readOptionalText(in);
      Long min = readOptionalNumber(in);
      Long max = readOptionalNumber(in);
      String pattern = readOptionalText(in);
      List<String> enumValues = readTexts(in);
      shapes.put(name, new Shape(name, kind, List.copyOf(members), required, element, key, value, min, max,
          pattern == null ? null : new PatternConstraint(pattern), enumValues));
    }
    return new ServiceModel(targetPrefix, inputs, shapes);
  }

  private static void writeTexts(DataOutputStream out, List<String> texts) throws IOException {
    out.writeInt(texts.size());
    for (String text : texts) {
      out.writeUTF(text);
    }
  }

  private static List<String> readTexts(DataInputStream in) throws IOException {
    int count = in.readInt();
    if (count == 0) {
      return List.of();
    }
    List<String> texts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      texts.add(in.readUTF());
    }
    return List.copyOf(texts);
  }

  private static void writeOptional(DataOutputStream out, String text) throws IOException {
    out.writeBoolean(text != null);
    if (text != null) {
      out.writeUTF(text);
    }
  }

  private static void writeOptional(DataOutputStream out, Long number) throws IOException {
    out.writeBoolean(number != null);
    if (number != null) {
      out.writeLong(number);
    }
  }

  private static String readOptionalText(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }

  private static Long readOptionalNumber(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readLong() : null;
  }

  String targetPrefix() {
    return targetPrefix;
  }

  /** The input shape of {@code operation}, or null when the model has no such operation. */
  Shape input(String operation) {
    String name = inputs.get(operation);
    return name == null ? null : shape(name);
  }

  Shape shape(String name) {
    Shape shape = shapes.get(name);
    if (shape == null) {
      throw new IllegalStateException("DynamoDB's service model has no shape " + name);
    }
    return shape;
  }

  /** Two models are equal when they have the same target prefix, operations' inputs and shapes. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ServiceModel that && targetPrefix.equals(that.targetPrefix) && inputs.equals(that.inputs)
        && shapes.equals(that.shapes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(targetPrefix, inputs, shapes);
  }

  /** Whether a constraint is declared on {@code shape} or on any shape inside it. */
  boolean constrained(Shape shape) {
    return constrained.contains(shape.name());
  }

  /** The shapes that declare a constraint or hold one that does, to a fixed point (shapes may nest themselves). */
  private static Set<String> constrained(Map<String, Shape> shapes) {
    Set<String> constrained = new HashSet<>();
    for (Shape shape : shapes.values()) {
      if (!shape.required().isEmpty() || shape.min() != null || shape.max() != null || shape.pattern() != null
          || !shape.enumValues().isEmpty()) {
        constrained.add(shape.name());
      }
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Shape shape : shapes.values()) {
        if (!constrained.contains(shape.name()) && holdsAny(shape, constrained)) {
          grew = constrained.add(shape.name());
        }
      }
    }
    return Set.copyOf(constrained);
  }

  private static boolean holdsAny(Shape shape, Set<String> constrained) {
    for (Member member : shape.members()) {
      if (constrained.contains(member.shape())) {
        return true;
      }
    }
    return constrained.contains(shape.element()) || constrained.contains(shape.key())
        || constrained.contains(shape.value());
  }
}
