package io.rootline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, stdout, one-line errors on stderr. */
class CliTest {

    private static final String INCIDENT = "fixtures/bundles/dns-conntrack.tar.xz";
    private static final String HEALTHY = "fixtures/bundles/healthy.tar.gz";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void analysisPrintsTheReportAndNothingElse() {
        assertEquals(0, run("analyze", INCIDENT));
        assertTrue(out.toString().contains("critical 2021-05-08 12:40:51  DNS UnknownHostException"), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void failOnTurnsFindingsIntoExitOne() {
        assertEquals(1, run("analyze", "--fail-on", "critical", INCIDENT));
        assertEquals(0, run("analyze", "--fail-on", "info", HEALTHY));
        assertEquals(1, run("analyze", "--fail-on", "medium", HEALTHY, INCIDENT));
    }

    @Test
    void usageErrorsAreOneLineAndExitTwo() {
        assertEquals(2, run("analyze", "no/such/bundle.tar.xz"));
        assertEquals("rootline: no/such/bundle.tar.xz: no such file or folder\n", err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("analyze", "--format", "yaml", INCIDENT));
        assertEquals("rootline: unknown --format 'yaml': use text, markdown or json\n", err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("analyze", "--fail-on", "urgent", INCIDENT));
        assertEquals(2, run("frobnicate"));
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    @Test
    void aFifoGivenAsTheBundleIsRefusedNotOpened(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("bundle.tar.xz");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                "skipped: mkfifo is not available");
        int code = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> run("analyze", fifo.toString()));
        assertEquals(2, code);
        assertEquals("rootline: " + fifo + ": not a regular file or a folder (a bundle is a tarball or an extracted folder)\n",
                err.toString());
    }

    @Test
    void sizesAreReadWithUnits() {
        assertEquals(0, run("analyze", "--max-bytes", "8G", "--max-artifact-bytes", "512M", "--max-line-bytes", "64K", HEALTHY));
        assertEquals(2, run("analyze", "--max-bytes", "lots", HEALTHY));
        assertTrue(err.toString().contains("'lots' is not a size (such as 4096, 512K, 64M, 8G)"), err.toString());
    }

    @Test
    void aFolderWithoutAnyKnownArtifactIsNothingReadable(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("README"), "nothing to see\n");
        assertEquals(2, run("analyze", dir.toString()));
        assertTrue(err.toString().contains("no known artifact found"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void outputGoesToTheFileAsked(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.md");
        assertEquals(0, run("analyze", "--format", "markdown", "--output", file.toString(), INCIDENT));
        assertEquals("", out.toString());
        assertTrue(Files.readString(file).startsWith("# rootline report: 93-44-159-aliyun-core"), Files.readString(file));
    }

    @Test
    void timingsAreOneLinePerBundleOnStderrAndOnlyWhenAsked() {
        assertEquals(0, run("analyze", "--timings", INCIDENT, HEALTHY));
        assertTrue(out.toString().contains("critical 2021-05-08 12:40:51  DNS UnknownHostException"), out.toString());
        String[] lines = err.toString().split("\n");
        assertEquals(2, lines.length, err.toString());
        assertTrue(lines[0].matches("rootline: \\Q" + INCIDENT + "\\E: analysed in \\d+\\.\\d{3} s"), lines[0]);
        assertTrue(lines[1].matches("rootline: \\Q" + HEALTHY + "\\E: analysed in \\d+\\.\\d{3} s"), lines[1]);
        assertTrue(Double.parseDouble(lines[0].replaceAll(".* in | s$", "")) > 0, lines[0]);
        err.getBuffer().setLength(0);
        assertEquals(0, run("analyze", INCIDENT, HEALTHY));
        assertEquals("", err.toString());
    }

    @Test
    void severalBundlesAsJsonAreOneArray() throws IOException {
        assertEquals(0, run("analyze", "--format", "json", INCIDENT, HEALTHY));
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertTrue(tree.isArray());
        assertEquals(2, tree.size());
        assertEquals("rootline.report/1", tree.get(1).get("schema").asText());
        assertEquals(4908, tree.get(0).get("findings").get(0).get("count").asInt());
    }

    @Test
    void rulesCheckListsEveryErrorWithoutAnalysing(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), "id: a\ntitle: A\nseverity: high\nwhen:\n  event: x\n  colour: red\n");
        Files.writeString(dir.resolve("b.yaml"), "id: b\n");
        assertEquals(1, run("rules", "check", dir.toString()));
        String[] lines = err.toString().split("\n");
        assertTrue(lines[0].matches(".*a\\.yaml:6:3: unknown key 'colour'.*"), lines[0]);
        assertTrue(lines[1].matches(".*b\\.yaml:1:1: missing 'title:'.*"), lines[1]);
        assertEquals("2 error(s); 3 rule(s) are valid", lines[2]);
    }

    @Test
    void rulesCheckOfTheBundledPackPasses() {
        assertEquals(0, run("rules", "check"));
        assertEquals("", err.toString());
    }

    /** In a checkout, the pack's own folder holds the very files the pack was built from. */
    @Test
    void rulesCheckOfThePacksOwnFolderPasses() {
        assertEquals(0, run("rules", "check", "rules"));
        assertEquals("", err.toString());
    }

    @Test
    void analyzeRefusesBadUserRules(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), "id: bad\n");
        assertEquals(2, run("analyze", "--rules", dir.toString(), INCIDENT));
        assertTrue(err.toString().contains("bad.yaml:1:1: missing 'title:'"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void aUserRuleMayNotTakeABundledRulesId(@TempDir Path dir) throws IOException {
        // the bundled rules load on a thread of their own; with --rules they are awaited and
        // checked together with the user's before any bundle is read
        Files.writeString(dir.resolve("mine.yaml"), """
                id: conntrack-table-full
                title: Mine
                severity: low
                when:
                  event: kernel.conntrack-table-full
                summary_alone: "mine"
                """);
        assertEquals(2, run("analyze", "--rules", dir.toString(), INCIDENT));
        assertTrue(err.toString().contains("mine.yaml:1:1: rule id 'conntrack-table-full' is already used by"
                + " rules/conntrack-table-full.yaml"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void userRulesJoinTheBundledPack(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("syn.yaml"), """
                id: syn-flooding
                title: SYN flooding
                severity: low
                when:
                  event: kernel.syn-flooding
                summary_alone: "SYN flood on a listening port at {cause.first_seen}"
                """);
        assertEquals(1, run("analyze", "--rules", dir.toString(), "--fail-on", "low", "--format", "json", INCIDENT));
        assertTrue(out.toString().contains("\"summary\" : \"SYN flood on a listening port at 09:21:05\""), out.toString());
    }

    // The command line's promises (issue 24): one-line errors, JSON for every path, a gate that
    // cannot pass a broken capture, a version to put in a ticket, YAML errors where they are.

    @Test
    void anOutputFolderThatDoesNotExistIsOneLineBeforeAnyReading(@TempDir Path dir) {
        Path missing = dir.resolve("missing/dir/report.md");
        assertEquals(2, run("analyze", "-o", missing.toString(), INCIDENT));
        assertEquals("rootline: cannot write report.md: folder " + missing.getParent() + " does not exist\n", err.toString());
        assertEquals("", out.toString());
        // --debug has no stack trace to add: it is not an unexpected error
        err.getBuffer().setLength(0);
        assertEquals(2, run("analyze", "--debug", "-o", missing.toString(), INCIDENT));
        assertEquals(1, err.toString().split("\n").length, err.toString());
    }

    @Test
    void anOutputThatIsAFolderIsOneLine(@TempDir Path dir) {
        assertEquals(2, run("analyze", "-o", dir.toString(), INCIDENT));
        assertTrue(err.toString().matches("rootline: cannot write .*: it is a folder; give the report a file name .*\n"), err.toString());
    }

    @Test
    void jsonOfSeveralPathsIsAnArrayWithTheFailedOnesInPlace(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nope.tar.xz");
        assertEquals(2, run("analyze", "--format", "json", HEALTHY, missing.toString(), INCIDENT));
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertTrue(tree.isArray(), out.toString());
        assertEquals(3, tree.size());
        assertEquals(HEALTHY, tree.get(0).get("bundle").get("source").asText());
        assertEquals(missing.toString(), tree.get(1).get("source").asText());
        assertEquals("no such file or folder", tree.get(1).get("error").asText());
        assertEquals(INCIDENT, tree.get(2).get("bundle").get("source").asText());
        assertEquals("rootline: " + missing + ": no such file or folder\n", err.toString());
    }

    @Test
    void jsonOfOneFailedPathIsItsErrorObject(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("README"), "nothing to see\n");
        assertEquals(2, run("analyze", "--format", "json", dir.toString()));
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.toString());
        assertEquals(dir.toString(), tree.get("source").asText());
        assertTrue(tree.get("error").asText().startsWith("no known artifact found"), out.toString());
    }

    /** A capture cut short: the rules that could run found nothing, and a gate must not pass it. */
    @Test
    void aTruncatedBundleFailsTheGateWithItsOwnCode(@TempDir Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(Path.of(HEALTHY));
        Path cut = dir.resolve("cut.tar.gz");
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
        assertEquals(3, run("analyze", "--fail-on", "high", cut.toString()));
        String[] lines = err.toString().split("\n");
        assertEquals(1, lines.length, err.toString());
        assertTrue(lines[0].startsWith("rootline: " + cut + ": the bundle was not read whole ("), lines[0]);
        assertTrue(lines[0].endsWith("--fail-on cannot pass it"), lines[0]);
        assertTrue(out.toString().contains("LOST "), out.toString());
        // without a gate it is a report like any other, its losses in it
        err.getBuffer().setLength(0);
        assertEquals(0, run("analyze", cut.toString()));
        assertEquals("", err.toString());
    }

    @Test
    void aBundleOnWhichNoRuleCanBeEvaluatedFailsTheGate(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sos_commands/host"));
        Files.writeString(dir.resolve("sos_commands/host/hostname"), "host1\n");
        assertEquals(3, run("analyze", "--fail-on", "info", dir.toString()));
        assertTrue(err.toString().contains("no rule could be evaluated (every rule lacks its input: "), err.toString());
    }

    @Test
    void aFindingAtTheGateIsExitOneEvenWhenTheBundleIsWhole() {
        assertEquals(1, run("analyze", "--fail-on", "critical", INCIDENT));
        assertEquals("", err.toString());
    }

    @Test
    void versionNamesTheCommitItWasBuiltFrom() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().matches("rootline \\d+\\.\\d+\\.\\d+\\S* \\(([0-9a-f]{7,}(-dirty)?|commit unknown: not built from a git checkout)\\)\n"),
                out.toString());
    }

