package dev.monotable.runtime;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasModifiers.Predicates.modifier;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What users see of the runtime: {@code dev.monotable.runtime}, interfaces and values that import
 * nothing of {@code dev.monotable.runtime.internal} (which implements them), so no signature names
 * an internal type; users construct only exceptions and plain values, everything else comes from
 * the generated table class; and the runtime's packages are free of cycles.
 */
@AnalyzeClasses(packages = "dev.monotable.runtime", importOptions = ImportOption.DoNotIncludeTests.class)
class PublicApiTest {
  static final String API = "dev.monotable.runtime";
  static final String INTERNAL = "dev.monotable.runtime.internal..";

  @ArchTest
  static final ArchRule apiDependsOnNothingInternal = noClasses()
      .that().resideInAPackage(API)
      .should().dependOnClassesThat().resideInAPackage(INTERNAL)
      .because("dependencies run one way: internal implements the API, the API never reaches into internal");

  @ArchTest
  static final ArchRule asyncApiDependsOnNothingInternal = noClasses()
      .that().resideInAPackage(API + ".async")
      .should().dependOnClassesThat().resideInAPackage(INTERNAL)
      .because("the async API is API too: internal implements it");

  @ArchTest
  static final ArchRule noFutureIsWaitedFor = noClasses()
      .that().resideInAPackage("dev.monotable.runtime..")
      .should().callMethod(java.util.concurrent.CompletableFuture.class, "join")
      .orShould().callMethod(java.util.concurrent.CompletableFuture.class, "get")
      .orShould().callMethod(java.util.concurrent.CompletableFuture.class, "get", long.class,
          java.util.concurrent.TimeUnit.class)
      .because("nothing of the async runtime blocks a thread: futures are chained, never waited for");

  @ArchTest
  static final ArchRule asyncCodeNeverSleeps = noClasses()
      .that().resideInAPackage("dev.monotable.runtime..")
      .and().haveSimpleNameContaining("Async")
      .should().callMethod(Thread.class, "sleep", long.class)
      .orShould().callMethodWhere(com.tngtech.archunit.core.domain.JavaCall.Predicates.target(
          com.tngtech.archunit.core.domain.properties.HasName.Predicates.name("sleep")))
      .because("a retry of the async runtime is scheduled (Backoff.after), not slept");

  @ArchTest
  static final ArchRule runtimePackagesAreFreeOfCycles = slices()
      .matching("dev.monotable.(**)")
      .should().beFreeOfCycles()
      .because("a package that imports a package importing it has no clear job");

  @ArchTest
  static final ArchRule publicSignaturesExposeNoInternalType = members()
      .that().areDeclaredInClassesThat().resideInAPackage(API)
      .and().areDeclaredInClassesThat().arePublic()
      .and(modifier(JavaModifier.PUBLIC).or(modifier(JavaModifier.PROTECTED)))
      .should(exposeNoTypeOf(INTERNAL))
      .because("users call dev.monotable.runtime; dev.monotable.runtime.internal is for generated code only");

  @ArchTest
  static final ArchRule publicTypesExtendNoInternalType = noClasses()
      .that().resideInAPackage(API).and().arePublic()
      .should().beAssignableTo(resideInAPackage(INTERNAL))
      .because("a supertype is part of a type's public signature");

  @ArchTest
  static final ArchRule usersConstructOnlyExceptionsAndValues = constructors()
      .that().areDeclaredInClassesThat().resideInAPackage(API)
      .and().arePublic()
      .should().beDeclaredInClassesThat(assignableTo(Throwable.class).or(assignableTo(Record.class)))
      .because("builders, queries, transactions and batches come from generated code, and TableOptions from its factories");

  /** No parameter, return, field, thrown or type-parameter type of the member, generic arguments included, lies in {@code packageIdentifier}. */
  static ArchCondition<JavaMember> exposeNoTypeOf(String packageIdentifier) {
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
