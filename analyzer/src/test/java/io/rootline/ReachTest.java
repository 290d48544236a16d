package io.rootline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootline.model.Severity;
import io.rootline.report.Report;
import io.rootline.report.ReportFormat;
import io.rootline.rules.Finding;
import io.rootline.support.BundleBuilder;
import io.rootline.support.BundleBuilder.Container;
import io.rootline.support.Fixtures;
import io.rootline.support.Incidents;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports on incidents whose cause the pack has no rule for say so: which rules passed and
 * what they read, which evidence no rule examined, in every format. "No findings" never
 * stands alone.
 */
class ReachTest {

    @TempDir
    Path dir;

    private Report analyze(BundleBuilder bundle, String name) throws IOException {
        return Fixtures.analyze(bundle.write(dir, name, Container.TAR_XZ));
    }

    private static JsonNode json(Report r) throws IOException {
        return new ObjectMapper().readTree(ReportFormat.JSON.renderer().render(r));
    }

    /** The evidence no rule examined, said in text, markdown and JSON (status unrecognized). */
    private static void saysNotExamined(Report r, List<String> paths) throws IOException {
        String text = ReportFormat.TEXT.renderer().render(r);
        String markdown = ReportFormat.MARKDOWN.renderer().render(r);
        JsonNode tree = json(r);
        Map<String, String> status = new HashMap<>();
        tree.get("artifacts").forEach(a -> status.put(a.get("path").asText(), a.get("status").asText()));
        List<String> notExamined = r.reach().notExamined().stream().map(f -> f.path()).toList();
        for (String path : paths) {
            assertTrue(notExamined.contains(path), path + " not in the reach's not-examined list " + notExamined);
            assertEquals("unrecognized", status.get(path), path + " in JSON artifacts");
            assertTrue(text.contains("\n    " + path + "\n"), path + " listed in the text report:\n" + text);
            assertTrue(markdown.contains("- `" + path + "`\n"), path + " listed in the markdown report:\n" + markdown);
        }
        assertTrue(tree.get("reach").get("not_examined").size() >= paths.size());
    }

    /** "No findings" with the reach beside it, never alone. */
    private static void noFindingIsNotHealth(Report r) {
        assertEquals(List.of(), r.findings());
        String text = ReportFormat.TEXT.renderer().render(r);
        assertTrue(text.contains("No findings. 3 rules: 0 fired, 3 passed, 0 not evaluated; "), text);
        assertTrue(text.contains("of network evidence in this bundle not examined"), text);
        assertTrue(text.contains("Nothing found is not nothing wrong"), text);
        for (String rule : List.of("conntrack-table-full", "listen-queue-overflow", "neighbour-table-overflow")) {
            assertTrue(text.lines().anyMatch(l -> l.startsWith("    " + rule + " ")), rule + " named as passed:\n" + text);
        }
        String markdown = ReportFormat.MARKDOWN.renderer().render(r);
        assertTrue(markdown.contains("No findings. 3 rules: 0 fired, 3 passed"), markdown);
        assertTrue(markdown.contains("## Reach"), markdown);
    }

    @Test
    void conntrackInsertFailuresBehindMasqueradeAreNamedAsNotExamined() throws IOException {
        Report r = analyze(Incidents.conntrackInsertFailed(), "insert-failed");
        noFindingIsNotHealth(r);
        saysNotExamined(r, List.of("sos_commands/conntrack/conntrack_-S", "sos_commands/networking/iptables-save",
                "sos_commands/firewall_tables/iptables_-t_nat_-nvL"));
    }

    @Test
    void softnetDropsAndNicMissedFramesAreNamedAsNotExamined() throws IOException {
        Report r = analyze(Incidents.softnetAndNicMissed(), "softnet");
        noFindingIsNotHealth(r);
        // softnet_stat is stored behind sos's links, and listed under the name an engineer knows
        saysNotExamined(r, List.of("proc/net/softnet_stat", "sos_commands/networking/ethtool_-S_eth0",
                "sos_commands/networking/ethtool_-g_eth0"));
    }

