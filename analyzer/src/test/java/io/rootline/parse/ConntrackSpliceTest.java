package io.rootline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rootline.model.Fact;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * sos merges a command's stderr into its output. conntrack prints its summary on stderr when
 * it exits, while the last of its stdout is still buffered: the summary lands wherever the
 * buffer was cut, inside an entry's line. The entry is read whole, once, and the summary as
 * the tool's.
 */
class ConntrackSpliceTest {

    private static final String SUMMARY = "conntrack v1.4.5 (conntrack-tools): 3 flow entries have been shown.\n";

    private static final String DUMP = """
            tcp      6 431999 ESTABLISHED src=10.0.0.1 dst=10.0.0.2 sport=50340 dport=443 src=10.0.0.2 dst=10.0.0.1 sport=443 dport=50340 [ASSURED] mark=0 use=1
            udp      17 29 src=10.0.0.1 dst=10.0.0.53 sport=41000 dport=53 src=10.0.0.53 dst=10.0.0.1 sport=53 dport=41000 mark=0 use=1
            tcp      6 86398 ESTABLISHED src=10.0.0.1 dst=10.0.0.3 sport=50341 dport=6379 src=10.0.0.3 dst=10.0.0.1 sport=6379 dport=50341 [ASSURED] mark=0 use=1
            """;

    private static ParsedArtifact parse(String text, boolean fastPath) {
        ArtifactBuilder out = new ArtifactBuilder("sos_commands/conntrack/conntrack_-L_-o_extended", io.rootline.support.Fixtures.format("conntrack"),
                "conntrack-table", "path", 1);
        try {
            return ArtifactReader.read(out, new ConntrackParser(fastPath), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                    1 << 20);
        } catch (ArtifactReader.Interrupted e) {
            throw new AssertionError(e);
        }
    }

    private static String facts(ParsedArtifact a) {
        return a.facts().stream().filter(f -> !f.key().equals("conntrack.tool_reported"))
                .map(f -> f.key() + "=" + f.text()).collect(Collectors.joining(", "));
    }

    private static long fact(ParsedArtifact a, String key) {
        return a.facts().stream().filter(f -> f.key().equals(key)).map(Fact::number).findFirst().orElseThrow().longValue();
    }

    /** Every place the summary can fall: at each byte of the dump, as a 4 KiB stdout buffer would cut it anywhere. */
    @Test
    void theSummaryIsFoundWhereverItFalls() {
        ParsedArtifact clean = parse(DUMP + SUMMARY, true);
        assertEquals(3, fact(clean, "conntrack.entries"));
        for (int cut = 0; cut <= DUMP.length(); cut++) {
            String spliced = DUMP.substring(0, cut) + SUMMARY + DUMP.substring(cut);
            for (boolean fast : new boolean[] {true, false}) {
                ParsedArtifact a = parse(spliced, fast);
                String where = "summary at byte " + cut + (fast ? "" : ", grammar only");
                assertEquals(facts(clean), facts(a), where);
                assertEquals(3, fact(a, "conntrack.tool_reported"), where);
                assertEquals(ArtifactStatus.PARSED, a.status(), where + ": " + a.problems());
                assertEquals(0, a.unknownLines(), where);
            }
        }
    }

    @Test
    void theJoinIsSaidAndTheToolsCountCompared() {
        int cut = DUMP.indexOf("dport=443") + 2;
        ParsedArtifact a = parse(DUMP.substring(0, cut) + SUMMARY + DUMP.substring(cut), true);
        assertEquals(List.of("line 1: conntrack's summary was written into an entry (its stderr merged into the dump);"
                + " the entry is lines 1 and 2 joined"), a.notes());
        ParsedArtifact fewer = parse(DUMP + SUMMARY.replace(" 3 ", " 4 "), true);
        assertEquals(List.of("conntrack said it showed 4 flow entries; 3 were read"), fewer.notes());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aCutEntryWithoutItsRestIsOneUnknownLine(boolean fast) {
        String first = DUMP.substring(0, DUMP.indexOf('\n') + 1);
        ParsedArtifact a = parse(first + "tcp 6 1 ESTABLISHED src=1 dp" + SUMMARY, fast);
        assertEquals(1, fact(a, "conntrack.entries"));
        assertEquals(1, a.unknownLines());
        assertTrue(a.problems().get(0).startsWith("line 2: unrecognized line (an entry cut by conntrack's summary, whose rest is missing)"),
                a.problems().toString());
    }
}
