package io.rootline.rules;

import io.rootline.locate.ArtifactCatalog;
import io.rootline.model.Evidence;
import io.rootline.model.Fact;
import io.rootline.model.Numbers;
import io.rootline.model.Severity;
import io.rootline.model.Table;
import io.rootline.timeline.Burst;
import io.rootline.timeline.PlacedEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides each rule on one bundle. A rule fires when its {@code when:} holds; it is
 * "not evaluated" when the decision needs an artifact the bundle lacks; otherwise it
 * passes. A firing rule's cause events are aligned with symptom events inside the
 * correlation window, and its texts are rendered from the bundle's own numbers.
 */
public final class RuleEngine {

    /** Evidence lines quoted per finding for the cause. */
    static final int CAUSE_EVIDENCE = 6;

    /** Evidence lines quoted per symptom. */
    static final int SYMPTOM_EVIDENCE = 3;

    /** The names of the rule set being evaluated: which artifacts supply each. */
    private Vocabulary vocabulary = Vocabulary.installed();

    public RuleOutcomes evaluate(RuleSet rules, RuleInput input) {
        vocabulary = rules.vocabulary();
        List<Finding> findings = new ArrayList<>();
        List<NotEvaluated> notEvaluated = new ArrayList<>();
        List<PassedRule> passed = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            Verdict verdict = decide(rule.when(), input);
            switch (verdict.state) {
                case TRUE -> findings.add(finding(rule, verdict, input));
                case UNKNOWN -> notEvaluated.add(new NotEvaluated(rule.id(), rule.title(), rule.severity(),
                        List.copyOf(verdict.needs)));
                case FALSE -> passed.add(new PassedRule(rule.id(), rule.title(), checked(rule, input)));
            }
        }
        findings.sort(Comparator.comparing(Finding::severity).reversed()
                .thenComparing(f -> f.firstSeen() == null ? Instant.MAX : f.firstSeen())
                .thenComparing(Finding::rule));
        return new RuleOutcomes(findings, notEvaluated, passed, rules.namesRead());
    }

    /** The artifacts that supplied a rule's decision: for each name it reads, the first of its providers the bundle holds. */
    private List<String> checked(Rule rule, RuleInput input) {
        Set<String> checked = new LinkedHashSet<>();
        for (String name : rule.decides()) {
            vocabulary.providers(name).stream().filter(input.collected()).findFirst().ifPresent(checked::add);
        }
        return List.copyOf(checked);
    }

    private enum State { TRUE, FALSE, UNKNOWN }

    /** A condition's outcome, with what it needed and the events that made it true. */
    private static final class Verdict {
        private State state;
        private final Set<String> needs = new TreeSet<>();
        private final List<Burst> bursts = new ArrayList<>();
        private final List<PlacedEvent> events = new ArrayList<>();
        /** By kind, the occurrences of the kind's events past --max-events ({@link RuleInput#pastLimit}). */
        private final Map<String, Long> pastLimit = new TreeMap<>();

        Verdict(State state) {
            this.state = state;
        }
    }

    private Verdict decide(Rule.Condition condition, RuleInput input) {
        if (condition instanceof Rule.EventCondition e) {
            return decideEvents(e, input);
        }
        if (condition instanceof Rule.FactCondition f) {
            return decideFact(f, input);
        }
        boolean any = condition instanceof Rule.AnyOf;
        List<Rule.Condition> parts = any ? ((Rule.AnyOf) condition).conditions() : ((Rule.AllOf) condition).conditions();
        Verdict combined = new Verdict(any ? State.FALSE : State.TRUE);
        boolean unknown = false;
        for (Rule.Condition part : parts) {
            Verdict v = decide(part, input);
            combined.needs.addAll(v.needs);
            if (v.state == State.TRUE) {
                combined.bursts.addAll(v.bursts);
                combined.events.addAll(v.events);
                combined.pastLimit.putAll(v.pastLimit);
                if (any) {
                    combined.state = State.TRUE;
                }
            } else if (v.state == State.FALSE && !any) {
                combined.state = State.FALSE;
            } else if (v.state == State.UNKNOWN) {
                unknown = true;
            }
        }
        if (unknown && (any ? combined.state == State.FALSE : combined.state == State.TRUE)) {
            combined.state = State.UNKNOWN;
        }
        return combined;
    }

    private Verdict decideEvents(Rule.EventCondition c, RuleInput input) {
        if (c.kind() != null) {
            var missing = missing(c.kind(), input);
            if (missing.isPresent()) {
                Verdict v = new Verdict(State.UNKNOWN);
                v.needs.add(missing.get());
                return v;
            }
        }
        Verdict v = new Verdict(State.FALSE);
        List<double[]> weights = new ArrayList<>();
        if (c.pattern() == null && c.kind() != null) {
            for (Burst b : input.bursts().getOrDefault(c.kind(), List.of())) {
                v.bursts.add(b);
                weights.add(new double[] {axis(b.first(), b.firstBoot()), b.total()});
            }
        } else {
            for (var entry : input.events().entrySet()) {
                if (c.kind() != null && !c.kind().equals(entry.getKey())) {
                    continue;
                }
                for (PlacedEvent e : entry.getValue()) {
                    if (c.pattern() == null || c.pattern().find(e.text())) {
                        v.events.add(e);
                        weights.add(new double[] {axis(e.instant(), e.sinceBoot()), e.count()});
                    }
                }
            }
        }
        long best = c.within() == null ? total(weights) : busiestWindow(weights, c.within());
        if (best >= c.minCount() && best > 0) {
            v.state = State.TRUE;
            // events past the limit have no time, but a condition on the kind alone counts them
            if (c.pattern() == null && c.kind() != null && input.pastLimit().containsKey(c.kind())) {
                v.pastLimit.put(c.kind(), input.pastLimit().get(c.kind()));
            }
        } else {
            v.bursts.clear();
            v.events.clear();
        }
        return v;
    }

    private static long total(List<double[]> weights) {
        long sum = 0;
        for (double[] w : weights) {
            sum += (long) w[1];
        }
        return sum;
    }

    /** The largest weight inside any window of the given width (two pointers over sorted times). */
    private static long busiestWindow(List<double[]> weights, Duration within) {
        List<double[]> sorted = new ArrayList<>(weights);
        sorted.removeIf(w -> Double.isNaN(w[0]));
        sorted.sort(Comparator.comparingDouble(w -> w[0]));
        double width = within.toMillis() / 1000.0;
        long best = 0;
        long sum = 0;
        int start = 0;
        for (double[] w : sorted) {
            sum += (long) w[1];
            while (w[0] - sorted.get(start)[0] > width) {
                sum -= (long) sorted.get(start)[1];
                start++;
            }
            best = Math.max(best, sum);
        }
        return best;
    }

    private static double axis(Instant instant, Double sinceBoot) {
        if (instant != null) {
            return instant.getEpochSecond() + instant.getNano() / 1e9;
        }
        return sinceBoot != null ? sinceBoot : Double.NaN;
    }

    private Verdict decideFact(Rule.FactCondition c, RuleInput input) {
        // A name whose artifact was not collected makes the condition undecidable, even
        // under default() or exists(): "not collected" must never read as "no problem".
        Verdict missing = new Verdict(State.UNKNOWN);
        for (String name : c.expr().names()) {
            missing(name, input).ifPresent(missing.needs::add);
        }
        if (!missing.needs.isEmpty()) {
            return missing;
        }
        try {
            Object value = c.expr().eval(new FactScope(input, Map.of()));
            return new Verdict(Boolean.TRUE.equals(value) ? State.TRUE : State.FALSE);
        } catch (Expr.MissingValue e) {
            Verdict v = new Verdict(State.UNKNOWN);
            v.needs.add(missing(e.name(), input).orElse(e.name()));
            return v;
        } catch (ArithmeticException | IllegalArgumentException e) {
            Verdict v = new Verdict(State.UNKNOWN);
            v.needs.add("a computable \"" + c.text() + "\" (" + e.getMessage() + ")");
            return v;
        }
    }

    private Finding finding(Rule rule, Verdict verdict, RuleInput input) {
        List<String> notes = new ArrayList<>();
        Instant first = null;
        Instant last = null;
        long printed = 0;
        long suppressed = 0;
        List<Evidence> evidence = new ArrayList<>();
        List<Burst> bursts = new ArrayList<>(verdict.bursts);
        bursts.sort(Comparator.comparingDouble(b -> axis(b.first(), b.firstBoot())));
        for (Burst b : bursts) {
            printed += b.printed();
            suppressed += b.suppressed();
            first = earliest(first, b.first());
            last = latest(last, b.last());
            if (evidence.size() < CAUSE_EVIDENCE) {
                evidence.add(b.evidence());
            }
        }
        for (PlacedEvent e : verdict.events) {
            printed += e.count();
            first = earliest(first, e.instant());
            last = latest(last, e.instant());
            if (evidence.size() < CAUSE_EVIDENCE) {
                evidence.add(e.evidence());
            }
        }
        for (var past : verdict.pastLimit.entrySet()) {
            printed = Numbers.saturatedSum(printed, past.getValue());
            notes.add(past.getValue() + " " + past.getKey() + " read past --max-events are counted here but have no time:"
                    + " the timeline and the symptoms' alignment cover the events kept");
        }
        if (!bursts.isEmpty() && first == null) {
            // seconds since boot (dmesg) without a boot time; otherwise syslog dates without a year and
            // no capture date, or lines without a stamp: the report's clock line tells which
            notes.add(bursts.get(0).firstBoot() != null
                    ? "the kernel log's stamps could not be placed on the wall clock (no boot time in the bundle): times are seconds since boot and symptoms are not aligned"
                    : "the kernel log's times could not be placed on the wall clock (the clock line says why): symptoms are not aligned");
        }

        List<SymptomMatch> symptoms = new ArrayList<>();
        if (rule.correlation() != null) {
            for (Rule.Symptom s : rule.correlation().symptoms()) {
                var missing = missing(s.kind(), input);
                if (missing.isPresent()) {
                    notes.add("symptom " + s.kind() + " not evaluated: needs " + missing.get());
                    continue;
                }
                if (first == null) {
                    continue;
                }
                SymptomMatch match = align(s, first.minus(rule.correlation().window()),
                        last.plus(rule.correlation().window()), input);
                if (match != null) {
                    symptoms.add(match);
                }
            }
        }

        Map<String, Object> context = new HashMap<>();
        context.put("cause.count", BigDecimal.valueOf(printed + suppressed));
        context.put("cause.printed", BigDecimal.valueOf(printed));
        context.put("cause.suppressed", BigDecimal.valueOf(suppressed));
        if (first != null) {
            context.put("cause.first_seen", input.clock().timeOfDay(first));
            context.put("cause.last_seen", input.clock().timeOfDay(last));
            context.put("cause.date", input.clock().date(first).toString());
        }
        // the artifacts the rule's event conditions needed and the bundle lacks: a finding fired by a fact must not claim events
        context.put("cause.unknown", String.join(", ", verdict.needs));
        context.put("symptoms", String.join(" and ", symptoms.stream().map(SymptomMatch::label).toList()));
        context.put("symptoms.count", BigDecimal.valueOf(symptoms.stream().mapToLong(SymptomMatch::count).sum()));
        FactScope scope = new FactScope(input, context);
        for (var let : rule.let().entrySet()) {
            try {
                context.put(let.getKey(), let.getValue().eval(scope));
            } catch (Expr.MissingValue | ArithmeticException | IllegalArgumentException e) {
                // left unbound; texts that use it say what they need
            }
        }

        // fired by facts alone (a table full at capture, no drop message to show): it says what the facts show
        boolean factsOnly = printed + suppressed == 0 && rule.summaryFacts() != null;
        Texts summaryText = !symptoms.isEmpty() && rule.summary() != null ? rule.summary()
                : factsOnly ? rule.summaryFacts() : rule.summaryAlone();
        String summary = render(summaryText, scope, input, notes);
        if (summary == null) {
            summary = rule.title();
        }
        StringBuilder effect = new StringBuilder();
        String causeEffect = factsOnly ? null : render(rule.effect(), scope, input, notes);
        if (causeEffect != null) {
            effect.append(causeEffect);
        }
        for (SymptomMatch s : symptoms) {
            if (effect.length() > 0) {
                effect.append(", ");
            }
            effect.append(s.source()).append(' ').append(s.count()).append(' ').append(s.noun());
        }

        for (String key : rule.evidenceFacts()) {
            Fact fact = input.facts().one(key).orElse(null);
            if (fact != null && fact.evidence() != null) {
                if (!evidence.contains(fact.evidence())) {
                    evidence.add(fact.evidence()); // two counters of one line are quoted once
                }
            } else if (fact == null) {
                notes.add("evidence " + key + " is not in the bundle");
            }
        }

        List<io.rootline.model.Phrase> remediation = new ArrayList<>();
        for (Rule.Remediation step : rule.remediation()) {
            remediate(step, input, context, remediation, notes);
        }
        Severity severity = severity(rule, scope, notes);
        BigDecimal perDay = null;
        if (rule.ratePerDay() != null) {
            try {
                perDay = Expr.number(rule.ratePerDay().eval(scope));
            } catch (Expr.MissingValue | ArithmeticException | IllegalArgumentException e) {
                notes.add("the rate per day was not computed: " + (e instanceof Expr.MissingValue m ? "needs " + need(m.name(), input)
                        : e.getMessage()));
            }
        }
        return new Finding(rule.id(), rule.title(), severity, rule.description(), first, last,
                printed + suppressed, printed, suppressed, summary, effect.length() == 0 ? null : effect.toString(),
                evidence, symptoms, remediation, List.copyOf(new LinkedHashSet<>(notes)), perDay, causeKinds(verdict));
    }

    private static Set<String> causeKinds(Verdict verdict) {
        Set<String> kinds = new TreeSet<>();
        verdict.bursts.forEach(b -> kinds.add(b.kind()));
        verdict.events.forEach(e -> kinds.add(e.kind()));
        return kinds;
    }

    /**
     * The finding's severity: the first of the rule's levels whose condition holds (a condition
     * that needs a value the bundle lacks does not hold), the last otherwise; with the threshold
     * that decided, so that the report states it.
     */
    private static Severity severity(Rule rule, FactScope scope, List<String> notes) {
        if (rule.levels().size() == 1) {
            return rule.levels().get(0).severity();
        }
        List<String> above = new ArrayList<>();
        java.util.Set<String> aboveNames = new java.util.LinkedHashSet<>();
        for (Rule.Level level : rule.levels()) {
            if (level.when() == null) {
                notes.add("severity " + level.severity().label() + ": below the rule's thresholds (" + String.join("; ", above) + ")"
                        + values(aboveNames, scope));
                return level.severity();
            }
            try {
                if (Boolean.TRUE.equals(level.when().eval(scope))) {
                    notes.add("severity " + level.severity().label() + ": " + level.whenText() + values(level.when(), scope));
                    return level.severity();
                }
            } catch (Expr.MissingValue | ArithmeticException | IllegalArgumentException e) {
                // a threshold that cannot be computed is not reached
            }
            above.add(level.severity().label() + " from " + level.whenText());
            level.when().collect(aboveNames);
        }
        return rule.levels().get(rule.levels().size() - 1).severity();
    }

    /** The values a threshold was decided on: " (overflows_per_day 174606.31, drop_share 0.42)". */
    private static String values(Expr when, FactScope scope) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        when.collect(names);
        return values(names, scope);
    }

    private static String values(java.util.Set<String> names, FactScope scope) {
        List<String> values = new ArrayList<>();
        for (String name : names) {
            Object value = scope.lookup(name);
            if (value instanceof BigDecimal n) {
                BigDecimal shown = n.abs().compareTo(BigDecimal.valueOf(100)) >= 0 ? n.setScale(0, java.math.RoundingMode.HALF_UP)
                        : n.round(new java.math.MathContext(3));
                values.add(name + " " + Numbers.format(shown));
            } else if (value != null) {
                values.add(name + " " + value);
            }
        }
        return values.isEmpty() ? "" : " (" + String.join(", ", values) + ")";
    }

    private SymptomMatch align(Rule.Symptom s, Instant from, Instant to, RuleInput input) {
        long count = 0;
        Instant first = null;
        Instant last = null;
        Set<String> sources = new TreeSet<>();
        String lastPath = null;
        List<Evidence> evidence = new ArrayList<>();
        for (PlacedEvent e : input.events().getOrDefault(s.kind(), List.of())) {
            Instant at = e.instant();
            if (at == null || at.isBefore(from) || at.isAfter(to)) {
                continue;
            }
            count += e.count();
            first = earliest(first, at);
            last = latest(last, at);
            String path = e.path();
            if (!path.equals(lastPath)) {
                // a log's events come in long runs from one file: its name is taken once a run
                sources.add(path.substring(path.lastIndexOf('/') + 1));
                lastPath = path;
            }
            if (evidence.size() < SYMPTOM_EVIDENCE) {
                evidence.add(e.evidence());
            }
        }
        if (count == 0) {
            return null;
        }
        String source = sources.size() == 1 ? sources.iterator().next() : sources.size() + " logs";
        return new SymptomMatch(s.kind(), s.label(), s.noun(), count, first, last, source, evidence);
    }

    private void remediate(Rule.Remediation step, RuleInput input, Map<String, Object> context, List<io.rootline.model.Phrase> out,
                           List<String> notes) {
        List<Map<String, String>> rows = new ArrayList<>();
        List<Map<String, String>> rowLabels = new ArrayList<>();
        if (step.forEach() != null) {
            Table table = input.tables().get(step.forEach());
            List<Fact> labelled = input.facts().distinct(step.forEach());
            if (table != null) {
                rows.addAll(table.rows());
                table.rows().forEach(r -> rowLabels.add(Map.of()));
            } else if (!labelled.isEmpty() && !labelled.get(0).labels().isEmpty()) {
                for (LabelledRow r : LabelledRow.of(labelled, step.by())) {
                    rows.add(r.fields());
                    rowLabels.add(r.labels());
                }
            } else {
                notes.add("a remediation step was not computed: needs " + need(step.forEach(), input));
                return;
            }
            if (step.limit() > 0 && rows.size() > step.limit()) {
                rows = rows.subList(0, step.limit());
            }
        } else {
            rows.add(Map.of());
            rowLabels.add(Map.of());
        }
        for (int r = 0; r < rows.size(); r++) {
            Map<String, String> row = rows.get(r);
            Map<String, Object> withRow = new HashMap<>(context);
            row.forEach((k, v) -> withRow.put("row." + k, v));
            Expr.Scope scope = rowLabels.get(r).isEmpty() ? new FactScope(input, withRow)
                    : new FactScope(input, withRow).at(rowLabels.get(r));
            try {
                if (step.when() != null && !Boolean.TRUE.equals(step.when().eval(scope))) {
                    continue;
                }
                out.add(step.text().phrase(scope));
            } catch (Expr.MissingValue e) {
                notes.add("a remediation step was not computed: needs " + need(e.name(), input));
            } catch (ArithmeticException | IllegalArgumentException e) {
                notes.add("a remediation step was not computed: " + e.getMessage());
            }
        }
    }

    private String render(Texts texts, FactScope scope, RuleInput input, List<String> notes) {
        if (texts == null) {
            return null;
        }
        try {
            return texts.render(scope);
        } catch (Expr.MissingValue e) {
            notes.add("a text was not computed: needs " + need(e.name(), input));
        } catch (ArithmeticException | IllegalArgumentException e) {
            notes.add("a text was not computed: " + e.getMessage());
        }
        return null;
    }

    private String need(String name, RuleInput input) {
        return missing(name, input).orElse(name);
    }

    /** The artifact a name needs, when none of those that supply it was collected. */
    private java.util.Optional<String> missing(String name, RuleInput input) {
        List<String> providers = vocabulary.providers(name);
        return providers.isEmpty() || providers.stream().anyMatch(input.collected()) ? java.util.Optional.empty()
                : java.util.Optional.of(providers.get(0));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    /** Names in expressions: bound values first (let, cause, row), then facts. */
    private static final class FactScope implements Expr.Scope {
        private final RuleInput input;
        private final Map<String, Object> bound;

        FactScope(RuleInput input, Map<String, Object> bound) {
            this.input = input;
            this.bound = bound;
        }

        @Override
        public List<Fact> rows(String name) {
            List<Fact> facts = input.facts().distinct(name);
            return facts.isEmpty() || facts.get(0).labels().isEmpty() ? List.of() : facts;
        }

        @Override
        public Object lookup(String name) {
            Object v = bound.get(name);
            if (v != null) {
                return v;
            }
            Fact fact = input.facts().one(name).orElse(null);
            if (fact == null) {
                return null;
            }
            return fact.number() != null ? fact.number() : fact.text();
        }
    }
}
