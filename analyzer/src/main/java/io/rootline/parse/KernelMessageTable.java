package io.rootline.parse;

import io.rootline.model.Event;
import io.rootline.model.Evidence;
import io.rootline.model.Stamp;
import io.rootline.yaml.YamlException;
import io.rootline.yaml.YamlNode;
import io.rootline.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kernel messages that become events, as data: one table for the ring buffer and the
 * syslog files alike ({@code rules/messages/kernel.yaml}, and a pack's own
 * {@code messages/*.yaml}). A message holding none of the rows' anchors is plain text; one
 * that holds an anchor is matched against the rows in order, the first that matches giving
 * the event: its kind, its count (a rate limiter's N), its attributes (the pattern's named
 * groups). The fast paths find the anchors through a {@link WordSet} made from them, and
 * take the rows' literal messages byte for byte; every other line with an anchor goes to
 * the grammar, then here.
 */
public final class KernelMessageTable {

    /** The kind of a rate limiter's count: folded into the burst of the messages it suppressed. */
    public static final String RATELIMIT = "kernel.ratelimit-suppressed";

    private static final String BUNDLED = "/io/rootline/rules/pack/messages/kernel.yaml";
    private static volatile KernelMessageTable bundled;

    /**
     * One row.
     *
     * @param literals  whole messages, each as the kernel prints it (trailing blanks allowed)
     * @param pattern   what the message must contain, null when the literals say it all
     * @param count     the named group that counts events (a rate limiter's N), or null
     * @param limiters  for the rate limiter's row: the limiters whose counts are networking's
     * @param at        where the row is written ("kernel.yaml:12")
     */
    public record Row(String kind, String anchor, List<String> literals, SafePattern pattern, String count,
                      List<String> attributes, List<String> limiters, List<String> examples, String description, String at) {
        public Row {
            literals = List.copyOf(literals);
            attributes = List.copyOf(attributes);
            limiters = List.copyOf(limiters);
            examples = List.copyOf(examples);
        }

        /** The attributes of a message this row matches, or null when it does not. */
        Map<String, String> match(String message) {
            int end = message.length();
            while (end > 0 && (message.charAt(end - 1) == ' ' || message.charAt(end - 1) == '\t' || message.charAt(end - 1) == '\r')) {
                end--;
            }
            String trimmed = message.substring(0, end);
            for (String literal : literals) {
                if (trimmed.equals(literal)) {
                    return Map.of();
                }
            }
            return pattern == null ? null : pattern.groups(message, attributes);
        }
    }

    /** A table as loaded, with the errors of the rows that did not load. */
    public record Loaded(KernelMessageTable table, List<Problem> problems) {
    }

    /** A row that did not load, at its place. */
    public record Problem(String file, int line, int column, String message) {
    }

    private final List<Row> rows;
    private final WordSet anchors;
    private final byte[][] literals;
    private final String[] literalKinds;
    private final Row ratelimit;
    private final byte[][] anchorBytes;

    public KernelMessageTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
        Set<String> words = new LinkedHashSet<>();
        List<byte[]> lits = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        Row limiter = null;
        for (Row r : this.rows) {
            words.add(r.anchor());
            for (String literal : r.literals()) {
                lits.add(FastLines.ascii(literal));
                kinds.add(r.kind());
            }
            if (limiter == null && r.kind().equals(RATELIMIT) && r.count() != null && !r.limiters().isEmpty()) {
                limiter = r;
            }
        }
        this.anchors = WordSet.of(words);
        this.literals = lits.toArray(byte[][]::new);
        this.literalKinds = kinds.toArray(String[]::new);
        this.ratelimit = limiter;
        this.anchorBytes = this.rows.stream().map(r -> FastLines.ascii(r.anchor())).toArray(byte[][]::new);
    }

    /** The bundled pack's table, read once. */
    public static KernelMessageTable bundled() {
        KernelMessageTable t = bundled;
        if (t == null) {
            synchronized (KernelMessageTable.class) {
                if (bundled == null) {
                    bundled = readBundled();
                }
                t = bundled;
            }
        }
        return t;
    }

    private static KernelMessageTable readBundled() {
        try (InputStream in = KernelMessageTable.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled kernel message table " + BUNDLED + " is missing from the build");
            }
            Loaded loaded = load("rules/messages/kernel.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!loaded.problems().isEmpty()) {
                throw new IllegalStateException("the bundled kernel message table does not load: " + loaded.problems());
            }
            return loaded.table();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Row> rows() {
        return rows;
    }

    /** This table's rows, then the other's: a pack's own messages after the bundled ones. */
    public KernelMessageTable plus(KernelMessageTable more) {
        List<Row> all = new ArrayList<>(rows);
        all.addAll(more.rows);
        return new KernelMessageTable(all);
    }

    /** The event kinds the table makes. */
    public Set<String> kinds() {
        Set<String> kinds = new LinkedHashSet<>();
        rows.forEach(r -> kinds.add(r.kind()));
        return kinds;
    }

    /**
     * The event a message stands for, or null for plain text.
     *
     * @param times how many times the line was logged (syslog's "message repeated N times")
     */
    public Event event(String message, Stamp stamp, long times, Evidence evidence) {
        for (Row r : rows) {
            if (!message.contains(r.anchor())) {
                continue;
            }
            Map<String, String> attributes = r.match(message);
            if (attributes == null) {
                continue;
            }
            long count = times;
            if (r.count() != null) {
                String n = attributes.get(r.count());
                if (n == null) {
                    continue;
                }
                count = Math.multiplyExact(Long.parseLong(n), times);
                Map<String, String> rest = new java.util.TreeMap<>(attributes);
                rest.remove(r.count());
                attributes = rest;
            }
            return new Event(r.kind(), stamp, count, attributes, evidence);
        }
        return null;
    }

    /** For the fast paths: whether {@code b[from, to)} holds any row's anchor (if not, it is plain text). */
    boolean anchored(byte[] b, int from, int to) {
        return anchors.foundIn(b, from, to);
    }

    /**
     * For the fast paths: the kind of a row's literal that the message {@code b[from, n)} is,
     * blanks after it allowed, or null. A host without a rate limit prints the conntrack drop
     * message by the million.
     */
    String literalKind(byte[] b, int n, int from) {
        for (int k = 0; k < literals.length; k++) {
            byte[] literal = literals[k];
            if (FastLines.startsWith(b, n, from, literal)) {
                int i = from + literal.length;
                while (i < n && FastLines.blank(b[i])) {
                    i++;
                }
                if (i == n && firstMatching(literalKinds[k], b, from, n)) {
                    return literalKinds[k];
                }
            }
        }
        return null;
    }

    /**
     * Whether the literal's row is the first row that takes the message: a row before it whose
     * anchor the message holds would have it instead (then the grammar path decides).
     */
    private boolean firstMatching(String kind, byte[] b, int from, int n) {
        for (int k = 0; k < rows.size(); k++) {
            Row r = rows.get(k);
            if (r.kind().equals(kind) && !r.literals().isEmpty()) {
                return true;
            }
            byte[] anchor = anchorBytes[k];
            for (int i = from; i + anchor.length <= n; i++) {
                if (FastLines.startsWith(b, n, i, anchor)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The rate limiter's row, when the table has one the fast paths can take: "SOURCE: N callbacks suppressed". */
    Row ratelimit() {
        return ratelimit;
    }

    /** Whether {@code b[from, to)} names one of the rate limiter row's limiters. */
    boolean networkLimiter(byte[] b, int from, int to) {
        if (ratelimit == null) {
            return false;
        }
        for (String name : ratelimit.limiters()) {
            if (name.length() == to - from && FastLines.startsWith(b, to, from, FastLines.ascii(name))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> KEYS = Set.of("kind", "description", "anchor", "literal", "pattern", "count",
            "limiters", "examples");

    /** Reads a table file ({@code messages:} and its rows); each row that does not load is a problem at its place. */
    public static Loaded load(String file, String text) {
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        YamlNode root;
        try {
            root = YamlReader.read(text);
        } catch (YamlException e) {
            problems.add(new Problem(file, e.at().line(), e.at().column(), e.getMessage()));
            return new Loaded(new KernelMessageTable(rows), problems);
        }
        if (!(root instanceof YamlNode.MapNode map) || !(map.entries().get("messages") instanceof YamlNode.ListNode list)
                || map.entries().size() != 1) {
            problems.add(new Problem(file, root.line(), root.column(), "a message table is a mapping with messages: and a list of rows"));
            return new Loaded(new KernelMessageTable(rows), problems);
        }
        for (YamlNode item : list.items()) {
            try {
                rows.add(row(file, item));
            } catch (YamlException e) {
                problems.add(new Problem(file, e.at().line(), e.at().column(), e.getMessage()));
            }
        }
        return new Loaded(new KernelMessageTable(rows), problems);
    }

    private static Row row(String file, YamlNode node) throws YamlException {
        if (!(node instanceof YamlNode.MapNode map)) {
            throw new YamlException(node, "a message row is a mapping (kind:, anchor:, literal: or pattern:, examples:)");
        }
        for (var key : map.keys().entrySet()) {
            if (!KEYS.contains(key.getKey())) {
                throw new YamlException(key.getValue(), "unknown key '" + key.getKey() + "' (known: " + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
            }
        }
        String kind = text(map, "kind", true);
        if (!kind.matches("kernel\\.[a-z0-9-]+")) {
            throw new YamlException(map.entries().get("kind"), "kind '" + kind + "' must be kernel. and lower-case letters, digits and '-'");
        }
        String anchor = text(map, "anchor", true);
        if (anchor.length() < 4 || !anchor.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new YamlException(map.entries().get("anchor"), "anchor '" + anchor + "' must be printable ASCII, 4 characters at least");
        }
        List<String> literals = texts(map, "literal");
        SafePattern pattern = null;
        String patternText = text(map, "pattern", false);
        if (patternText != null) {
            try {
                pattern = SafePattern.compile(patternText);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new YamlException(map.entries().get("pattern"), "bad pattern: " + e.getDescription());
            } catch (IllegalArgumentException e) {
                throw new YamlException(map.entries().get("pattern"), "bad pattern: " + e.getMessage());
            }
        }
        if (literals.isEmpty() && pattern == null) {
            throw new YamlException(map, "a message row needs literal: or pattern:");
        }
        for (String literal : literals) {
            if (!literal.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
                throw new YamlException(map.entries().get("literal"), "literal '" + literal + "' must be printable ASCII");
            }
            if (!literal.contains(anchor)) {
                throw new YamlException(map.entries().get("literal"), "literal '" + literal + "' does not hold the anchor '" + anchor + "'");
            }
            if (pattern != null && pattern.groups(literal, List.of()) == null) {
                throw new YamlException(map.entries().get("literal"), "literal '" + literal + "' does not match the row's pattern");
            }
        }
        List<String> attributes = pattern == null ? List.of() : pattern.groupNames();
        String count = text(map, "count", false);
        if (count != null && !attributes.contains(count)) {
            throw new YamlException(map.entries().get("count"), "count: '" + count + "' is not a named group of the pattern");
        }
        Row row = new Row(kind, anchor, literals, pattern, count, attributes, texts(map, "limiters"), texts(map, "examples"),
                text(map, "description", false), file + ":" + node.line());
        for (String example : row.examples()) {
            if (!example.contains(anchor) || row.match(example) == null) {
                throw new YamlException(map.entries().get("examples"), "example '" + example + "' is not matched by its row");
            }
        }
        return row;
    }

    private static String text(YamlNode.MapNode map, String key, boolean required) throws YamlException {
        YamlNode v = map.entries().get(key);
        if (v == null) {
            if (required) {
                throw new YamlException(map, "missing '" + key + ":'");
            }
            return null;
        }
        if (!(v instanceof YamlNode.Scalar s) || !(s.value() instanceof String t)) {
            throw new YamlException(v, key + ": expected text, found " + YamlNode.describe(v));
        }
        return t;
    }

    private static List<String> texts(YamlNode.MapNode map, String key) throws YamlException {
        YamlNode v = map.entries().get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof YamlNode.Scalar) {
            return List.of(text(map, key, true));
        }
        if (!(v instanceof YamlNode.ListNode list)) {
            throw new YamlException(v, key + ": expected text or a list of texts, found " + YamlNode.describe(v));
        }
        List<String> out = new ArrayList<>();
        for (YamlNode item : list.items()) {
            if (!(item instanceof YamlNode.Scalar s) || !(s.value() instanceof String t)) {
                throw new YamlException(item, key + ": expected text, found " + YamlNode.describe(item));
            }
            out.add(t);
        }
        return out;
    }
}
