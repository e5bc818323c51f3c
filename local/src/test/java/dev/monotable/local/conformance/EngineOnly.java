package dev.monotable.local.conformance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A conformance test (or test class) that needs the in-process engine — injected faults, a moved
 * clock, {@code expireNow()}, an engine of its own, raw unsigned requests — and so cannot run
 * against the endpoint named by {@code monotable.test.endpoint}. There it is skipped, with
 * {@link #value()} as the reason; without that property it runs as any other test.
 *
 * <pre>{@code
 * @EngineOnly("injects throttling with local.faults()")
 * class FaultsTest extends EngineTest { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface EngineOnly {
  /** Why the test needs the in-process engine: the reason shown when it is skipped. */
  String value();

  /**
   * Skips {@link EngineOnly} tests when EngineTest runs against an endpoint. A condition, not an
   * assumption: a skipped class runs none of its {@code @BeforeAll} or {@code @AfterAll} methods,
   * which would otherwise reach for an engine that is not there.
   */
  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      Optional<String> endpoint = EngineTest.endpointProperty();
      if (endpoint.isEmpty()) {
        return ConditionEvaluationResult.enabled("runs against the in-process engine");
      }
      Function<EngineOnly, String> reason = only -> "engine-only, skipped against " + endpoint.get() + ": " + only.value();
      Optional<EngineOnly> onMethod = context.getTestMethod().map(m -> m.getAnnotation(EngineOnly.class));
      if (onMethod.isPresent()) {
        return ConditionEvaluationResult.disabled(reason.apply(onMethod.get()));
      }
      Optional<EngineOnly> onClass = context.getTestClass().map(c -> c.getAnnotation(EngineOnly.class));
      if (onClass.isPresent()) {
        return ConditionEvaluationResult.disabled(reason.apply(onClass.get()));
      }
      return ConditionEvaluationResult.enabled("portable: runs against " + endpoint.get());
    }
  }
}
