package dev.monotable.local.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Run by the build (exec-maven-plugin, process-classes): rewrites each service model file AWS
 * publishes ({@code dynamodb-2012-08-10-model.json}) into {@code <name>.compact.json}, the same JSON
 * without what request checking never reads — documentation, errors, outputs, examples, and the
 * shapes that no operation's input reaches (those of outputs and errors): about a tenth of the
 * size — then stores that model as {@code <name>.shapes}, the binary form the engine loads without
 * a JSON parser ({@link ServiceModel#load}), and removes the original from the build output. Only the build runs it, so its use of {@code ObjectMapper} costs
 * the engine's start nothing.
 *
 * <pre>{@code
 * java dev.monotable.local.protocol.ModelCompactor target/classes/dev/monotable/local/protocol/models
 * }</pre>
 */
public final class ModelCompactor {
  /** The members of a model that request checking does not read, wherever they are. */
  private static final Set<String> DROPPED = Set.of("documentation", "documentationUrl", "errors", "output",
      "examples");
  /** The members of a shape that name another shape: a list's element, a map's key and value. */
  private static final List<String> REFERENCES = List.of("member", "key", "value");
  /** The suffix of a compacted model file, beside the name of the file it came from. */
  static final String SUFFIX = ".compact.json";
  /** The suffix of the stored model the engine loads ({@link ServiceModel#load}). */
  static final String STORED_SUFFIX = ".shapes";

  private ModelCompactor() {}

  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args[0]);
    ObjectMapper mapper = new ObjectMapper();
    try (var files = Files.list(directory)) {
      for (Path model : files.filter(f -> f.toString().endsWith("-model.json")).toList()) {
        Path compact = model.resolveSibling(model.getFileName().toString().replace(".json", SUFFIX));
        JsonNode root = mapper.readTree(model.toFile());
        drop(root);
        keepInputShapes(root);
        mapper.writeValue(compact.toFile(), root);
        Path stored = model.resolveSibling(model.getFileName().toString().replace(".json", STORED_SUFFIX));
        try (InputStream in = Files.newInputStream(compact);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(stored)))) {
          ModelJson.read(in).writeTo(out);
        }
        Files.delete(model);
      }
    }
  }

  /** Removes the {@link #DROPPED} members and what they hold, at any depth. */
  private static void drop(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(DROPPED);
    }
    node.forEach(ModelCompactor::drop);
  }

  /** Removes every shape that no operation's input holds, directly or through other shapes. */
  private static void keepInputShapes(JsonNode model) {
    JsonNode shapes = model.get("shapes");
    Deque<String> pending = new ArrayDeque<>();
    for (JsonNode operation : model.get("operations")) {
      if (operation.has("input")) {
        pending.push(operation.get("input").get("shape").asText());
      }
    }
    Set<String> reached = new HashSet<>();
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (reached.add(name)) {
        JsonNode shape = shapes.get(name);
        shape.path("members").forEach(member -> pending.push(member.get("shape").asText()));
        for (String reference : REFERENCES) {
          if (shape.has(reference)) {
            pending.push(shape.get(reference).get("shape").asText());
          }
        }
      }
    }
    ((ObjectNode) shapes).retain(reached);
  }
}
