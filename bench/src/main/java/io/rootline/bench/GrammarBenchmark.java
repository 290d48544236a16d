package io.rootline.bench;

import io.rootline.parse.ArtifactBuilder;
import io.rootline.parse.ArtifactKind;
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

    @Param({"KERNEL_LOG", "SYSLOG", "CONNTRACK", "APP_LOG", "NETSTAT_S", "SYSCTL", "IP_LINK", "DATE", "TIMEDATECTL", "TIMEZONE",
        "UPTIME", "PROC_UPTIME", "PROC_STAT", "MEMINFO", "FREE", "HOSTNAME", "UNAME"})
    public String kind;

    private byte[] input;
    private ArtifactKind artifactKind;

    private static final String[] SAMPLES = {
        "KERNEL_LOG", "[86330449.294600] audit: type=1400 audit(1709251200.123:4421): apparmor=\"DENIED\" operation=\"open\" profile=\"snap.lxd.daemon\"\n",
        "SYSLOG", "Feb 11 18:58:28 k8s-worker-4 kernel: [  812.433012] audit: type=1400 audit(1644605908.123:4421): apparmor=\"DENIED\" operation=\"open\"\n",
        "CONNTRACK", "ipv4     2 tcp      6 431999 ESTABLISHED src=10.0.13.67 dst=10.0.13.109 sport=63473 dport=22 src=10.0.13.109 dst=10.0.13.67 sport=22 dport=63473 [ASSURED] mark=0 zone=0 use=2\n",
        "APP_LOG", "2024-03-01 12:40:51,204 INFO  [http-nio-8080-exec-7] OrderController - GET /orders/1182 200 12ms\n",
        "NETSTAT_S", "    19930900 times the listen queue of a socket overflowed\n",
        "SYSCTL", "net.netfilter.nf_conntrack_max = 262144\n",
        "IP_LINK", "    7367887086237 35377694745 0       0       0       0\n",
        "DATE", "Sat May  8 12:45:10 CST 2021\n",
        "TIMEDATECTL", "                Time zone: Asia/Shanghai (CST, +0800)\n",
        "TIMEZONE", "Asia/Shanghai\n",
        "UPTIME", " 12:45:10 up 114 days,  3:32,  2 users,  load average: 3.12, 2.87, 2.55\n",
        "PROC_UPTIME", "9862395.00 16864695.45\n",
        "PROC_STAT", "cpu0 409213660 1120 101002311 3803329005 612904 0 30112004 0 0 0\n",
        "MEMINFO", "MemTotal:       32779628 kB\n",
        "FREE", "Mem:       32779628    21440112     1203344      388120    10136172    10525880\n",
        "HOSTNAME", "93-44-159-aliyun-core\n",
        "UNAME", "Linux h 3.10.0-957.el7.x86_64 #1 SMP Thu Nov 8 23:39:32 UTC 2018 x86_64 x86_64 x86_64 GNU/Linux\n",
    };

    @Setup
    public void setup() {
        artifactKind = ArtifactKind.valueOf(kind);
        String line = null;
        for (int i = 0; i < SAMPLES.length; i += 2) {
            if (SAMPLES[i].equals(kind)) {
                line = SAMPLES[i + 1];
            }
        }
        // lines that need a header above them get one, once
        String prefix = switch (kind) {
            case "NETSTAT_S" -> "TcpExt:\n";
            case "IP_LINK" -> "2: eth0: <BROADCAST,UP> mtu 1500 qdisc mq state UP\n    RX: bytes  packets  errors  dropped overrun mcast\n";
            case "FREE" -> "              total        used        free      shared  buff/cache   available\n";
            default -> "";
        };
        input = (prefix + line.repeat(LINES)).getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public ParsedArtifact parse() throws IOException {
        return ArtifactReader.read(new ArtifactBuilder("bench", artifactKind, kind, "path", 0), artifactKind.newParser(),
                new ByteArrayInputStream(input), 1 << 20);
    }
}
