package io.rootline.bench;

import io.rootline.parse.ArtifactBuilder;
import io.rootline.format.Format;
import io.rootline.format.Formats;
import io.rootline.parse.ParserContext;
import java.util.List;
import java.util.Map;
import io.rootline.parse.ArtifactReader;
import io.rootline.parse.ParsedArtifact;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lines per second of every format's reader (its grammar, and its fast path where it has
 * one), over 10,000 realistic lines. Run with {@code ./rootline bench --jmh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(GrammarBenchmark.LINES)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GrammarBenchmark {

    static final int LINES = 10_000;

    /**
     * The format, by its name; {@code ./rootline bench --jmh} runs every registered format
     * ({@link #formats}), and a format without a sample below fails at once.
     */
    @Param({"kernel-log"})
    public String kind;

    private byte[] input;
    private Format format;

    /** A line typical of each format, by format name; {@code GrammarBenchmarkTest} checks every registered format has one. */
    static final Map<String, String> SAMPLES = Map.ofEntries(
        Map.entry("kernel-log", "[86330449.294600] audit: type=1400 audit(1709251200.123:4421): apparmor=\"DENIED\" operation=\"open\" profile=\"snap.lxd.daemon\"\n"),
        Map.entry("syslog", "Feb 11 18:58:28 k8s-worker-4 kernel: [  812.433012] audit: type=1400 audit(1644605908.123:4421): apparmor=\"DENIED\" operation=\"open\"\n"),
        Map.entry("conntrack", "ipv4     2 tcp      6 431999 ESTABLISHED src=10.0.13.67 dst=10.0.13.109 sport=63473 dport=22 src=10.0.13.109 dst=10.0.13.67 sport=22 dport=63473 [ASSURED] mark=0 zone=0 use=2\n"),
        Map.entry("app-log", "2024-03-01 12:40:51,204 INFO  [http-nio-8080-exec-7] OrderController - GET /orders/1182 200 12ms\n"),
        Map.entry("netstat-s", "    19930900 times the listen queue of a socket overflowed\n"),
        Map.entry("sysctl", "net.netfilter.nf_conntrack_max = 262144\n"),
        // a link's statistics are numbers under their header: the unit repeated is a whole link
        Map.entry("ip-link", "2: eth0: <BROADCAST,UP> mtu 1500 qdisc mq state UP\n    RX: bytes  packets  errors  dropped overrun mcast\n"
                + "    7367887086237 35377694745 0       0       0       0\n"),
        Map.entry("date", "Sat May  8 12:45:10 CST 2021\n"),
        Map.entry("timedatectl", "                Time zone: Asia/Shanghai (CST, +0800)\n"),
        Map.entry("timezone", "Asia/Shanghai\n"),
        Map.entry("uptime", " 12:45:10 up 114 days,  3:32,  2 users,  load average: 3.12, 2.87, 2.55\n"),
        Map.entry("proc-uptime", "9862395.00 16864695.45\n"),
        Map.entry("proc-stat", "cpu0 409213660 1120 101002311 3803329005 612904 0 30112004 0 0 0\n"),
        Map.entry("meminfo", "MemTotal:       32779628 kB\n"),
        Map.entry("free", "Mem:       32779628    21440112     1203344      388120    10136172    10525880\n"),
        Map.entry("hostname", "93-44-159-aliyun-core\n"),
        Map.entry("uname", "Linux h 3.10.0-957.el7.x86_64 #1 SMP Thu Nov 8 23:39:32 UTC 2018 x86_64 x86_64 x86_64 GNU/Linux\n"),
        Map.entry("sos-version", "sosreport: 4.3\n"),
        Map.entry("ip-addr", "    inet 10.6.3.201/16 brd 10.6.255.255 scope global ens3\n"),
        // values under their names: the unit repeated is the pair
        Map.entry("proc-net-snmp", "Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens PassiveOpens AttemptFails EstabResets CurrEstab InSegs OutSegs RetransSegs InErrs OutRsts InCsumErrors\n"
                + "Tcp: 1 200 120000 -1 2345 120000 12 88 31 81234000 80234000 4567 0 88 0\n"));

    /** Lines that need a header above them get one, once. */
    static final Map<String, String> HEADERS = Map.of(
        "netstat-s", "TcpExt:\n",
        "free", "              total        used        free      shared  buff/cache   available\n",
        "ip-addr", "2: ens3: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n");

    /** Every registered format's name: what {@code --jmh} gives {@code -p kind=}. */
    static List<String> formats() {
        return Formats.installed().all().stream().map(Format::name).toList();
    }

    @Setup
    public void setup() {
        format = Formats.installed().get(kind);
        String line = SAMPLES.get(kind);
        if (line == null) {
            throw new IllegalStateException("GrammarBenchmark has no sample line of " + kind);
        }
        input = (HEADERS.getOrDefault(kind, "") + line.repeat(LINES)).getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public ParsedArtifact parse() throws IOException {
        return ArtifactReader.read(new ArtifactBuilder("bench", format, format.sources().get(0).artifact(), "path", 0),
                format.newParser(ParserContext.BUNDLED),
                new ByteArrayInputStream(input), 1 << 20);
    }
}
