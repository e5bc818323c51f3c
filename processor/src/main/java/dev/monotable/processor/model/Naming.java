package dev.monotable.processor.model;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** How generated members are named from the user's names. */
public final class Naming {
  private Naming() {}

  /**
   * The reserved words of Java 17 and its literals, which no identifier may be: those
   * {@code javax.lang.model.SourceVersion.isKeyword} names, written out so that the model needs no
   * javax type. Contextual words ({@code record}, {@code var}, {@code yield}) are identifiers.
   */
  private static final Set<String> KEYWORDS = Set.of(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
      "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
      "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
      "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
      "throw", "throws", "transient", "try", "void", "volatile", "while", "_", "true", "false", "null");

  /** Whether {@code name} is a Java keyword or literal ({@code class}, {@code null}), which no identifier may be. */
  public static boolean isKeyword(String name) {
    return KEYWORDS.contains(name);
  }

  /** {@code OrderItem -> orderItem}, {@code GSI1 -> gsi1}, {@code ByStatus -> byStatus}. */
  public static String lowerCamel(String name) {
    if (name.isEmpty()) {
      return name;
    }
    int upper = 0;
    while (upper < name.length() && Character.isUpperCase(name.charAt(upper))) {
      upper++;
    }
    if (upper <= 1) {
      return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
    // an acronym: lower all of it but the capital that starts the next word ("GSIKey" -> "gsiKey")
    int end = upper == name.length() || !Character.isLetter(name.charAt(upper)) ? upper : upper - 1;
    return name.substring(0, end).toLowerCase(Locale.ROOT) + name.substring(end);
  }

  /** {@code gsi1 -> Gsi1}. */
  public static String upperCamel(String name) {
    return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /**
   * The English plural of a lower-camel name, as table accessors use it: add {@code s}; {@code es}
   * after s, x, z, ch, sh; {@code y} after a consonant becomes {@code ies}.
   */
  public static String plural(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("z")
        || lower.endsWith("ch") || lower.endsWith("sh")) {
      return name + "es";
    }
    if (lower.length() >= 2 && lower.endsWith("y") && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
      return name.substring(0, name.length() - 1) + "ies";
    }
    return name + "s";
  }

  /** The table accessor of an entity's repository: {@code OrderItem -> orderItems}. */
  public static String repositoryAccessor(TypeRef entity) {
    String accessor = plural(lowerCamel(entity.simpleName()));
    return isKeyword(accessor) ? accessor + "_" : accessor;
  }

  /** The names a record component may not have: those of {@code Object}'s methods without parameters. */
  private static final Set<String> NOT_RECORD_COMPONENTS = Set.of("clone", "finalize", "getClass", "hashCode",
      "notify", "notifyAll", "toString", "wait");

  /**
   * The component of an item collection's record that holds one member entity: {@code user} for at
   * most one item (a fixed sort key), {@code orders} for a list; a keyword or a name of
   * {@code Object}'s, which no record component may have, gets {@code _}.
   */
  public static String collectionComponent(TypeRef member, boolean single) {
    if (!single) {
      return repositoryAccessor(member);
    }
    String name = lowerCamel(member.simpleName());
    return isKeyword(name) || NOT_RECORD_COMPONENTS.contains(name) ? name + "_" : name;
  }

  /**
   * The record of an item collection, nested in the table class: {@code customer -> Customer}; where
   * that is the name of an entity of the table ({@code project} next to the entity {@code Project}),
   * {@code ProjectItems}, so that the record does not stand for the entity inside the table class.
   */
  public static String collectionRecord(String collection, Collection<String> entityNames) {
    String name = upperCamel(collection);
    return entityNames.contains(name) ? name + "Items" : name;
  }

  /** The handle of one partition of an item collection: {@code customer -> CustomerCollection}. */
  public static String collectionHandle(String collection) {
    return upperCamel(collection) + "Collection";
  }

  /** The page of an item collection: {@code customer -> CustomerPage}. */
  public static String collectionPage(String collection) {
    return upperCamel(collection) + "Page";
  }

  /** A method of a table's change handler: {@code (OrderItem, "Inserted") -> orderItemInserted}. */
  public static String changeHandlerMethod(TypeRef entity, String event) {
    return lowerCamel(entity.simpleName()) + event;
  }

  /** A field's name as a parameter or argument of generated code: {@code id}, {@code default_}. */
  public static String parameter(String field) {
    return isKeyword(field) ? field + "_" : field;
  }

  /** Fields as the argument list of a call: {@code userId, orderId}. */
  public static String arguments(List<String> fields) {
    return String.join(", ", fields.stream().map(Naming::parameter).toList());
  }

  /** The prefix of an index's key methods: {@code GSI1 -> gsi1}, {@code ByStatus -> byStatus}. */
  public static String indexMethodPrefix(String index) {
    StringBuilder name = new StringBuilder();
    for (char c : lowerCamel(index).toCharArray()) {
      name.append(Character.isJavaIdentifierPart(c) ? c : '_');
    }
    if (!Character.isJavaIdentifierStart(name.charAt(0))) {
      name.insert(0, "index");
    }
    return name.toString();
  }

  /**
   * The local variable or parameter that holds an instance of a type in generated code ({@code
   * Order -> order}), clear of the locals generated code declares next to it.
   */
  public static String instanceVariable(String simpleName) {
    String name = lowerCamel(simpleName);
    // "condition" is the parameter next to the instance in a repository's conditional put
    if (Set.of("in", "out", "item", "attributes", "condition").contains(name) || isKeyword(name)) {
      return name + "Value";
    }
    return name;
  }

  /** A SCREAMING_SNAKE constant name: {@code orderDate -> ORDER_DATE}, {@code GSI1 -> GSI1}. */
  public static String constant(String name) {
    StringBuilder constant = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        constant.append('_');
        continue;
      }
      if (i > 0 && Character.isUpperCase(c) && Character.isLowerCase(name.charAt(i - 1))) {
        constant.append('_');
      }
      constant.append(Character.toUpperCase(c));
    }
    return constant.toString();
  }
}
