package io.rootline.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules that loaded, and one error for each rule that did not; with the kernel messages
 * of the same packs ({@code messages/*.yaml}), which make the events the rules read.
 */
public final class RuleSet {

    private final List<Rule> rules;
    private final List<RuleError> errors;
    private final io.rootline.parse.KernelMessageTable messages;

    RuleSet(List<Rule> rules, List<RuleError> errors) {
        this(rules, errors, new io.rootline.parse.KernelMessageTable(List.of()));
    }

    RuleSet(List<Rule> rules, List<RuleError> errors, io.rootline.parse.KernelMessageTable messages) {
        this.rules = List.copyOf(rules);
        this.errors = List.copyOf(errors);
        this.messages = messages;
    }

    /** The kernel messages of the packs: the bundled table's rows, then a pack's own. */
    public io.rootline.parse.KernelMessageTable messages() {
        return messages;
    }

    /** The names the rules were checked against: the build's, and the event kinds of the packs' messages. */
    public Vocabulary vocabulary() {
        return Vocabulary.installed().withMessages(messages);
    }

    List<Rule> rules() {
        return rules;
    }

    List<Rule> rulesForPack() {
        return rules;
    }

    public int size() {
        return rules.size();
    }

    public List<String> ids() {
        return rules.stream().map(Rule::id).toList();
    }

    public List<RuleError> errors() {
        return errors;
    }

    /** Every event kind, fact and table name some rule of the set reads (see {@link Rule#reads}). */
    public java.util.Set<String> namesRead() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        rules.forEach(r -> names.addAll(r.reads()));
        return names;
    }

    /**
     * This set and another, with ids that appear in both reported as errors of the other. A
     * rule of the other whose file's text is that of the rule it clashes with is the same
     * rule met twice, and is kept once: {@code rootline rules check rules} in a checkout
     * checks the pack's own folder against the pack built from it.
     */
    public RuleSet plus(RuleSet other) {
        List<Rule> all = new ArrayList<>(rules);
        List<RuleError> errs = new ArrayList<>(errors);
        errs.addAll(other.errors);
        for (Rule r : other.rules) {
            var clash = all.stream().filter(x -> x.id().equals(r.id())).findFirst();
            if (clash.isEmpty()) {
                all.add(r);
            } else if (!clash.get().source().equals(r.source())) {
                errs.add(new RuleError(r.file(), 1, 1, "rule id '" + r.id() + "' is already used by " + clash.get().file()));
            }
        }
        return new RuleSet(all, errs, messages.plus(other.messages));
    }

    /** This set with these errors added (a message table's rows that did not load). */
    RuleSet withErrors(List<RuleError> more) {
        List<RuleError> errs = new ArrayList<>(errors);
        errs.addAll(more);
        return new RuleSet(rules, errs, messages);
    }
}
