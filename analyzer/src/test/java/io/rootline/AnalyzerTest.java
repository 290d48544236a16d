package io.rootline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rootline.report.ArtifactEntry;
import io.rootline.report.Report;
import io.rootline.report.ReportFormat;
import io.rootline.report.TimelineEntry;
import io.rootline.rules.Finding;
import io.rootline.rules.SymptomMatch;
import io.rootline.support.BundleBuilder;
import io.rootline.support.BundleBuilder.Container;
import io.rootline.support.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole engine on small bundles that each isolate one behaviour. */
class AnalyzerTest {

    @TempDir
    Path dir;

    private static Finding finding(Report r, String rule) {
        return r.findings().stream().filter(f -> f.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + rule + " in " + r.findings() + "; not evaluated " + r.notEvaluated()));
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void everyContainerGivesTheSameFinding(Container container) throws IOException {
        Path bundle = BundleBuilder.conntrackIncident().write(dir, "bundle-" + container, container);
        Report r = Fixtures.analyze(bundle);
        Finding f = finding(r, "conntrack-table-full");
        assertEquals(3, f.printed());
        assertEquals(2699 + 2189, f.suppressed());
        assertEquals("2021-05-08T12:40:51+08:00", r.iso(f.firstSeen()));
        assertEquals("DNS UnknownHostException aligned with conntrack table full", f.summary());
        assertEquals("host1", r.bundle().host());
        assertEquals("sos-4", r.bundle().layout());
    }

    @Test
    void theContentDecidesTheFormatNotTheName() throws IOException {
        Path xz = BundleBuilder.conntrackIncident().write(dir, "really-xz.tar.gz", Container.TAR_XZ);
        Report r = Fixtures.analyze(xz);
        assertEquals("xz+tar", r.bundle().format());
        assertEquals(3, finding(r, "conntrack-table-full").printed());
    }

    @Test
    void missingKernelLogIsNotEvaluatedNeverHealthy() throws IOException {
        Path bundle = new BundleBuilder("sosreport-host1")
                .file("sos_commands/kernel/sysctl_-a", "net.netfilter.nf_conntrack_count = 10\nnet.netfilter.nf_conntrack_max = 262144\n")
                .file("sos_commands/host/hostname", "host1\n")
                .write(dir, "no-dmesg", Container.FOLDER);
        Report r = Fixtures.analyze(bundle);
        var notEvaluated = r.notEvaluated().stream().filter(n -> n.rule().equals("conntrack-table-full")).findFirst().orElseThrow();
        assertEquals(List.of("kernel-log"), notEvaluated.needs());
        assertFalse(r.passed().contains("conntrack-table-full"));
        // listen-queue-overflow reads netstat -s, which this bundle lacks, even through default()
        assertTrue(r.notEvaluated().stream().anyMatch(n -> n.rule().equals("listen-queue-overflow") && n.needs().equals(List.of("netstat-s"))));
    }

    @Test
    void aFullTableAtCaptureFiresWithoutAnyKernelMessage() throws IOException {
        Path bundle = new BundleBuilder("sosreport-host1")
                .file("sos_commands/kernel/dmesg", "[    1.000000] Linux version 5.4.0\n")
                .file("sos_commands/kernel/sysctl_-a", "net.netfilter.nf_conntrack_count = 262000\nnet.netfilter.nf_conntrack_max = 262144\n")
                .write(dir, "full-now", Container.FOLDER);
        Finding f = finding(Fixtures.analyze(bundle), "conntrack-table-full");
        assertNull(f.firstSeen());
        // it says what the facts show and claims no drops: the kernel log it read holds none
        assertEquals("conntrack table at 262000 of 262144 entries at capture (99.9% full); the kernel log shows no drop message", f.summary());
        assertNull(f.effect());
    }

    @Test
    void withoutClockEvidenceKernelTimesStayRelative() throws IOException {
        BundleBuilder b = BundleBuilder.conntrackIncident();
        b.file("proc/stat", "cpu  1 2 3 4\n").file("sos_commands/date/date", "").file("sos_commands/date/date_--utc", "");
        Report r = Fixtures.analyze(b.write(dir, "no-clock", Container.FOLDER));
        Finding f = finding(r, "conntrack-table-full");
        assertNull(f.firstSeen());
        assertTrue(f.symptoms().isEmpty());
        assertTrue(f.notes().stream().anyMatch(n -> n.contains("seconds since boot")), f.notes().toString());
        TimelineEntry first = r.timeline().stream().filter(t -> t.kind().equals("kernel.conntrack-table-full")).findFirst().orElseThrow();
        assertNull(first.time());
        assertEquals(2451.118211, first.sinceBoot(), 1e-9);
        assertTrue(r.clock().kernelTimes().contains("stay relative"), r.clock().kernelTimes());
    }

