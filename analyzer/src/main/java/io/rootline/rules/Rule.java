package io.rootline.rules;

import io.rootline.model.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One rule of the YAML rule language, version 1, as loaded and checked.
 * See rules/README.md for the language with an example per feature.
 *
 * <p>{@code source} is the text of the rule's file: the same file met twice (the pack's own
 * folder given to {@code --rules} or {@code rules check}) is one rule, not two with one id.
 */
record Rule(String id, String title, Severity severity, String description, String file, String source,
            Condition when, Correlation correlation, Map<String, Expr> let,
            Template summary, Template summaryAlone, Template effect,
            List<String> evidenceFacts, List<Remediation> remediation) {

    /** A condition on events or facts, or a combination of them. */
    sealed interface Condition {
    }

    /** At least {@code minCount} events of a kind (and matching a pattern), within a window if given. */
    record EventCondition(String kind, SafePattern pattern, long minCount, Duration within) implements Condition {
    }

    /** A fact expression that must be true. */
    record FactCondition(String text, Expr expr) implements Condition {
    }

    record AnyOf(List<Condition> conditions) implements Condition {
    }

    record AllOf(List<Condition> conditions) implements Condition {
    }

    /** Symptom kinds to align with the cause's events inside a time window. */
    record Correlation(Duration window, List<Symptom> symptoms) {
    }

    record Symptom(String kind, String label, String noun) {
    }

    /** One remediation step: text, an optional guard, optionally repeated for each row of a table. */
    record Remediation(Template text, Expr when, String forEach, int limit) {
    }
}
