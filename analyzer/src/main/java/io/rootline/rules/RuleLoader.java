package io.rootline.rules;

import io.rootline.yaml.YamlNode;
import io.rootline.yaml.YamlReader;
import io.rootline.yaml.YamlException;

import io.rootline.parse.SafePattern;

import io.rootline.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Loads and checks rule files, one rule per file. A bad rule yields exactly one
 * {@link RuleError} naming file, line and column; the other rules still load.
 */
public final class RuleLoader {

    /** Where the bundled pack sits on the class path. */
    static final String PACK = "io/rootline/rules/pack";

    private static final Set<String> RULE_KEYS = Set.of("id", "title", "severity", "description", "when", "correlate",
            "let", "summary", "summary_alone", "summary_facts", "effect", "rate_per_day", "evidence", "remediation");
    private static final Set<String> TEXT_KEYS = Set.of("text", "when");
    private static final Set<String> LEVEL_KEYS = Set.of("level", "when");
    private static final Set<String> EVENT_KEYS = Set.of("event", "pattern", "min_count", "within");
    private static final Set<String> CORRELATE_KEYS = Set.of("window", "symptoms");
    private static final Set<String> SYMPTOM_KEYS = Set.of("event", "label", "noun");
    private static final Set<String> EVIDENCE_KEYS = Set.of("facts");
    private static final Set<String> REMEDIATION_KEYS = Set.of("text", "when", "for_each", "by", "limit");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final ExprCompiler compiler = new ExprCompiler();
    private final Vocabulary vocabulary;

    /** A loader checking rules against the names this build declares. */
    public RuleLoader() {
        this(Vocabulary.installed());
    }

