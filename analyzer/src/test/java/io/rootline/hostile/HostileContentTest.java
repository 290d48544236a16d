package io.rootline.hostile;

import static io.rootline.support.ParsedFiles.events;
import static io.rootline.support.ParsedFiles.fact;
import static io.rootline.support.ParsedFiles.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rootline.model.Stamp;
import io.rootline.parse.ArtifactStatus;
import io.rootline.parse.ParsedArtifact;
import io.rootline.support.ParsedFiles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content that no capture should hold but some do: encodings, locales, huge numbers, impossible dates. */
class HostileContentTest {

    @TempDir
    Path dir;

    private ParsedArtifact parseBytes(io.rootline.format.Format kind, byte[] bytes) throws Exception {
        return parse(kind, Files.write(dir.resolve("artifact"), bytes));
    }

    @Test
    void latin1LinesInAnUtf8Log() throws Exception {
        byte[] log = ("2021-05-08 12:40:52,004 ERROR [main] Caf\u00e9Client - lookup failed\n"
                + "java.net.UnknownHostException: db.internal\n").getBytes(StandardCharsets.ISO_8859_1);
        ParsedArtifact a = parseBytes(io.rootline.support.Fixtures.format("app-log"), log);
        assertEquals(ArtifactStatus.PARSED, a.status());
        assertEquals(1, events(a, "app.dns-failure").size());
    }

