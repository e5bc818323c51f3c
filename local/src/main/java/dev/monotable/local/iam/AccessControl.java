package dev.monotable.local.iam;

import dev.monotable.local.value.DynamoError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The principals the engine knows and the identity policies attached to them, and the check every
 * request passes when there are any. Until a policy or a principal is registered nothing is
 * enforced and every request is allowed, signed or not. From then on a request must be signed
 * (SigV4's {@code Authorization: AWS4-HMAC-SHA256 Credential=<access key id>/...}) by a registered
 * access key id, and each of its request contexts must be allowed by the principal's own policy or,
 * when it has none, by the default policy; else the engine answers AccessDeniedException, as
 * DynamoDB does, before it looks at the tables. Thread-safe: registrations replace an immutable
 * snapshot that requests read.
 */
public final class AccessControl {
  private final String account;
  private final PolicyEvaluator evaluator;
  private volatile Snapshot snapshot = new Snapshot(false, null, Map.of());

  private record Snapshot(boolean enforcing, PolicyDocument defaultPolicy, Map<String, Principal> principals) {}

  /** Access control for principals of {@code account}. */
  public AccessControl(String account) {
    this.account = account;
    this.evaluator = new PolicyEvaluator(account);
  }

  /** Sets the policy of every principal that has none of its own, replacing the previous one, and enforces policies. */
  public synchronized void defaultPolicy(PolicyDocument policy) {
    Snapshot now = snapshot;
    snapshot = new Snapshot(true, policy, now.principals());
  }

  /** Registers (or replaces) a principal, and enforces policies. */
  public synchronized void principal(Principal principal) {
    Snapshot now = snapshot;
    Map<String, Principal> principals = new HashMap<>(now.principals());
    principals.put(principal.accessKeyId(), principal);
    snapshot = new Snapshot(true, now.defaultPolicy(), Map.copyOf(principals));
  }

  /** Whether requests are checked at all: once a policy or a principal is registered. */
  public boolean enforcing() {
    return snapshot.enforcing();
  }

  /**
   * Checks a request signed with {@code authorization} (its Authorization header, null when it has
   * none) whose actions are {@code contexts}: returns when every one is allowed, else throws
   * AccessDeniedException naming the first that is not.
   */
  public void authorize(String authorization, List<RequestContext> contexts) {
    Snapshot now = snapshot;
    if (!now.enforcing()) {
      return;
    }
    String accessKeyId = accessKeyId(authorization);
    if (accessKeyId == null) {
      throw denied("The request is not signed (it has no Authorization header with a Credential), and "
          + "MonotableLocal enforces identity policies (MonotableLocal.withPolicy / withPrincipal)");
    }
    Principal principal = now.principals().get(accessKeyId);
    if (principal == null) {
      throw denied("The access key id " + accessKeyId + " is not a principal of MonotableLocal: register it with "
          + "MonotableLocal.withPrincipal");
    }
    PolicyDocument policy = principal.policy() != null ? principal.policy() : now.defaultPolicy();
    List<PolicyDocument> policies = policy == null ? List.of() : List.of(policy);
    for (RequestContext context : contexts) {
      Decision decision = evaluator.evaluate(policies, principal, context);
      if (decision != Decision.ALLOWED) {
        throw denied("User: " + principal.arn(account) + " is not authorized to perform: " + context.action()
            + " on resource: " + context.resource() + (decision == Decision.EXPLICITLY_DENIED
                ? " with an explicit deny in an identity-based policy"
                : " because no identity-based policy allows the " + context.action() + " action"));
      }
    }
  }

  /**
   * The access key id of a SigV4 Authorization header ({@code AWS4-HMAC-SHA256
   * Credential=AKID/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=..., Signature=...}),
   * or null when it has none.
   */
  static String accessKeyId(String authorization) {
    if (authorization == null) {
      return null;
    }
    int credential = authorization.indexOf("Credential=");
    if (credential < 0) {
      return null;
    }
    int start = credential + "Credential=".length();
    int end = start;
    while (end < authorization.length() && authorization.charAt(end) != '/' && authorization.charAt(end) != ','
        && !Character.isWhitespace(authorization.charAt(end))) {
      end++;
    }
    return end > start ? authorization.substring(start, end) : null;
  }

  private static DynamoError denied(String message) {
    return new DynamoError("AccessDeniedException", message, 400);
  }
}