    @Test
    void dmesgTIsUsedWhenRawStampsCannotBePlaced() throws IOException {
        BundleBuilder b = BundleBuilder.conntrackIncident();
        b.file("proc/stat", "cpu  1 2 3 4\n")
                .file("sos_commands/kernel/dmesg_-T", "[Sat May  8 12:40:51 2021] nf_conntrack: table full, dropping packet\n");
        Report r = Fixtures.analyze(b.write(dir, "dmesg-T", Container.FOLDER));
        Finding f = finding(r, "conntrack-table-full");
        assertEquals("2021-05-08T12:40:51+08:00", r.iso(f.firstSeen()));
        ArtifactEntry raw = r.artifacts().stream().filter(a -> a.path().equals("sos_commands/kernel/dmesg")).findFirst().orElseThrow();
        assertFalse(raw.used());
        assertTrue(raw.notes().contains("not used: sos_commands/kernel/dmesg_-T is preferred"), raw.notes().toString());
    }

    private static final String MESSAGES = """
            May  8 12:40:50 host1 systemd[1]: Started Session 4412 of user root.
            May  8 12:40:51 host1 kernel: [ 2451.118203] net_ratelimit: 2699 callbacks suppressed
            May  8 12:40:51 host1 kernel: [ 2451.118211] nf_conntrack: table full, dropping packet
            May  8 12:40:52 host1 last message repeated 2 times
            May  8 12:40:57 host1 kernel: [ 2457.064318] nf_conntrack: table full, dropping packet
            """;

    @Test
    void syslogStandsForTheKernelLogWhenTheBundleHasNoDmesg() throws IOException {
        BundleBuilder b = BundleBuilder.conntrackIncident();
        b.file("sos_commands/kernel/dmesg", "").file("var/log/messages", MESSAGES);
        Report r = Fixtures.analyze(b.write(dir, "messages-only", Container.TAR_GZ));
        Finding f = finding(r, "conntrack-table-full");
        assertEquals(1 + 2 + 1, f.printed(), "'last message repeated 2 times' is two more drops");
        assertEquals(2699, f.suppressed());
        assertEquals("2021-05-08T12:40:51+08:00", r.iso(f.firstSeen()), "the year from the capture date");
        assertEquals("DNS UnknownHostException aligned with conntrack table full", f.summary());
        ArtifactEntry messages = r.artifacts().stream().filter(a -> a.path().equals("var/log/messages")).findFirst().orElseThrow();
        assertTrue(messages.used());
        assertEquals("syslog", messages.kind());
        assertEquals("kernel-log", messages.logical());
        assertTrue(r.clock().kernelTimes().contains("syslog wall clock"), r.clock().kernelTimes());
        assertTrue(r.assumptions().stream().anyMatch(a -> a.startsWith("var/log/messages writes dates without a year")),
                r.assumptions().toString());
    }

    /** Syslog's stamps without a year and without a capture date to give them one: the note says so, not "since boot". */
    @Test
    void syslogDatesWithoutAYearStayUnplacedWithoutACaptureDate() throws IOException {
        BundleBuilder b = BundleBuilder.conntrackIncident();
        b.file("sos_commands/kernel/dmesg", "").file("var/log/messages", MESSAGES)
                .file("sos_commands/date/date", "").file("sos_commands/date/date_--utc", "");
        Report r = Fixtures.analyze(b.write(dir, "messages-no-date", Container.FOLDER));
        Finding f = finding(r, "conntrack-table-full");
        assertNull(f.firstSeen());
        assertEquals(4, f.printed());
        assertTrue(f.notes().contains("the kernel log's times could not be placed on the wall clock (the clock line says why):"
                + " symptoms are not aligned"), f.notes().toString());
        assertFalse(f.notes().stream().anyMatch(n -> n.contains("since boot")), f.notes().toString());
        assertTrue(r.clock().kernelTimes().contains("no capture date to give them a year"), r.clock().kernelTimes());
    }

