package io.rootline.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One declarative test of rules: a bundle (files written inline, as a sos report holds them,
 * or a bundle file beside the test), the findings it must give and the rules that must not
 * fire. The format is the one a team keeps its captured incidents in, as regression tests
 * ({@code rootline test DIR}); the pack's own rules are tested in it ({@code rules/tests/}).
 *
 * @param file      the test file, as given
 * @param line      where the test starts in it
 * @param files     the bundle's files, by path under the report's root (when inline)
 * @param links     the bundle's symbolic links, name to target (sos's {@code proc/net -> self/net})
 * @param bundle    a bundle file or folder, relative to the test file (instead of files), or null
 * @param expect    findings that must be there
 * @param expectNot ids of rules that must not fire
 */
public record RuleTest(String file, int line, String name, Map<String, String> files, Map<String, String> links, Path bundle,
                       List<Expected> expect, List<String> expectNot) {

    public RuleTest {
        files = Map.copyOf(files);
        links = Map.copyOf(links);
        expect = List.copyOf(expect);
        expectNot = List.copyOf(expectNot);
    }

    /**
     * A finding a test expects: its rule, and whatever else the test says about it (null or
     * empty: not checked).
     *
     * @param count       printed plus suppressed cause events
     * @param contains    words its summary, effect, remediation or notes must hold, by which ("summary" ...)
     */
    public record Expected(String rule, String severity, String firstSeen, Long count, Map<String, List<String>> contains) {
        public Expected {
            contains = Map.copyOf(contains);
        }
    }
}
