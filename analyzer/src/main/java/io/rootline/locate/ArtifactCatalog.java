package io.rootline.locate;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where each logical artifact lives in a bundle: the one place that knows sos
 * layouts (3.x and 4.x, see shared/reference/sos-layout.md), so that rules never
 * name raw paths. A logical artifact's paths are listed best first; of the copies a
 * bundle holds, the best-placed usable one is used.
 */
public final class ArtifactCatalog {

    private static final List<LogicalArtifact> ARTIFACTS = fromFormats(io.rootline.format.Formats.installed());

    /**
     * The logical artifacts the formats declare, each with every format's places for it, by
     * rank: the kernel log's ring buffer before the syslog files that keep its lines.
     */
    static List<LogicalArtifact> fromFormats(io.rootline.format.Formats formats) {
        List<LogicalArtifact> artifacts = new ArrayList<>();
        for (io.rootline.format.Format.Artifact declared : formats.artifacts()) {
            List<Object[]> ranked = new ArrayList<>();
            for (io.rootline.format.Format f : formats.all()) {
                for (io.rootline.format.Format.Source s : f.sources()) {
                    if (s.artifact().equals(declared.name())) {
                        ranked.add(new Object[] {s.rank(), f == formats.declaring(declared.name()) ? 0 : 1, s.path(), f});
                    }
                }
            }
            ranked.sort(java.util.Comparator.<Object[]>comparingInt(o -> (int) o[0]).thenComparingInt(o -> (int) o[1]));
            List<LogicalArtifact.Source> sources = ranked.stream()
                    .map(o -> new LogicalArtifact.Source((String) o[2], (io.rootline.format.Format) o[3])).toList();
            artifacts.add(new LogicalArtifact(declared.name(), sources, declared.many(), declared.description()));
        }
        return List.copyOf(artifacts);
    }

    /**
     * Top-level folders of a host's root, which sos copies file by file: a file there is at a
     * known path or is nothing rootline reads, and is not opened ({@code var/log/} excepted:
     * logs are found by their content).
     */
    private static final Set<String> HOST_TREES = Set.of(
            "sos_commands", "sos_reports", "sos_logs", "sos_strings", "proc", "sys", "etc", "usr", "lib", "lib32", "lib64",
            "libx32", "bin", "sbin", "boot", "run", "dev", "root", "home", "opt", "var", "snap", "srv", "mnt", "media", "tmp");

    private static final List<String> HOST_TREE_LIST = List.copyOf(HOST_TREES);

    /** The one part of {@code var/} whose files are judged by their content. */
    private static final String LOGS = "var/log/";

    /** Files sos writes at the top of a report that no format reads. */
    private static final Set<String> SOS_TOP_FILES = Set.of("environment");

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
    public static LogicalArtifact forKind(io.rootline.format.Format kind) {
        String first = kind.sources().get(0).artifact();
        return byName(first).orElseThrow();
    }

    /**
     * Where {@code path} stands in the catalog, if anywhere. Files sos tailed into
     * {@code sos_strings/<plugin>/<name>.tailed} are located as the file they stand for,
     * with a note that their start is missing. An exact path is more specific than a
     * pattern and is taken first.
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
        Pattern exact = EXACT.get(candidate);
        if (exact != null) {
            return Optional.of(exact.location(path, note));
        }
        Path asPath = null;
        for (Pattern p : GLOBS) {
            if (p.mayMatch(candidate)) {
                asPath = asPath == null ? Path.of(candidate) : asPath;
                if (p.matcher().matches(asPath)) {
                    return Optional.of(p.location(path, note));
                }
            }
        }
        return Optional.empty();
    }

    /** A path pattern of an artifact, compiled once: every member of every bundle is matched against them. */
    private record Pattern(String path, LogicalArtifact artifact, io.rootline.format.Format kind, int preference, PathMatcher matcher,
                           String literalPrefix, String literalTail, boolean crossesFolders) {
        Pattern(String path, LogicalArtifact artifact, io.rootline.format.Format kind, int preference, PathMatcher matcher) {
            this(path, artifact, kind, preference, matcher, literalPrefixOf(path), literalTailOf(path), crossesFolders(path));
        }

        Location location(String at, String note) {
            return new Location(at, artifact, kind, preference, "path", note);
        }

        /**
         * Whether the pattern may match {@code path}, judged cheaply: it starts with the pattern's
         * literal part, holds no '/' when the pattern's wildcards cannot cross one (a "*" at the
         * top matches files at the top only), and ends as the pattern's literal tail does.
         */
        boolean mayMatch(String candidate) {
            return candidate.startsWith(literalPrefix) && candidate.endsWith(literalTail)
                    && (crossesFolders || candidate.indexOf('/', literalPrefix.length()) < 0);
        }

        /** The pattern's part before its first wildcard: "var/log/" for var/log/**.log. */
        private static String literalPrefixOf(String path) {
            for (int i = 0; i < path.length(); i++) {
                if ("*?[{".indexOf(path.charAt(i)) >= 0) {
                    return path.substring(0, i);
                }
            }
            return path;
        }

        /** The pattern's part after its last wildcard: ".log" for var/log/**.log. */
        private static String literalTailOf(String path) {
            int last = -1;
            for (int i = 0; i < path.length(); i++) {
                if ("*?]}".indexOf(path.charAt(i)) >= 0) {
                    last = i;
                }
            }
            return path.substring(last + 1);
        }

        /** Whether the wildcards may stand for a '/': "**", or a '/' after the literal part. */
        private static boolean crossesFolders(String path) {
            String rest = path.substring(literalPrefixOf(path).length());
            return rest.contains("**") || rest.contains("/");
        }
    }

