package io.rootline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rootline.report.ArtifactEntry;
import io.rootline.report.KernelLogWindow;
import io.rootline.report.Report;
import io.rootline.report.ReportFormat;
import io.rootline.rules.Finding;
import io.rootline.support.BundleBuilder;
import io.rootline.support.BundleBuilder.Container;
import io.rootline.support.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bundles shaped as sos writes them, one shape each: proc/net behind links (in either order in
 * an archive, and as tar -h's hard links), archives inside the bundle, a case folder around
 * the sosreport, another host's logs inside it, a ring buffer that wrapped, and conntrack's
 * summary written into its dump.
 */
class SosShapesTest {

    private static final String TOP = "sosreport-host1-2021-05-08-abc";
    private static final String PID = "96008";
    private static final String CONNTRACK = """
            ipv4     2 tcp      6 431999 ESTABLISHED src=10.0.13.67 dst=10.0.13.109 sport=63473 dport=443 src=10.0.13.109 dst=10.0.13.67 sport=443 dport=63473 [ASSURED] mark=0 zone=0 use=2
            ipv4     2 udp      17 29 src=10.0.13.67 dst=10.0.0.2 sport=41000 dport=53 src=10.0.0.2 dst=10.0.13.67 sport=53 dport=41000 mark=0 zone=0 use=2
            """;

    @TempDir
    Path dir;

    private static Optional<ArtifactEntry> artifact(Report r, String path) {
        return r.artifacts().stream().filter(a -> a.path().equals(path)).findFirst();
    }

    private static Finding finding(Report r, String rule) {
        return r.findings().stream().filter(f -> f.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + rule + ": " + r.findings() + " " + r.notEvaluated()));
    }

    private static String json(Report r) {
        return ReportFormat.JSON.renderer().render(r).lines()
                .filter(l -> !l.contains("\"source\"") && !l.contains("\"format\"")).collect(Collectors.joining("\n"));
    }

    /** sos 4: proc/self -> a process id, proc/net -> self/net; the conntrack dump stored under the process. */
    private static BundleBuilder procNetBehindLinks() {
        return BundleBuilder.conntrackIncident()
                .file("version.txt", "sosreport: 4.2")
                .file("proc/" + PID + "/net/nf_conntrack", CONNTRACK)
                .file("proc/" + PID + "/net/snmp", "Tcp: RtoAlgorithm PassiveOpens\nTcp: 1 1200\n")
                .link("proc/self", PID)
                .link("proc/net", "self/net");
    }

    private static void procNetIsReadThroughTheLinks(Report r, String how) {
        ArtifactEntry conntrack = artifact(r, "proc/net/nf_conntrack").orElseThrow(() -> new AssertionError(how + ": " + r.artifacts()));
        assertEquals("parsed", conntrack.status(), how);
        assertEquals(2, conntrack.lines(), how);
        assertTrue(conntrack.notes().contains("reached through links: the bundle stores it at proc/" + PID + "/net/nf_conntrack"),
                how + ": " + conntrack.notes());
        assertEquals("parsed", artifact(r, "proc/net/snmp").orElseThrow().status(), how);
        assertTrue(artifact(r, "proc/" + PID + "/net/nf_conntrack").isEmpty(), how + ": read once, under the name sos links it by");
        assertEquals(List.of(), r.losses(), how);
    }

    @Test
    void procNetIsReadThroughItsLinksInEveryOrder() throws IOException {
        Report folder = Fixtures.analyze(procNetBehindLinks().write(dir, "folder", Container.FOLDER));
        procNetIsReadThroughTheLinks(folder, "folder");
        Report linksFirst = Fixtures.analyze(procNetBehindLinks().linksFirst(true).write(dir, "links-first.tar", Container.TAR));
        procNetIsReadThroughTheLinks(linksFirst, "links before their targets");
        // sos's own order: Python's tarfile adds "96008" before "net" and "self"
        Report targetsFirst = Fixtures.analyze(procNetBehindLinks().write(dir, "targets-first.tar.xz", Container.TAR_XZ));
        procNetIsReadThroughTheLinks(targetsFirst, "targets before their links");
        assertEquals(json(folder), json(linksFirst));
        assertEquals(json(folder), json(targetsFirst));
    }

    /** tar -h turns links into copies, and a copy met a second time into a hard link to the first, wrapper and all. */
    @Test
    void aTreePackedWithTarHReadsAsTheTreeItself() throws IOException {
        BundleBuilder dereferenced = BundleBuilder.conntrackIncident()
                .file("version.txt", "sosreport: 4.2")
                .file("proc/self/net/nf_conntrack", CONNTRACK)
                .hardLink("proc/net/nf_conntrack", "proc/self/net/nf_conntrack")
                .hardLink("proc/" + PID + "/net/nf_conntrack", "proc/self/net/nf_conntrack");
        Report r = Fixtures.analyze(dereferenced.write(dir, "dereferenced.tar", Container.TAR));
        ArtifactEntry conntrack = artifact(r, "proc/net/nf_conntrack").orElseThrow(() -> new AssertionError(r.artifacts().toString()));
        assertEquals("parsed", conntrack.status());
        assertEquals(2, conntrack.lines());
        assertEquals(List.of(), r.losses(), "the hard links' targets keep the wrapper folder, which is the bundle's own");
    }

    /** sos_commands/logs.xz holds logs/..., which sos would extract beside it: the journal stands at sos_commands/logs/. */
    @ParameterizedTest
    @EnumSource(value = Container.class, names = {"FOLDER", "TAR_XZ"})
    void aNestedArchivesMembersArePlacedWhereItWouldExtract(Container container) throws IOException {
        BundleBuilder logs = new BundleBuilder("").file("logs/journalctl_--no-pager", """
                May 08 12:40:51 host1 kernel: nf_conntrack: table full, dropping packet
                May 08 12:40:52 host1 systemd[1]: Started Session 4412 of user root.
                """).file("logs/ls_-alRh_.var.log", "/var/log:\ntotal 8\n-rw-r----- 1 root adm 4001 May  8 12:40 app.log\n");
        BundleBuilder b = BundleBuilder.conntrackIncident()
                .file("version.txt", "sosreport: 4.2")
                .archive("sos_commands/logs.xz", logs, Container.TAR_XZ)
                .archive("var/cache.tgz", new BundleBuilder("").file("cache/debconf/config.dat", "Name: x\n"), Container.TAR_GZ)
                .file("sys/class/net/eth0/mtu", "1500\n")
                .archive("sys.tgz", new BundleBuilder("").file("sys/class/net/eth0/mtu", "1500\n"), Container.TAR_GZ);
        b.file("sos_commands/kernel/dmesg", "").file("proc/stat", "cpu  1 2 3 4\n"); // no usable ring buffer: the journal is needed
        Report r = Fixtures.analyze(b.write(dir, "nested-" + container, container));
        ArtifactEntry journal = artifact(r, "sos_commands/logs/journalctl_--no-pager")
                .orElseThrow(() -> new AssertionError(r.artifacts().toString()));
        assertTrue(journal.used(), journal.toString());
        assertEquals(List.of("stored in sos_commands/logs.xz"), journal.notes());
        assertEquals("2021-05-08T12:40:51+08:00", r.iso(finding(r, "conntrack-table-full").firstSeen()));
        assertTrue(artifact(r, "journalctl_--no-pager").isEmpty(), "not at the bundle's top, where nobody can open it");
        assertTrue(r.artifacts().stream().noneMatch(a -> a.path().contains("ls_-alRh") && a.kind() != null),
                "a listing of /var/log is no application log: " + artifact(r, "sos_commands/logs/ls_-alRh_.var.log"));
        assertTrue(r.reach().notExamined().stream().anyMatch(f -> f.path().equals("sos_commands/logs/ls_-alRh_.var.log")),
                "it is listed as network evidence not examined");
        assertTrue(r.artifacts().stream().noneMatch(a -> a.path().contains("debconf")), "var/cache.tgz holds nothing rootline reads: not decoded");
    }

    /** A support case's folder around the sosreport folder, tarred: the report is that of the sosreport itself. */
    @ParameterizedTest
    @EnumSource(value = Container.class, names = {"FOLDER", "TAR_GZ"})
    void twoWrappersAreSeenThrough(Container container) throws IOException {
        BundleBuilder single = BundleBuilder.conntrackIncident().file("version.txt", "sosreport: 4.2");
        BundleBuilder twice = new BundleBuilder("case-01234567/" + TOP);
        BundleBuilder.conntrackIncident().file("version.txt", "sosreport: 4.2").copyInto(twice);
        Report once = Fixtures.analyze(single.write(dir, "single", Container.FOLDER));
        Report wrapped = Fixtures.analyze(twice.write(dir, "case-" + container, container));
        assertEquals("host1", wrapped.bundle().host());
        assertEquals(json(once), json(wrapped));
    }

    /** An OpenShift log bundle inside the sosreport holds other machines' journals: none is this host's kernel log. */
    @Test
    void anotherHostsJournalIsNeverThisHostsKernelLog() throws IOException {
        BundleBuilder b = new BundleBuilder(TOP)
                .file("version.txt", "sosreport: 4.2")
                .file("sos_commands/host/hostname", "host1\n")
                .file("sos_commands/date/date", "Sat May  8 12:45:10 CST 2021\n")
                .file("sos_commands/date/date_--utc", "Sat May  8 04:45:10 UTC 2021\n")
                .file("log-bundle-20210508/control-plane/10.0.0.5/journals/kernel.log",
                        "May 08 12:40:51 master-0 kernel: nf_conntrack: table full, dropping packet\n")
                .file("messages-from-master", """
                        May  8 12:40:51 master-0 kernel: nf_conntrack: table full, dropping packet
                        May  8 12:40:52 master-0 systemd[1]: Started Session 1 of user core.
                        """)
                .file("unit.log.txt", "May  8 12:40:51 host1 systemd[1]: Started kubelet.service.\n"
                        + "May  8 12:40:52 host1 kubelet[811]: I0508 12:40:52.123 status ok\n");
        Report r = Fixtures.analyze(b.write(dir, "others", Container.FOLDER));
        assertTrue(r.findings().isEmpty(), r.findings().toString());
        assertTrue(r.notEvaluated().stream().anyMatch(n -> n.rule().equals("conntrack-table-full") && n.needs().contains("kernel-log")),
                "the host's own kernel log is missing: not evaluated, " + r.notEvaluated());
        assertTrue(r.assumptions().stream().anyMatch(a -> a.startsWith("log-bundle-20210508/ holds other hosts' data")), r.assumptions().toString());
        assertTrue(r.assumptions().stream().anyMatch(a -> a.startsWith("messages-from-master is a log of another host")), r.assumptions().toString());
        assertFalse(artifact(r, "unit.log.txt").map(ArtifactEntry::used).orElse(false) && r.clock().kernelLog().size() > 0,
                "a journal with no kernel line is no kernel log");
    }

    /**
     * dmesg began 72 minutes after boot (its ring buffer wrapped): kern.log supplies the time
     * before it, and only that time.
     */
    @Test
    void aWrappedRingBufferIsFilledFromSyslogWithoutCountingTwice() throws IOException {
        // boot at 12:00:00; dmesg holds from 13:12:00 (4320 s); kern.log from 12:00:01, past 13:12 too
        BundleBuilder b = BundleBuilder.conntrackIncident()
                .file("version.txt", "sosreport: 4.2")
                .file("sos_commands/date/date", "Sat May  8 13:45:10 CST 2021\n")
                .file("sos_commands/date/date_--utc", "Sat May  8 05:45:10 UTC 2021\n")
                .file("sos_commands/kernel/dmesg", """
                        [ 4320.000000] e1000e: eth0 NIC Link is Up 1000 Mbps Full Duplex
                        [ 4330.118211] nf_conntrack: table full, dropping packet
                        [ 4331.118211] nf_conntrack: table full, dropping packet
                        """)
                .file("var/log/kern.log", """
                        May  8 12:00:01 host1 kernel: [    1.000000] Linux version 3.10.0-957.el7.x86_64
                        May  8 12:40:51 host1 kernel: [ 2451.118211] nf_conntrack: table full, dropping packet
                        May  8 12:40:57 host1 kernel: [ 2457.064318] nf_conntrack: table full, dropping packet
                        May  8 13:12:10 host1 kernel: [ 4330.118211] nf_conntrack: table full, dropping packet
                        May  8 13:12:11 host1 kernel: [ 4331.118211] nf_conntrack: table full, dropping packet
                        """);
        for (Container container : List.of(Container.FOLDER, Container.TAR)) {
            Report r = Fixtures.analyze(b.write(dir, "wrapped-" + container, container));
            Finding f = finding(r, "conntrack-table-full");
            assertEquals(4, f.printed(), container + ": two drops from kern.log before dmesg begins, two from dmesg, none twice");
            assertEquals("2021-05-08T12:40:51+08:00", r.iso(f.firstSeen()), container.name());
            List<KernelLogWindow> windows = r.clock().kernelLog();
            assertEquals(2, windows.size(), windows.toString());
            assertEquals("sos_commands/kernel/dmesg", windows.get(0).path());
            assertEquals(4320.0, windows.get(0).afterBoot(), 1e-9);
            assertEquals("2021-05-08T13:12:00+08:00", r.iso(windows.get(0).from()));
            assertEquals("var/log/kern.log", windows.get(1).path());
            assertEquals("2021-05-08T12:00:01+08:00", r.iso(windows.get(1).from()));
            assertEquals("2021-05-08T13:12:00+08:00", r.iso(windows.get(1).to()));
            assertTrue(artifact(r, "var/log/kern.log").orElseThrow().used(), container.name());
            assertTrue(ReportFormat.TEXT.renderer().render(r).contains("kernel:   sos_commands/kernel/dmesg from 2021-05-08 13:12:00"
                    + " (72 minutes after boot: the ring buffer wrapped) to the capture; var/log/kern.log from 2021-05-08 12:00:01 to"
                    + " 2021-05-08 13:12:00, the time before it"), ReportFormat.TEXT.renderer().render(r));
        }
    }

    @Test
    void aRingBufferFromBootNeedsNoFiller() throws IOException {
        Report r = Fixtures.analyze(BundleBuilder.conntrackIncident().file("var/log/kern.log",
                "May  8 11:40:51 host1 kernel: nf_conntrack: table full, dropping packet\n").write(dir, "whole", Container.FOLDER));
        assertEquals(3, finding(r, "conntrack-table-full").printed(), "the previous hour's drop in kern.log is not this ring buffer's");
        assertEquals(1, r.clock().kernelLog().size());
        assertNull(r.clock().kernelLog().get(0).afterBoot());
        assertEquals("skipped", artifact(r, "var/log/kern.log").orElseThrow().status());
    }

    /** conntrack's stderr, merged by sos, writes its summary into the last entry's line: the dump is whole, and parsed. */
    @Test
    void aSplicedSummaryCostsNoEntry() throws IOException {
        String dump = CONNTRACK;
        int cut = dump.lastIndexOf("dport=53") + 3;
        String spliced = dump.substring(0, cut) + "conntrack v1.4.5 (conntrack-tools): 2 flow entries have been shown.\n" + dump.substring(cut);
        Report r = Fixtures.analyze(BundleBuilder.conntrackIncident().file("sos_commands/conntrack/conntrack_-L_-o_extended", spliced)
                .write(dir, "spliced", Container.TAR_GZ));
        ArtifactEntry a = artifact(r, "sos_commands/conntrack/conntrack_-L_-o_extended").orElseThrow();
        assertEquals("parsed", a.status(), a.problems().toString());
        assertEquals(0, a.unknownLines());
        assertTrue(a.notes().get(0).startsWith("line 2: conntrack's summary was written into an entry"), a.notes().toString());
    }

    /** Loose captures are known for what they are: uname -a, version.txt, ip addr (which is no ip -s link). */
    @Test
    void looseCapturesAreRecognised() throws IOException {
        Report r = Fixtures.analyze(new BundleBuilder("captures")
                .file("uname.txt", "Linux host1 3.10.0-957.el7.x86_64 #1 SMP Thu Nov 8 23:39:32 UTC 2018 i686 i686 i386 GNU/Linux\n")
                .file("ipaddr.txt", """
                        1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000
                            link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00
                            inet 127.0.0.1/8 scope host lo
                        2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc mq state UP group default qlen 1000
                            inet 10.0.0.5/24 brd 10.0.0.255 scope global eth0
                        """)
                .file("version.txt", "sosreport: 4.2")
                .write(dir, "loose", Container.FOLDER));
        assertEquals("uname", artifact(r, "uname.txt").orElseThrow().kind());
        assertEquals("ip-addr", artifact(r, "ipaddr.txt").orElseThrow().kind(), "no counters: not ip -s link");
        assertEquals("sos-4", r.bundle().layout(), "version.txt says so, though there is no sos_reports/");
        assertTrue(r.assumptions().stream().noneMatch(a -> a.contains("64-bit host assumed")), r.assumptions().toString());
    }
}
