package io.rootline.rules;

import java.util.List;

/**
 * The result of evaluating a rule set on one bundle.
 *
 * @param passed      the rules decided that did not fire, with what they checked
 * @param namesRead   every event kind, fact and table name some rule reads
 */
public record RuleOutcomes(List<Finding> findings, List<NotEvaluated> notEvaluated, List<PassedRule> passed,
                           java.util.Set<String> namesRead) {
}
