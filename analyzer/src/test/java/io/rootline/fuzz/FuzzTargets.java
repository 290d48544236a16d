package io.rootline.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rootline.Analyzer;
import io.rootline.bundle.Limits;
import io.rootline.parse.ArtifactStatus;
import io.rootline.parse.ParsedArtifact;
import io.rootline.report.Report;
import io.rootline.report.ReportFormat;
import io.rootline.rules.RuleError;
import io.rootline.rules.RuleLoader;
import io.rootline.rules.RuleSet;
import io.rootline.support.Fixtures;
import io.rootline.support.ParsedFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Jazzer fuzz targets over everything that reads untrusted bytes: the bundle reader
 * (archives of every kind, through the whole analysis and every renderer), every
 * grammar through its parser, and the rule loader. Any exception is a finding.
 *
 * <p>Without JAZZER_FUZZ these run as regression tests on the inputs in
 * src/test/resources/io/rootline/fuzz/FuzzTargetsInputs/ (seeded from the fixtures;
 * every crash found is added there). With JAZZER_FUZZ=1 one target is fuzzed per run:
 * see the README's "Fuzzing" section.
 */
class FuzzTargets {

    /** Small limits keep generated bombs quick; the limits themselves are under test too. */
    private static final Limits LIMITS = Limits.DEFAULTS.withMaxTotalBytes(64L << 20).withMaxArtifactBytes(16L << 20)
            .withMaxEntries(10_000);

    @FuzzTest(maxDuration = "20s")
    void bundleReader(byte[] archive) throws IOException {
        Report report = new Analyzer(Fixtures.rules(), LIMITS).analyze(new ByteArrayInputStream(archive), "fuzz");
        for (ReportFormat format : ReportFormat.values()) {
            assertNotNull(format.renderer().render(report));
        }
    }

    /**
     * The first line names the format ("ethtool-stats"), the rest is the artifact's text; a first
     * line the mutations made into no format's name picks one by its hash, so every input
     * reaches some grammar and every seed reaches its own.
     */
    @FuzzTest(maxDuration = "20s")
    void grammars(byte[] input) {
        Seed seed = Seed.of(input);
        ParsedArtifact a = ParsedFiles.parse(seed.format(), seed.text());
        assertNotNull(a.status());
        for (String problem : a.problems()) {
            assertTrue(problem.startsWith("line ") || problem.startsWith("… and ") || problem.equals("the file is empty"), problem);
        }
        assertTrue(a.status() != ArtifactStatus.UNRECOGNIZED);
    }

    @FuzzTest(maxDuration = "20s")
    void ruleLoader(byte[] input) {
        RuleSet set = new RuleLoader().loadFile("fuzz.yaml", new String(input, StandardCharsets.UTF_8));
        assertTrue(set.size() + set.errors().size() == 1, "one rule or one error per file");
        for (RuleError e : set.errors()) {
            assertTrue(e.line() >= 1 && e.column() >= 1, e.toString());
        }
    }

    /** A grammar seed: the format its first line names, and the text after it. */
    record Seed(io.rootline.format.Format format, String text) {
        static Seed of(byte[] input) {
            String all = new String(input, StandardCharsets.UTF_8);
            int newline = all.indexOf('\n');
            String name = newline < 0 ? all : all.substring(0, newline);
            var formats = io.rootline.format.Formats.installed();
            var format = formats.named(name.strip()).orElseGet(() -> formats.all().get(Math.floorMod(name.hashCode(), formats.all().size())));
            return new Seed(format, newline < 0 ? "" : all.substring(newline + 1));
        }
    }
}
