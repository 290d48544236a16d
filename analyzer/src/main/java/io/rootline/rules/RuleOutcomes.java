package io.rootline.rules;

import java.util.List;

/** The result of evaluating a rule set on one bundle. */
public record RuleOutcomes(List<Finding> findings, List<NotEvaluated> notEvaluated, List<String> passed) {
}
