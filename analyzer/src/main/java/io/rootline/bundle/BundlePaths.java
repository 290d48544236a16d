package io.rootline.bundle;

import java.util.Set;

/**
 * Turns the names stored in an archive into safe bundle-relative paths. Names are
 * untrusted: absolute paths and ".." segments are folded away, never followed.
 */
public final class BundlePaths {

    /** Names only sos writes at the top of a report: where one stands, the report's root is. */
    private static final Set<String> SOS_OWN = Set.of("sos_commands", "sos_reports", "sos_logs", "sos_strings");

    /** Top-level folders of a sosreport that a host's root has too. */
    private static final Set<String> HOST_TOP_LEVEL = Set.of(
            "proc", "sys", "etc", "var", "usr", "lib", "boot", "run", "root", "home", "opt", "dev");

    private BundlePaths() {
    }

    /**
     * Whether a stored name tries to leave the bundle: ".." segments that climb above
     * its root. (Absolute names are merely normalised: tar -P writes them innocently.)
     */
    public static boolean escapes(String stored) {
        if (!stored.contains("..")) {
            return false;
        }
        int depth = 0;
        for (String part : stored.replace('\\', '/').split("/")) {
            if (part.equals("..")) {
                if (--depth < 0) {
                    return true;
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    /**
     * Normalises a stored name: backslashes become '/', leading '/' and "./" go,
     * "." segments go, and ".." pops a segment but never climbs above the root.
     * Returns "" for names that reduce to nothing.
     */
    public static String normalize(String stored) {
        if (normal(stored)) {
            return stored;
        }
        String trimmed = stored.endsWith("/") ? stored.substring(0, stored.length() - 1) : stored;
        if (!trimmed.isEmpty() && normal(trimmed)) {
            return trimmed;
        }
        String[] parts = stored.replace('\\', '/').split("/");
        StringBuilder out = new StringBuilder();
        java.util.ArrayDeque<String> stack = new java.util.ArrayDeque<>();
        for (String part : parts) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                stack.pollLast();
                continue;
            }
            stack.addLast(part);
        }
        for (String part : stack) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }

    /**
     * Whether a name is already normal: no backslash, no empty, "." or ".." part, no slash at
     * either end. Nearly every name a real archive stores is.
     */
    private static boolean normal(String name) {
        int n = name.length();
        if (n == 0) {
            return false;
        }
        // one pass: a part may not be empty, ".", or "..", and no backslash
        int partStart = 0;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            if (c == '/') {
                if (i == partStart || dotPart(name, partStart, i)) {
                    return false;
                }
                partStart = i + 1;
            } else if (c == '\\') {
                return false;
            }
        }
        return partStart < n && !dotPart(name, partStart, n);
    }

    private static boolean dotPart(String name, int from, int to) {
        return name.charAt(from) == '.' && (to - from == 1 || to - from == 2 && name.charAt(from + 1) == '.');
    }

    /** Whether a folder's name is one a sosreport's own top level has (so it is no wrapper). */
    public static boolean topLevelName(String name) {
        return SOS_OWN.contains(name) || HOST_TOP_LEVEL.contains(name);
    }

    /** Whether a folder's name is one only sos writes at the top of a report. */
    public static boolean sosOwnName(String name) {
        return SOS_OWN.contains(name);
    }
}
