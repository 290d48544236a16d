package io.rootline.parse;

import static io.rootline.support.ParsedFiles.events;
import static io.rootline.support.ParsedFiles.fact;
import static io.rootline.support.ParsedFiles.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rootline.model.Stamp;
import io.rootline.support.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every genuine capture in ../shared/corpus of a format rootline parses. Each file must
 * parse completely, except the edge cases named below, which must fail exactly where
 * the capture is damaged. Skipped, with a message, when ../shared is absent.
 */
class CorpusTest {

    /** Corpus folders and the format their files are in, as the formats declare them. */
    private static final Map<String, io.rootline.format.Format> FOLDERS = folders();

    private static Map<String, io.rootline.format.Format> folders() {
        Map<String, io.rootline.format.Format> folders = new java.util.TreeMap<>();
        for (io.rootline.format.Format f : io.rootline.format.Formats.installed().all()) {
            f.corpus().forEach(folder -> folders.put(folder, f));
        }
        return folders;
    }

    /** Files in those folders that are another format. */
    private static final Map<String, io.rootline.format.Format> OTHER_FORMAT = Map.of(
            "systemd-12752-timedatectl-german-locale.txt", io.rootline.support.Fixtures.format("timedatectl"),
            "jc-linux-proc-uptime-raw.txt", io.rootline.support.Fixtures.format("proc-uptime"));

    /** Genuinely damaged or foreign captures: the lines that must be reported as unrecognized. */
    private static final Map<String, List<Integer>> DAMAGED = Map.of(
            // netstat was not installed in the namespace: one stderr line, nothing else
            "hotsos-openstack-netns-exec-failed.txt", List.of(1),
            // the paste hard-wrapped a line mid-word ("n" / "umrxqueues")
            "insights-ip-s-d-link-sriov-vf-stats.txt", List.of(16),
            // hwclock output, filed with date captures; not the output of date
            "hotsos-k8s-hwclock.txt", List.of(1),
            // a syslog paste hard-wrapped after "table full," and its first line cut at the start
            "starphleet-352-wrapped-lines.txt", List.of(1, 3, 5, 7, 9));