    @Test
    void udpReceiveBufferErrorsAreACounterNoRuleChecks() throws IOException {
        Report r = analyze(Incidents.udpReceiveBufferErrors(), "udp");
        noFindingIsNotHealth(r);
        saysNotExamined(r, List.of("sos_commands/networking/ss_-peaonmi", "sos_commands/networking/ip_-s_-s_neigh_show"));
        assertTrue(r.reach().unchecked().stream().anyMatch(c -> c.name().equals("netstat.Udp.RcvbufErrors")
                && c.value().equals("21500000")), r.reach().unchecked().toString());
        String text = ReportFormat.TEXT.renderer().render(r);
        assertTrue(text.contains("netstat.Udp.RcvbufErrors = 21500000  sos_commands/networking/netstat_-s:"), text);
        assertTrue(json(r).get("reach").get("unchecked_counters").toString().contains("\"netstat.Udp.RcvbufErrors\""));
    }

    // Since-boot counters are judged by their rate over the uptime and their share.

    private Finding listen(long uptimeSeconds, long passiveOpens, long overflows) throws IOException {
        BundleBuilder host = Incidents.host("web1", uptimeSeconds)
                .file("sos_commands/networking/netstat_-s", Incidents.netstat(passiveOpens, overflows, overflows, 5_000_000, 0));
        Report r = analyze(host, "listen-" + uptimeSeconds + "-" + overflows);
        return r.findings().stream().filter(f -> f.rule().equals("listen-queue-overflow")).findFirst().orElse(null);
    }

    @Test
    void threeOverflowsInFourteenDaysAreNoMoreThanInfo() throws IOException {
        Finding f = listen(14 * 86_400, 120_000, 3);
        assertTrue(f == null || f.severity().compareTo(Severity.INFO) <= 0, String.valueOf(f));
        assertEquals("listen queues overflowed 3 times in the 14 days since boot", f.summary());
        assertEquals(0, new java.math.BigDecimal("0.2142857").compareTo(f.perDay().round(new java.math.MathContext(7))), f.perDay().toString());
        assertTrue(f.notes().stream().anyMatch(n -> n.startsWith("severity info: below the rule's thresholds (high from ")), f.notes().toString());
    }

    @Test
    void fortyOneOverflowsOfFiveBillionOpensAreNoMoreThanInfo() throws IOException {
        Finding f = listen(200 * 86_400, 4_800_000_000L, 41);
        assertTrue(f == null || f.severity().compareTo(Severity.INFO) <= 0, String.valueOf(f));
    }

    @Test
    void nearlyTwoMillionOverflowsInTwentyOneHoursAreAnOutage() throws IOException {
        Finding f = listen(21 * 3600, 2_500_000, 1_900_000);
        assertTrue(f.severity().compareTo(Severity.MEDIUM) >= 0, f.severity().toString());
        assertEquals(Severity.HIGH, f.severity());
        assertTrue(f.effect().contains("1900000 SYNs to listening sockets dropped, 43.2% of 4400000 connection attempts"), f.effect());
    }

    @Test
    void aCounterFindingShowsItsRateWhereATimeWouldBe() throws IOException {
        Finding f = listen(21 * 3600, 2_500_000, 1_900_000);
        assertNull(f.firstSeen());
        BundleBuilder host = Incidents.host("web1", 21 * 3600)
                .file("sos_commands/networking/netstat_-s", Incidents.netstat(2_500_000, 1_900_000, 1_900_000, 5_000_000, 0));
        Report r = analyze(host, "rate");
        String text = ReportFormat.TEXT.renderer().render(r);
        assertTrue(text.contains("\nhigh     2171429 a day  listen queues overflowed 1900000 times in the 0.9 days since boot ("), text);
        assertFalse(text.contains("--:--:--"), text);
        assertEquals("2171428.57", json(r).get("findings").get(0).get("per_day").asText());
    }