    @Test
    void malformedYamlIsOneLineAtItsPlace(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), "id: bad\ntitle: [unclosed\nseverity: high\n");
        assertEquals(1, run("rules", "check", dir.toString()));
        String[] lines = err.toString().split("\n");
        assertTrue(lines[0].matches(".*bad\\.yaml:2:8: malformed YAML: a flow sequence begun here is not closed \\(.*\\)"), lines[0]);
        assertEquals(2, lines.length, err.toString());
    }

    /** A pack's own kernel message: an event without Java, which its rule reads and rules check accepts. */
    @Test
    void aPacksOwnKernelMessageIsAnEventItsRuleReads(@TempDir Path dir) throws IOException {
        Path pack = Files.createDirectories(dir.resolve("pack/messages"));
        Files.writeString(pack.resolve("i40e.yaml"), """
                messages:
                  - kind: kernel.i40e-tx-driver-issue
                    anchor: "TX driver issue detected"
                    pattern: '^i40e (?<device>[^ ]+): TX driver issue detected, PF reset issued'
                    examples: ["i40e 0000:3b:00.0: TX driver issue detected, PF reset issued"]
                """);
        Files.writeString(dir.resolve("pack/i40e-reset.yaml"), """
                id: i40e-reset
                title: i40e reset its PF after a transmit problem
                severity: medium
                when:
                  event: kernel.i40e-tx-driver-issue
                summary_alone: "i40e reset its PF {cause.count} times"
                """);
        Path bundle = Files.createDirectories(dir.resolve("sosreport-h/sos_commands/kernel"));
        Files.writeString(bundle.resolve("dmesg"), "[    0.000000] Linux version 5.14.0\n"
                + "[ 1200.500000] i40e 0000:3b:00.0: TX driver issue detected, PF reset issued\n"
                + "[ 1260.500000] i40e 0000:3b:00.0: TX driver issue detected, PF reset issued\n");
        assertEquals(0, run("rules", "check", dir.resolve("pack").toString()));
        assertEquals(1, run("analyze", "--rules", dir.resolve("pack").toString(), "--fail-on", "medium", "--format", "json",
                dir.resolve("sosreport-h").toString()));
        assertTrue(out.toString().contains("\"summary\" : \"i40e reset its PF 2 times\""), out.toString());
    }

    /** rootline test runs the pack's own tests, and a team's folder of captured incidents. */
    @Test
    void testRunsThePacksTestsAndAUsersFolder(@TempDir Path dir) throws IOException {
        assertEquals(0, run("test", "rules/tests"));
        assertTrue(out.toString().lines().allMatch(l -> l.startsWith("ok    ") || l.matches("\\d+ tests: \\d+ passed, 0 failed")),
                out.toString());
        out.getBuffer().setLength(0);
        Files.writeString(dir.resolve("incident-4711.yaml"), """
                tests:
                  - name: the March outage
                    bundle:
                      sos_commands/kernel/dmesg: |
                        [    0.000000] Linux version 5.4.0
                        [  100.000000] nf_conntrack: table full, dropping packet
                    expect:
                      - rule: conntrack-table-full
                        severity: high
                """);
        Path junit = dir.resolve("results.xml");
        assertEquals(1, run("test", "--junit", junit.toString(), dir.toString()));
        assertTrue(out.toString().startsWith("FAIL  " + dir.resolve("incident-4711.yaml") + ": the March outage ("), out.toString());
        assertTrue(out.toString().contains("conntrack-table-full: severity critical, expected high"), out.toString());
        assertTrue(out.toString().endsWith("1 test: 0 passed, 1 failed\n"), out.toString());
        assertTrue(Files.readString(junit).contains("<failure message=\"conntrack-table-full: severity critical, expected high\">"));
    }
}
