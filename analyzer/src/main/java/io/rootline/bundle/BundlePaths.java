package io.rootline.bundle;

import java.util.Set;

/**
 * Turns the names stored in an archive into safe bundle-relative paths. Names are
 * untrusted: absolute paths and ".." segments are folded away, never followed.
 */
public final class BundlePaths {

    /** Top-level names of a sosreport; an archive whose first folder is one of these has no wrapper folder. */
    private static final Set<String> SOS_TOP_LEVEL = Set.of(
            "sos_commands", "sos_reports", "sos_logs", "sos_strings", "proc", "sys", "etc", "var", "usr",
            "lib", "boot", "run", "root", "home", "opt", "dev", "version.txt", "environment");

    private BundlePaths() {
    }

    /**
     * Whether a stored name tries to leave the bundle: ".." segments that climb above
     * its root. (Absolute names are merely normalised: tar -P writes them innocently.)
     */
    public static boolean escapes(String stored) {
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
     * The wrapper folder to strip from every entry ("sosreport-host-2021-05-08-abcdef/"),
     * judged from the first entry's path; "" when the archive has none.
     */
    public static String wrapperOf(String firstPath) {
        int slash = firstPath.indexOf('/');
        String first = slash < 0 ? firstPath : firstPath.substring(0, slash);
        if (SOS_TOP_LEVEL.contains(first)) {
            return "";
        }
        return first + "/";
    }

    /** Removes the wrapper folder from a normalised path. */
    public static String strip(String path, String wrapper) {
        if (!wrapper.isEmpty() && path.startsWith(wrapper)) {
            return path.substring(wrapper.length());
        }
        if (!wrapper.isEmpty() && path.equals(wrapper.substring(0, wrapper.length() - 1))) {
            return "";
        }
        return path;
    }
}
