package dev.monotable.local.iam;

import static dev.monotable.local.iam.RequestContext.ATTRIBUTES;
import static dev.monotable.local.iam.RequestContext.LEADING_KEYS;
import static dev.monotable.local.iam.RequestContext.SELECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.monotable.local.value.DynamoError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link PolicyDocument} and {@link PolicyEvaluator} on request contexts built by hand, against
 * IAM's documented evaluation: wildcards in Action and Resource, Deny wins, default deny, the set
 * operators on absent, empty and multi-valued keys, negated operators, Null, Bool, IfExists and
 * policy variables.
 */
class PolicyEvaluatorTest {
  private static final String ACCOUNT = "000000000000";
  private static final String TABLE = "arn:aws:dynamodb:us-east-1:000000000000:table/Users";
  private static final String INDEX = TABLE + "/index/ByEmail";
  private static final PolicyEvaluator EVALUATOR = new PolicyEvaluator(ACCOUNT);
  private static final Principal TENANT_A = new Principal("AKIA-A", Map.of("tenantId", "A"), null);
  private static final Principal UNTAGGED = new Principal("AKIA-NONE", Map.of(), null);

  private static final String TENANT_POLICY = """
      {"Version": "2012-10-17",
       "Statement": [{"Effect": "Allow",
                      "Action": ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:BatchGetItem"],
                      "Resource": ["arn:aws:dynamodb:us-east-1:000000000000:table/Users",
                                   "arn:aws:dynamodb:us-east-1:000000000000:table/Users/index/*"],
                      "Condition": {"ForAllValues:StringLike":
                                      {"dynamodb:LeadingKeys": ["TENANT#${aws:PrincipalTag/tenantId}#*"]}}}]}""";

  private static Decision decide(String policy, Principal principal, RequestContext context) {
    return EVALUATOR.evaluate(List.of(PolicyDocument.parse(policy)), principal, context);
  }

