package io.rootline.rules;

import io.rootline.parse.SafePattern;

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
record Rule(String id, String title, Severity severity, List<Level> levels, String description, String file, String source,
            Condition when, Correlation correlation, Map<String, Expr> let,
            Texts summary, Texts summaryAlone, Texts summaryFacts, Texts effect, Expr ratePerDay,
            List<String> evidenceFacts, List<Remediation> remediation) {

    /**
     * One severity a finding may take, and the condition it takes it under (null: the default,
     * last). {@link #severity()} is the highest of them, the one the rule can reach.
     */
    record Level(Severity severity, Expr when, String whenText) {
    }

    /** The event kinds and fact names its decision ({@code when:}) reads. */
    java.util.Set<String> decides() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        collect(when, names);
        return names;
    }

    /**
     * Every event kind, fact and table name the rule reads, in its decision, symptoms,
     * computed values, texts, evidence and remediation: not the names it binds itself (let:
     * names, cause.*, symptoms, row.*).
     */
    java.util.Set<String> reads() {
        java.util.Set<String> names = new java.util.TreeSet<>(decides());
        if (correlation != null) {
            correlation.symptoms().forEach(s -> names.add(s.kind()));
        }
        let.values().forEach(e -> e.collect(names));
        for (Texts t : new Texts[] {summary, summaryAlone, summaryFacts, effect}) {
            if (t != null) {
                names.addAll(t.names());
            }
        }
        levels.stream().filter(l -> l.when() != null).forEach(l -> l.when().collect(names));
        if (ratePerDay != null) {
            ratePerDay.collect(names);
        }
        names.addAll(evidenceFacts);
        for (Remediation step : remediation) {
            names.addAll(step.text().names());
            if (step.when() != null) {
                step.when().collect(names);
            }
            if (step.forEach() != null) {
                names.add(step.forEach());
            }
        }
        names.removeIf(n -> let.containsKey(n) || n.startsWith("cause.") || n.startsWith("row.") || n.equals("symptoms")
                || n.startsWith("symptoms."));
        return names;
    }

    private static void collect(Condition c, java.util.Set<String> names) {
        if (c instanceof EventCondition e) {
            if (e.kind() != null) {
                names.add(e.kind());
            }
        } else if (c instanceof FactCondition f) {
            f.expr().collect(names);
        } else if (c instanceof AnyOf any) {
            any.conditions().forEach(x -> collect(x, names));
        } else if (c instanceof AllOf all) {
            all.conditions().forEach(x -> collect(x, names));
        }
    }

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
    /**
     * A step of the fix: its text, said when {@code when} holds, once, or once per row of
     * {@code forEach}: a table ({@code conntrack.top_dports}) or a labelled fact, its rows
     * grouped by {@code by} ({@code nic.rx_missed} by {@code iface}), the largest value first.
     */
    record Remediation(Template text, Expr when, String forEach, List<String> by, int limit) {
        Remediation {
            by = List.copyOf(by);
        }
    }
}