    private static final Map<String, Pattern> EXACT = new HashMap<>();
    private static final List<Pattern> GLOBS = new ArrayList<>();
    /** Exact paths by their file name, for {@link #likelyAlias}. */
    private static final Map<String, List<String>> BY_NAME = new HashMap<>();
    /** Every folder above an exact path. */
    private static final Set<String> FOLDERS = new HashSet<>();
    /** The folder of each exact path. */
    private static final Set<String> EXACT_FOLDERS = new HashSet<>();
    /** The top folders of exact paths a link may lead to by another name. */
    private static final Set<String> ALIAS_TOPS = new HashSet<>();

    static {
        for (LogicalArtifact artifact : ARTIFACTS) {
            for (int i = 0; i < artifact.sources().size(); i++) {
                LogicalArtifact.Source source = artifact.sources().get(i);
                Pattern p = new Pattern(source.path(), artifact, source.kind(), i,
                        FileSystems.getDefault().getPathMatcher("glob:" + source.path()));
                if (p.literalPrefix().equals(source.path())) {
                    EXACT.putIfAbsent(source.path(), p);
                    BY_NAME.computeIfAbsent(source.path().substring(source.path().lastIndexOf('/') + 1), k -> new ArrayList<>())
                            .add(source.path());
                    for (String f = parent(source.path()); !f.isEmpty(); f = parent(f)) {
                        FOLDERS.add(f);
                    }
                    EXACT_FOLDERS.add(parent(source.path()));
                    if (!artifact.name().equals("kernel-log")) {
                        int slash = source.path().indexOf('/');
                        ALIAS_TOPS.add(slash < 0 ? source.path() : source.path().substring(0, slash));
                    }
                } else {
                    GLOBS.add(p);
                }
            }
        }
        GLOBS.sort(specificFirst());
    }

    /**
     * Patterns by specificity, not by the order formats were declared in: an exact path
     * before any pattern (see {@link #match}); then the longer literal start
     * ({@code var/log/nginx/*.log} before {@code var/log/**.log}); then the more literal
     * characters; then fewer "**"; then the artifact's own preference.
     */
    private static java.util.Comparator<Pattern> specificFirst() {
        return java.util.Comparator.<Pattern>comparingInt(p -> -p.literalPrefix().length())
                .thenComparingInt(p -> -literalCharacters(p.path()))
                .thenComparingInt(p -> p.path().split("\\*\\*", -1).length)
                .thenComparingInt(Pattern::preference)
                .thenComparing(Pattern::path);
    }

    private static int literalCharacters(String glob) {
        int n = 0;
        for (int i = 0; i < glob.length(); i++) {
            n += "*?[]{}".indexOf(glob.charAt(i)) < 0 ? 1 : 0;
        }
        return n;
    }

