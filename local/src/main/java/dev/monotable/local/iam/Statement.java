package dev.monotable.local.iam;

import java.util.List;

/**
 * One statement of a policy: its effect, the actions and resources it names (or, with {@code
 * NotAction} and {@code NotResource}, excludes), and its conditions, all of which must hold.
 */
record Statement(String sid, Effect effect, boolean notAction, List<String> actions, boolean notResource,
    List<String> resources, List<ConditionClause> conditions) {

  enum Effect { ALLOW, DENY }

  Statement {
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
    conditions = List.copyOf(conditions);
  }
}
