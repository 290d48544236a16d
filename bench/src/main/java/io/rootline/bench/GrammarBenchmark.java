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
 * Lines per second of each hot format's reader (grammar, and fast path where there is
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

    @Param({"KERNEL_LOG", "CONNTRACK", "APP_LOG", "NETSTAT_S", "SYSCTL"})
    public String kind;

    private byte[] input;
    private ArtifactKind artifactKind;

    private static final String[] SAMPLES = {
        "KERNEL_LOG", "[86330449.294600] audit: type=1400 audit(1709251200.123:4421): apparmor=\"DENIED\" operation=\"open\" profile=\"snap.lxd.daemon\"\n",
        "CONNTRACK", "ipv4     2 tcp      6 431999 ESTABLISHED src=10.0.13.67 dst=10.0.13.109 sport=63473 dport=22 src=10.0.13.109 dst=10.0.13.67 sport=22 dport=63473 [ASSURED] mark=0 zone=0 use=2\n",
        "APP_LOG", "2024-03-01 12:40:51,204 INFO  [http-nio-8080-exec-7] OrderController - GET /orders/1182 200 12ms\n",
        "NETSTAT_S", "    19930900 times the listen queue of a socket overflowed\n",
        "SYSCTL", "net.netfilter.nf_conntrack_max = 262144\n",
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
        String prefix = kind.equals("NETSTAT_S") ? "TcpExt:\n" : "";
        input = (prefix + line.repeat(LINES)).getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public ParsedArtifact parse() throws IOException {
        return ArtifactReader.read(new ArtifactBuilder("bench", artifactKind, kind, "path", 0), artifactKind.newParser(),
                new ByteArrayInputStream(input), 1 << 20);
    }
}