    /** Of these artifacts' patterns, the glob that takes {@code path} (for tests of {@link #specificFirst}), or null. */
    static String mostSpecific(List<LogicalArtifact> artifacts, String path) {
        List<Pattern> globs = new ArrayList<>();
        for (LogicalArtifact artifact : artifacts) {
            for (int i = 0; i < artifact.sources().size(); i++) {
                LogicalArtifact.Source source = artifact.sources().get(i);
                globs.add(new Pattern(source.path(), artifact, source.kind(), i,
                        FileSystems.getDefault().getPathMatcher("glob:" + source.path())));
            }
        }
        globs.sort(specificFirst());
        Path asPath = Path.of(path);
        return globs.stream().filter(p -> p.mayMatch(path) && p.matcher().matches(asPath)).map(Pattern::path).findFirst().orElse(null);
    }

    /**
     * The exact paths at or under {@code path}, when they are all that could be read there
     * (nothing would be sniffed there and no pattern reaches there); null otherwise.
     */
    public static List<String> onlyExactAtOrUnder(String path) {
        if (sniffable(path) || sniffable(path + "/x")) {
            return null;
        }
        Path asPath = Path.of(path);
        for (Pattern p : GLOBS) {
            String literal = p.literalPrefix();
            if (p.matcher().matches(asPath) || p.path().contains("/") && (literal.startsWith(path + "/") || path.startsWith(literal))) {
                return null;
            }
        }
        List<String> under = new ArrayList<>();
        for (String exact : EXACT.keySet()) {
            if (exact.equals(path) || exact.startsWith(path + "/")) {
                under.add(exact);
            }
        }
        return under;
    }

