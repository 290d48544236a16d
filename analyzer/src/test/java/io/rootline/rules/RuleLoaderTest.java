package io.rootline.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad rule yields exactly one error, naming file, line and column. */
class RuleLoaderTest {

    private final RuleLoader loader = new RuleLoader();

    private RuleError onlyError(String yaml) {
        RuleSet set = loader.loadFile("r.yaml", yaml);
        assertEquals(1, set.errors().size(), () -> set.errors().toString());
        assertEquals(0, set.size());
        return set.errors().get(0);
    }

    private static final String GOOD = """
            id: sample
            title: Sample
            severity: high
            when:
              event: kernel.conntrack-table-full
            """;

    @Test
    void bundledPackLoadsCleanly() {
        RuleSet pack = loader.loadBundled();
        assertEquals(java.util.List.of(), pack.errors());
        assertTrue(pack.ids().contains("conntrack-table-full"));
    }

    /** The pack is found through an index the build writes: a rule file it left out would silently never run. */
    @Test
    void bundledPackHoldsEveryRuleOfTheRulesFolder() throws IOException {
        RuleSet folder = loader.load(Path.of("rules"));
        assertEquals(java.util.List.of(), folder.errors());
        assertTrue(folder.size() >= 3, "rules/ holds the pack's " + folder.size() + " rules");
        assertEquals(folder.ids(), loader.loadBundled().ids());
    }

    @Test
    void goodRuleLoads() {
        RuleSet set = loader.loadFile("r.yaml", GOOD);
        assertEquals(java.util.List.of(), set.errors());
        assertEquals(java.util.List.of("sample"), set.ids());
    }

    /** An unclosed list is pointed at where it opens, not where SnakeYAML noticed; one line. */
    @Test
    void malformedYamlIsOneLineWhereTheYamlIsWrong() {
        RuleError e = onlyError("id: x\ntitle: [unclosed\nseverity: high\n");
        assertEquals("r.yaml", e.file());
        assertEquals(2, e.line(), e.toString());
        assertEquals(8, e.column(), e.toString());
        assertTrue(e.message().startsWith("malformed YAML: a flow sequence begun here is not closed"), e.message());
        assertEquals(-1, e.toString().indexOf('\n'), e.toString());
    }

    @Test
    void anUnclosedQuoteIsPointedAtWhereItOpens() {
        RuleError e = onlyError("id: x\ntitle: \"Sample\nseverity: high\nwhen:\n  event: kernel.conntrack-table-full\n");
        assertEquals(2, e.line(), e.toString());
        assertEquals(8, e.column(), e.toString());
        assertTrue(e.message().contains("quoted scalar"), e.message());
        assertEquals(-1, e.toString().indexOf('\n'), e.toString());
    }

    @Test
    void aColonOutOfPlaceIsPointedAtItself() {
        RuleError e = onlyError("id: x\ntitle: a: b\nseverity: high\n");
        assertEquals(2, e.line(), e.toString());
        assertEquals(9, e.column(), e.toString());
        assertTrue(e.message().startsWith("malformed YAML: mapping values are not allowed here"), e.message());
        assertEquals(-1, e.toString().indexOf('\n'), e.toString());
    }

    @Test
    void unknownKeyIsPointedAt() {
        RuleError e = onlyError(GOOD + "remedation:\n  - fix it\n");
        assertEquals(6, e.line());
        assertEquals(1, e.column());
        assertTrue(e.message().contains("unknown key 'remedation'"), e.message());
    }

    @Test
    void unknownKeyInsideACondition() {
        RuleError e = onlyError(GOOD.replace("  event: kernel.conntrack-table-full", "  event: kernel.conntrack-table-full\n  windw: 5m"));
        assertEquals(6, e.line());
        assertEquals(3, e.column());
        assertTrue(e.message().contains("'windw'"), e.message());
    }

    @Test
    void wrongType() {
        RuleError e = onlyError(GOOD.replace("title: Sample", "title: [Sample]"));
        assertEquals(2, e.line());
        assertTrue(e.message().contains("expected text, found a list"), e.message());
    }

    @Test
    void severityLevelsNeedAConditionOnAllButTheLast() {
        RuleError e = onlyError(GOOD.replace("severity: high", "severity:\n  - level: high\n  - level: info"));
        assertEquals(4, e.line(), e.toString());
        assertTrue(e.message().contains("when"), e.message());
    }