  private static String allow(String action, String resource) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
        + "\",\"Resource\":\"" + resource + "\"}]}";
  }

  private static String allowWhen(String condition) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"dynamodb:*\","
        + "\"Resource\":\"*\",\"Condition\":" + condition + "}]}";
  }

  private static RequestContext get(String... leadingKeys) {
    return RequestContext.of("dynamodb:GetItem", TABLE).with(LEADING_KEYS, List.of(leadingKeys));
  }

  @Test
  void action_wildcardsAndCase_matchAsIamDoes() {
    assertEquals(Decision.ALLOWED, decide(allow("dynamodb:Get*", "*"), TENANT_A, get()));
    assertEquals(Decision.ALLOWED, decide(allow("DynamoDB:getitem", "*"), TENANT_A, get()));
    assertEquals(Decision.ALLOWED, decide(allow("dynamodb:?etItem", "*"), TENANT_A, get()));
    assertEquals(Decision.ALLOWED, decide(allow("*", "*"), TENANT_A, get()));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(allow("dynamodb:Get*", "*"), TENANT_A,
        RequestContext.of("dynamodb:PutItem", TABLE)));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(allow("dynamodb:GetItems", "*"), TENANT_A, get()));
  }

  @Test
  void resource_wildcards_matchTableAndIndexArnsCaseSensitively() {
    String table = allow("dynamodb:Query", "arn:aws:dynamodb:*:*:table/Users");
    assertEquals(Decision.ALLOWED, decide(table, TENANT_A, RequestContext.of("dynamodb:Query", TABLE)));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(table, TENANT_A, RequestContext.of("dynamodb:Query", INDEX)));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(table, TENANT_A,
        RequestContext.of("dynamodb:Query", TABLE.replace("Users", "users"))));
    String indexes = allow("dynamodb:Query", "arn:aws:dynamodb:*:*:table/Users/index/*");
    assertEquals(Decision.ALLOWED, decide(indexes, TENANT_A, RequestContext.of("dynamodb:Query", INDEX)));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(indexes, TENANT_A, RequestContext.of("dynamodb:Query", TABLE)));
    String oneCharacter = allow("dynamodb:Query", "arn:aws:dynamodb:us-east-1:000000000000:table/User?");
    assertEquals(Decision.ALLOWED, decide(oneCharacter, TENANT_A, RequestContext.of("dynamodb:Query", TABLE)));
  }

  @Test
  void notActionAndNotResource_applyToEverythingElse() {
    String policy = """
        {"Statement": [{"Effect": "Allow", "NotAction": "dynamodb:Delete*", "NotResource": "arn:aws:dynamodb:*:*:table/Secret"}]}""";
    assertEquals(Decision.ALLOWED, decide(policy, TENANT_A, get()));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(policy, TENANT_A, RequestContext.of("dynamodb:DeleteItem", TABLE)));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(policy, TENANT_A,
        RequestContext.of("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:000000000000:table/Secret")));
  }

  @Test
  void deny_winsOverAnyAllow_andNothingAllowsByDefault() {
    String policy = """
        {"Statement": [
           {"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"},
           {"Effect": "Deny", "Action": "dynamodb:GetItem", "Resource": "*"}]}""";
    assertEquals(Decision.EXPLICITLY_DENIED, decide(policy, TENANT_A, get()));
    assertEquals(Decision.ALLOWED, decide(policy, TENANT_A, RequestContext.of("dynamodb:PutItem", TABLE)));
    // a Deny in another policy of the principal wins too
    Decision twoPolicies = EVALUATOR.evaluate(List.of(PolicyDocument.parse(allow("*", "*")),
        PolicyDocument.parse("{\"Statement\":{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}}")), TENANT_A, get());
    assertEquals(Decision.EXPLICITLY_DENIED, twoPolicies);
    assertEquals(Decision.IMPLICITLY_DENIED, EVALUATOR.evaluate(List.of(), TENANT_A, get()));
  }

  @Test
  void leadingKeys_tenantPolicy_allowsOnlyTheTenantsPartitions() {
    assertEquals(Decision.ALLOWED, decide(TENANT_POLICY, TENANT_A, get("TENANT#A#USER#1")));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(TENANT_POLICY, TENANT_A, get("TENANT#B#USER#1")));
    // the prefix is the whole tenant id, not a prefix of it
    assertEquals(Decision.IMPLICITLY_DENIED, decide(TENANT_POLICY, TENANT_A, get("TENANT#AB#USER#1")));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(TENANT_POLICY, TENANT_A, get("tenant#A#USER#1")));
  }

  @Test
  void forAllValues_holdsForEveryValueOnly_andVacuouslyWhenTheKeyIsAbsent() {
    RequestContext batch = RequestContext.of("dynamodb:BatchGetItem", TABLE)
        .with(LEADING_KEYS, List.of("TENANT#A#USER#1", "TENANT#A#USER#2"));
    assertEquals(Decision.ALLOWED, decide(TENANT_POLICY, TENANT_A, batch));
    RequestContext mixed = batch.with(LEADING_KEYS, List.of("TENANT#A#USER#1", "TENANT#B#USER#2"));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(TENANT_POLICY, TENANT_A, mixed));
    // IAM: "The ForAllValues set operator also returns true if there are no context keys in the request"
    RequestContext noKeys = RequestContext.of("dynamodb:Query", TABLE);
    assertEquals(Decision.ALLOWED, decide(TENANT_POLICY, TENANT_A, noKeys));
    assertEquals(Decision.ALLOWED, decide(TENANT_POLICY, TENANT_A, noKeys.with(LEADING_KEYS, List.of())));
    // ... which a Null check closes
    String closed = allowWhen("""
        {"ForAllValues:StringLike": {"dynamodb:LeadingKeys": "TENANT#${aws:PrincipalTag/tenantId}#*"},
         "Null": {"dynamodb:LeadingKeys": "false"}}""");
    assertEquals(Decision.IMPLICITLY_DENIED, decide(closed, TENANT_A, noKeys));
    assertEquals(Decision.ALLOWED, decide(closed, TENANT_A, get("TENANT#A#1")));
  }

  @Test
  void forAnyValue_needsOneMatchingValue_andFailsWhenTheKeyIsAbsent() {
    String policy = allowWhen("{\"ForAnyValue:StringEquals\": {\"dynamodb:Attributes\": [\"secret\", \"pin\"]}}");
    RequestContext context = RequestContext.of("dynamodb:GetItem", TABLE);
    assertEquals(Decision.IMPLICITLY_DENIED, decide(policy, TENANT_A, context));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(policy, TENANT_A, context.with(ATTRIBUTES, List.of("PK", "name"))));
    assertEquals(Decision.ALLOWED, decide(policy, TENANT_A, context.with(ATTRIBUTES, List.of("PK", "pin"))));
  }

  @Test
  void negatedOperators_areNorOverThePolicyValues_andHoldForAnAbsentKey() {
    String notLike = allowWhen("{\"ForAllValues:StringNotLike\": {\"dynamodb:Attributes\": [\"secret*\", \"pin\"]}}");
    RequestContext context = RequestContext.of("dynamodb:UpdateItem", TABLE);
    assertEquals(Decision.ALLOWED, decide(notLike, TENANT_A, context.with(ATTRIBUTES, List.of("PK", "name"))));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(notLike, TENANT_A, context.with(ATTRIBUTES, List.of("PK", "secretKey"))));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(notLike, TENANT_A, context.with(ATTRIBUTES, List.of("pin"))));
    String notEquals = allowWhen("{\"StringNotEquals\": {\"dynamodb:ReturnValues\": [\"ALL_OLD\", \"ALL_NEW\"]}}");
    assertEquals(Decision.ALLOWED, decide(notEquals, TENANT_A, context.with("dynamodb:ReturnValues", "NONE")));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(notEquals, TENANT_A, context.with("dynamodb:ReturnValues", "ALL_NEW")));
    // IAM: a negated operator holds when the key is not in the request
    assertEquals(Decision.ALLOWED, decide(notEquals, TENANT_A, context));
  }

  @Test
  void stringEquals_isCaseSensitiveAndOrsItsValues_ignoreCaseIsNot() {
    String equals = allowWhen("{\"StringEquals\": {\"dynamodb:Select\": [\"SPECIFIC_ATTRIBUTES\", \"COUNT\"]}}");
    RequestContext query = RequestContext.of("dynamodb:Query", TABLE);
    assertEquals(Decision.ALLOWED, decide(equals, TENANT_A, query.with(SELECT, "COUNT")));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(equals, TENANT_A, query.with(SELECT, "count")));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(equals, TENANT_A, query.with(SELECT, "ALL_ATTRIBUTES")));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(equals, TENANT_A, query));
    // StringEquals takes no wildcard
    assertEquals(Decision.IMPLICITLY_DENIED, decide(allowWhen("{\"StringEquals\": {\"dynamodb:Select\": \"*\"}}"),
        TENANT_A, query.with(SELECT, "COUNT")));
    String ignoreCase = allowWhen("{\"StringEqualsIgnoreCase\": {\"dynamodb:Select\": \"count\"}}");
    assertEquals(Decision.ALLOWED, decide(ignoreCase, TENANT_A, query.with(SELECT, "COUNT")));
  }

  @Test
  void ifExists_holdsWhenTheKeyIsAbsent_andTestsItWhenPresent() {
    String policy = allowWhen("{\"StringEqualsIfExists\": {\"dynamodb:Select\": \"SPECIFIC_ATTRIBUTES\"}}");
    RequestContext update = RequestContext.of("dynamodb:UpdateItem", TABLE);
    assertEquals(Decision.ALLOWED, decide(policy, TENANT_A, update));
    assertEquals(Decision.ALLOWED, decide(policy, TENANT_A, update.with(SELECT, "SPECIFIC_ATTRIBUTES")));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(policy, TENANT_A, update.with(SELECT, "ALL_ATTRIBUTES")));
  }

  @Test
  void nullAndBool_testPresenceAndTruth() {
    RequestContext scan = RequestContext.of("dynamodb:Scan", TABLE);
    String mustBeAbsent = allowWhen("{\"Null\": {\"dynamodb:LeadingKeys\": \"true\"}}");
    assertEquals(Decision.ALLOWED, decide(mustBeAbsent, TENANT_A, scan));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(mustBeAbsent, TENANT_A, get("TENANT#A#1")));
    String tagged = allowWhen("{\"Null\": {\"aws:PrincipalTag/tenantId\": false}}");
    assertEquals(Decision.ALLOWED, decide(tagged, TENANT_A, scan));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(tagged, UNTAGGED, scan));
    String bool = allowWhen("{\"Bool\": {\"aws:PrincipalTag/admin\": \"true\"}}");
    assertEquals(Decision.ALLOWED, decide(bool, new Principal("ADMIN", Map.of("admin", "TRUE"), null), scan));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(bool, new Principal("ADMIN", Map.of("admin", "false"), null), scan));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(bool, TENANT_A, scan));
  }

  @Test
  void principalTag_keysAreCaseInsensitive_asConditionKeysAndVariables() {
    String condition = allowWhen("{\"StringEquals\": {\"AWS:principaltag/TENANTID\": \"A\"}}");
    assertEquals(Decision.ALLOWED, decide(condition, TENANT_A, get()));
    String variable = TENANT_POLICY.replace("${aws:PrincipalTag/tenantId}", "${aws:principaltag/TenantId}");
    assertEquals(Decision.ALLOWED, decide(variable, TENANT_A, get("TENANT#A#1")));
  }

  @Test
  void policyVariable_missingTag_makesTheStatementNotApply_allowOrDeny() {
    assertEquals(Decision.IMPLICITLY_DENIED, decide(TENANT_POLICY, UNTAGGED, get("TENANT##USER#1")));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(TENANT_POLICY, UNTAGGED, get("TENANT#${aws:PrincipalTag/tenantId}#1")));
    // a Deny whose variable has no value does not apply either: IAM makes the statement invalid
    String denyOthers = """
        {"Version": "2012-10-17",
         "Statement": [{"Effect": "Allow", "Action": "dynamodb:*", "Resource": "*"},
                       {"Effect": "Deny", "Action": "dynamodb:*", "Resource": "*",
                        "Condition": {"ForAnyValue:StringNotLike": {"dynamodb:LeadingKeys": "TENANT#${aws:PrincipalTag/tenantId}#*"}}}]}""";
    assertEquals(Decision.EXPLICITLY_DENIED, decide(denyOthers, TENANT_A, get("TENANT#B#1")));
    assertEquals(Decision.ALLOWED, decide(denyOthers, TENANT_A, get("TENANT#A#1")));
    assertEquals(Decision.ALLOWED, decide(denyOthers, UNTAGGED, get("TENANT#B#1")));
  }

  @Test
  void policyVariable_valueIsLiteral_defaultsAndSpecialCharactersApply() {
    Principal star = new Principal("AKIA-STAR", Map.of("tenantId", "*"), null);
    assertEquals(Decision.IMPLICITLY_DENIED, decide(TENANT_POLICY, star, get("TENANT#B#USER#1")));
    assertEquals(Decision.ALLOWED, decide(TENANT_POLICY, star, get("TENANT#*#USER#1")));
    String withDefault = allowWhen("{\"ForAllValues:StringLike\": {\"dynamodb:LeadingKeys\": "
        + "\"TENANT#${aws:PrincipalTag/tenantId, 'PUBLIC'}#*\"}}");
    assertEquals(Decision.ALLOWED, decide(withDefault, UNTAGGED, get("TENANT#PUBLIC#1")));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(withDefault, UNTAGGED, get("TENANT#A#1")));
    String literalStar = allowWhen("{\"StringLike\": {\"dynamodb:Select\": \"A${*}\"}}");
    assertEquals(Decision.ALLOWED, decide(literalStar, TENANT_A, get().with(SELECT, "A*")));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(literalStar, TENANT_A, get().with(SELECT, "AB")));
    String user = allowWhen("{\"StringEquals\": {\"dynamodb:LeadingKeys\": \"${aws:username}\"}}");
    assertEquals(Decision.ALLOWED, decide(user, TENANT_A, get("AKIA-A")));
  }

  @Test
  void policyVariable_inResource_isSubstituted() {
    String policy = allow("dynamodb:GetItem", "arn:aws:dynamodb:*:*:table/Tenant${aws:PrincipalTag/tenantId}");
    assertEquals(Decision.ALLOWED, decide(policy, TENANT_A,
        RequestContext.of("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:000000000000:table/TenantA")));
    assertEquals(Decision.IMPLICITLY_DENIED, decide(policy, TENANT_A,
        RequestContext.of("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:000000000000:table/TenantB")));
  }

  @Test
  void version2008_takesVariablesLiterally() {
    String old = TENANT_POLICY.replace("2012-10-17", "2008-10-17");
    assertEquals(Decision.IMPLICITLY_DENIED, decide(old, TENANT_A, get("TENANT#A#USER#1")));
    assertEquals(Decision.ALLOWED, decide(old, TENANT_A, get("TENANT#${aws:PrincipalTag/tenantId}#1")));
  }

  @Test
  void parse_refusesWhatIamRefuses_withAMessageThatSaysWhat() {
    assertTrue(parseError("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}")
        .contains("Principal"));
    assertTrue(parseError("{\"Statement\":[{\"Action\":\"*\",\"Resource\":\"*\"}]}").contains("Effect"));
    assertTrue(parseError("{\"Statement\":[{\"Effect\":\"Allow\",\"Resource\":\"*\"}]}").contains("Action"));
    assertTrue(parseError("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\"}]}").contains("Resource"));
    assertTrue(parseError("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
        + "\"Condition\":{\"NumericLessThan\":{\"aws:MultiFactorAuthAge\":\"3600\"}}}]}").contains("NumericLessThan"));
    assertTrue(parseError("{\"Statement\":[]").contains("not JSON"));
    assertTrue(parseError("{\"Version\":\"2020-01-01\",\"Statement\":[]}").contains("Version"));
  }

  private static String parseError(String policy) {
    return assertThrows(IllegalArgumentException.class, () -> PolicyDocument.parse(policy)).getMessage();
  }

  @Test
  void accessControl_refusesWithDynamoDbsMessages() {
    AccessControl control = new AccessControl(ACCOUNT);
    control.authorize(null, List.of(get("anything")));  // nothing registered: nothing enforced
    control.defaultPolicy(PolicyDocument.parse(TENANT_POLICY));
    control.principal(new Principal("AKIA-A", Map.of("tenantId", "A"), null));
    control.principal(new Principal("ADMIN", Map.of(),
        PolicyDocument.parse("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
            + "{\"Effect\":\"Deny\",\"Action\":\"dynamodb:DeleteTable\",\"Resource\":\"*\"}]}")));
    String signedByA = "AWS4-HMAC-SHA256 Credential=AKIA-A/20261207/us-east-1/dynamodb/aws4_request, "
        + "SignedHeaders=host;x-amz-date, Signature=abc";
    control.authorize(signedByA, List.of(get("TENANT#A#1")));
    DynamoError implicit = assertThrows(DynamoError.class,
        () -> control.authorize(signedByA, List.of(get("TENANT#A#1"), get("TENANT#B#1"))));
    assertEquals("AccessDeniedException", implicit.type());
    assertEquals(400, implicit.status());
    assertEquals("com.amazon.coral.service#AccessDeniedException", implicit.qualifiedType());
    assertEquals("User: arn:aws:iam::000000000000:user/AKIA-A is not authorized to perform: dynamodb:GetItem on "
        + "resource: " + TABLE + " because no identity-based policy allows the dynamodb:GetItem action",
        implicit.getMessage());
    String signedByAdmin = signedByA.replace("AKIA-A", "ADMIN");
    control.authorize(signedByAdmin, List.of(RequestContext.of("dynamodb:Scan", TABLE)));
    DynamoError explicit = assertThrows(DynamoError.class,
        () -> control.authorize(signedByAdmin, List.of(RequestContext.of("dynamodb:DeleteTable", TABLE))));
    assertEquals("User: arn:aws:iam::000000000000:user/ADMIN is not authorized to perform: dynamodb:DeleteTable on "
        + "resource: " + TABLE + " with an explicit deny in an identity-based policy", explicit.getMessage());
    DynamoError unknown = assertThrows(DynamoError.class,
        () -> control.authorize(signedByA.replace("AKIA-A", "AKIA-X"), List.of(get("TENANT#A#1"))));
    assertTrue(unknown.getMessage().contains("AKIA-X"), unknown.getMessage());
    DynamoError unsigned = assertThrows(DynamoError.class, () -> control.authorize(null, List.of(get("TENANT#A#1"))));
    assertEquals("AccessDeniedException", unsigned.type());
  }

  @Test
  void accessKeyId_isReadFromTheSigV4Credential() {
    assertEquals("AKIDEXAMPLE", AccessControl.accessKeyId(
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=5d"));
    assertNull(AccessControl.accessKeyId("Basic dXNlcjpwYXNz"));
    assertNull(AccessControl.accessKeyId(null));
  }
}
