package io.rootline.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rootline.Rootline;
import io.rootline.bundle.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The pack's own rule tests (rules/tests/), run as the build's tests; and the build fails on a
 * pack rule without a test that makes it fire and a twin that must not.
 */
class PackRuleTestsTest {

    private static final Path TESTS = Path.of("rules/tests");

    private static List<RuleTest> packTests() throws IOException {
        List<RuleTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(TESTS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                RuleTestLoader.Loaded loaded = RuleTestLoader.load(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                assertNull(loaded.error(), loaded.error());
                tests.addAll(loaded.tests());
            }
        }
        return tests;
    }

    @TestFactory
    Stream<DynamicTest> everyPackTestPasses() throws IOException {
        RuleTestRunner runner = new RuleTestRunner(Rootline.load(List.of(), Limits.DEFAULTS));
        return packTests().stream().map(t -> DynamicTest.dynamicTest(t.file() + ": " + t.name(), () -> {
            RuleTestRunner.Result r = runner.run(t);
            assertTrue(r.passed(), String.join("\n", r.failures()));
        }));
    }

    @Test
    void everyPackRuleHasATestAndANegativeTwin() throws IOException {
        Set<String> fires = new TreeSet<>();
        Set<String> mustNot = new TreeSet<>();
        for (RuleTest t : packTests()) {
            t.expect().forEach(e -> fires.add(e.rule()));
            mustNot.addAll(t.expectNot());
        }
        Set<String> rules = new TreeSet<>(new io.rootline.rules.RuleLoader().loadBundled().ids());
        Set<String> untested = new TreeSet<>(rules);
        untested.removeAll(fires);
        assertEquals(Set.of(), untested, "pack rules no test in rules/tests/ makes fire");
        Set<String> untwinned = new TreeSet<>(rules);
        untwinned.removeAll(mustNot);
        assertEquals(Set.of(), untwinned, "pack rules without a negative twin (expect_not:) in rules/tests/");
    }
}