    /** Full at capture, no kernel log at all: it says what the facts show and claims no drops. */
    @Test
    void aFullTableWithoutAnyKernelLogClaimsNoDrops() throws IOException {
        Path bundle = new BundleBuilder("sosreport-db2-2022-03-15-abcdef")
                .file("sos_commands/host/hostname", "db2\n")
                .file("sos_commands/date/date", "Tue Mar 15 10:00:00 UTC 2022\n")
                .file("sos_commands/kernel/sysctl_-a", "net.netfilter.nf_conntrack_count = 65536\nnet.netfilter.nf_conntrack_max = 65536\n")
                .write(dir, "no-kernel-log", Container.FOLDER);
        Report r = Fixtures.analyze(bundle);
        Finding f = r.findings().stream().filter(x -> x.rule().equals("conntrack-table-full")).findFirst().orElseThrow();
        assertEquals("conntrack table at 65536 of 65536 entries at capture (100% full); the bundle has no kernel log to show"
                + " whether packets were dropped", f.summary());
        assertNull(f.effect());
        String text = ReportFormat.TEXT.renderer().render(r);
        assertFalse(text.contains("kernel drops"), text);
        assertFalse(text.contains("the kernel dropped packets"), text);
    }

    /** Every burst of the cause inside a finding's span is the finding's, quoted as evidence or not. */
    @Test
    void theMarkerCoversEveryBurstInsideTheFindingsSpan() throws IOException {
        StringBuilder dmesg = new StringBuilder("[    0.000000] Linux version 5.15.0-60-generic (buildd@lcy02-amd64-054)\n");
        for (int i = 0; i < 18; i++) {
            double at = 50_000 + i * 30;
            if (i < 9) {
                dmesg.append(String.format(java.util.Locale.ROOT, "[%12.6f] nf_conntrack: table full, dropping packet%n", at));
            }
            dmesg.append(String.format(java.util.Locale.ROOT, "[%12.6f] neighbour: arp_cache: neighbor table overflow!%n", at + 11));
        }
        Report r = analyze(Incidents.host("k8s4").file("sos_commands/kernel/dmesg", dmesg.toString()), "bursts");
        assertEquals(2, r.findings().size(), r.findings().toString());
        long conntrack = r.timeline().stream().filter(t -> t.kind().equals("kernel.conntrack-table-full")).count();
        long arp = r.timeline().stream().filter(t -> t.kind().equals("kernel.neighbour-table-overflow")).count();
        assertEquals(9, conntrack);
        assertEquals(18, arp);
        r.timeline().stream().filter(t -> t.kind().equals("kernel.conntrack-table-full"))
                .forEach(t -> assertEquals("conntrack-table-full", t.finding(), t.toString()));
        r.timeline().stream().filter(t -> t.kind().equals("kernel.neighbour-table-overflow"))
                .forEach(t -> assertEquals("neighbour-table-overflow", t.finding(), t.toString()));
        json(r).get("timeline").forEach(t -> assertFalse(t.get("finding").isNull(), t.toString()));
        String text = ReportFormat.TEXT.renderer().render(r);
        assertEquals(27, text.lines().filter(l -> l.contains("<- ")).count(), text);
    }

    /** Headlines carry the date once, and the time once. */
    @Test
    void aHeadlineCarriesTheDateOnceAndTheTimeOnce() throws IOException {
        Report r = Fixtures.analyze(BundleBuilder.conntrackIncident().write(dir, "headline", Container.TAR_XZ));
        String headline = ReportFormat.TEXT.renderer().render(r).lines().filter(l -> l.startsWith("critical")).findFirst().orElseThrow();
        assertTrue(headline.startsWith("critical 2021-05-08 12:40:51  DNS UnknownHostException aligned with conntrack table full ("), headline);
        assertEquals(1, headline.split("12:40:51", -1).length - 1, headline);
        String markdown = ReportFormat.MARKDOWN.renderer().render(r);
        assertTrue(markdown.contains("- **critical** 2021-05-08 12:40:51 DNS UnknownHostException aligned with conntrack table full ("), markdown);
    }
}