    /** A loader checking rules against these names (the build's and a pack's own kernel messages). */
    public RuleLoader(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * The rule pack shipped inside rootline, found through the index the build writes next
     * to it ({@code index}, one file name per line). A folder inside the runnable jar can
     * only be listed by going through all of the jar's 4,000 entries (about 6 ms of a cold
     * run), and a folder of classes by other means; the index is read the same way in both.
     */
    public RuleSet loadBundled() {
        ClassLoader classes = RuleLoader.class.getClassLoader();
        try (InputStream index = classes.getResourceAsStream(PACK + "/index")) {
            if (index == null) {
                return new RuleSet(List.of(), List.of(new RuleError(PACK, 1, 1, "the bundled rule pack is missing")));
            }
            Map<String, String> texts = new TreeMap<>();
            for (String name : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (name.isBlank()) {
                    continue;
                }
                try (InputStream in = classes.getResourceAsStream(PACK + "/" + name)) {
                    if (in == null) {
                        return new RuleSet(List.of(), List.of(new RuleError(PACK + "/index", 1, 1,
                                "the bundled rule pack lacks " + name + ", which its index lists")));
                    }
                    texts.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            RuleSet set = load(texts, "rules/");
            return new RuleSet(set.rulesForPack(), set.errors(), io.rootline.parse.KernelMessageTable.bundled());
        } catch (IOException e) {
            return new RuleSet(List.of(), List.of(new RuleError(PACK, 1, 1, "cannot read the bundled rules: " + e.getMessage())));
        }
    }

    /**
     * Every *.yaml and *.yml file in a folder, in name order, and the pack's own kernel messages
     * in its {@code messages/} folder: the event kinds they make are names its rules may read.
     */
    public RuleSet load(Path dir) throws IOException {
        String prefix = dir.toString().endsWith("/") ? dir.toString() : dir + "/";
        io.rootline.parse.KernelMessageTable messages = new io.rootline.parse.KernelMessageTable(List.of());
        List<RuleError> problems = new ArrayList<>();
        Path messageDir = dir.resolve("messages");
        if (Files.isDirectory(messageDir)) {
            try (Stream<Path> list = Files.list(messageDir)) {
                for (Path file : list.filter(p -> isRuleFile(p.getFileName().toString())).sorted().toList()) {
                    var loaded = io.rootline.parse.KernelMessageTable.load(prefix + "messages/" + file.getFileName(),
                            Files.readString(file, StandardCharsets.UTF_8));
                    messages = messages.plus(loaded.table());
                    loaded.problems().forEach(p -> problems.add(new RuleError(p.file(), p.line(), p.column(), p.message())));
                }
            }
        }
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.filter(p -> isRuleFile(p.getFileName().toString())).toList()) {
                texts.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        RuleLoader checking = messages.rows().isEmpty() ? this : new RuleLoader(vocabulary.withMessages(messages));
        RuleSet rules = checking.load(texts, prefix);
        return new RuleSet(rules.rulesForPack(), rules.errors(), messages).withErrors(problems);
    }

    /** Rule files' texts by file name, loaded in name order. */
    private RuleSet load(Map<String, String> texts, String displayPrefix) {
        RuleSet set = new RuleSet(List.of(), List.of());
        for (Map.Entry<String, String> file : texts.entrySet()) {
            set = set.plus(loadFile(displayPrefix + file.getKey(), file.getValue()));
        }
        return set;
    }

    private static boolean isRuleFile(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** One rule file's text; {@code name} is what errors call the file. */
    public RuleSet loadFile(String name, String text) {
        try {
            return new RuleSet(List.of(rule(name, text, YamlReader.read(text))), List.of());
        } catch (YamlException e) {
            return new RuleSet(List.of(), List.of(new RuleError(name, e.at().line(), e.at().column(), e.getMessage())));
        }
    }

    private Rule rule(String file, String text, YamlNode root) throws RuleException {
        YamlNode.MapNode map = map(root, "a rule");
        keys(map, RULE_KEYS, "rule");
        String id = text(required(map, "id"), "id");
        if (!ID.matcher(id).matches()) {
            throw new RuleException(map.entries().get("id"), "id '" + id + "' must be lower-case letters, digits and '-'");
        }
        String title = text(required(map, "title"), "title");
        java.util.Set<String> letNames = new java.util.LinkedHashSet<>();
        if (map.entries().get("let") instanceof YamlNode.MapNode declared) {
            letNames.addAll(declared.entries().keySet());
        }
        NameCheck decision = new NameCheck(vocabulary, java.util.Set.of(), false, Map.of());
        NameCheck values = new NameCheck(vocabulary, letNames, true, Map.of());
        compiler.checking(values);
        List<Rule.Level> levels = levels(required(map, "severity"));
        Severity severity = levels.stream().map(Rule.Level::severity).max(Severity::compareTo).orElseThrow();
        String description = optionalText(map, "description");
        compiler.checking(decision);
        Rule.Condition when = condition(required(map, "when"));
        Rule.Correlation correlation = map.entries().containsKey("correlate") ? correlation(map.entries().get("correlate")) : null;
        compiler.checking(values);
        Map<String, Expr> let = new LinkedHashMap<>();
        if (map.entries().containsKey("let")) {
            YamlNode.MapNode lets = map(map.entries().get("let"), "a mapping of names to expressions");
            for (var e : lets.entries().entrySet()) {
                let.put(e.getKey(), compiler.compile(text(e.getValue(), e.getKey()), e.getValue()));
            }
        }
        Texts summary = texts(map, "summary");
        Texts summaryAlone = texts(map, "summary_alone");
        Texts summaryFacts = texts(map, "summary_facts");
        Texts effect = texts(map, "effect");
        Expr ratePerDay = map.entries().containsKey("rate_per_day")
                ? compiler.compile(text(map.entries().get("rate_per_day"), "rate_per_day"), map.entries().get("rate_per_day")) : null;
        List<String> evidenceFacts = new ArrayList<>();
        if (map.entries().containsKey("evidence")) {
            YamlNode.MapNode evidence = map(map.entries().get("evidence"), "a mapping");
            keys(evidence, EVIDENCE_KEYS, "evidence");
            if (evidence.entries().containsKey("facts")) {
                for (YamlNode item : list(evidence.entries().get("facts")).items()) {
                    String name = text(item, "a fact name");
                    values.check(new Expr.Name(name), item);
                    evidenceFacts.add(name);
                }
            }
        }
        List<Rule.Remediation> remediation = new ArrayList<>();
        if (map.entries().containsKey("remediation")) {
            for (YamlNode item : list(map.entries().get("remediation")).items()) {
                remediation.add(remediation(item));
            }
        }
        compiler.checking(null);
        return new Rule(id, title, severity, levels, description, file, text, when, correlation, let, summary, summaryAlone,
                summaryFacts, effect, ratePerDay, evidenceFacts, remediation);
    }

    private Rule.Condition condition(YamlNode node) throws RuleException {
        YamlNode.MapNode map = map(node, "a condition (event:, fact:, any: or all:)");
        var e = map.entries();
        if (e.containsKey("any") || e.containsKey("all")) {
            String which = e.containsKey("any") ? "any" : "all";
            keys(map, Set.of(which), which);
            List<Rule.Condition> parts = new ArrayList<>();
            for (YamlNode item : list(e.get(which)).items()) {
                parts.add(condition(item));
            }
            if (parts.isEmpty()) {
                throw new RuleException(e.get(which), which + ": needs at least one condition");
            }
            return which.equals("any") ? new Rule.AnyOf(parts) : new Rule.AllOf(parts);
        }
        if (e.containsKey("fact")) {
            keys(map, Set.of("fact"), "fact condition");
            String text = text(e.get("fact"), "fact");
            return new Rule.FactCondition(text, compiler.compile(text, e.get("fact")));
        }
        if (e.containsKey("event") || e.containsKey("pattern")) {
            keys(map, EVENT_KEYS, "event condition");
            String kind = e.containsKey("event") ? text(e.get("event"), "event") : null;
            if (kind != null && compiler.check() != null) {
                compiler.check().kind(kind, e.get("event"));
            }
            SafePattern pattern = null;
            if (e.containsKey("pattern")) {
                try {
                    pattern = SafePattern.compile(text(e.get("pattern"), "pattern"));
                } catch (PatternSyntaxException ex) {
                    throw new RuleException(e.get("pattern"), "bad pattern: " + ex.getDescription());
                } catch (IllegalArgumentException ex) {
                    throw new RuleException(e.get("pattern"), "bad pattern: " + ex.getMessage());
                }
            }
            long minCount = e.containsKey("min_count") ? wholeNumber(e.get("min_count"), "min_count") : 1;
            Duration within = e.containsKey("within") ? Durations.parse(text(e.get("within"), "within"), e.get("within")) : null;
            return new Rule.EventCondition(kind, pattern, minCount, within);
        }
        throw new RuleException(node, "a condition needs one of event:, pattern:, fact:, any: or all:");
    }

    private Rule.Correlation correlation(YamlNode node) throws RuleException {
        YamlNode.MapNode map = map(node, "a mapping with window: and symptoms:");
        keys(map, CORRELATE_KEYS, "correlate");
        Duration window = Durations.parse(text(required(map, "window"), "window"), map.entries().get("window"));
        List<Rule.Symptom> symptoms = new ArrayList<>();
        for (YamlNode item : list(required(map, "symptoms")).items()) {
            YamlNode.MapNode s = map(item, "a symptom (event:, label:, noun:)");
            keys(s, SYMPTOM_KEYS, "symptom");
            String kind = text(required(s, "event"), "event");
            if (compiler.check() != null) {
                compiler.check().kind(kind, s.entries().get("event"));
            }
            symptoms.add(new Rule.Symptom(kind, s.entries().containsKey("label") ? text(s.entries().get("label"), "label") : kind,
                    s.entries().containsKey("noun") ? text(s.entries().get("noun"), "noun") : "events"));
        }
        return new Rule.Correlation(window, symptoms);
    }

    private Rule.Remediation remediation(YamlNode node) throws RuleException {
        if (node instanceof YamlNode.Scalar) {
            return new Rule.Remediation(Template.compile(text(node, "remediation"), node, compiler), null, null, List.of(), 0);
        }
        YamlNode.MapNode map = map(node, "text, or a mapping with text:");
        keys(map, REMEDIATION_KEYS, "remediation");
        String forEach = map.entries().containsKey("for_each") ? text(map.entries().get("for_each"), "for_each") : null;
        int limit = map.entries().containsKey("limit") ? (int) wholeNumber(map.entries().get("limit"), "limit") : 0;
        List<String> by = map.entries().containsKey("by") ? List.of(text(map.entries().get("by"), "by").split("\\s*,\\s*")) : List.of();
        if (!by.isEmpty() && forEach == null) {
            throw new RuleException(map.entries().get("by"), "by: groups the rows of a for_each: this step has none");
        }
        NameCheck outside = compiler.check();
        if (forEach != null && outside != null) {
            compiler.checking(inRows(outside, forEach, by, map.entries().get("for_each")));
        }
        try {
            YamlNode textNode = required(map, "text");
            Template text = Template.compile(text(textNode, "text"), textNode, compiler);
            Expr when = map.entries().containsKey("when")
                    ? compiler.compile(text(map.entries().get("when"), "when"), map.entries().get("when")) : null;
            return new Rule.Remediation(text, when, forEach, by, limit);
        } finally {
            compiler.checking(outside);
        }
    }

    /** The check inside a for_each: the table's columns, or a labelled fact's labels and its value, as row fields. */
    private NameCheck inRows(NameCheck outside, String forEach, List<String> by, YamlNode at) throws RuleException {
        var table = vocabulary.table(forEach);
        if (table.isPresent()) {
            if (!by.isEmpty()) {
                throw new RuleException(at, "by: groups a labelled fact's rows; " + forEach + " is a table");
            }
            return outside.inRows(new java.util.TreeSet<>(table.get().columns()), java.util.Set.of());
        }
        List<String> labels = vocabulary.labels(forEach);
        if (!vocabulary.declares(forEach) || labels.isEmpty()) {
            String hint = vocabulary.nearest(forEach, false).map(n -> " (did you mean " + n + "?)").orElse("");
            throw new RuleException(at, "for_each: '" + forEach + "' is neither a table nor a labelled fact anything declares" + hint);
        }
        for (String label : by) {
            if (!labels.contains(label)) {
                throw new RuleException(at, "by: " + forEach + " has no label '" + label + "' (labels: " + String.join(", ", labels) + ")");
            }
        }
        java.util.Set<String> rowLabels = new java.util.TreeSet<>(by.isEmpty() ? labels : by);
        java.util.Set<String> fields = new java.util.TreeSet<>(rowLabels);
        fields.add("value");
        return outside.inRows(fields, rowLabels);
    }

    /** A text: one template, or a list of variants (text:, when:), the first that holds said. */
    private Texts texts(YamlNode.MapNode map, String key) throws RuleException {
        YamlNode node = map.entries().get(key);
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Scalar) {
            return Texts.of(Template.compile(text(node, key), node, compiler));
        }
        List<Texts.Variant> variants = new ArrayList<>();
        for (YamlNode item : list(node).items()) {
            YamlNode.MapNode v = map(item, "a variant of " + key + " (text:, and when: but for the last)");
            keys(v, TEXT_KEYS, key);
            YamlNode textNode = required(v, "text");
            Expr when = v.entries().containsKey("when")
                    ? compiler.compile(text(v.entries().get("when"), "when"), v.entries().get("when")) : null;
            variants.add(new Texts.Variant(Template.compile(text(textNode, "text"), textNode, compiler), when));
        }
        if (variants.isEmpty()) {
            throw new RuleException(node, key + ": needs at least one text");
        }
        return new Texts(variants);
    }

    /**
     * A severity: one level, or a list of levels (level:, when:) tried in order, the last with
     * no condition as the default, so that a counter is judged by thresholds the rule states.
     */
    private List<Rule.Level> levels(YamlNode node) throws RuleException {
        if (node instanceof YamlNode.Scalar) {
            return List.of(new Rule.Level(severity(node), null, null));
        }
        List<Rule.Level> levels = new ArrayList<>();
        List<YamlNode> items = list(node).items();
        for (int i = 0; i < items.size(); i++) {
            YamlNode.MapNode level = map(items.get(i), "a severity level (level:, when:)");
            keys(level, LEVEL_KEYS, "severity");
            YamlNode whenNode = level.entries().get("when");
            if (whenNode == null && i < items.size() - 1) {
                throw new RuleException(items.get(i), "only the last severity level may have no when:");
            }
            if (whenNode != null && i == items.size() - 1) {
                throw new RuleException(whenNode, "the last severity level is the default: it has no when:");
            }
            String whenText = whenNode == null ? null : text(whenNode, "when");
            levels.add(new Rule.Level(severity(required(level, "level")), whenText == null ? null : compiler.compile(whenText, whenNode),
                    whenText));
        }
        if (levels.isEmpty()) {
            throw new RuleException(node, "severity: needs at least one level");
        }
        return levels;
    }

    private static Severity severity(YamlNode node) throws RuleException {
        Severity severity = Severity.parse(text(node, "severity"));
        if (severity == null) {
            throw new RuleException(node, "severity must be one of critical, high, medium, low, info");
        }
        return severity;
    }

    private static void keys(YamlNode.MapNode map, Set<String> allowed, String what) throws RuleException {
        for (var e : map.keys().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw new RuleException(e.getValue(), "unknown key '" + e.getKey() + "' in " + what
                        + " (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
    }

    private static YamlNode required(YamlNode.MapNode map, String key) throws RuleException {
        YamlNode node = map.entries().get(key);
        if (node == null) {
            throw new RuleException(map, "missing '" + key + ":'");
        }
        return node;
    }

    private static YamlNode.MapNode map(YamlNode node, String expected) throws RuleException {
        if (node instanceof YamlNode.MapNode m) {
            return m;
        }
        throw new RuleException(node, "expected " + expected + ", found " + YamlNode.describe(node));
    }

    private static YamlNode.ListNode list(YamlNode node) throws RuleException {
        if (node instanceof YamlNode.ListNode l) {
            return l;
        }
        throw new RuleException(node, "expected a list, found " + YamlNode.describe(node));
    }

    private static String text(YamlNode node, String what) throws RuleException {
        if (node instanceof YamlNode.Scalar s && s.value() != null && !(s.value() instanceof Boolean)) {
            return s.value() instanceof java.math.BigDecimal d ? d.toPlainString() : s.value().toString();
        }
        throw new RuleException(node, what + ": expected text, found " + YamlNode.describe(node));
    }

    private static String optionalText(YamlNode.MapNode map, String key) throws RuleException {
        YamlNode node = map.entries().get(key);
        return node == null ? null : text(node, key);
    }

    private static long wholeNumber(YamlNode node, String what) throws RuleException {
        if (node instanceof YamlNode.Scalar s && s.value() instanceof java.math.BigDecimal d) {
            try {
                long v = d.longValueExact();
                if (v >= 0) {
                    return v;
                }
            } catch (ArithmeticException ignored) {
                // falls through to the error below
            }
        }
        throw new RuleException(node, what + ": expected a whole number, found " + YamlNode.describe(node));
    }
}