    /**
     * Whether a file in {@code folder} could be located by path: an exact path lies in it, a
     * pattern may reach it, or it is sos's tailed copies' folder. False lets a reader pass the
     * folder's thousands of files by without looking each up.
     */
    public static boolean mayLocateIn(String folder) {
        if (EXACT_FOLDERS.contains(folder) || folder.startsWith("sos_strings/")) {
            return true;
        }
        for (Pattern p : GLOBS) {
            String prefix = p.literalPrefix();
            String inFolder = folder.isEmpty() ? "" : folder + "/";
            if (p.crossesFolders() ? inFolder.startsWith(prefix) || prefix.startsWith(inFolder)
                    : prefix.equals(inFolder) || prefix.startsWith(inFolder) && prefix.indexOf('/', inFolder.length()) < 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether a stored file in {@code folder} may stand for an exact path once a link names it ({@link #likelyAlias}). */
    public static boolean mayBeAliasIn(String folder) {
        int slash = folder.indexOf('/');
        return ALIAS_TOPS.contains(slash < 0 ? folder : folder.substring(0, slash));
    }

    /** Every exact path the catalog knows, in no order. */
    public static Set<String> exactPaths() {
        return Collections.unmodifiableSet(EXACT.keySet());
    }

    /**
     * Whether a file at a path the catalog does not know is judged by its content: files at
     * the bundle's top and in folders of loose captures, and logs under {@code var/log/}; not
     * the thousands a sosreport copies from a host's root ({@code sys/fs/cgroup/**},
     * {@code proc/<pid>/**}, {@code var/lib/**}), nor other hosts' data.
     */
    public static boolean sniffable(String path) {
        if (otherHostsFolder(path) != null) {
            return false;
        }
        int slash = path.indexOf('/');
        if (slash < 0) {
            return !SOS_TOP_FILES.contains(path) && !path.equals("version.txt") && !HOST_TREES.contains(path);
        }
        if (path.startsWith(LOGS)) {
            return true;
        }
        for (String tree : HOST_TREE_LIST) {
            if (slash == tree.length() && path.startsWith(tree)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether anything at or under {@code path} could be read: a located path, or a file there
     * that would be sniffed. An archive inside the bundle that would extract to {@code path} is
     * decoded only then.
     */
    public static boolean wantsAtOrUnder(String path) {
        if (path.isEmpty()) {
            return true;
        }
        if (otherHostsFolder(path + "/x") != null) {
            return false;
        }
        if (sniffable(path) || sniffable(path + "/x") || EXACT.containsKey(path) || FOLDERS.contains(path)
                || LOGS.startsWith(path + "/")) {
            return true;
        }
        Path asPath = Path.of(path);
        for (Pattern p : GLOBS) {
            String literal = p.literalPrefix();
            if (p.matcher().matches(asPath) || p.path().contains("/") && (literal.startsWith(path + "/") || path.startsWith(literal))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The exact catalog path a stored file may stand for once a link that has not come yet
     * names it: one of the same file name in the same top folder ({@code proc/96008/net/snmp}
     * may be {@code proc/net/snmp}, as sos links {@code proc/net} to {@code self/net} and
     * {@code proc/self} to a process id), the one sharing the longest end with it. Never a
     * copy of the kernel log, whose choice of copies must rest on copies read for sure.
     */
    public static Optional<String> likelyAlias(String stored) {
        List<String> names = BY_NAME.get(stored.substring(stored.lastIndexOf('/') + 1));
        if (names == null) {
            return Optional.empty();
        }
        int slash = stored.indexOf('/');
        String top = slash < 0 ? stored : stored.substring(0, slash + 1);
        String best = null;
        int bestShared = -1;
        for (String name : names) {
            if (name.equals(stored) || !name.startsWith(top) || EXACT.get(name).artifact().name().equals("kernel-log")) {
                continue;
            }
            int shared = sharedEnd(stored, name);
            if (shared > bestShared) {
                best = name;
                bestShared = shared;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int sharedEnd(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
            n++;
        }
        return n;
    }

    /**
     * The folder of other hosts' data that {@code path} lies in, or null: an OpenShift
     * {@code log-bundle*} of other machines' journals, a {@code must-gather*}, another host's
     * sosreport or supportconfig folder inside this one. Nothing there is this host's evidence.
     */
    public static String otherHostsFolder(String path) {
        if (!path.contains("log-bundle") && !path.contains("must-gather") && !path.contains("sosreport-") && !path.contains("scc_")) {
            return null;
        }
        int from = 0;
        while (from < path.length()) {
            int slash = path.indexOf('/', from);
            int end = slash < 0 ? path.length() : slash;
            String part = path.substring(from, end);
            if (slash >= 0 && (part.startsWith("log-bundle") || part.startsWith("must-gather") || part.startsWith("sosreport-")
                    || part.startsWith("scc_"))) {
                return path.substring(0, end);
            }
            from = end + 1;
        }
        return null;
    }

    /**
     * Where a host's network evidence lies: a file here that no format reads is evidence not
     * examined, listed by path in the report (the rest nothing reads is counted by folder).
     */
    private static final List<String> EVIDENCE_AREAS = List.of(
            "sos_commands/networking/", "sos_commands/conntrack/", "sos_commands/conntrackd/", "sos_commands/firewall_tables/",
            "sos_commands/firewalld/", "sos_commands/iptables/", "sos_commands/nftables/", "sos_commands/kernel/",
            "sos_commands/logs/", "sos_commands/openvswitch/", "sos_commands/ovn_central/", "sos_commands/ovn_host/",
            "sos_commands/networkmanager/", "sos_commands/tc/", "proc/net/");

    /**
     * The captures the field notes (shared/seeds) read by hand when packets are lost, by the
     * start of their file name: listed first among the evidence not examined, so that a
     * collapsed list still shows them.
     */
    private static final List<String> DROP_EVIDENCE = List.of("conntrack_-S", "softnet_stat", "ethtool_-S_", "ethtool_-g_",
            "iptables", "ip6tables", "nft", "ss_", "ip_-s_-s_neigh", "netstat_", "nstat", "dev", "sockstat", "nf_conntrack",
            "snmp", "arp", "tc_-s", "ethtool_-i_", "ethtool_");

    /** How early a file nothing reads is listed: the drop evidence first, in {@link #DROP_EVIDENCE}'s order. */
    public static int listingRank(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        for (int i = 0; i < DROP_EVIDENCE.size(); i++) {
            if (name.startsWith(DROP_EVIDENCE.get(i))) {
                return i;
            }
        }
        return DROP_EVIDENCE.size();
    }

    /** Whether a path lies where network evidence is kept ({@link #EVIDENCE_AREAS}). */
    public static boolean evidenceArea(String path) {
        // an archive is where it would extract: sos_commands/logs.xz holds sos_commands/logs/
        String unpacked = io.rootline.bundle.ArchiveNames.unpacked(path) + "/";
        for (String area : EVIDENCE_AREAS) {
            if (path.startsWith(area) || unpacked.equals(area)) {
                return true;
            }
        }
        return false;
    }

    /** The folder a file nothing reads is counted under: sos_commands/PLUGIN, else its top folder, else "(top)". */
    public static String countedUnder(String path) {
        int slash = path.indexOf('/');
        if (slash < 0) {
            return "(top)";
        }
        if (path.startsWith("sos_commands/")) {
            int next = path.indexOf('/', slash + 1);
            return next < 0 ? "sos_commands" : path.substring(0, next);
        }
        return path.substring(0, slash);
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

}
