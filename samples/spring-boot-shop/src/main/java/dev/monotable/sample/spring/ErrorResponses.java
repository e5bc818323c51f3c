package dev.monotable.sample.spring;

import dev.monotable.runtime.ConditionFailedException;
import dev.monotable.runtime.OptimisticLockException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Monotable's exceptions as HTTP answers (RFC 9457 problem details), for every controller and for the
 * futures the asynchronous ones return, which fail with the same exceptions.
 */
@RestControllerAdvice
class ErrorResponses {
  // region errors
  /** A write of a version that is no longer the stored one: 409, with the item as it is now. */
  @ExceptionHandler(OptimisticLockException.class)
  ProblemDetail staleVersion(OptimisticLockException e) {
    return conflict(e, "changed since it was read: read it again, and send its new ETag as If-Match");
  }

  /** A condition that did not hold, such as a create of an item that exists: 409. */
  @ExceptionHandler(ConditionFailedException.class)
  ProblemDetail conditionFailed(ConditionFailedException e) {
    return conflict(e, "exists, or is not as the request expects");
  }

  /**
   * Input refused before anything was sent: an invalid key value ({@code InvalidKeyException}), a cursor
   * of another query ({@code InvalidCursorException}), and the controllers' own checks: 400.
   */
  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badRequest(IllegalArgumentException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  private static ProblemDetail conflict(ConditionFailedException e, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
    e.current(Object.class).ifPresent(current -> problem.setProperty("current", current));
    return problem;
  }
  // endregion
}
