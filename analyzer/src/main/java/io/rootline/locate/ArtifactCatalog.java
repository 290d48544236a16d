package io.rootline.locate;

import io.rootline.parse.ArtifactKind;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Optional;

/**
 * Where each logical artifact lives in a bundle: the one place that knows sos
 * layouts (3.x and 4.x, see shared/reference/sos-layout.md), so that rules never
 * name raw paths. Paths are tried in order; the first present wins.
 */
public final class ArtifactCatalog {

    private static final List<LogicalArtifact> ARTIFACTS = List.of(
            new LogicalArtifact("netstat-s", ArtifactKind.NETSTAT_S, List.of(
                    "sos_commands/networking/netstat_-s"), false, "netstat -s: protocol counters"),
            new LogicalArtifact("kernel-log", ArtifactKind.KERNEL_LOG, List.of(
                    "sos_commands/kernel/dmesg",
                    "sos_commands/kernel/dmesg_-T",
                    "sos_commands/general/dmesg",
                    "var/log/dmesg"), false, "dmesg: kernel ring buffer")
                    // syslog keeps the kernel's lines too, with wall-clock stamps and for longer
                    // than the ring buffer; kern.log holds only them, the journal everything
                    .orElse(ArtifactKind.SYSLOG, List.of(
                            "var/log/kern.log",
                            "var/log/messages",
                            "var/log/syslog",
                            "sos_commands/logs/journalctl_--no-pager",
                            "sos_commands/logs/journalctl_--no-pager_--boot",
                            "sos_commands/logs/journalctl_--no-pager_--catalog_--boot",
                            "sos_commands/logs/journalctl_--all_--this-boot_--no-pager")),
            new LogicalArtifact("conntrack-table", ArtifactKind.CONNTRACK, List.of(
                    "proc/net/nf_conntrack",
                    "sos_commands/conntrack/conntrack_-L_-o_extended",
                    "sos_commands/conntrack/conntrack_-L",
                    "proc/net/ip_conntrack"), false, "connection-tracking table dump"),
            new LogicalArtifact("sysctl", ArtifactKind.SYSCTL, List.of(
                    "sos_commands/kernel/sysctl_-a"), false, "sysctl -a: kernel settings"),
            new LogicalArtifact("ip-link", ArtifactKind.IP_LINK, List.of(
                    "sos_commands/networking/ip_-s_-d_link",
                    "sos_commands/networking/ip_-d_-s_link",
                    "sos_commands/networking/ip_-s_link",
                    "sos_commands/networking/ip_link"), false, "ip -s link: interface counters"),
            new LogicalArtifact("date", ArtifactKind.DATE, List.of(
                    "sos_commands/date/date",
                    "sos_commands/general/date"), false, "date: local clock at capture"),
            new LogicalArtifact("date-utc", ArtifactKind.DATE, List.of(
                    "sos_commands/date/date_--utc",
                    "sos_commands/general/date_--utc"), false, "date --utc: UTC clock at capture"),
            new LogicalArtifact("timedatectl", ArtifactKind.TIMEDATECTL, List.of(
                    "sos_commands/systemd/timedatectl",
                    "sos_commands/date/timedatectl",
                    "sos_commands/systemd/timedatectl_status"), false, "timedatectl: zone and clocks"),
            new LogicalArtifact("timezone", ArtifactKind.TIMEZONE, List.of(
                    "etc/timezone"), false, "/etc/timezone: the Olson zone name"),
            new LogicalArtifact("uptime", ArtifactKind.UPTIME, List.of(
                    "sos_commands/host/uptime",
                    "sos_commands/general/uptime"), false, "uptime"),
            new LogicalArtifact("proc-uptime", ArtifactKind.PROC_UPTIME, List.of(
                    "proc/uptime"), false, "/proc/uptime: seconds since boot"),
            new LogicalArtifact("proc-stat", ArtifactKind.PROC_STAT, List.of(
                    "proc/stat"), false, "/proc/stat: boot time"),
            new LogicalArtifact("meminfo", ArtifactKind.MEMINFO, List.of(
                    "proc/meminfo"), false, "/proc/meminfo"),
            new LogicalArtifact("free", ArtifactKind.FREE, List.of(
                    "sos_commands/memory/free"), false, "free"),
            new LogicalArtifact("hostname", ArtifactKind.HOSTNAME, List.of(
                    "sos_commands/host/hostname",
                    "sos_commands/general/hostname",
                    "etc/hostname"), false, "hostname"),
            new LogicalArtifact("uname", ArtifactKind.UNAME, List.of(
                    "sos_commands/kernel/uname_-a",
                    "sos_commands/general/uname_-a"), false, "uname -a"),
            new LogicalArtifact("app-log", ArtifactKind.APP_LOG, List.of(
                    "var/log/**.log",
                    "*.log",
                    "logs/**"), true, "application log"));

