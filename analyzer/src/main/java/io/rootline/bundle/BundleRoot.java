package io.rootline.bundle;

import java.util.Collection;

/**
 * Where a bundle's own layout begins, however many folders wrap it: a sosreport tarball
 * holds {@code sosreport-host-2021-05-08-abc/}, a support case {@code case-123/sosreport-host/},
 * and both must read as the same report as the extracted folder. Paths are placed relative
 * to the root before anything else looks at them.
 *
 * <p>The root is the folder holding the first of sos's own names ({@code sos_commands/},
 * {@code sos_reports/}, {@code version.txt}, ...); until one is met, the folder holding a
 * host's top-level folder ({@code etc/}, {@code proc/}); files outside it (a case's
 * {@code notes.txt} beside the sosreport folder) are placed relative to the outer wrapper,
 * which is the one folder holding the first file (a tarball of {@code captures/}).
 * An archive is judged entry by entry as they come, a folder from all its paths at once
 * ({@link #learnAll}): for a sosreport, wrapped or not, both find the same root.
 */
public final class BundleRoot {

    /** Wrappers looked through at most. */
    private static final int MAX_WRAPPERS = 8;

    private String outer;
    private String inner;
    private boolean innerIsSos;

    /** A root for a folder whose outer wrappers, single folders holding one folder each, are already known. */
    static BundleRoot ofFolder(String outer, Collection<String> files) {
        BundleRoot root = new BundleRoot();
        root.outer = outer;
        root.learnAll(files);
        return root;
    }

    /** Learns the root from every path at once: the shallowest of sos's own names, else the shallowest host folder. */
    private void learnAll(Collection<String> files) {
        int bestSos = Integer.MAX_VALUE;
        int bestHost = Integer.MAX_VALUE;
        String sos = null;
        String host = null;
        for (String path : files) {
            // the leftmost top-level name, found part by part without splitting the whole path
            int depth = 0;
            for (int from = 0; from < path.length() && depth <= MAX_WRAPPERS && depth < Math.min(bestSos, bestHost + 1); depth++) {
                int slash = path.indexOf('/', from);
                String part = path.substring(from, slash < 0 ? path.length() : slash);
                boolean own = slash < 0 ? part.equals("version.txt") : BundlePaths.sosOwnName(part);
                boolean top = own || slash >= 0 && BundlePaths.topLevelName(part) || slash < 0 && part.equals("environment");
                if (top) {
                    if (own && depth < bestSos) {
                        bestSos = depth;
                        sos = path.substring(0, from);
                    } else if (!own && depth < bestHost) {
                        bestHost = depth;
                        host = path.substring(0, from);
                    }
                    break;
                }
                if (slash < 0) {
                    break;
                }
                from = slash + 1;
            }
        }
        inner = sos != null ? sos : host;
        innerIsSos = sos != null;
    }

    /** The root's prefix ("" at the top, "a/b/" inside two wrappers), or null when none has been found. */
    public String prefix() {
        return inner != null ? inner : outer;
    }

    /** Learns from one more stored path of an archive (a file, or a folder) and places it. */
    public String place(String path, boolean folder) {
        if (innerIsSos && outer != null) {
            return strip(path); // found: nothing more to learn
        }
        String[] parts = path.split("/");
        int at = topLevelIndex(parts, folder);
        if (at >= 0 && (inner == null || !innerIsSos && sosOwn(parts, at, folder))) {
            inner = prefix(parts, at);
            innerIsSos = sosOwn(parts, at, folder);
        }
        if (outer == null && !folder) {
            outer = parts.length > 1 ? parts[0] + "/" : "";
        }
        return strip(path);
    }

    /** A path placed relative to the root (without learning from it). */
    public String strip(String path) {
        for (String root : new String[] {inner, outer}) {
            if (root == null || root.isEmpty()) {
                continue;
            }
            if (path.startsWith(root)) {
                return path.substring(root.length());
            }
            if (path.length() == root.length() - 1 && root.startsWith(path)) {
                return "";
            }
        }
        return path;
    }

    /** Whether a sos layout (one of sos's own names) has been found. */
    public boolean sosLayout() {
        return innerIsSos;
    }

    /**
     * The index of the leftmost part that is a top-level name of a report ({@code sos_commands},
     * {@code etc}; {@code version.txt} as the file itself), or -1.
     */
    private static int topLevelIndex(String[] parts, boolean folder) {
        int folders = folder ? parts.length : parts.length - 1;
        for (int i = 0; i < Math.min(parts.length, MAX_WRAPPERS + 1); i++) {
            if (i < folders ? BundlePaths.topLevelName(parts[i]) : parts[i].equals("version.txt") || parts[i].equals("environment")) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sosOwn(String[] parts, int at, boolean folder) {
        boolean isFile = !folder && at == parts.length - 1;
        return isFile ? parts[at].equals("version.txt") : BundlePaths.sosOwnName(parts[at]);
    }

    private static String prefix(String[] parts, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(parts[i]).append('/');
        }
        return b.toString();
    }
}