    @Test
    void severityLevelsEndWithADefault() {
        RuleError e = onlyError(GOOD.replace("severity: high", "severity:\n  - level: high\n    when: \"1 > 0\""));
        assertTrue(e.message().contains("last"), e.message());
    }

    @Test
    void unknownSeverity() {
        RuleError e = onlyError(GOOD.replace("severity: high", "severity: urgent"));
        assertEquals(3, e.line());
        assertTrue(e.message().contains("critical, high, medium, low, info"), e.message());
    }

    @Test
    void missingRequiredKey() {
        RuleError e = onlyError(GOOD.replace("title: Sample\n", ""));
        assertTrue(e.message().contains("missing 'title:'"), e.message());
    }

    @Test
    void duplicateKey() {
        RuleError e = onlyError(GOOD + "title: Again\n");
        assertEquals(6, e.line());
        assertTrue(e.message().contains("'title' appears twice"), e.message());
    }

    @Test
    void badExpression() {
        RuleError e = onlyError(GOOD.replace("  event: kernel.conntrack-table-full", "  fact: \"sysctl.a >= \""));
        assertEquals(5, e.line());
        assertTrue(e.message().startsWith("bad expression"), e.message());
    }

    @Test
    void unknownFunction() {
        RuleError e = onlyError(GOOD + "summary: \"{sqrt(2)}\"\n");
        assertTrue(e.message().contains("unknown function 'sqrt'"), e.message());
    }

    @Test
    void badPatternAndDuration() {
        assertTrue(onlyError(GOOD.replace("  event: kernel.conntrack-table-full", "  pattern: \"(unclosed\""))
                .message().startsWith("bad pattern"));
        assertTrue(onlyError(GOOD.replace("  event: kernel.conntrack-table-full",
                "  event: kernel.conntrack-table-full\n  within: soon")).message().startsWith("bad duration"));
    }

    @Test
    void aPatternThatBacktracksCatastrophicallyIsRefused() {
        RuleError e = onlyError(GOOD.replace("  event: kernel.conntrack-table-full",
                "  event: kernel.conntrack-table-full\n  pattern: \"^((a+)+b)+$\""));
        assertEquals(6, e.line());
        assertTrue(e.message().startsWith("bad pattern: the pattern backtracks catastrophically"), e.message());
        assertEquals(java.util.List.of(), loader.loadFile("r.yaml", GOOD.replace("  event: kernel.conntrack-table-full",
                "  event: kernel.conntrack-table-full\n  pattern: \"table (full|empty)\"")).errors());
    }

    @Test
    void idUsedTwiceAcrossFiles(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), GOOD);
        Files.writeString(dir.resolve("b.yaml"), GOOD.replace("title: Sample", "title: Other"));
        RuleSet set = loader.load(dir);
        assertEquals(1, set.size());
        assertEquals(1, set.errors().size());
        assertTrue(set.errors().get(0).toString().contains("b.yaml:1:1: rule id 'sample' is already used by"),
                set.errors().get(0).toString());
    }

    @Test
    void theSameFileMetTwiceIsOneRule(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.yaml"), GOOD);
        RuleSet twice = loader.load(dir).plus(loader.load(dir));
        assertEquals(java.util.List.of(), twice.errors());
        assertEquals(java.util.List.of("sample"), twice.ids());

        Files.writeString(dir.resolve("a.yaml"), GOOD.replace("title: Sample", "title: Edited"));
        RuleSet edited = loader.loadFile("first/a.yaml", GOOD).plus(loader.load(dir));
        assertEquals(1, edited.errors().size());
        assertTrue(edited.errors().get(0).toString().contains("a.yaml:1:1: rule id 'sample' is already used by first/a.yaml"),
                edited.errors().get(0).toString());
    }

    @Test
    void everyBadFileReportedAtOnce(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("one.yaml"), GOOD.replace("severity: high", "severity: 3"));
        Files.writeString(dir.resolve("two.yaml"), "id: two\n");
        Files.writeString(dir.resolve("three.yml"), GOOD.replace("sample", "three"));
        RuleSet set = loader.load(dir);
        assertEquals(2, set.errors().size(), set.errors().toString());
        assertEquals(java.util.List.of("three"), set.ids());
    }
}