    @Test
    void dmesgIsPreferredToSyslogSoNoDropCountsTwice() throws IOException {
        BundleBuilder b = BundleBuilder.conntrackIncident();
        b.file("var/log/messages", MESSAGES);
        Report r = Fixtures.analyze(b.write(dir, "dmesg-and-messages", Container.FOLDER));
        Finding f = finding(r, "conntrack-table-full");
        assertEquals(3, f.printed());
        assertEquals(2699 + 2189, f.suppressed());
        ArtifactEntry messages = r.artifacts().stream().filter(a -> a.path().equals("var/log/messages")).findFirst().orElseThrow();
        assertFalse(messages.used());
        assertEquals("skipped", messages.status(), "raw dmesg, with btime to place it, was read first");
        assertTrue(messages.notes().contains("not read: sos_commands/kernel/dmesg is preferred"), messages.notes().toString());
        assertTrue(r.assumptions().stream().noneMatch(a -> a.contains("without a year")), r.assumptions().toString());
    }

    @Test
    void anAmbiguousZoneAbbreviationIsNotTrusted() throws IOException {
        BundleBuilder b = BundleBuilder.conntrackIncident();
        b.file("sos_commands/date/date_--utc", "");
        Report r = Fixtures.analyze(b.write(dir, "cst-only", Container.FOLDER));
        assertEquals("+00:00", r.clock().timezone());
        assertTrue(r.assumptions().stream().anyMatch(a -> a.contains("UTC assumed")), r.assumptions().toString());
    }

    @Test
    void timedatectlGivesTheZone() throws IOException {
        BundleBuilder b = BundleBuilder.conntrackIncident();
        b.file("sos_commands/date/date_--utc", "").file("sos_commands/systemd/timedatectl", """
                               Local time: Sat 2021-05-08 12:45:10 CST
                           Universal time: Sat 2021-05-08 04:45:10 UTC
                                Time zone: Asia/Shanghai (CST, +0800)
                """);
        Report r = Fixtures.analyze(b.write(dir, "timedatectl", Container.FOLDER));
        assertEquals("+08:00", r.clock().timezone());
        assertEquals("Asia/Shanghai", r.clock().zoneName());
    }

    /**
     * A folder's files are read on two threads, a tar's members in order: the report must
     * not tell which, nor which thread finished first (run a few times to give it chances).
     */
    @Test
    void aFolderReadOnTwoThreadsReportsWhatItsTarDoes() throws IOException {
        BundleBuilder b = BundleBuilder.conntrackIncident()
                .file("var/log/app/a.log", "2021-05-08 12:40:51,204 ERROR [x] c.e.A - call failed\njava.net.UnknownHostException: db\n")
                .file("var/log/app/b.log", "2021-05-08 12:40:51,204 ERROR [x] c.e.B - call failed\njava.net.UnknownHostException: db\n")
                .file("var/log/app/c.log", "garbage line one\n2021-13-45 12:40:51,000 ERROR x\n");
        String tar = withoutSource(ReportFormat.JSON.renderer().render(Fixtures.analyze(b.write(dir, "as-tar", Container.TAR))));
        Path folder = b.write(dir, "as-folder", Container.FOLDER);
        for (int run = 0; run < 5; run++) {
            assertEquals(tar, withoutSource(ReportFormat.JSON.renderer().render(Fixtures.analyze(folder))));
        }
    }

    @Test
    void aSymptomSeenInSeveralLogsIsCountedInEachAndSaysHowMany() throws IOException {
        Finding one = finding(Fixtures.analyze(BundleBuilder.conntrackIncident().write(dir, "one-log", Container.FOLDER)),
                "conntrack-table-full");
        assertEquals("app.log", dns(one).source());
        assertEquals(1, dns(one).count());
        BundleBuilder b = BundleBuilder.conntrackIncident()
                .file("var/log/app/a.log", "2021-05-08 12:40:51,204 ERROR [x] c.e.A - call failed\njava.net.UnknownHostException: db\n")
                .file("var/log/app/b.log", "2021-05-08 12:40:53,204 ERROR [x] c.e.B - call failed\njava.net.UnknownHostException: db\n"
                        + "2021-05-08 12:40:54,204 ERROR [x] c.e.B - call failed\njava.net.UnknownHostException: db\n");
        Finding three = finding(Fixtures.analyze(b.write(dir, "three-logs", Container.FOLDER)), "conntrack-table-full");
        assertEquals("3 logs", dns(three).source());
        assertEquals(4, dns(three).count());
    }

    private static SymptomMatch dns(Finding f) {
        return f.symptoms().stream().filter(s -> s.kind().equals("app.dns-failure")).findFirst()
                .orElseThrow(() -> new AssertionError("no DNS symptom in " + f.symptoms()));
    }

