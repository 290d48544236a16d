package io.rootline.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a realistic sosreport at a given scale, for the bench. At scale 1 it holds
 * 1,000,000 raw dmesg lines and the same stream as dmesg -T, 1,000,000 var/log/messages
 * lines, 1,048,576 conntrack entries (tcp/udp/icmp/ipv6, all states), twelve bursts of
 * conntrack-full drops each opened by a net_ratelimit note, and a 500 MB application log
 * with stack traces. Everything is deterministic (fixed seeds), and the generator knows
 * the exact counts an exact analysis must report ({@link Expected}).
 */
public final class BundleGenerator {

    /** What an exact analysis of the generated bundle reports. */
    public record Expected(long drops, long suppressed, long conntrackEntries, long dnsFailures, long bytes) {
    }

    static final String TOP = "sosreport-benchhost-2024-03-01-bench";
    static final int BURSTS = 12;
    static final int DROPS_PER_BURST = 10;

    private static final ZoneOffset ZONE = ZoneOffset.ofHours(8);
    private static final LocalDateTime BOOT = LocalDateTime.of(2024, 2, 1, 8, 0, 0);
    private static final DateTimeFormatter DMESG_T = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SYSLOG = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ENGLISH);
    private static final String[] NOISE = {
        "audit: type=1400 audit(1709251200.123:4421): apparmor=\"DENIED\" operation=\"open\" profile=\"snap.lxd.daemon\" name=\"/proc/1/environ\" pid=2211 comm=\"lxd\" requested_mask=\"r\" denied_mask=\"r\" fsuid=0 ouid=0",
        "IPv6: ADDRCONF(NETDEV_CHANGE): cali8f3a1b2c4d5: link becomes ready",
        "cni0: port 3(veth7a1c2e3f) entered forwarding state",
        "device veth7a1c2e3f entered promiscuous mode",
        "EXT4-fs (dm-0): mounted filesystem with ordered data mode. Opts: (null)",
        "i40e 0000:3b:00.0 ens1f0: NIC Link is Up, 25 Gbps Full Duplex, Flow Control: None",
        "kauditd_printk_skb: 14 callbacks suppressed",
        "xfs filesystem being remounted at /var/lib/kubelet/pods supports timestamps until 2038",
    };

    private final double scale;

    public BundleGenerator(double scale) {
        this.scale = scale;
    }

    long scaled(long atScaleOne) {
        return Math.max(1, Math.round(atScaleOne * scale));
    }

    /** Writes the bundle folder under {@code dir}; returns what an exact analysis must find. */
    public Expected writeFolder(Path dir) throws IOException {
        Path root = dir.resolve(TOP);
        Files.createDirectories(root);
        long dmesgLines = scaled(1_000_000);
        long suppressed = 0;
        long[] burstAt = new long[BURSTS];
        for (int i = 0; i < BURSTS; i++) {
            burstAt[i] = (i + 1) * dmesgLines / (BURSTS + 1);
            suppressed += 1000 + 37L * i;
        }
        // The kernel stream: the same lines raw and as dmesg -T prints them.
        try (Writer raw = writer(root.resolve("sos_commands/kernel/dmesg"));
             Writer wall = writer(root.resolve("sos_commands/kernel/dmesg_-T"));
             Writer syslog = writer(root.resolve("var/log/messages"))) {
            Random random = new Random(1);
            double seconds = 1.0;
            int burst = 0;
            for (long line = 0; line < dmesgLines; line++) {
                String message;
                if (line == 0) {
                    // what a ring buffer that holds the whole boot starts with: one that does not has
                    // wrapped, and rootline would read var/log/messages for the time before it
                    seconds = 0;
                    message = "Linux version 5.15.0-97-generic (buildd@lcy02-amd64-102) (gcc (Ubuntu 11.4.0-1ubuntu1~22.04) 11.4.0)";
                } else if (burst < BURSTS && line >= burstAt[burst] && line < burstAt[burst] + DROPS_PER_BURST + 1) {
                    message = line == burstAt[burst] ? "net_ratelimit: " + (1000 + 37L * burst) + " callbacks suppressed"
                            : "nf_conntrack: table full, dropping packet";
                    seconds += 0.0001;
                    if (line == burstAt[burst] + DROPS_PER_BURST) {
                        burst++;
                    }
                } else {
                    seconds += line == 1 ? 1.0 : random.nextDouble() * 2.0;
                    message = NOISE[random.nextInt(NOISE.length)];
                }
                String stamp = String.format(Locale.ROOT, "[%12.6f] ", seconds);
                raw.write(stamp);
                raw.write(message);
                raw.write('\n');
                LocalDateTime at = BOOT.plusNanos((long) (seconds * 1e9));
                wall.write('[');
                wall.write(DMESG_T.format(at));
                wall.write("] ");
                wall.write(message);
                wall.write('\n');
                syslog.write(SYSLOG.format(at));
                syslog.write(" benchhost kernel: ");
                syslog.write(stamp);
                syslog.write(message);
                syslog.write('\n');
            }
        }
        long entries = scaled(1_048_576);
        writeConntrack(root.resolve("proc/net/nf_conntrack"), entries);
        long dnsFailures = writeAppLog(root.resolve("var/log/app/app.log"), scaled(500L * 1000 * 1000), burstAt, dmesgLines);
        LocalDateTime capture = BOOT.plusSeconds((long) (dmesgLines * 1.0) + 600);
        write(root.resolve("sos_commands/date/date"), DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss 'CST' yyyy", Locale.ENGLISH)
                .format(capture) + "\n");
        write(root.resolve("sos_commands/date/date_--utc"), DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss 'UTC' yyyy", Locale.ENGLISH)
                .format(capture.minusHours(8)) + "\n");
        write(root.resolve("proc/stat"), "cpu  1 2 3 4\nbtime " + BOOT.toEpochSecond(ZONE) + "\n");
        write(root.resolve("proc/meminfo"), "MemTotal:       65842172 kB\nMemFree:         1203344 kB\n");
        write(root.resolve("sos_commands/host/hostname"), "benchhost\n");
        write(root.resolve("sos_commands/kernel/uname_-a"),
                "Linux benchhost 5.14.0-362.el9.x86_64 #1 SMP PREEMPT_DYNAMIC Thu Feb 1 00:00:00 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux\n");
        write(root.resolve("sos_commands/kernel/sysctl_-a"), "net.netfilter.nf_conntrack_buckets = 262144\n"
                + "net.netfilter.nf_conntrack_count = " + entries + "\nnet.netfilter.nf_conntrack_max = " + entries + "\n"
                + "net.netfilter.nf_conntrack_tcp_timeout_established = 432000\nnet.netfilter.nf_conntrack_tcp_timeout_time_wait = 120\n");
        write(root.resolve("sos_reports/manifest.json"), "{\"version\": \"4.7.0\"}\n");
        return new Expected((long) BURSTS * DROPS_PER_BURST, suppressed, entries, dnsFailures, sizeOf(root));
    }

    private void writeConntrack(Path file, long entries) throws IOException {
        String[] states = {"ESTABLISHED", "TIME_WAIT", "TIME_WAIT", "SYN_SENT", "SYN_RECV", "FIN_WAIT", "CLOSE_WAIT", "LAST_ACK", "CLOSE"};
        int[] ports = {443, 80, 6379, 3306, 8080, 53, 9092, 5432};
        Random random = new Random(2);
        try (Writer out = writer(file)) {
            for (long i = 0; i < entries; i++) {
                int kind = random.nextInt(100);
                String src = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
                String dst = "172.16." + random.nextInt(256) + "." + random.nextInt(256);
                int sport = 32768 + random.nextInt(28000);
                int dport = ports[random.nextInt(ports.length)];
                if (kind < 60) {
                    String state = states[random.nextInt(states.length)];
                    out.write("ipv4     2 tcp      6 " + random.nextInt(432000) + " " + state + " src=" + src + " dst=" + dst
                            + " sport=" + sport + " dport=" + dport + (state.equals("SYN_SENT") ? " [UNREPLIED]" : "") + " src=" + dst
                            + " dst=" + src + " sport=" + dport + " dport=" + sport + (state.equals("SYN_SENT") ? "" : " [ASSURED]")
                            + " mark=0 zone=0 use=2\n");
                } else if (kind < 88) {
                    out.write("ipv4     2 udp      17 " + random.nextInt(180) + " src=" + src + " dst=" + dst + " sport=" + sport
                            + " dport=53 src=" + dst + " dst=" + src + " sport=53 dport=" + sport + " mark=0 zone=0 use=2\n");
                } else if (kind < 95) {
                    out.write("ipv4     2 icmp     1 " + random.nextInt(30) + " src=" + src + " dst=" + dst + " type=8 code=0 id="
                            + random.nextInt(65536) + " src=" + dst + " dst=" + src + " type=0 code=0 id=" + random.nextInt(65536)
                            + " mark=0 zone=0 use=2\n");
                } else {
                    out.write("ipv6     10 tcp      6 " + random.nextInt(432000) + " ESTABLISHED src=fd00::" + Integer.toHexString(random.nextInt(65536))
                            + " dst=fd00::1 sport=" + sport + " dport=443 src=fd00::1 dst=fd00::" + Integer.toHexString(random.nextInt(65536))
                            + " sport=443 dport=" + sport + " [ASSURED] mark=0 zone=0 use=2\n");
                }
            }
        }
    }

    /** A log4j application log; DNS failures at each drop burst. Returns how many it wrote. */
    private long writeAppLog(Path file, long bytes, long[] burstAt, long dmesgLines) throws IOException {
        Random random = new Random(3);
        long written = 0;
        long failures = 0;
        LocalDateTime clock = BOOT.plusSeconds(1);
        long step = Math.max(1, (long) (dmesgLines * 1_000_000L / Math.max(1, bytes / 110)));
        DateTimeFormatter stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT);
        try (Writer out = writer(file)) {
            while (written < bytes) {
                clock = clock.plusNanos(step * 1000);
                String line;
                if (random.nextInt(200) == 0) {
                    line = stamp.format(clock) + " ERROR [http-nio-8080-exec-" + random.nextInt(200) + "] InventoryClient - reserve failed\n"
                            + "java.net.UnknownHostException: inventory.svc.cluster.local: Name or service not known\n"
                            + "\tat java.base/java.net.Inet6AddressImpl.lookupAllHostAddr(Native Method)\n"
                            + "\tat java.base/java.net.InetAddress$PlatformNameService.lookupAllHostAddr(InetAddress.java:933)\n"
                            + "\tat java.base/java.net.InetAddress.getAddressesFromNameService(InetAddress.java:1534)\n"
                            + "\tat java.base/java.net.InetAddress.getAllByName0(InetAddress.java:1386)\n"
                            + "\tat org.apache.http.impl.conn.SystemDefaultDnsResolver.resolve(SystemDefaultDnsResolver.java:45)\n"
                            + "\tat com.example.order.InventoryClient.reserve(InventoryClient.java:88)\n"
                            + "\t... 42 more\n";
                    failures++;
                } else {
                    line = stamp.format(clock) + " INFO  [http-nio-8080-exec-" + random.nextInt(200) + "] OrderController - GET /orders/"
                            + random.nextInt(1_000_000) + " 200 " + random.nextInt(90) + "ms\n";
                }
                out.write(line);
                written += line.length();
            }
        }
        return failures;
    }

    private static Writer writer(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        OutputStream out = Files.newOutputStream(file);
        return new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 20);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    private static long sizeOf(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static Instant boot() {
        return BOOT.toInstant(ZONE);
    }
}