    @TestFactory
    Stream<DynamicTest> everyCaptureParses() throws IOException {
        Fixtures.corpus("");
        List<DynamicTest> tests = new java.util.ArrayList<>();
        for (var folder : FOLDERS.entrySet()) {
            Path dir = Fixtures.CORPUS.resolve(folder.getKey());
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    io.rootline.format.Format kind = OTHER_FORMAT.getOrDefault(name, folder.getValue());
                    tests.add(DynamicTest.dynamicTest(folder.getKey() + "/" + name, () -> {
                        ParsedArtifact a = parse(kind, file);
                        List<Integer> damaged = DAMAGED.getOrDefault(name, List.of());
                        assertEquals(damaged.size(), a.unknownLines(), () -> name + ": " + a.problems());
                        for (int i = 0; i < damaged.size(); i++) {
                            assertTrue(a.problems().get(i).startsWith("line " + damaged.get(i) + ": unrecognized line"),
                                    a.problems().get(i));
                        }
                        if (damaged.isEmpty()) {
                            assertEquals(ArtifactStatus.PARSED, a.status(), () -> name + ": " + a.problems());
                            assertTrue(a.lines() > 0);
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void netstatWordingsOfEveryReleaseMapToMibNames() {
        Path dir = Fixtures.corpus("netstat-s");
        ParsedArtifact old = parse(io.rootline.support.Fixtures.format("netstat-s"), dir.resolve("insights-rhel7-old-wording.txt"));
        ParsedArtifact fresh = parse(io.rootline.support.Fixtures.format("netstat-s"), dir.resolve("hotsos-vault-ubuntu2004.txt"));
        // "segments send out" (old) and "segments sent out" (new) are the same counter
        assertEquals("2890303", fact(old, "netstat.Tcp.OutSegs"));
        assertEquals("3220344", fact(fresh, "netstat.Tcp.OutSegs"));
        assertEquals("428", fact(old, "netstat.Tcp.RetransSegs"));
        assertEquals("136", fact(fresh, "netstat.Tcp.RetransSegs"));
        assertEquals("1648", fact(old, "netstat.Tcp.ActiveOpens"));
        assertEquals("90002", fact(fresh, "netstat.Tcp.ActiveOpens"));
        assertEquals("9", fact(old, "netstat.TcpExt.DelayedACKLost"));
        assertEquals("537", fact(old, "netstat.TcpExt.TCPDeferAcceptDrop"));
        assertEquals("278", fact(fresh, "netstat.Udp.IgnoredMulti"));
        assertEquals("1", fact(fresh, "netstat.Ip.Forwarding"));
        assertEquals("107", fact(old, "netstat.Icmp.InDestUnreachs"));
        // no wording of any capture falls back to a key made of its words
        for (Path file : List.of(dir.resolve("insights-rhel7-old-wording.txt"), dir.resolve("hotsos-vault-ubuntu2004.txt"),
                dir.resolve("cb2-21-armbian-new-wording-truncated.txt"), dir.resolve("ddagent-389-2013-fragments-truncated.txt"),
                dir.resolve("osquery-1919-2016-old-wording-truncated.txt"))) {
            parse(io.rootline.support.Fixtures.format("netstat-s"), file).facts().forEach(f ->
                    assertTrue(Character.isUpperCase(f.key().substring(f.key().lastIndexOf('.') + 1).charAt(0)), f.key()));
        }
    }

    @Test
    void kernelDropsAndRateLimitNotesOfRealHosts() {
        Path dir = Fixtures.corpus("dmesg");
        assertEquals(14, events(parse(io.rootline.support.Fixtures.format("kernel-log"), dir.resolve("k8s-18604-conntrack-full-gke.txt")),
                "kernel.conntrack-table-full").size());
        ParsedArtifact pcfreak = parse(io.rootline.support.Fixtures.format("kernel-log"), dir.resolve("pcfreak-conntrack-full-__ratelimit.txt"));
        assertEquals(12, events(pcfreak, "kernel.conntrack-table-full").size(), "with and without the final period");
        assertEquals(83, events(pcfreak, "kernel.ratelimit-suppressed").get(0).count());
        ParsedArtifact serverfault = parse(io.rootline.support.Fixtures.format("kernel-log"), dir.resolve("serverfault-ubuntu1204-net_ratelimit-conntrack.txt"));
        assertEquals(321, events(serverfault, "kernel.ratelimit-suppressed").get(0).count());
        assertEquals(10, events(serverfault, "kernel.conntrack-table-full").size());
        assertEquals(3, events(parse(io.rootline.support.Fixtures.format("kernel-log"), dir.resolve("s905060-centos63-no-timestamps.txt")),
                "kernel.conntrack-table-full").size(), "printk.time=0: no stamps, still counted");
        assertEquals(2, events(parse(io.rootline.support.Fixtures.format("kernel-log"), dir.resolve("rtr7-31-serial-console-mixed-arp-overflow.txt")),
                "kernel.neighbour-table-overflow").size());
        var syn = events(parse(io.rootline.support.Fixtures.format("kernel-log"), dir.resolve("cuberite-4596-syn-flooding-ubuntu1604.txt")), "kernel.syn-flooding");
        assertEquals(9, syn.size());
        assertEquals("8080", syn.get(0).attribute("port"));
        assertEquals("25565", syn.get(1).attribute("port"));
        // audit's own rate limiter says nothing about dropped packets
        assertEquals(0, events(parse(io.rootline.support.Fixtures.format("kernel-log"), dir.resolve("hotsos-k8s-ubuntu2004-boot.txt")),
                "kernel.ratelimit-suppressed").size());
    }

    @Test
    void kernelMessagesKeptBySyslogAndTheJournal() {
        Path dir = Fixtures.corpus("var-log-messages");
        ParsedArtifact arp = parse(io.rootline.support.Fixtures.format("syslog"), dir.resolve("appstream-102-k8snode-arp-overflow-syslog.txt"));
        assertEquals(10, events(arp, "kernel.neighbour-table-overflow").size());
        assertEquals("11", fact(arp, "syslog.kernel_lines"), "one of the 12 lines is systemd-networkd's");
        assertEquals(new Stamp.YearlessWall(MonthDay.of(6, 11), LocalTime.of(11, 4, 35)),
                events(arp, "kernel.neighbour-table-overflow").get(0).stamp());
        // "last message repeated 20 times": the overflow 20 more times
        var repeated = events(parse(io.rootline.support.Fixtures.format("syslog"), dir.resolve("cyberciti-neighbour-overflow-last-message-repeated.txt")),
                "kernel.neighbour-table-overflow");
        assertEquals(List.of(1L, 20L), repeated.stream().map(e -> e.count()).toList());
        assertEquals(100, events(parse(io.rootline.support.Fixtures.format("syslog"), dir.resolve("cyberciti-neighbour-overflow-printk-suppressed.txt")),
                "kernel.ratelimit-suppressed").get(0).count());
        assertEquals(87, events(parse(io.rootline.support.Fixtures.format("syslog"), dir.resolve("erave-neighbour-overflow-printk-suppressed.txt")),
                "kernel.ratelimit-suppressed").get(0).count());
        ParsedArtifact logread = parse(io.rootline.support.Fixtures.format("syslog"), dir.resolve("lede-6427-logread-arp-overflow-net_ratelimit.txt"));
        assertEquals(11, events(logread, "kernel.neighbour-table-overflow").size());
        assertEquals(241, events(logread, "kernel.ratelimit-suppressed").get(0).count());
        assertEquals(new Stamp.LocalWall(LocalDateTime.of(2021, 2, 24, 0, 35, 21)),
                events(logread, "kernel.neighbour-table-overflow").get(0).stamp(), "logread writes the year");
        var syn = events(parse(io.rootline.support.Fixtures.format("syslog"), dir.resolve("rtn56u-279-syn-flooding-no-hostname.txt")), "kernel.syn-flooding");
        assertEquals("4646", syn.get(0).attribute("port"));
        assertEquals(new Stamp.YearlessWall(MonthDay.of(2, 29), LocalTime.of(19, 54, 23)), syn.get(0).stamp(), "a leap day, no host");
        ParsedArtifact pasted = parse(io.rootline.support.Fixtures.format("syslog"), dir.resolve("secse-conntrack-full-truncated-line.txt"));
        assertEquals(Stamp.NONE, events(pasted, "kernel.conntrack-table-full").get(0).stamp(), "stamp and host stripped");
        assertEquals(0, events(pasted, "kernel.ratelimit-suppressed").size(), "'callbacks suppresse' was cut");
        // audit's limiter again: its notes in kern.log are not drops
        ParsedArtifact kernLog = parse(io.rootline.support.Fixtures.format("syslog"), dir.resolve("hotsos-openstack-kern-log.txt"));
        assertEquals(0, events(kernLog, "kernel.ratelimit-suppressed").size());
        assertEquals("2831", fact(kernLog, "syslog.kernel_lines"));
        assertEquals("825", fact(parse(io.rootline.support.Fixtures.format("syslog"), dir.resolve("hotsos-openstack-var-log-syslog.txt")), "syslog.kernel_lines"));

        Path journal = Fixtures.corpus("journalctl-k");
        assertEquals("627", fact(parse(io.rootline.support.Fixtures.format("syslog"), journal.resolve("hotsos-openstack-journal-reboot-marker.txt")),
                "syslog.kernel_lines"), "across the '-- Reboot --' note");
        ParsedArtifact catalog = parse(io.rootline.support.Fixtures.format("syslog"), journal.resolve("hotsos-vault-journal-catalog-variant.txt"));
        assertEquals("0", fact(catalog, "syslog.kernel_lines"), "a container: no kernel lines");
        assertEquals(200, catalog.lines());
    }

    @Test
    void javaFailuresInEveryLogLayout() {
        Path dir = Fixtures.corpus("app-logs");
        assertEquals("app.dns-failure", only(dir.resolve("adoptium-3236-jenkins-timestamped-unknownhost.txt")));
        assertEquals("app.dns-failure", only(dir.resolve("dcache-8119-rsyslog-011-escaped-java-stacktrace.txt")));
        assertEquals("app.redis-timeout", only(dir.resolve("jedis-1881-logback-dubbo-read-timeout.txt")));
        assertEquals("app.redis-timeout", only(dir.resolve("lettuce-1552-springboot-redis-command-timeout.txt")));
        assertEquals(0, parse(io.rootline.support.Fixtures.format("app-log"), dir.resolve("lettuce-1362-springboot-debug-redis-channel.txt")).events().size());
    }

    private static String only(Path file) {
        var events = parse(io.rootline.support.Fixtures.format("app-log"), file).events();
        assertEquals(1, events.size(), () -> file + ": " + events);
        return events.get(0).kind();
    }

    @Test
    void conntrackDumpsAreCountedNotKept() {
        Path dir = Fixtures.corpus("conntrack-L");
        ParsedArtifact offload = parse(io.rootline.support.Fixtures.format("conntrack"), dir.resolve("pyroute2-1198-offload-no-timeout.txt"));
        assertEquals("6", fact(offload, "conntrack.entries"));
        assertEquals("2", fact(offload, "conntrack.flag.OFFLOAD"), "entries without a timeout field");
        assertEquals("6", fact(offload, "conntrack.tool_reported"));
        ParsedArtifact summaryFirst = parse(io.rootline.support.Fixtures.format("conntrack"), dir.resolve("coco-2015-summary-first-vxlan-unreplied.txt"));
        assertEquals("3", fact(summaryFirst, "conntrack.entries"));
        assertEquals("50", fact(summaryFirst, "conntrack.tool_reported"), "the summary of an unfiltered listing, printed first");
        var top = summaryFirst.tables().stream().filter(t -> t.key().equals("conntrack.top_dports")).findFirst().orElseThrow();
        assertEquals(Map.of("protocol", "udp", "port", "4789", "count", "3", "share", "100.0", "state", "UNREPLIED"),
                top.rows().get(0));
    }

    @Test
    void clockArtifactsOfRealHosts() {
        Path date = Fixtures.corpus("date");
        assertEquals("2021-01-05T01:02:04", fact(parse(io.rootline.support.Fixtures.format("date"), date.resolve("jc-ubuntu2004-date-ampm.txt")), "date.datetime"));
        assertEquals("PDT", fact(parse(io.rootline.support.Fixtures.format("date"), date.resolve("jc-generic-date-pdt.txt")), "date.zone"));
        ParsedArtifact td = parse(io.rootline.support.Fixtures.format("timedatectl"), date.resolve("systemd-12752-timedatectl-german-locale.txt"));
        assertEquals("+0200", fact(td, "timedatectl.offset"));
        assertEquals("Europe/Berlin", fact(td, "timedatectl.zone"));
        Path uptime = Fixtures.corpus("uptime");
        assertEquals("243120", fact(parse(io.rootline.support.Fixtures.format("uptime"), uptime.resolve("jc-ubuntu1804-uptime-days.txt")), "uptime.seconds"));
        assertEquals("1500", fact(parse(io.rootline.support.Fixtures.format("uptime"), uptime.resolve("hotsos-k8s-uptime-min.txt")), "uptime.seconds"));
        assertEquals("12360", fact(parse(io.rootline.support.Fixtures.format("uptime"), uptime.resolve("c4cs-199-uptime-p-procps339.txt")), "uptime.seconds"));
        assertEquals("46901.13", fact(parse(io.rootline.support.Fixtures.format("proc-uptime"), uptime.resolve("jc-linux-proc-uptime-raw.txt")), "proc.uptime.seconds"));
    }

    @Test
    void memoryInEveryLayout() {
        assertEquals(String.valueOf(4026036L * 1024), fact(parse(io.rootline.support.Fixtures.format("meminfo"),
                Fixtures.corpus("proc-meminfo").resolve("hotsos-k8s-ubuntu2004.txt")), "meminfo.MemTotal_bytes"));
        Path free = Fixtures.corpus("free");
        assertEquals(String.valueOf(3861332L * 1024), fact(parse(io.rootline.support.Fixtures.format("free"), free.resolve("jc-centos77-free.txt")), "free.mem.total_bytes"));
        assertEquals("3972844749", fact(parse(io.rootline.support.Fixtures.format("free"), free.resolve("jc-centos77-free-h.txt")), "free.mem.total_bytes"));
        assertEquals(String.valueOf(898640L * 1024), fact(parse(io.rootline.support.Fixtures.format("free"), free.resolve("jc-centos77-free-w.txt")), "free.mem.cache_bytes"));
    }

    @Test
    void interfaceCountersInOldAndNewLayouts() {
        Path dir = Fixtures.corpus("ip-s-link");
        ParsedArtifact bond = parse(io.rootline.support.Fixtures.format("ip-link"), dir.resolve("insights-ip-d-s-link-iproute2-6x-bond-altname.txt"));
        assertEquals("505436", fact(bond, "iface.rx_dropped{iface=enp1s0}"));
        assertEquals("0", fact(bond, "iface.rx_missed{iface=enp1s0}"));
        ParsedArtifact huge = parse(io.rootline.support.Fixtures.format("ip-link"), dir.resolve("insights-ip-s-d-link-ovs-huge-counters.txt"));
        assertEquals("108341661705196", fact(huge, "iface.rx_bytes{iface=eno1}"));
        ParsedArtifact doubleS = parse(io.rootline.support.Fixtures.format("ip-link"), dir.resolve("qmar1-ip-s-s-link-eth0-ena.txt"));
        assertEquals("3", fact(doubleS, "iface.tx_errors_transns{iface=eth0}"));
        ParsedArtifact veth = parse(io.rootline.support.Fixtures.format("ip-link"), Fixtures.corpus("ip-s-link").resolve("hotsos-rabbitmq-lxd-ip-s-d-link.txt"));
        assertEquals("153608229", fact(veth, "iface.rx_bytes{iface=eth0}"), "eth0@if27 is eth0");
    }
}
