package io.rootline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rootline.bundle.Limits;
import io.rootline.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hand-written fast paths of the hot formats agree with their grammars: the same
 * facts, events, tables, problems and status, line for line, on the corpus, the grammar
 * examples and fuzzed lines (mutations aimed at the edges the fast paths judge).
 */
class FastPathAgreementTest {

    /** @param edgeLines lines on the boundaries the fast path judges, each tried alone and inside a record */
    private record Format(io.rootline.format.Format kind, String grammar, List<String> corpus, Supplier<ArtifactParser> fast,
                          Supplier<ArtifactParser> grammarOnly, List<String> edgeLines) {
    }

    /**
     * Edge lines from every row of the kernel message table: each example after {@code prefix},
     * as it is, with a period, blanks or a word after it, and with a byte before it.
     */
    private static List<String> tableEdges(String prefix) {
        List<String> lines = new java.util.ArrayList<>();
        for (KernelMessageTable.Row row : KernelMessageTable.bundled().rows()) {
            for (String example : row.examples()) {
                for (String variant : List.of(example, example + ".", example + " \t", example + " x", "x" + example, example.toUpperCase())) {
                    lines.add(prefix + variant);
                }
            }
        }
        return lines;
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new java.util.ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    private static final List<Format> FORMATS = List.of(
            new Format(io.rootline.support.Fixtures.format("kernel-log"), "KernelLog", List.of("dmesg"), () -> new KernelLogParser(ParserContext.BUNDLED, true), () -> new KernelLogParser(ParserContext.BUNDLED, false),
                    concat(List.of("[ 3000.000100] nf_conntrack: table full, dropping packet",
                            "[ 3000.000100] nf_conntrack: table full, dropping packet.",
                            "[ 3000.000100] nf_conntrack: table full, dropping packet..",
                            "[ 3000.000100] nf_conntrack: table full, dropping packet \t\r",
                            "[ 3000.000100] nf_conntrack: table full, dropping packets",
                            "[ 3000.000100] nf_conntrack: table full, dropping packet x",
                            "[ 3000.000100] nf_conntrack:  table full, dropping packet",
                            "[ 3000.000100] nf_conntrack: nf_conntrack: table full, dropping packet",
                            "[ 3000.000100] ip_conntrack: table full, dropping packet",
                            "[ 3000.000100]\tnf_conntrack: table full, dropping packet",
                            "[ 3000.000100]nf_conntrack: table full, dropping packet",
                            "[Sat May  8 12:40:51 2021] nf_conntrack: table full, dropping packet",
                            "[Sat Feb 30 12:40:51 2021] nf_conntrack: table full, dropping packet",
                            "[99999999999999999999999.0] nf_conntrack: table full, dropping packet",
                            "nf_conntrack: table full, dropping packet",
                            "[ 3000.000100] kernel: nf_conntrack: table full, dropping packet"), tableEdges("[ 3000.000100] "))),
            new Format(io.rootline.support.Fixtures.format("conntrack"), "Conntrack", List.of("conntrack-L"), () -> new ConntrackParser(true), () -> new ConntrackParser(false),
                    List.of("tcp 6 431999 _ESTABLISHED src=1 dport=80 [ASSURED]", "tcp 6 431999 ESTABLISHED_ src=1 dport=80",
                            "tcp 6 431999 Established src=1", "ipv4 2 tcp 6 src=1 dport=53", "ipv4 2 tcp 6", "ipv4 2 tcp 6 7",
                            "ipv4 2 tcp x src=1", "ipv4 2 tcp 6 1 2 src=1", "tcp 6 1 2 src=1", "tcp 6 [ASSURED]", "tcp 6 src=1 []",
                            "tcp 6 src=1 [A]x", "tcp 6 src=1 [a]", "tcp 6 src=1 [A_B] [C]", "tcp 6 dport=\u00e9 dport=1",
                            "tcp 6 dport=1 dport=\u00e9", "tcp 6 a1=b", "tcp 6 =b", "tcp 6 a=", "tcp 6 dport=", "tcp6 6 src=1",
                            "6tcp 6 src=1", "tcp 6x src=1", "tcp\t6\tsrc=1\tdport=22", "tcp 6 src=1 dport=22\r",
                            " tcp 6 src=1", "tcp 6 src=1 ", "tcp 6 src=1 dports=2 dport=3", "tcp 6 src=1 xdport=2",
                            "tcp 6 src=1 Dport=2", "tcp 6 src=1 [ASSURED] ]",
                            // a value is read eight bytes at a time: control bytes within it, '!' just above them,
                            // values of 7-9 bytes at the line's end, and values across the end of the line buffer
                            "tcp 6 src=a\u0001b dport=1", "tcp 6 src=1\u001f dport=2\u001f", "tcp 6 src=! dport=!1",
                            "tcp 6 dport=1\u0001\u00e9", "tcp 6 dport=1234567", "tcp 6 dport=12345678", "tcp 6 dport=123456789",
                            "tcp 6 src=" + "1".repeat(233) + " dport=22 use=1", "tcp 6 src=" + "1".repeat(236) + " dport=22",
                            "tcp 6 src=" + "1".repeat(239) + " dport=2\u00e9", "tcp 6 src=" + "1".repeat(245) + " dport=22222222 use=1")),
            new Format(io.rootline.support.Fixtures.format("app-log"), "AppLog", List.of("app-logs"), () -> new AppLogParser(true), () -> new AppLogParser(false),
                    List.of("java.lang.Exception", "java.lang.Error", "java.lang.xError", "java.lang.XError", "java.lang._Exception",
                            "java.1lang.IOException", "java.lang1.IOException", "$a.B$Exception", "a..BException", ".a.BException",
                            "a.BException.", "BException: x", "a.BExceptionx", "a.B9Exception", "a.9BException", "a.BException[x]",
                            "a.BException]", "a.BException :x", "a.BException\t: x", "a.BException\r", "a.BException:",
                            "a.BException: a.CException", "a.BException: java.lang.Error", "a.BException: Error", "a.BException x",
                            "a.BException-x", "a.BException/x: y", "a.BException: \u00e9t\u00e9", "a.B\u00e9Exception: x",
                            "java.net.UnknownHostException: db: Name or service not known", " java.net.UnknownHostException: db",
                            // stamps in the minute of the record's head line (2021-05-08 12:40), judged by their second
                            // and what follows it alone
                            "2021-05-08 12:40:59,000 INFO x", "2021-05-08 12:40:60,000 INFO x", "2021-05-08 12:40:99 INFO x",
                            "2021-05-08T12:40:61 INFO x", "2021-02-29 12:40:51,000 INFO x", "2020-02-29 12:40:51,000 INFO x",
                            "2021-05-08 12:40:5x,204 INFO x", "2021-05-08 12:40:51", "2021-05-08 12:40:51 ",
                            "2021-05-08 12:40:51,20x y", "2021-05-08 12:40:51x y", "2021-05-08 12:40:59.9\tINFO x",
                            "2021-05-08 12:40", "2021-05-08 12:40:51,204 Error")),
            new Format(io.rootline.support.Fixtures.format("sysctl"), "Sysctl", List.of("sysctl-a"), () -> new SysctlParser(true), () -> new SysctlParser(false),
                    List.of("net.core.somaxconn = 4096", "net.core.somaxconn=4096", "net.core.somaxconn =4096",
                            "net.core.somaxconn\t=\t4096", "net.core.somaxconn = ", "net.core.somaxconn =", "net.core.somaxconn",
                            "net.core.somaxconn 4096", " net.core.somaxconn = 4096", "=4096", "= 4096",
                            "net.ipv4.tcp_rmem = 4096\t87380\t6291456", "dev.cdrom.info = drive name:\t\tsr0",
                            "net.core.somaxconn = 4096\r", "net.core.some\rthing = 1", "a=b=c", "a = = b", "a\u0000b = 1",
                            "sysctl: permission denied on key 'fs.protected_fifos'", "sysctl: x = 1", "sysctl:x = 1",
                            "sysctl:  x", "sysctl: = 1", "sysctl:\t= 1", "k\u00e9y = v\u00e4lue", "net.core.somaxconn = 4096  \t ", "net.core.somaxconn = \u000b1")),
            new Format(io.rootline.support.Fixtures.format("syslog"), "Syslog", List.of("var-log-messages", "journalctl-k"), () -> new SyslogParser(ParserContext.BUNDLED, true),
                    () -> new SyslogParser(ParserContext.BUNDLED, false),
                    concat(List.of("Feb 30 10:00:00 h kernel: x", "Feb 29 10:00:00 h kernel: x", "Apr 31 10:00:00 h kernel: x",
                            "Feb  1 24:00:00 h kernel: x", "Feb  1 23:60:00 h kernel: x", "Feb  1 23:00:60 h kernel: x",
                            "Feb 1 10:00:00 h kernel: x", "Feb 123 10:00:00 h kernel: x", "Feb  1 10:00:00.5 h kernel: x",
                            "Feb  1 10:00:00  h kernel: x", "Feb  1 10:00:00 h  kernel: x", "Feb  1 10:00:00 h kernel:",
                            "Feb  1 10:00:00 h kernel:x", "Feb  1 10:00:00 h kernel:\tx", "Feb  1 10:00:00 h kernel[1]: x",
                            "Feb  1 10:00:00 h kernel", "Feb  1 10:00:00 kernel: x", "Feb  1 10:00:00 -- kernel: x",
                            "Feb  1 10:00:00 --h kernel: x", "Feb  1 10:00:00 kern.info kernel: x", "Feb  1 10:00:00 h:1 kernel: x",
                            "Feb  1 10:00:00 h[1] kernel: x", "Feb  1 10:00:00 Feb 2 10:00:00 kernel: x",
                            "Feb  1 10:00:00 h last message repeated 2 times", "Feb  1 10:00:00 h systemd[1]: x",
                            "Feb  1 10:00:00 h systemd[1]:", "Feb  1 10:00:00 h systemd[1]:x", "Feb  1 10:00:00 h systemd[1 2]: x",
                            "Feb  1 10:00:00 h systemd[]: x", "Feb  1 10:00:00 h systemd[1]x: x", "Feb  1 10:00:00 h [1]: x",
                            "Feb  1 10:00:00 h --: x", "Feb  1 10:00:00 h 2024-02-01T08: x", "Feb  1 10:00:00 h a:b: x",
                            "Feb  1 10:00:00 h kernel: [ 1.5] kauditd_printk_skb: 5 callbacks suppressed",
                            "Feb  1 10:00:00 h kernel: [ 1.5]kauditd_printk_skb: 5 callbacks suppressed",
                            "Feb  1 10:00:00 h kernel: [ 1.5] net_ratelimit: 5 callbacks suppressed",
                            "Feb  1 10:00:00 h kernel: net_ratelimit: 5 callbacks suppressed",
                            "Feb  1 10:00:00 h kernel: [1.] audit: 5 callbacks suppressed",
                            "Feb  1 10:00:00 h kernel: message repeated 2 times: [ nf_conntrack: table full, dropping packet]",
                            "Feb  1 10:00:00 h kernel: message repeated 2 times: [ plain]",
                            "Feb  1 10:00:00 h kernel: nf_conntrack: table full, dropping packet",
                            "Feb  1 10:00:00 h kernel: [ 9.0] kernel: x", "Feb  1 10:00:00 h kernel: <4>x 5 callbacks suppressed",
                            // the drop message the fast path takes, and its neighbours that go to the grammar
                            "Feb  1 10:00:00 h kernel: nf_conntrack: table full, dropping packet.",
                            "Feb  1 10:00:00 h kernel: nf_conntrack: table full, dropping packet..",
                            "Feb  1 10:00:00 h kernel: nf_conntrack: table full, dropping packet \t\r",
                            "Feb  1 10:00:00 h kernel: nf_conntrack: table full, dropping packets",
                            "Feb  1 10:00:00 h kernel: nf_conntrack: table full, dropping packet x",
                            "Feb  1 10:00:00 h kernel: nf_conntrack:  table full, dropping packet",
                            "Feb  1 10:00:00 h kernel: nf_conntrack: nf_conntrack: table full, dropping packet",
                            "Feb  1 10:00:00 h kernel: ip_conntrack: table full, dropping packet",
                            "Feb  1 10:00:00 h kernel:  \tnf_conntrack: table full, dropping packet",
                            "Feb  1 10:00:00 h kernel: [ 3000.000100] nf_conntrack: table full, dropping packet",
                            "Feb  1 10:00:00 h kernel: [ 3000.000100]\tnf_conntrack: table full, dropping packet",
                            "Feb  1 10:00:00 h kernel: [ 3000.000100]nf_conntrack: table full, dropping packet",
                            "Feb  1 10:00:00 h kernel: [3000.] nf_conntrack: table full, dropping packet",
                            "Feb  1 10:00:00 h kernel: kernel: nf_conntrack: table full, dropping packet",
                            "Feb 30 10:00:00 h kernel: nf_conntrack: table full, dropping packet",
                            "Feb  1 10:00:00.5 h kernel: nf_conntrack: table full, dropping packet",
                            "Feb  1 10:00:00 h systemd[1]: nf_conntrack: table full, dropping packet",
                            // a repeat after it repeats its event, kept or counted alike
                            "Feb  1 10:00:00 h kernel: nf_conntrack: table full, dropping packet\n"
                                    + "Feb  1 10:00:01 h last message repeated 3 times\nFeb  1 10:00:02 h last message repeated 2 times",
                            "Feb  1 10:00:00 h kernel: nf_conntrack: table full, dropping packet\n"
                                    + "Feb  1 10:00:01 h systemd[1]: x\nFeb  1 10:00:02 h last message repeated 3 times"),
                            tableEdges("Feb  1 10:00:00 h kernel: "), tableEdges("Feb  1 10:00:00 h kernel: [ 12.000100] "))));

    private static final String[] EDGES = edges(" ", "  ", "\t", "[", "]", "=", ":", ".", ",", "0", "9", "a", "Z", "_", "\r",
        "Exception", "Error", "table full", "suppressed", "kernel: ", "SYN flooding", "[UNREPLIED]", "dport=", "<4>",
        "2021-05-08 12:40:51,204 ", "[Sat May  8 12:40:51 2021] ", "[ 12.5] ", "Feb 30", "ESTABLISHED", "ipv4 2 ",
        "callbacks suppressed", "printk: ", "net_ratelimit: ", "kernel:", " 12 ",
        "java.lang.Exception", "java.lang.Error: ", "a.", "$", "1", "io.IOException: ", "Caused by: ",
        "Feb  4 ", "Dec 31 23:59:59 ", " host ", "systemd[1]: ", "[1]", "last message repeated 3 times", "-- ",
        "message repeated 2 times: [ ", "2024-02-01T08:00:02.461756+08:00 ", "kern.info ",
        "\u0001", "\u001f", "!", "\u00e9");

    /** The edges given, and every anchor of the kernel message table. */
    private static String[] edges(String... given) {
        List<String> all = new java.util.ArrayList<>(List.of(given));
        KernelMessageTable.bundled().rows().forEach(r -> all.add(r.anchor()));
        return all.toArray(String[]::new);
    }

    @TestFactory
    Stream<DynamicTest> fastPathsAgreeWithTheirGrammars() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Format format : FORMATS) {
            List<String> samples = new ArrayList<>();
            try (Stream<Path> files = Files.list(Path.of("grammar/examples", format.grammar()))) {
                for (Path f : files.sorted().toList()) {
                    samples.add(Files.readString(f, StandardCharsets.UTF_8));
                }
            }
            for (String folder : format.corpus()) {
                Path corpus = Fixtures.CORPUS.resolve(folder);
                if (Files.isDirectory(corpus)) {
                    try (Stream<Path> files = Files.list(corpus)) {
                        for (Path f : files.sorted().toList()) {
                            samples.add(Files.readString(f, StandardCharsets.ISO_8859_1));
                        }
                    }
                }
            }
            for (int i = 0; i < samples.size(); i++) {
                String text = samples.get(i);
                tests.add(DynamicTest.dynamicTest(format.kind().name() + " sample " + i, () -> agree(format, text)));
            }
            for (String line : format.edgeLines()) {
                tests.add(DynamicTest.dynamicTest(format.kind().name() + " edge " + line, () -> {
                    agree(format, line + "\n");
                    agree(format, (line + "\n").getBytes(StandardCharsets.ISO_8859_1)); // an 'é' alone is not UTF-8
                    agree(format, "2021-05-08 12:40:51,204 ERROR [main] c.e.App - failed\n" + line + "\n\tat a.B.c(B.java:1)\n");
                }));
            }
            tests.add(DynamicTest.dynamicTest(format.kind().name() + " fuzzed lines", () -> agree(format, fuzzed(samples, 20_000, 17))));
            // one byte per character: an 'é' alone is not UTF-8, and the grammar path reads such a line as Latin-1
            tests.add(DynamicTest.dynamicTest(format.kind().name() + " fuzzed lines, not UTF-8",
                    () -> agree(format, fuzzed(samples, 5_000, 19).getBytes(StandardCharsets.ISO_8859_1))));
        }
        return tests.stream();
    }

    /**
     * Agreement alone would hold for a fast path that refused every line: the common
     * shapes of a conntrack entry must be taken by it.
     */
    @Test
    void conntrackFastPathTakesEveryCommonEntryShape() {
        assertTaken(new ConntrackParser(true), io.rootline.support.Fixtures.format("conntrack"), List.of(
                "ipv4     2 tcp      6 431999 ESTABLISHED src=10.0.13.67 dst=10.0.13.109 sport=63473 dport=22 src=10.0.13.109 dst=10.0.13.67 sport=22 dport=63473 [ASSURED] mark=0 secctx=system_u:object_r:unlabeled_t:s0 zone=0 use=2",
                "ipv4     2 udp      17 171 src=192.168.11.1 dst=192.168.11.2 sport=45669 dport=53 src=192.168.11.2 dst=192.168.11.1 sport=53 dport=45669 [ASSURED] mark=0 secmark=0 use=2",
                "tcp      6 95 TIME_WAIT src=127.0.0.1 dst=127.0.0.1 sport=37234 dport=6881 src=127.0.0.1 dst=127.0.0.1 sport=6881 dport=37234 [ASSURED] mark=0 use=1",
                "udp      17 src=100.64.0.5 dst=8.8.8.8 sport=41510 dport=53 src=8.8.8.8 dst=192.168.122.222 sport=53 dport=12100 [OFFLOAD] mark=0 use=2",
                "ipv6     10 icmpv6   58 29 src=fe80::1 dst=ff02::1 type=128 code=0 id=1 [UNREPLIED] src=ff02::1 dst=fe80::1 type=129 code=0 id=1 mark=0 zone=0 use=2"));
    }

    /** The same for the kernel log's drop message, which a host without a rate limit prints by the million. */
    @Test
    void kernelLogFastPathTakesTheCommonDropMessage() {
        assertTaken(new KernelLogParser(ParserContext.BUNDLED, true), io.rootline.support.Fixtures.format("kernel-log"), List.of(
                "[86330449.294600] nf_conntrack: table full, dropping packet",
                "[  351.015025] nf_conntrack: table full, dropping packet.",
                "[Sat May  8 12:40:51 2021] nf_conntrack: table full, dropping packet",
                "[27772678.728802] net_ratelimit: 1367 callbacks suppressed"));
    }

    /** The same for syslog: the plain lines of a kernel log and of other programs, and the drop message. */
    @Test
    void syslogFastPathTakesEveryCommonLineShape() {
        assertTaken(new SyslogParser(ParserContext.BUNDLED, true), io.rootline.support.Fixtures.format("syslog"), List.of(
                "Feb 23 16:44:36 web-01 kernel: nf_conntrack: table full, dropping packet",
                "May  8 12:40:51 web-01 kernel: [86330449.294600] nf_conntrack: table full, dropping packet.",
                "Feb  4 09:34:10 compute4 kernel: [    0.000000] Linux version 5.4.0-97-generic (buildd@lcy02-amd64-032)",
                "Feb 11 18:58:28 juju-110cc2-k8stest-4 kernel: [  812.433012] audit: type=1400 audit(1644605908.123:4421): apparmor=\"DENIED\"",
                "Feb 11 18:58:28 k8s.example.com kernel: [  812.5] kauditd_printk_skb: 22 callbacks suppressed",
                "Jun 14 10:05:53 bazzite kernel: NET: Registered PF_NETLINK/PF_ROUTE protocol family",
                "Feb 10 00:00:01 compute4 systemd[1]: logrotate.service: Succeeded.",
                "Feb 10 00:00:01 compute4 CRON[1234]: (root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)",
                "Feb 10 00:00:02 compute4 ovs-vswitchd: ovs|00042|bridge|INFO|bridge br-int: added interface tap0",
                "Feb 10 00:00:02 compute4 systemd[1]:"));
    }

    /**
     * Past --max-events a fast path counts a drop message without making its event; the
     * count, the note and a repeat after it must be what the grammar path gives.
     */
    @TestFactory
    Stream<DynamicTest> fastPathsAgreePastTheEventLimit() {
        String kernel = """
                [ 3000.000100] nf_conntrack: table full, dropping packet
                [ 3000.000200] net_ratelimit: 7 callbacks suppressed
                [ 3000.000300] nf_conntrack: table full, dropping packet
                [ 3000.000400] nf_conntrack: table full, dropping packet.
                [ 3000.000500] nf_conntrack: nf_conntrack: table full, dropping packet
                [ 3000.000600] net_ratelimit: 9 callbacks suppressed
                [ 3000.000700] nf_conntrack: table full, dropping packet
                """;
        String syslog = """
                Feb  1 10:00:00 h kernel: nf_conntrack: table full, dropping packet
                Feb  1 10:00:01 h kernel: net_ratelimit: 7 callbacks suppressed
                Feb  1 10:00:02 h kernel: nf_conntrack: table full, dropping packet
                Feb  1 10:00:03 h last message repeated 4 times
                Feb  1 10:00:04 h kernel: [ 5.0] nf_conntrack: table full, dropping packet.
                Feb  1 10:00:05 h kernel: net_ratelimit: 9 callbacks suppressed
                Feb  1 10:00:06 h kernel: nf_conntrack: table full, dropping packet
                Feb  1 10:00:07 h last message repeated 2 times
                """;
        List<DynamicTest> tests = new ArrayList<>();
        for (int limit = 0; limit <= 8; limit++) {
            int keep = limit;
            tests.add(DynamicTest.dynamicTest("kernel log, " + keep + " kept", () -> assertEquals(
                    render(readKeeping(keep, io.rootline.support.Fixtures.format("kernel-log"), new KernelLogParser(ParserContext.BUNDLED, false), kernel)),
                    render(readKeeping(keep, io.rootline.support.Fixtures.format("kernel-log"), new KernelLogParser(ParserContext.BUNDLED, true), kernel)))));
            tests.add(DynamicTest.dynamicTest("syslog, " + keep + " kept", () -> assertEquals(
                    render(readKeeping(keep, io.rootline.support.Fixtures.format("syslog"), new SyslogParser(ParserContext.BUNDLED, false), syslog)),
                    render(readKeeping(keep, io.rootline.support.Fixtures.format("syslog"), new SyslogParser(ParserContext.BUNDLED, true), syslog)))));
        }
        return tests.stream();
    }

    /** The note names each kind counted past the limit, in the order of their names. */
    @Test
    void eventsPastTheLimitAreCountedByKind() throws IOException {
        String syslog = """
                Feb  1 10:00:00 h kernel: nf_conntrack: table full, dropping packet
                Feb  1 10:00:01 h kernel: net_ratelimit: 7 callbacks suppressed
                Feb  1 10:00:02 h kernel: nf_conntrack: table full, dropping packet
                Feb  1 10:00:03 h last message repeated 4 times
                Feb  1 10:00:04 h kernel: TCP: request_sock_TCP: Possible SYN flooding on port 8080. Sending cookies.
                Feb  1 10:00:05 h kernel: net_ratelimit: 9 callbacks suppressed
                Feb  1 10:00:06 h kernel: Neighbour table overflow.
                """;
        ParsedArtifact a = readKeeping(1, io.rootline.support.Fixtures.format("syslog"), new SyslogParser(ParserContext.BUNDLED, true), syslog);
        assertEquals(List.of("events from line 2 on were counted, not kept (kernel.conntrack-table-full ×2, "
                + "kernel.neighbour-table-overflow ×1, kernel.ratelimit-suppressed ×2, kernel.syn-flooding ×1): 1 were kept"
                + " (--max-events)"), a.notes());
        assertEquals(1, a.events().size());
        // occurrences, as a finding counts them: the repeat stands for 4 drops, the limiters' notes for 7 and 9 callbacks
        assertEquals(Map.of("kernel.conntrack-table-full", 5L, "kernel.neighbour-table-overflow", 1L,
                "kernel.ratelimit-suppressed", 16L, "kernel.syn-flooding", 1L), a.pastLimit());
    }

    private static ParsedArtifact readKeeping(int events, io.rootline.format.Format kind, ArtifactParser parser, String text) throws IOException {
        ArtifactBuilder out = new ArtifactBuilder("x", kind, kind.sources().get(0).artifact(), "path", 0);
        out.keepAtMost(events);
        return ArtifactReader.read(out, parser, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                Limits.DEFAULTS.maxLineBytes());
    }

    private static void assertTaken(ArtifactParser parser, io.rootline.format.Format kind, List<String> lines) {
        ArtifactBuilder out = new ArtifactBuilder("x", kind, kind.sources().get(0).artifact(), "path", 0);
        for (String line : lines) {
            byte[] bytes = line.getBytes(StandardCharsets.US_ASCII);
            assertTrue(parser.fastLine(1, bytes, bytes.length, out), line);
        }
    }

    /** Lines of the samples, each mutated a few times at random, seeded. */
    private static String fuzzed(List<String> samples, int count, long seed) {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>();
        samples.forEach(s -> lines.addAll(s.lines().toList()));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            StringBuilder line = new StringBuilder(lines.get(random.nextInt(lines.size())));
            int mutations = random.nextInt(4);
            for (int m = 0; m < mutations; m++) {
                int at = line.length() == 0 ? 0 : random.nextInt(line.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> line.insert(at, EDGES[random.nextInt(EDGES.length)]);
                    case 1 -> {
                        if (at < line.length()) {
                            line.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (at < line.length()) {
                            line.setCharAt(at, EDGES[random.nextInt(EDGES.length)].charAt(0));
                        }
                    }
                }
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static void agree(Format format, String text) throws IOException {
        agree(format, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void agree(Format format, byte[] bytes) throws IOException {
        assertEquals(render(read(format.kind(), format.grammarOnly().get(), bytes)), render(read(format.kind(), format.fast().get(), bytes)));
    }

    private static ParsedArtifact read(io.rootline.format.Format kind, ArtifactParser parser, byte[] bytes) throws IOException {
        return ArtifactReader.read(new ArtifactBuilder("x", kind, kind.sources().get(0).artifact(), "path", 0), parser,
                new ByteArrayInputStream(bytes), Limits.DEFAULTS.maxLineBytes());
    }

    /** Everything an artifact yields, as text, so that a difference shows where it is. */
    private static String render(ParsedArtifact a) {
        StringBuilder b = new StringBuilder();
        b.append(a.status()).append(' ').append(a.lines()).append(' ').append(a.unknownLines()).append('\n');
        a.problems().forEach(p -> b.append("problem ").append(p).append('\n'));
        a.notes().forEach(n -> b.append("note ").append(n).append('\n'));
        a.facts().forEach(f -> b.append("fact ").append(f).append('\n'));
        a.events().forEach(e -> b.append("event ").append(e).append('\n'));
        b.append("past the event limit ").append(a.pastLimit()).append('\n');
        a.tables().forEach(t -> b.append("table ").append(t).append('\n'));
        return b.toString();
    }
}
