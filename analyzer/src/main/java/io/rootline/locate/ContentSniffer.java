package io.rootline.locate;

import io.rootline.parse.ArtifactKind;
import java.util.List;
import java.util.Optional;

/**
 * Identifies a file at an unknown path by its first lines ("netstat.txt" that is
 * really {@code netstat -s}). Each format's own parser, and so its grammar, judges
 * the lines; formats are tried from the most distinctive to the most permissive.
 */
public final class ContentSniffer {

    /** Lines looked at. */
    public static final int HEAD_LINES = 40;

    private static final List<ArtifactKind> ORDER = List.of(
            ArtifactKind.NETSTAT_S, ArtifactKind.PROC_NET_SNMP, ArtifactKind.IP_LINK, ArtifactKind.IP_ADDR, ArtifactKind.CONNTRACK,
            ArtifactKind.UNAME, ArtifactKind.SOS_VERSION, ArtifactKind.MEMINFO,
            ArtifactKind.FREE, ArtifactKind.TIMEDATECTL, ArtifactKind.UPTIME, ArtifactKind.SYSCTL,
            ArtifactKind.DATE, ArtifactKind.KERNEL_LOG, ArtifactKind.APP_LOG, ArtifactKind.SYSLOG);

    private ContentSniffer() {
    }

    /**
     * One parser of each kind per thread, for judging heads only: making one builds its grammar's
     * lexer and parser, and a bundle's loose files are each put to every kind.
     */
    private static final ThreadLocal<java.util.Map<ArtifactKind, io.rootline.parse.ArtifactParser>> JUDGES =
            ThreadLocal.withInitial(() -> new java.util.EnumMap<>(ArtifactKind.class));

    public static Optional<Location> sniff(String path, List<String> head) {
        if (head.stream().allMatch(String::isBlank)) {
            return Optional.empty();
        }
        var judges = JUDGES.get();
        for (ArtifactKind kind : ORDER) {
            if (judges.computeIfAbsent(kind, ArtifactKind::newParser).recognizes(head)) {
                LogicalArtifact artifact = ArtifactCatalog.forKind(kind);
                return Optional.of(new Location(path, artifact, kind, Integer.MAX_VALUE, "content", null));
            }
        }
        return Optional.empty();
    }
}
