package dev.monotable.local.iam;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who signs a request: an IAM user known by its access key id, with its principal tags and, when
 * it has one of its own, its identity policy (else the engine's default policy applies to it).
 */
public record Principal(String accessKeyId, Map<String, String> tags, PolicyDocument policy) {

  public Principal {
    if (accessKeyId == null || accessKeyId.isEmpty()) {
      throw new IllegalArgumentException("a principal needs an access key id");
    }
    // IAM compares tag keys without regard to case
    TreeMap<String, String> byKey = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (tags != null) {
      tags.forEach((key, value) -> {
        if (key == null || value == null) {
          throw new IllegalArgumentException("principal tag keys and values may not be null");
        }
        byKey.put(key, value);
      });
    }
    tags = Collections.unmodifiableMap(byKey);
  }

  /** The user's ARN, as DynamoDB names it in AccessDeniedException: {@code arn:aws:iam::<account>:user/<access key id>}. */
  public String arn(String account) {
    return "arn:aws:iam::" + account + ":user/" + accessKeyId;
  }

  /**
   * The value of a global condition key about this principal ({@code aws:PrincipalTag/<key>},
   * {@code aws:username}, {@code aws:userid}, {@code aws:PrincipalArn}, {@code aws:PrincipalAccount},
   * {@code aws:PrincipalType}), or null when it has none; the user's name and id are its access key id.
   */
  List<String> values(String key, String account) {
    String lower = key.toLowerCase(Locale.ROOT);
    if (lower.startsWith("aws:principaltag/")) {
      String value = tags.get(key.substring("aws:PrincipalTag/".length()));
      return value == null ? null : List.of(value);
    }
    return switch (lower) {
      case "aws:username", "aws:userid" -> List.of(accessKeyId);
      case "aws:principalarn" -> List.of(arn(account));
      case "aws:principalaccount" -> List.of(account);
      case "aws:principaltype" -> List.of("User");
      default -> null;
    };
  }
}
