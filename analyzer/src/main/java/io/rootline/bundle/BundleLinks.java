package io.rootline.bundle;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The links of one bundle, resolved by name inside it and never through the file system.
 * sos keeps {@code proc/net} as a link to {@code self/net} and {@code proc/self} as a link
 * to a process id, so {@code proc/net/snmp} is stored as {@code proc/96008/net/snmp}: this
 * table says which stored file a path stands for ({@link #resolve}) and by which paths a
 * stored file can be reached ({@link #aliasesOf}).
 *
 * <p>A symbolic link's target is read relative to the link's folder; an absolute one
 * relative to the bundle's root, as the host that wrote it would have read it (a bundle is a
 * copy of that host's root). A target that climbs above the root leaves the bundle; a
 * chain of more than {@link #MAX_HOPS} links (a loop is one) is not followed to its end.
 * A hard link's target is the stored name of another member.
 *
 * <p>Links are added as the reader meets them; an archive's may come before or after the
 * files they lead to. Not thread-safe for adding; a folder's links are all added before
 * its files are read on two threads, which then only ask.
 */
public final class BundleLinks {

    /** Links followed in one resolution before it is given up as a loop or too long a chain. */
    public static final int MAX_HOPS = 16;

    /** Names by which one stored file is reached at most (beyond it, links are listed, not followed). */
    static final int MAX_ALIASES = 8;

    /** How a path resolved: the stored path it stands for, or why it stands for none. */
    public record Resolution(String path, String problem, int hops) {
        public boolean resolved() {
            return problem == null;
        }

        public boolean throughLinks() {
            return hops > 0;
        }
    }

    private record Link(String target, boolean symbolic, String lexical) {
    }

    private final Map<String, Link> byPath = new HashMap<>();
    /** Links by their target's path read lexically (null for those that leave the bundle). */
    private final Map<String, List<String>> byTarget = new HashMap<>();
    /** Every target of {@link #byTarget} and every folder above one: a path none of whose folders is here leads nowhere. */
    private final java.util.Set<String> aboveTargets = new java.util.HashSet<>();

    /** Adds a link met at {@code path} (normalised, bundle-relative) with its target as stored. */
    public void add(String path, String target, boolean symbolic) {
        String lexical = symbolic ? lexicalTarget(parent(path), target) : BundlePaths.normalize(target);
        if (byPath.putIfAbsent(path, new Link(target, symbolic, lexical)) == null && lexical != null && !lexical.equals(path)) {
            byTarget.computeIfAbsent(lexical, k -> new ArrayList<>(1)).add(path);
            for (String f = lexical; !f.isEmpty() && aboveTargets.add(f); f = parent(f)) {
                // each folder above a target
            }
        }
    }

    public boolean isEmpty() {
        return byPath.isEmpty();
    }

    public int size() {
        return byPath.size();
    }

    /** Whether a link is stored at exactly this path. */
    public boolean isLink(String path) {
        return byPath.containsKey(path);
    }

    /** The target of the link at {@code path} as stored, or null. */
    public String target(String path) {
        Link link = byPath.get(path);
        return link == null ? null : link.target();
    }

    /** Every link path, in no order. */
    public Iterable<String> paths() {
        return byPath.keySet();
    }

    /**
     * The stored path {@code path} stands for once every link along it is followed, or why it
     * stands for none: it leaves the bundle, or the links chain more than {@link #MAX_HOPS} deep.
     * Whether anything is stored there is for the caller to tell.
     */
    public Resolution resolve(String path) {
        Deque<String> rest = new ArrayDeque<>(List.of(split(path)));
        // the path resolved so far, and where each of its parts starts, to pop one without joining
        StringBuilder done = new StringBuilder(path.length());
        int[] starts = new int[16];
        int parts = 0;
        int hops = 0;
        while (!rest.isEmpty()) {
            String part = rest.pollFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts == 0) {
                    return new Resolution(null, "leads outside the bundle", hops);
                }
                done.setLength(starts[--parts] == 0 ? 0 : starts[parts] - 1);
                continue;
            }
            if (parts == starts.length) {
                starts = java.util.Arrays.copyOf(starts, parts * 2);
            }
            starts[parts++] = done.length() == 0 ? 0 : done.length() + 1;
            done.append(done.length() == 0 ? "" : "/").append(part);
            Link link = byPath.get(done.toString());
            if (link == null) {
                continue;
            }
            if (++hops > MAX_HOPS) {
                return new Resolution(null, "is a loop or a chain of more than " + MAX_HOPS + " links", hops);
            }
            // the link's own part gives way to its target
            done.setLength(starts[--parts] == 0 ? 0 : starts[parts] - 1);
            String[] target = split(link.symbolic() ? link.target() : BundlePaths.normalize(link.target()));
            if (!link.symbolic() || link.target().startsWith("/")) {
                done.setLength(0);
                parts = 0;
            }
            for (int i = target.length - 1; i >= 0; i--) {
                rest.addFirst(target[i]);
            }
        }
        return new Resolution(done.toString(), null, hops);
    }

    /**
     * The paths other than {@code stored} that resolve to it through links, sorted; at most
     * {@link #MAX_ALIASES}. For {@code proc/96008/net/snmp}: {@code proc/net/snmp} and
     * {@code proc/self/net/snmp}.
     */
    public List<String> aliasesOf(String stored) {
        if (byTarget.isEmpty()) {
            return List.of();
        }
        TreeSet<String> found = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(stored);
        int rounds = 0;
        while (!todo.isEmpty() && found.size() < MAX_ALIASES && rounds++ < 4 * MAX_ALIASES) {
            String name = todo.pollFirst();
            // the shortest folder above the name that holds no target ends the search: none lies deeper
            int deepest = 0;
            for (int cut = name.indexOf('/'); ; cut = name.indexOf('/', cut + 1)) {
                int end = cut < 0 ? name.length() : cut;
                if (!aboveTargets.contains(name.substring(0, end))) {
                    break;
                }
                deepest = end;
                if (cut < 0) {
                    break;
                }
            }
            // every folder above the name, and the name itself, may be a link's target
            for (int cut = deepest; cut > 0; cut = name.lastIndexOf('/', cut - 1)) {
                List<String> links = byTarget.get(name.substring(0, cut));
                if (links == null) {
                    continue;
                }
                for (String link : links) {
                    String alias = link + name.substring(cut);
                    if (!alias.equals(stored) && found.size() < MAX_ALIASES && found.add(alias)) {
                        todo.addLast(alias);
                    }
                }
            }
        }
        // lexical targets can be wrong where ".." meets a link: keep what really leads there
        found.removeIf(alias -> !stored.equals(resolve(alias).path()));
        return List.copyOf(found);
    }

    /** A symbolic link's target, joined to its folder and normalised; null when it climbs out. */
    private static String lexicalTarget(String folder, String target) {
        String joined = target.startsWith("/") ? target : (folder.isEmpty() ? "" : folder + "/") + target;
        return BundlePaths.escapes(joined) ? null : BundlePaths.normalize(joined);
    }

    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String[] split(String path) {
        return path.isEmpty() ? new String[0] : path.split("/");
    }
}