    /** Trees whose members are known by path only: a file there at an unknown path is not sniffed. */
    private static final List<String> SOS_TREES = List.of(
            "sos_commands/", "sos_reports/", "sos_logs/", "proc/", "sys/", "etc/", "usr/", "lib/", "boot/", "run/",
            "dev/", "root/", "home/", "opt/");

    private static final String TAILED = ".tailed";

    private ArtifactCatalog() {
    }

    public static List<LogicalArtifact> all() {
        return ARTIFACTS;
    }

    public static Optional<LogicalArtifact> byName(String name) {
        return ARTIFACTS.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The logical artifact a kind stands for when it was found by content rather than path. */
    public static LogicalArtifact forKind(ArtifactKind kind) {
        return ARTIFACTS.stream().filter(a -> a.readsAs(kind)).findFirst().orElseThrow();
    }

    /**
     * Where {@code path} stands in the catalog, if anywhere. Files sos tailed into
     * {@code sos_strings/<plugin>/<name>.tailed} are located as the file they stand for,
     * with a note that their start is missing.
     */
    public static Optional<Location> locate(String path) {
        Optional<Location> direct = match(path, path, null);
        if (direct.isPresent() || !path.startsWith("sos_strings/") || !path.endsWith(TAILED)) {
            return direct;
        }
        String[] parts = path.split("/");
        if (parts.length != 3) {
            return Optional.empty();
        }
        String name = parts[2].substring(0, parts[2].length() - TAILED.length());
        String note = "tailed by sos (file over --log-size): its beginning is missing";
        return match(path, "sos_commands/" + parts[1] + "/" + name, note)
                .or(() -> match(path, name.replace('.', '/'), note));
    }

    private static Optional<Location> match(String path, String candidate, String note) {
        Path asPath = Path.of(candidate);
        for (Pattern p : PATTERNS) {
            if (p.matcher().matches(asPath)) {
                return Optional.of(new Location(path, p.artifact(), p.kind(), p.preference(), "path", note));
            }
        }
        return Optional.empty();
    }

    /** A path pattern of an artifact, compiled once: every member of every bundle is matched against all of them. */
    private record Pattern(LogicalArtifact artifact, ArtifactKind kind, int preference, PathMatcher matcher) {
    }

    private static final List<Pattern> PATTERNS = compile();

    private static List<Pattern> compile() {
        List<Pattern> patterns = new java.util.ArrayList<>();
        for (LogicalArtifact artifact : ARTIFACTS) {
            for (int i = 0; i < artifact.sources().size(); i++) {
                LogicalArtifact.Source source = artifact.sources().get(i);
                patterns.add(new Pattern(artifact, source.kind(), i, FileSystems.getDefault().getPathMatcher("glob:" + source.path())));
            }
        }
        return List.copyOf(patterns);
    }

    /** Whether a file at an unknown path may be identified by its content. */
    public static boolean sniffable(String path) {
        return SOS_TREES.stream().noneMatch(path::startsWith) && !path.startsWith("sos_strings/")
                && !path.equals("version.txt") && !path.equals("environment");
    }

    /**
     * Which logical artifact supplies a fact key or event kind, by its prefix, so that a
     * rule needing "sysctl.net.netfilter.nf_conntrack_max" on a bundle without sysctl
     * says "needs sysctl" instead of passing. Empty for names no artifact supplies.
     */
    public static Optional<String> provider(String name) {
        for (String[] p : PROVIDERS) {
            if (name.equals(p[0]) || name.startsWith(p[0] + ".")) {
                return Optional.of(p[1]);
            }
        }
        return Optional.empty();
    }

    private static final String[][] PROVIDERS = {
        {"netstat", "netstat-s"}, {"kernel", "kernel-log"}, {"kernel-log", "kernel-log"},
        {"conntrack", "conntrack-table"}, {"sysctl", "sysctl"}, {"iface", "ip-link"},
        {"app", "app-log"}, {"app-log", "app-log"}, {"date", "date"}, {"timedatectl", "timedatectl"}, {"timezone", "timezone"},
        {"uptime", "uptime"}, {"proc.uptime", "proc-uptime"}, {"proc.stat", "proc-stat"},
        {"meminfo", "meminfo"}, {"free", "free"}, {"hostname", "hostname"}, {"uname", "uname"},
        {"host.ram_bytes", "meminfo"}, {"host.name", "hostname"}, {"host.arch_bits", "uname"},
    };
}
