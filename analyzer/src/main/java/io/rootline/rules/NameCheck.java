package io.rootline.rules;

import io.rootline.yaml.YamlNode;
import io.rootline.yaml.YamlReader;
import io.rootline.yaml.YamlException;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the names an expression reads against what is declared, where the expression
 * stands: a misspelt counter, an unknown event kind, a labelled counter read as if it had
 * one value, a {@code row.} field the rows do not have. Each is an error at its place in
 * the rule file, with the declared name nearest to it; none is left to read as a fact the
 * bundle happens to lack.
 */
final class NameCheck {

    /** The names the engine binds for a finding's texts. */
    static final Set<String> CAUSE = Set.of("cause.count", "cause.printed", "cause.suppressed", "cause.first_seen",
            "cause.last_seen", "cause.date", "cause.unknown", "symptoms", "symptoms.count");

    private final Vocabulary vocabulary;
    private final Set<String> lets;
    private final boolean texts;
    private final Map<String, Set<String>> rows;

    /**
     * @param lets  the rule's {@code let:} names
     * @param texts whether the expression is in a text, a value or a threshold (which read
     *              {@code cause.*} and lets), not in the decision ({@code when:}), which reads the bundle only
     * @param rows  the fields of the current {@code for_each} row ({@code row.port}) and the labels its rows carry
     */
    NameCheck(Vocabulary vocabulary, Set<String> lets, boolean texts, Map<String, Set<String>> rows) {
        this.vocabulary = vocabulary;
        this.lets = lets;
        this.texts = texts;
        this.rows = rows;
    }

    NameCheck inTexts() {
        return new NameCheck(vocabulary, lets, true, rows);
    }

    /** Inside a {@code for_each}: {@code row.<field>} for these fields, and labelled names at these labels. */
    NameCheck inRows(Set<String> fields, Set<String> labels) {
        return new NameCheck(vocabulary, lets, true, Map.of("fields", fields, "labels", labels));
    }

    void check(Expr e, YamlNode at) throws RuleException {
        walk(e, Set.of(), at);
    }

    private void walk(Expr e, Set<String> aggregated, YamlNode at) throws RuleException {
        if (e instanceof Expr.Name n) {
            name(n.name(), aggregated, at);
        } else if (e instanceof Expr.Unary u) {
            walk(u.operand(), aggregated, at);
        } else if (e instanceof Expr.Binary b) {
            walk(b.left(), aggregated, at);
            walk(b.right(), aggregated, at);
        } else if (e instanceof Expr.Call c) {
            for (Expr arg : c.args()) {
                walk(arg, aggregated, at);
            }
        } else if (e instanceof Expr.Aggregate a) {
            Set<String> read = new TreeSet<>();
            a.collect(read);
            Set<String> labels = new HashSet<>(aggregated);
            for (String name : read) {
                labels.addAll(vocabulary.labels(name));
            }
            for (String label : a.by()) {
                if (!labels.contains(label)) {
                    throw new RuleException(at, a.function() + "(... by " + label + "): no name it reads has the label '" + label
                            + "'" + (labels.isEmpty() ? " (none is labelled)" : " (labels: " + String.join(", ", new TreeSet<>(labels)) + ")"));
                }
            }
            walk(a.arg(), labels, at);
            if (a.where() != null) {
                walk(a.where(), labels, at);
            }
        }
    }

    private void name(String name, Set<String> aggregated, YamlNode at) throws RuleException {
        if (aggregated.contains(name) || lets.contains(name)) {
            return;
        }
        if (name.startsWith("row.")) {
            Set<String> fields = rows.get("fields");
            if (fields == null) {
                throw new RuleException(at, "'" + name + "' is a field of a for_each row, and this is not in a for_each");
            }
            if (!fields.contains(name.substring(4))) {
                throw new RuleException(at, "'" + name + "': the rows have no field '" + name.substring(4) + "' (fields: "
                        + String.join(", ", new TreeSet<>(fields)) + ")");
            }
            return;
        }
        if (CAUSE.contains(name)) {
            if (!texts) {
                throw new RuleException(at, "'" + name + "' is the finding's, for its texts: the decision (when:) reads the bundle only");
            }
            return;
        }
        if (!vocabulary.declares(name)) {
            String hint = vocabulary.nearest(name, false).map(n -> " (did you mean " + n + "?)").orElse("");
            throw new RuleException(at, "unknown name '" + name + "': no format, combiner or let: declares it" + hint);
        }
        List<String> labels = vocabulary.labels(name);
        if (!labels.isEmpty() && aggregated.isEmpty()) {
            Set<String> rowLabels = rows.getOrDefault("labels", Set.of());
            if (labels.stream().noneMatch(rowLabels::contains)) {
                throw new RuleException(at, "'" + name + "' has a value per " + String.join(", ", labels)
                        + ": read it through an aggregate (any, all, count, sum, max, min, top), e.g. sum(" + name + ")");
            }
        }
    }

    /** An event kind of a condition or a symptom. */
    void kind(String kind, YamlNode at) throws RuleException {
        if (!vocabulary.isEvent(kind)) {
            String hint = vocabulary.nearest(kind, true).map(n -> " (did you mean " + n + "?)").orElse("");
            throw new RuleException(at, "unknown event kind '" + kind + "': no format or kernel message declares it" + hint);
        }
    }
}
