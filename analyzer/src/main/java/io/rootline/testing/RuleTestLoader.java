package io.rootline.testing;

import io.rootline.yaml.YamlException;
import io.rootline.yaml.YamlNode;
import io.rootline.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a test file: {@code tests:}, a list of tests, each a {@code name:}, a {@code bundle:}
 * (a mapping of paths to contents, or the path of a bundle beside the file), optional
 * {@code links:}, and {@code expect:} and {@code expect_not:}. A file that is not that is one
 * error at the line and column where it goes wrong.
 */
public final class RuleTestLoader {

    private static final Set<String> TEST_KEYS = Set.of("name", "bundle", "links", "expect", "expect_not");
    private static final Set<String> EXPECT_KEYS = Set.of("rule", "severity", "first_seen", "count", "summary_contains",
            "effect_contains", "remediation_contains", "notes_contain");

    /** The tests of a file, or the error that stops it. */
    public record Loaded(List<RuleTest> tests, String error) {
    }

    private RuleTestLoader() {
    }

    /** Whether a YAML text is a test file (its top mapping has tests:), without reading it whole. */
    public static boolean isTestFile(String text) {
        for (String line : text.lines().toList()) {
            if (line.startsWith("tests:")) {
                return true;
            }
        }
        return false;
    }

    public static Loaded load(String file, String text) {
        try {
            YamlNode root = YamlReader.read(text);
            YamlNode.MapNode top = map(root, "a test file (tests: and a list of tests)");
            keys(top, Set.of("tests"));
            if (!(top.entries().get("tests") instanceof YamlNode.ListNode list)) {
                throw new YamlException(top, "tests: needs a list of tests");
            }
            List<RuleTest> tests = new ArrayList<>();
            Set<String> names = new TreeSet<>();
            for (YamlNode item : list.items()) {
                RuleTest t = test(file, item);
                if (!names.add(t.name())) {
                    throw new YamlException(item, "two tests are named '" + t.name() + "'");
                }
                tests.add(t);
            }
            return new Loaded(tests, null);
        } catch (YamlException e) {
            return new Loaded(List.of(), file + ":" + e.at().line() + ":" + e.at().column() + ": " + e.getMessage());
        }
    }

    private static RuleTest test(String file, YamlNode node) throws YamlException {
        YamlNode.MapNode map = map(node, "a test (name:, bundle:, expect:, expect_not:)");
        keys(map, TEST_KEYS);
        String name = text(required(map, "name"), "name");
        YamlNode bundleNode = required(map, "bundle");
        Map<String, String> files = new LinkedHashMap<>();
        Path bundle = null;
        if (bundleNode instanceof YamlNode.Scalar) {
            bundle = Path.of(text(bundleNode, "bundle"));
        } else {
            YamlNode.MapNode inline = map(bundleNode, "the bundle's files (path: content), or a bundle's path");
            for (var e : inline.entries().entrySet()) {
                files.put(relative(e.getKey(), inline.keys().get(e.getKey())), text(e.getValue(), e.getKey()));
            }
            if (files.isEmpty()) {
                throw new YamlException(bundleNode, "the bundle has no file");
            }
        }
        Map<String, String> links = new LinkedHashMap<>();
        if (map.entries().containsKey("links")) {
            YamlNode.MapNode l = map(map.entries().get("links"), "links: name: target");
            for (var e : l.entries().entrySet()) {
                links.put(relative(e.getKey(), l.keys().get(e.getKey())), text(e.getValue(), e.getKey()));
            }
        }
        List<RuleTest.Expected> expect = new ArrayList<>();
        if (map.entries().containsKey("expect")) {
            for (YamlNode item : list(map.entries().get("expect"), "expect:").items()) {
                expect.add(expected(item));
            }
        }
        List<String> expectNot = new ArrayList<>();
        if (map.entries().containsKey("expect_not")) {
            for (YamlNode item : list(map.entries().get("expect_not"), "expect_not:").items()) {
                expectNot.add(text(item, "a rule id"));
            }
        }
        if (expect.isEmpty() && expectNot.isEmpty()) {
            throw new YamlException(map, "a test expects something: expect: findings, or expect_not: rules");
        }
        return new RuleTest(file, node.line(), name, files, links, bundle, expect, expectNot);
    }

    private static RuleTest.Expected expected(YamlNode node) throws YamlException {
        YamlNode.MapNode map = map(node, "an expected finding (rule:, severity:, first_seen:, count:, summary_contains: ...)");
        keys(map, EXPECT_KEYS);
        String rule = text(required(map, "rule"), "rule");
        String severity = map.entries().containsKey("severity") ? text(map.entries().get("severity"), "severity") : null;
        String firstSeen = map.entries().containsKey("first_seen") ? text(map.entries().get("first_seen"), "first_seen") : null;
        Long count = null;
        if (map.entries().get("count") instanceof YamlNode.Scalar s && s.value() instanceof Number n) {
            count = n.longValue();
        } else if (map.entries().containsKey("count")) {
            throw new YamlException(map.entries().get("count"), "count: expected a number");
        }
        Map<String, List<String>> contains = new LinkedHashMap<>();
        for (String which : List.of("summary", "effect", "remediation", "notes")) {
            String key = which.equals("notes") ? "notes_contain" : which + "_contains";
            if (map.entries().containsKey(key)) {
                List<String> words = new ArrayList<>();
                YamlNode v = map.entries().get(key);
                if (v instanceof YamlNode.Scalar) {
                    words.add(text(v, key));
                } else {
                    for (YamlNode item : list(v, key).items()) {
                        words.add(text(item, key));
                    }
                }
                contains.put(which, words);
            }
        }
        return new RuleTest.Expected(rule, severity, firstSeen, count, contains);
    }

    /** A path inside the bundle: relative, no "..", no empty part. */
    private static String relative(String path, YamlNode at) throws YamlException {
        if (path.startsWith("/") || path.contains("\\") || List.of(path.split("/", -1)).stream()
                .anyMatch(p -> p.isEmpty() || p.equals("..") || p.equals("."))) {
            throw new YamlException(at, "'" + path + "' is not a path inside the bundle (relative, without . or ..)");
        }
        return path;
    }

    private static YamlNode.MapNode map(YamlNode node, String what) throws YamlException {
        if (!(node instanceof YamlNode.MapNode m)) {
            throw new YamlException(node, "expected " + what + ", found " + YamlNode.describe(node));
        }
        return m;
    }

    private static YamlNode.ListNode list(YamlNode node, String what) throws YamlException {
        if (!(node instanceof YamlNode.ListNode l)) {
            throw new YamlException(node, what + " expected a list, found " + YamlNode.describe(node));
        }
        return l;
    }

    private static YamlNode required(YamlNode.MapNode map, String key) throws YamlException {
        YamlNode v = map.entries().get(key);
        if (v == null) {
            throw new YamlException(map, "missing '" + key + ":'");
        }
        return v;
    }

    private static void keys(YamlNode.MapNode map, Set<String> known) throws YamlException {
        for (var e : map.keys().entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new YamlException(e.getValue(), "unknown key '" + e.getKey() + "' (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    private static String text(YamlNode node, String what) throws YamlException {
        if (node instanceof YamlNode.Scalar s && s.value() != null && !(s.value() instanceof Boolean)) {
            return s.value() instanceof String t ? t : String.valueOf(s.value());
        }
        throw new YamlException(node, what + ": expected text, found " + YamlNode.describe(node));
    }
}
