package io.rootline.bundle;

import java.util.List;
import java.util.Locale;

/**
 * What the name of an archive or compressed file inside a bundle says: where it would
 * extract to. sos stores {@code sos_commands/logs.xz} (a tar of {@code logs/}),
 * {@code sos_reports.tgz}, {@code proc/kallsyms.tgz} (a tar of {@code kallsyms}) and
 * rotated logs ({@code messages-20220201.gz}); the name decides only whether the file is
 * worth decoding, its content what it is.
 */
public final class ArchiveNames {

    /** Longest first, so that ".tar.gz" is taken before ".gz". */
    private static final List<String> SUFFIXES = List.of(".tar.gz", ".tar.xz", ".tar.bz2", ".tar.zst", ".tgz", ".txz",
            ".tbz2", ".tbz", ".tar", ".gz", ".xz", ".bz2", ".zst");

    private ArchiveNames() {
    }

    /** Whether the name ends as an archive or a compressed file does. */
    public static boolean looksPacked(String path) {
        return suffixLength(path) > 0;
    }

    /**
     * The path the file would extract or decompress to: {@code sos_commands/logs.xz} gives
     * {@code sos_commands/logs}, {@code var/log/messages.1.gz} gives {@code var/log/messages.1};
     * a name with no such suffix is returned as it is.
     */
    public static String unpacked(String path) {
        return path.substring(0, path.length() - suffixLength(path));
    }

    private static int suffixLength(String path) {
        if (path.isEmpty() || "zZ2tTrR".indexOf(path.charAt(path.length() - 1)) < 0) {
            return 0; // every suffix ends in z, 2, t or r
        }
        String lower = path.toLowerCase(Locale.ROOT);
        for (String suffix : SUFFIXES) {
            if (lower.endsWith(suffix) && lower.length() > suffix.length() && lower.charAt(lower.length() - suffix.length() - 1) != '/') {
                return suffix.length();
            }
        }
        return 0;
    }
}
