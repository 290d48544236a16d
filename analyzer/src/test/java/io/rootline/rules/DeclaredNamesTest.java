package io.rootline.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A name no format, combiner or kernel message declares is an error where the rule writes it,
 * with the nearest declared name: a misspelling never reads as a fact the bundle lacks.
 */
class DeclaredNamesTest {

    private final RuleLoader loader = new RuleLoader();

    private RuleError onlyError(String yaml) {
        RuleSet set = loader.loadFile("r.yaml", yaml);
        assertEquals(1, set.errors().size(), () -> set.errors().toString());
        return set.errors().get(0);
    }

    /** The case that read as health: one letter short, on a bundle with 19,930,900 ListenOverflows. */
    @Test
    void aMisspeltCounterIsRefusedWithTheNearestName() {
        RuleError e = onlyError("""
                id: listen
                title: Listen queues
                severity: medium
                when:
                  fact: "default(netstat.TcpExt.ListenOverflow, 0) > 0"
                """);
        assertEquals(5, e.line());
        assertEquals("unknown name 'netstat.TcpExt.ListenOverflow': no format, combiner or let: declares it"
                + " (did you mean netstat.TcpExt.ListenOverflows?)", e.message());
    }

    @Test
    void anUnknownEventKindIsRefused() {
        RuleError e = onlyError("id: x\ntitle: X\nseverity: high\nwhen:\n  event: kernel.conntrack-ful\n");
        assertEquals(5, e.line());
        assertTrue(e.message().startsWith("unknown event kind 'kernel.conntrack-ful'"), e.message());
        assertTrue(e.message().endsWith("(did you mean kernel.conntrack-table-full?)"), e.message());
    }

    @Test
    void aPrefixNoFormatSuppliesIsRefused() {
        RuleError e = onlyError("id: x\ntitle: X\nseverity: high\nwhen:\n  fact: \"syslog.drops > 0\"\n");
        assertTrue(e.message().startsWith("unknown name 'syslog.drops'"), e.message());
    }

    @Test
    void aSymptomOfAnUnknownKindIsRefused() {
        RuleError e = onlyError("""
                id: x
                title: X
                severity: high
                when:
                  event: kernel.conntrack-table-full
                correlate:
                  window: 1m
                  symptoms:
                    - event: app.dns-failures
                """);
        assertEquals(9, e.line());
        assertTrue(e.message().endsWith("(did you mean app.dns-failure?)"), e.message());
    }

    @Test
    void aLabelledCounterMustBeAggregated() {
        RuleError e = onlyError("id: x\ntitle: X\nseverity: high\nwhen:\n  fact: \"iface.rx_dropped > 0\"\n");
        assertEquals("'iface.rx_dropped' has a value per iface: read it through an aggregate (any, all, count, sum, max,"
                + " min, top), e.g. sum(iface.rx_dropped)", e.message());
        assertEquals(List.of(), loader.loadFile("r.yaml",
                "id: x\ntitle: X\nseverity: high\nwhen:\n  fact: \"any(iface.rx_dropped > 0 where iface != 'lo')\"\n").errors());
    }

    @Test
    void byALabelTheNameDoesNotHave() {
        RuleError e = onlyError("id: x\ntitle: X\nseverity: high\nwhen:\n  fact: \"max(iface.rx_dropped by cpu) > 0\"\n");
        assertTrue(e.message().contains("no name it reads has the label 'cpu' (labels: iface)"), e.message());
    }

    @Test
    void theCausesNamesAreForTextsNotTheDecision() {
        RuleError e = onlyError("id: x\ntitle: X\nseverity: high\nwhen:\n  fact: \"cause.count > 0\"\n");
        assertTrue(e.message().startsWith("'cause.count' is the finding's"), e.message());
    }

    @Test
    void letNamesAndRowFieldsAreKnownWhereTheyAre() {
        String good = """
                id: x
                title: X
                severity: high
                when:
                  fact: "sum(iface.rx_dropped) > 0"
                let:
                  total: sum(iface.rx_dropped)
                summary_alone: "{total} drops, {cause.count} events"
                remediation:
                  - text: "look at {row.iface}: {row.value}"
                    for_each: iface.rx_dropped
                    by: iface
                """;
        assertEquals(List.of(), loader.loadFile("r.yaml", good).errors());
        RuleError e = onlyError(good.replace("{row.iface}", "{row.port}"));
        assertTrue(e.message().startsWith("'row.port': the rows have no field 'port' (fields: iface, value)"), e.message());
        RuleError outside = onlyError(good.replace("{total} drops", "{row.iface} drops"));
        assertTrue(outside.message().contains("is not in a for_each"), outside.message());
    }

    @Test
    void evidenceFactsAreDeclaredNames() {
        RuleError e = onlyError("id: x\ntitle: X\nseverity: high\nwhen:\n  event: kernel.conntrack-table-full\n"
                + "evidence:\n  facts:\n    - sysctl.net.netfilter.nf_conntrack_max\n    - netstat.TcpExt.ListenDrop\n");
        assertEquals(9, e.line());
        assertTrue(e.message().endsWith("(did you mean netstat.TcpExt.ListenDrops?)"), e.message());
    }

    /** "not evaluated: needs X" comes from which format declares a name. */
    @Test
    void providersComeFromTheDeclarations() {
        Vocabulary v = Vocabulary.installed();
        assertEquals(List.of("netstat-s", "proc-net-netstat"), v.providers("netstat.TcpExt.ListenOverflows"));
        assertEquals(List.of("netstat-s", "proc-net-snmp"), v.providers("netstat.Tcp.PassiveOpens"));
        assertEquals(List.of("sysctl"), v.providers("sysctl.net.core.somaxconn"));
        assertEquals(List.of("kernel-log"), v.providers("kernel.conntrack-table-full"));
        assertEquals(List.of("proc-stat", "proc-uptime", "uptime"), v.providers("host.uptime_days"));
        assertEquals(List.of(), v.providers("netstat.TcpExt.ListenOverflow"));
    }
}
