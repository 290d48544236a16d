package io.rootline.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rootline.Analyzer;
import io.rootline.bundle.Limits;
import io.rootline.parse.ArtifactKind;
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

    /** The first byte picks the format, the rest is the artifact's text. */
    @FuzzTest(maxDuration = "20s")
    void grammars(byte[] input) {
        if (input.length == 0) {
            return;
        }
        ArtifactKind kind = ArtifactKind.values()[Math.floorMod(input[0], ArtifactKind.values().length)];
        ParsedArtifact a = ParsedFiles.parse(kind, new String(Arrays.copyOfRange(input, 1, input.length), StandardCharsets.UTF_8));
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
}