    private static String withoutSource(String json) {
        return json.lines().filter(l -> !l.contains("\"source\"") && !l.contains("\"format\"")).collect(Collectors.joining("\n"));
    }

    @ParameterizedTest
    @EnumSource(value = Container.class, names = {"FOLDER", "TAR_XZ"})
    void theLocaltimeLinkNamesTheZone(Container container) throws IOException {
        BundleBuilder b = BundleBuilder.conntrackIncident();
        b.file("sos_commands/date/date_--utc", "").link("etc/localtime", "../usr/share/zoneinfo/Asia/Shanghai");
        Report r = Fixtures.analyze(b.write(dir, "localtime", container));
        assertEquals("+08:00", r.clock().timezone());
        assertEquals("Asia/Shanghai", r.clock().zoneName());
        assertEquals("etc/localtime -> ../usr/share/zoneinfo/Asia/Shanghai", r.clock().zoneSource());
    }

    @Test
    void etcTimezoneGivesTheOffsetAtCaptureTimeWithDaylightSaving() throws IOException {
        Path bundle = new BundleBuilder("sosreport-h")
                .file("sos_commands/date/date", "Wed Jun  2 09:30:05 CEST 2021\n")
                .file("etc/timezone", "Europe/Berlin\n")
                .file("sos_commands/kernel/sysctl_-a", "net.netfilter.nf_conntrack_max = 65536\n")
                .write(dir, "berlin", Container.FOLDER);
        Report r = Fixtures.analyze(bundle);
        assertEquals("+02:00", r.clock().timezone(), "CEST in June, not CET");
        assertEquals("2021-06-02T09:30:05+02:00", Report.iso(r.bundle().capturedAt()));
    }

    @Test
    void filesAtUnknownPathsAreRecognisedByContent() throws IOException {
        Path bundle = new BundleBuilder("captures")
                .file("netstat.txt", "Ip:\n    10 total packets received\nTcp:\n    5 active connection openings\nTcpExt:\n    7 times the listen queue of a socket overflowed\n")
                .file("kern.txt", "[ 10.000000] nf_conntrack: table full, dropping packet\n[ 11.000000] eth0: link up\n")
                .file("notes.txt", "we saw packet loss on Tuesday\n")
                .file("syslog.txt", "Feb  4 09:34:10 h1 kernel: [ 10.000000] eth0: link up\nFeb  4 09:34:11 h1 systemd[1]: Started x.\n")
                // an application's log sent through rsyslog is the application's
                .file("forwarded.txt", "2026-05-25T03:59:38.189924+02:00 h1 dcache@nfs[3456]: java.net.UnknownHostException: db: "
                        + "Temporary failure in name resolution\n")
                .write(dir, "loose", Container.FOLDER);
        Report r = Fixtures.analyze(bundle);
        assertEquals("plain", r.bundle().layout());
        ArtifactEntry netstat = r.artifacts().stream().filter(a -> a.path().equals("netstat.txt")).findFirst().orElseThrow();
        assertEquals("netstat-s", netstat.kind());
        assertEquals("content", netstat.located());
        assertEquals("kernel-log", r.artifacts().stream().filter(a -> a.path().equals("kern.txt")).findFirst().orElseThrow().kind());
        assertEquals("unrecognized", r.artifacts().stream().filter(a -> a.path().equals("notes.txt")).findFirst().orElseThrow().status());
        assertEquals("syslog", r.artifacts().stream().filter(a -> a.path().equals("syslog.txt")).findFirst().orElseThrow().kind());
        assertEquals("app-log", r.artifacts().stream().filter(a -> a.path().equals("forwarded.txt")).findFirst().orElseThrow().kind());
        // netstat -s leaves zero counters out: ListenDrops is absent, so it counts as 0
        assertEquals("0 SYNs to listening sockets dropped", finding(r, "listen-queue-overflow").effect());
    }

    @Test
    void aFileSosTailedStandsForTheOriginalWithANote() throws IOException {
        Path bundle = new BundleBuilder("sosreport-h")
                .file("sos_strings/kernel/sysctl_-a.tailed", "net.netfilter.nf_conntrack_max = 65536\n")
                .write(dir, "tailed", Container.FOLDER);
        Report r = Fixtures.analyze(bundle);
        ArtifactEntry a = r.artifacts().get(0);
        assertEquals("sysctl", a.logical());
        assertTrue(a.notes().get(0).startsWith("tailed by sos"), a.notes().toString());
    }
}
