package io.rootline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a sosreport of many small files, for the bench, in the shapes sos collects from a
 * Kubernetes worker: {@code sys/fs/cgroup/<controller>/<slice>/<unit>/<file>} by the tens of
 * thousands, {@code sys/devices/...} with {@code sys/class/net/<dev>} linking into it,
 * {@code proc/<pid>/} for a few hundred processes with {@code proc/self} and {@code proc/net}
 * as sos links them, and the few dozen artifacts rootline reads. A real tree of this kind
 * (74,000 files under {@code sys/fs/cgroup}) took rootline 11 to 14 s before it counted such
 * files without opening them. Everything is deterministic; the host is healthy.
 */
final class TreeGenerator {

    static final String TOP = "sosreport-worker7-2024-03-01-tree";
    static final String HOST = "worker7";

    private static final String[] CONTROLLERS = {"blkio", "cpu,cpuacct", "cpuset", "devices", "freezer", "hugetlb", "memory",
        "net_cls,net_prio", "perf_event", "pids", "rdma", "unified"};
    private static final String[] CGROUP_FILES = {"cgroup.procs", "cgroup.clone_children", "notify_on_release", "tasks",
        "cpu.stat", "cpu.shares", "cpu.cfs_period_us", "cpu.cfs_quota_us", "memory.usage_in_bytes", "memory.limit_in_bytes",
        "memory.stat", "memory.failcnt", "pids.current", "pids.max", "io.stat", "cgroup.events", "cgroup.controllers",
        "cgroup.subtree_control", "cgroup.type", "cgroup.freeze"};

    private final int files;
    private int written;

    /** @param files about how many files to write (80,000 for the bench) */
    TreeGenerator(int files) {
        this.files = files;
    }

    /** Writes the tree under {@code dir} (its top folder included); returns how many files it holds. */
    int write(Path dir) throws IOException {
        Path root = dir.resolve(TOP);
        Random random = new Random(7);
        file(root, "version.txt", "sosreport: 4.2");
        file(root, "environment", "LANG=C.UTF-8\nPATH=/usr/sbin:/usr/bin\n");
        file(root, "sos_reports/manifest.json", "{\"version\": \"1.0\", \"components\": {}}\n");
        file(root, "sos_logs/sos.log", "2024-03-01 12:00:01,123 INFO: sos report 4.2 started\n");
        file(root, "sos_commands/host/hostname", HOST + "\n");
        file(root, "sos_commands/date/date", "Fri Mar  1 12:00:00 UTC 2024\n");
        file(root, "sos_commands/date/date_--utc", "Fri Mar  1 12:00:00 UTC 2024\n");
        file(root, "sos_commands/kernel/uname_-a", "Linux " + HOST + " 5.15.0-97-generic #107-Ubuntu SMP Wed Feb 7 13:26:48 UTC 2024"
                + " x86_64 x86_64 x86_64 GNU/Linux\n");
        StringBuilder dmesg = new StringBuilder("[    0.000000] Linux version 5.15.0-97-generic (buildd@lcy02-amd64-102)\n");
        for (int i = 1; i < 2_000; i++) {
            dmesg.append(String.format(java.util.Locale.ROOT, "[%5d.%06d] cni0: port %d(veth%08x) entered forwarding state%n",
                    i * 7, random.nextInt(1_000_000), i % 60, random.nextInt()));
        }
        file(root, "sos_commands/kernel/dmesg", dmesg.toString());
        StringBuilder sysctl = new StringBuilder();
        for (int i = 0; i < 1_200; i++) {
            sysctl.append("net.ipv4.conf.veth").append(Integer.toHexString(i)).append(".rp_filter = 2\n");
        }
        sysctl.append("net.core.somaxconn = 4096\nnet.netfilter.nf_conntrack_count = 1200\nnet.netfilter.nf_conntrack_max = 262144\n");
        file(root, "sos_commands/kernel/sysctl_-a", sysctl.toString());
        file(root, "sos_commands/networking/ip_-d_address", "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN\n"
                + "    inet 127.0.0.1/8 scope host lo\n");
        // boot at 2024-03-01 08:00:00 UTC
        file(root, "proc/stat", "cpu  1 2 3 4 5 6 7 0 0 0\nbtime 1709280000\n");
        file(root, "proc/meminfo", "MemTotal:       65536000 kB\nMemFree:        32000000 kB\n");
        file(root, "proc/uptime", "14400.00 28000.00\n");
        int self = 4242;
        symlink(root, "proc/self", Integer.toString(self));
        symlink(root, "proc/net", "self/net");
        file(root, "proc/" + self + "/net/snmp", "Tcp: RtoAlgorithm RtoMin PassiveOpens\nTcp: 1 200 1200000\n");
        file(root, "proc/" + self + "/net/netstat", "TcpExt: ListenOverflows ListenDrops\nTcpExt: 0 0\n");
        StringBuilder conntrack = new StringBuilder();
        for (int i = 0; i < 1_200; i++) {
            conntrack.append("ipv4     2 tcp      6 86398 ESTABLISHED src=10.1.").append(i % 250).append('.').append(i % 200)
                    .append(" dst=10.2.0.1 sport=").append(30_000 + i).append(" dport=443 src=10.2.0.1 dst=10.1.0.1 sport=443 dport=")
                    .append(30_000 + i).append(" [ASSURED] mark=0 zone=0 use=2\n");
        }
        file(root, "proc/" + self + "/net/nf_conntrack", conntrack.toString());
        for (int pid = 1; pid <= 300; pid++) {
            for (String name : new String[] {"status", "limits", "oom_score", "cpuset", "mountinfo"}) {
                file(root, "proc/" + (pid * 13) + "/" + name, name + " of " + pid + "\n");
            }
        }
        for (int dev = 0; dev < 4; dev++) {
            String device = "sys/devices/pci0000:00/0000:00:0" + (3 + dev) + ".0/net/eth" + dev;
            for (String counter : new String[] {"rx_bytes", "rx_packets", "rx_dropped", "rx_errors", "rx_fifo_errors",
                "rx_missed_errors", "tx_bytes", "tx_packets", "tx_dropped", "tx_errors"}) {
                file(root, device + "/statistics/" + counter, random.nextInt(1_000_000) + "\n");
            }
            symlink(root, "sys/class/net/eth" + dev, "../../devices/pci0000:00/0000:00:0" + (3 + dev) + ".0/net/eth" + dev);
        }
        file(root, "var/log/kern.log", "Mar  1 08:00:01 " + HOST + " kernel: [    0.000000] Linux version 5.15.0-97-generic\n");
        // the bulk: control groups, as sos copies sys/fs/cgroup
        for (int unit = 0; written < files; unit++) {
            String controller = CONTROLLERS[unit % CONTROLLERS.length];
            String slice = unit % 3 == 0 ? "system.slice" : "kubepods.slice/kubepods-burstable.slice";
            String cgroup = "sys/fs/cgroup/" + controller + "/" + slice + "/unit-" + (unit / CONTROLLERS.length) + ".scope";
            for (int f = 0; f < CGROUP_FILES.length && written < files; f++) {
                file(root, cgroup + "/" + CGROUP_FILES[f], Integer.toString(random.nextInt(100_000)));
            }
        }
        return written;
    }

    private void file(Path root, String path, String content) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        written++;
    }

    private static void symlink(Path root, String path, String target) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.createSymbolicLink(p, Path.of(target));
    }
}
