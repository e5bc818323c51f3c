package dev.monotable.it;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasModifiers.Predicates.modifier;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Generated code as users see it: no public or protected member of a generated class (the sources
 * the processor wrote for this module's entities, their nested classes included) names a type of
 * {@code dev.monotable.runtime.internal}. {@code @Generated} is kept in sources only, so the
 * generated classes are found by their sources.
 */
class GeneratedApiTest {
  private static final Path GENERATED_SOURCES = Path.of("target/generated-sources/annotations");
  private static final String INTERNAL = "dev.monotable.runtime.internal..";

  @Test
  void generatedPublicSignatures_exposeNoInternalType() throws IOException {
    Set<String> generated = generatedClassNames();
    // the processor generates a table class, and a schema, keys, fields and repository per entity
    assertTrue(generated.size() > 40, "generated classes found: " + generated);
    assertTrue(generated.contains("dev.monotable.it.shop.OrderRepository"), generated.toString());

    JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.monotable.it");
    DescribedPredicate<JavaClass> isGenerated = DescribedPredicate.describe("generated",
        type -> generated.contains(topLevel(type).getName()));

    members()
        .that().areDeclaredInClassesThat(isGenerated)
        .and().areDeclaredInClassesThat().arePublic()
        .and(modifier(JavaModifier.PUBLIC).or(modifier(JavaModifier.PROTECTED)))
        .should(exposeNoTypeOf(INTERNAL))
        .because("generated code lives in users' packages, and users call dev.monotable.runtime only")
        .check(classes);
  }

  private static JavaClass topLevel(JavaClass type) {
    JavaClass outer = type;
    while (outer.getEnclosingClass().isPresent()) {
      outer = outer.getEnclosingClass().get();
    }
    return outer;
  }

  /** The top-level classes the processor wrote for this module, by their source files. */
  private static Set<String> generatedClassNames() throws IOException {
    try (Stream<Path> files = Files.walk(GENERATED_SOURCES)) {
      return files.filter(file -> file.toString().endsWith(".java"))
          .map(file -> GENERATED_SOURCES.relativize(file).toString())
          .map(name -> name.substring(0, name.length() - ".java".length()).replace('/', '.').replace('\\', '.'))
          .collect(Collectors.toCollection(java.util.TreeSet::new));
    }
  }

  /** No parameter, return, field, thrown or type-parameter type of the member, generic arguments included, lies in {@code packageIdentifier}. */
  private static ArchCondition<JavaMember> exposeNoTypeOf(String packageIdentifier) {
    return new ArchCondition<>("expose no type of " + packageIdentifier) {
      @Override
      public void check(JavaMember member, ConditionEvents events) {
        Set<JavaClass> exposed = new LinkedHashSet<>();
        if (member instanceof JavaField field) {
          exposed.addAll(field.getType().getAllInvolvedRawTypes());
        }
        if (member instanceof JavaCodeUnit code) {
          exposed.addAll(code.getReturnType().getAllInvolvedRawTypes());
          for (JavaType parameter : code.getParameterTypes()) {
            exposed.addAll(parameter.getAllInvolvedRawTypes());
          }
          for (JavaTypeVariable<?> variable : code.getTypeParameters()) {
            exposed.addAll(variable.getAllInvolvedRawTypes());
          }
          exposed.addAll(code.getExceptionTypes());
        }
        for (JavaClass type : exposed) {
          if (resideInAPackage(packageIdentifier).test(type)) {
            events.add(SimpleConditionEvent.violated(member, member.getFullName() + " exposes " + type.getName()));
          }
        }
      }
    };
  }
}
