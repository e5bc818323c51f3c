package dev.monotable.local.iam;

/** The outcome of evaluating a principal's identity policy for one request context. */
public enum Decision {
  /** An Allow statement applies and no Deny statement does. */
  ALLOWED,
  /** No statement applies: IAM denies by default. */
  IMPLICITLY_DENIED,
  /** A Deny statement applies, whatever Allow statements say. */
  EXPLICITLY_DENIED
}