    @Test
    void utf16FromAWindowsTool() throws Exception {
        String netstat = "Tcp:\r\n    1648 active connections openings\r\n    428 segments retransmited\r\n";
        for (var charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            byte[] bom = charset == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF};
            byte[] body = netstat.getBytes(charset);
            byte[] withBom = new byte[bom.length + body.length];
            System.arraycopy(bom, 0, withBom, 0, 2);
            System.arraycopy(body, 0, withBom, 2, body.length);
            for (byte[] bytes : List.of(withBom, body)) {
                ParsedArtifact a = parseBytes(io.rootline.support.Fixtures.format("netstat-s"), bytes);
                assertEquals(ArtifactStatus.PARSED, a.status(), a.problems().toString());
                assertEquals("428", fact(a, "netstat.Tcp.RetransSegs"));
                assertEquals(List.of("decoded as " + charset.name()), a.notes());
            }
        }
    }

    @Test
    void crlfLineEndsAndATruncatedLastLine() throws Exception {
        ParsedArtifact a = parseBytes(io.rootline.support.Fixtures.format("sysctl"),
                "net.netfilter.nf_conntrack_max = 262144\r\nnet.netfilter.nf_conntrack_count = 12".getBytes(StandardCharsets.US_ASCII));
        assertEquals("262144", fact(a, "sysctl.net.netfilter.nf_conntrack_max"));
        assertEquals("12", fact(a, "sysctl.net.netfilter.nf_conntrack_count"));
    }

    @Test
    void aNetstatFromAnotherLocaleKeepsItsCountersAndSaysSo() {
        ParsedArtifact a = parse(io.rootline.support.Fixtures.format("netstat-s"), """
                Tcp:
                    1648 aktive Verbindungen ge\u00f6ffnet
                    TCPTimeouts: 54
                """);
        assertEquals(ArtifactStatus.PARTIAL, a.status());
        assertEquals("1648", fact(a, "netstat.Tcp.n_aktive_verbindungen_ge\u00f6ffnet"));
        assertEquals("54", fact(a, "netstat.Tcp.TCPTimeouts"));
        assertTrue(a.problems().get(0).startsWith("line 2: wording not in the table"), a.problems().toString());
    }

    @Test
    void conntrackPortsThatAreNotNumbersAreCountedAndRankedBesideTheOthers() {
        ParsedArtifact a = parse(io.rootline.support.Fixtures.format("conntrack"), """
                tcp 6 10 ESTABLISHED src=1 dport=http
                tcp 6 10 ESTABLISHED src=1 dport=443
                tcp 6 10 ESTABLISHED src=1 dport=
                tcp 6 10 ESTABLISHED src=1 dport=80
                """);
        assertEquals(ArtifactStatus.PARSED, a.status(), a.notes().toString());
        assertEquals("4", fact(a, "conntrack.entries"));
        var top = a.tables().stream().filter(t -> t.key().equals("conntrack.top_dports")).findFirst().orElseThrow();
        assertEquals(List.of("80", "443", "", "http"), top.rows().stream().map(r -> r.get("port")).toList(),
                "tied ports in numeric order, then the others by name");
    }

    @Test
    void countersBeyondTwoToTheSixtyThirdStayExact() {
        ParsedArtifact netstat = parse(io.rootline.support.Fixtures.format("netstat-s"), "IpExt:\n    InOctets: 123456789012345678901234567890\n");
        assertEquals("123456789012345678901234567890", fact(netstat, "netstat.IpExt.InOctets"));
        ParsedArtifact link = parse(io.rootline.support.Fixtures.format("ip-link"), """
                2: eth0: <BROADCAST,UP> mtu 1500 qdisc mq state UP mode DEFAULT group default qlen 1000
                    RX: bytes  packets  errors  dropped overrun mcast
                    99999999999999999999999 1 0 0 0 0
                """);
        assertEquals("99999999999999999999999", fact(link, "iface.rx_bytes{iface=eth0}"));
        ParsedArtifact uptime = parse(io.rootline.support.Fixtures.format("uptime"), " 12:45:10 up 99999999999999999999 days,  3:32,  2 users,  load average: 0.00, 0.01, 0.05\n");
        assertEquals(ArtifactStatus.PARTIAL, uptime.status());
        assertTrue(uptime.problems().get(0).startsWith("line 1: this line could not be used (NumberFormatException"), uptime.problems().toString());
    }

    @Test
    void impossibleDatesAreReportedAndTheEventKeptWithoutTime() {
        ParsedArtifact a = parse(io.rootline.support.Fixtures.format("kernel-log"), """
                [Sat Feb 30 12:40:51 2021] nf_conntrack: table full, dropping packet
                [Sat May  8 25:40:51 2021] nf_conntrack: table full, dropping packet
                [Sat May  8 12:40:51 2021] nf_conntrack: table full, dropping packet
                """);
        var drops = events(a, "kernel.conntrack-table-full");
        assertEquals(3, drops.size());
        assertEquals(Stamp.NONE, drops.get(0).stamp());
        assertEquals(Stamp.NONE, drops.get(1).stamp());
        assertTrue(drops.get(2).stamp() instanceof Stamp.LocalWall);
        assertEquals(2, a.problems().size());
        assertTrue(a.problems().get(0).startsWith("line 1: impossible time stamp"), a.problems().toString());
        ParsedArtifact log = parse(io.rootline.support.Fixtures.format("app-log"), "2021-13-45 12:40:51,000 ERROR x\njava.net.UnknownHostException: h\n");
        assertTrue(log.problems().get(0).startsWith("line 1: impossible time stamp"), log.problems().toString());
        assertEquals(1, events(log, "app.dns-failure").size());
    }

    @Test
    void aBootTimeOutsideAnyPlausibleRangeIsNotUsed() throws Exception {
        Path bundle = io.rootline.support.BundleBuilder.conntrackIncident()
                .file("proc/stat", "btime 99999999999999999999999\n")
                .write(dir, "bad-btime", io.rootline.support.BundleBuilder.Container.FOLDER);
        var r = io.rootline.support.Fixtures.analyze(bundle);
        assertEquals(null, r.clock().bootTime());
        assertTrue(r.clock().kernelTimes().contains("stay relative"), r.clock().kernelTimes());
    }

    @Test
    void everyGrammarMeetsGarbageWithoutAnException() {
        byte[] noise = new byte[4096];
        new java.util.Random(11).nextBytes(noise);
        for (io.rootline.format.Format kind : io.rootline.format.Formats.installed().all()) {
            ParsedArtifact a = ParsedFiles.parse(kind, new String(noise, StandardCharsets.ISO_8859_1));
            // the logs' grammars take unstamped text as a message (a cut line, a console echo,
            // a record's continuation), so noise is read line by line; other formats reject it
            boolean freeText = kind.freeText();
            assertTrue(a.status() == ArtifactStatus.FAILED || a.status() == ArtifactStatus.PARTIAL
                    || (freeText && a.status() == ArtifactStatus.PARSED && a.lines() > 0), kind + " " + a.status());
            assertTrue(a.problems().stream().allMatch(p -> p.matches("(?s)line \\d+: .*|… and \\d+ more problems")), kind + " " + a.problems());
        }
    }

    static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
