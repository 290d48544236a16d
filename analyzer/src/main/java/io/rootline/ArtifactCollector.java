package io.rootline;

import io.rootline.bundle.BundleEntry;
import io.rootline.bundle.BundleLinks;
import io.rootline.bundle.BundleLoss;
import io.rootline.bundle.BundleVisitor;
import io.rootline.bundle.EntryType;
import io.rootline.bundle.Limits;
import io.rootline.combine.KernelLogChoice;
import io.rootline.locate.ArtifactCatalog;
import io.rootline.locate.ContentSniffer;
import io.rootline.locate.Location;
import io.rootline.parse.ArtifactBuilder;
import io.rootline.parse.ArtifactReader;
import io.rootline.parse.LineReader;
import io.rootline.parse.ParsedArtifact;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Receives a bundle's members, decides what each is (by path, else by content) and
 * parses the artifacts as they stream past. An artifact cut off by archive damage
 * is kept with what was read, marked partial.
 *
 * <p>A file reached through links is read under the name the catalog knows
 * ({@code proc/net/nf_conntrack}, not {@code proc/96008/net/nf_conntrack}). In an archive
 * whose links come after their targets (sos writes {@code proc/96008/} before the
 * {@code proc/net} link), a file that is likely such a target is read on trust under that
 * name, and kept only if the links, once all are known, lead there.
 */
final class ArtifactCollector implements BundleVisitor {

    /** Bytes read to sniff a file at an unknown path. */
    private static final int SNIFF_BYTES = 16 * 1024;

    /** Stored files read on trust for one catalog path, at most. */
    private static final int TRUSTED_PER_NAME = 4;

    /** A file not opened, or not used, and why. */
    record NotExamined(String path, long size, String why) {
    }

    private final Limits limits;
    /** Whether the bundle can be read again, so that a copy of the kernel log may be deferred ({@link KernelLogChoice}). */
    private final boolean mayDefer;
    /** For a second look at the bundle: the stored files to read, with the name each is read under; null on the first. */
    private final Map<String, String> only;
    /** Copies of the kernel log deferred: name read under, and the stored file. */
    private final Map<String, String> deferred = new ConcurrentHashMap<>();
    // a folder's files are visited on two threads (BundleVisitor)
    private final List<ParsedArtifact> artifacts = Collections.synchronizedList(new ArrayList<>());
    /** Whether any member path starts with sos_reports (sos 4 writes it) or sos_commands (every sos does). */
    private volatile boolean sosReports;
    private volatile boolean sosCommands;
    private final Map<String, String> symlinks = new ConcurrentHashMap<>();
    private final List<NotExamined> notExamined = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> otherHosts = new ConcurrentHashMap<>();
    private final KernelLogChoice kernelLog = new KernelLogChoice();

    // naming is decided on one thread (an archive's reader, or a folder's before it reads)
    /** Names read under, with the stored file each stands for. */
    private final Map<String, String> claimed = new HashMap<>();
    /** Stored files read on trust, by stored path: the name they were read under. */
    private final Map<String, String> trusted = new HashMap<>();
    private final Map<String, Integer> trustedPerName = new HashMap<>();
    /** Artifacts read on trust, by stored path, until the links confirm them. */
    private final Map<String, ParsedArtifact> onTrust = new ConcurrentHashMap<>();
    private final List<BundleLoss> linkLosses = new ArrayList<>();
    private final io.rootline.parse.ParserContext parsers;

    /**
     * @param mayDefer whether the bundle can be read again (a file or folder, not a stream)
     * @param parsers  what parsers are made with (the packs' kernel messages)
     */
    ArtifactCollector(Limits limits, boolean mayDefer, io.rootline.parse.ParserContext parsers) {
        this(limits, mayDefer, null, parsers);
    }

    private ArtifactCollector(Limits limits, boolean mayDefer, Map<String, String> only, io.rootline.parse.ParserContext parsers) {
        this.limits = limits;
        this.mayDefer = mayDefer;
        this.only = only;
        this.parsers = parsers;
    }

    /** A collector for a second look at the bundle, which reads only these stored files, under the names given. */
    static ArtifactCollector secondLook(Limits limits, Map<String, String> storedToName, io.rootline.parse.ParserContext parsers) {
        return new ArtifactCollector(limits, false, Map.copyOf(storedToName), parsers);
    }

    /** Copies of the kernel log deferred (name read under, to the stored file): read by a second look if they are needed. */
    Map<String, String> deferred() {
        return new TreeMap<>(deferred);
    }

    /** The artifacts read, by path: the same whichever thread finished first. */
    List<ParsedArtifact> artifacts() {
        List<ParsedArtifact> byPath = new ArrayList<>(artifacts);
        byPath.sort(Comparator.comparing(ParsedArtifact::path));
        return byPath;
    }

    /** Whether the bundle holds sos_reports/ (or sos_reports.tgz): sos 4 writes it. */
    boolean holdsSosReports() {
        return sosReports;
    }

    /** Whether the bundle holds sos_commands/: every sos release writes it. */
    boolean holdsSosCommands() {
        return sosCommands;
    }

    private void met(String path) {
        if (!sosReports && path.startsWith("sos_reports")) {
            sosReports = true;
        }
        if (!sosCommands && path.startsWith("sos_commands/")) {
            sosCommands = true;
        }
    }

    /** Symbolic links met, path to target as written. */
    Map<String, String> links() {
        return symlinks;
    }

    /** Files not opened or not used, by path. */
    List<NotExamined> notExamined() {
        List<NotExamined> byPath = new ArrayList<>(notExamined);
        byPath.sort(Comparator.comparing(NotExamined::path));
        return byPath;
    }

    /** Folders of other hosts' data, with the files each holds: not used as this host's evidence. */
    Map<String, Integer> otherHosts() {
        return new TreeMap<>(otherHosts);
    }

    /** Links standing where an artifact is expected that lead nowhere the bundle holds, or that were not followed. */
    List<BundleLoss> linkLosses() {
        return List.copyOf(linkLosses);
    }

    /** Copies of the kernel log that a better copy may make unneeded (see {@link KernelLogChoice}). */
    @Override
    public boolean visitLast(String path) {
        if (io.rootline.bundle.ArchiveNames.looksPacked(path)) {
            // sos_commands/logs.xz: an archive of copies of the kernel log only
            List<String> exact = ArtifactCatalog.onlyExactAtOrUnder(io.rootline.bundle.ArchiveNames.unpacked(path));
            return exact != null && !exact.isEmpty() && exact.stream().map(ArtifactCatalog::locate).flatMap(java.util.Optional::stream)
                    .allMatch(KernelLogChoice::mayBeSkipped);
        }
        return ArtifactCatalog.locate(path).filter(KernelLogChoice::mayBeSkipped).isPresent();
    }

    @Override
    public boolean wantsAtOrUnder(String path) {
        if (only != null) {
            return only.keySet().stream().anyMatch(stored -> stored.equals(path) || stored.startsWith(path + "/"));
        }
        if (!ArtifactCatalog.wantsAtOrUnder(path)) {
            return false;
        }
        // sos_commands/logs.xz holds the journal: copies of the kernel log a better copy read already may make unneeded
        List<String> exact = ArtifactCatalog.onlyExactAtOrUnder(path);
        return exact == null || exact.stream().map(ArtifactCatalog::locate).flatMap(java.util.Optional::stream)
                .anyMatch(l -> claimed.containsKey(l.path()) ? false : kernelLog.decide(l, mayDefer) == KernelLogChoice.Decision.READ);
    }

    @Override
    public void notRead(String path, long size, String why) {
        met(path);
        notExamined.add(new NotExamined(path, size, why));
    }

    /** What the catalog says of the folder of the last file named: a tree's files come folder by folder. */
    private record FolderVerdict(String folder, String otherHosts, boolean sniffable, boolean mayLocate, boolean mayBeAlias) {
        static FolderVerdict of(String folder) {
            String probe = folder.isEmpty() ? "x" : folder + "/x";
            return new FolderVerdict(folder, ArtifactCatalog.otherHostsFolder(probe), ArtifactCatalog.sniffable(probe),
                    ArtifactCatalog.mayLocateIn(folder), ArtifactCatalog.mayBeAliasIn(folder));
        }
    }

    private volatile FolderVerdict lastFolder = FolderVerdict.of("");

    @Override
    public String nameFor(String stored, long size, List<String> aliases, boolean complete) {
        if (only != null) {
            return only.get(stored);
        }
        met(stored);
        String folder = BundleLinks.parent(stored);
        FolderVerdict verdict = lastFolder; // read once: a folder's nested archives are read on two threads
        if (!folder.equals(verdict.folder())) {
            lastFolder = verdict = FolderVerdict.of(folder);
        }
        if (aliases.isEmpty() && verdict.otherHosts() == null && !verdict.mayLocate() && !verdict.sniffable()
                && (complete || !verdict.mayBeAlias())) {
            // nothing rootline reads can be in this folder: the file is counted, not looked up
            notExamined.add(new NotExamined(stored, size, "no format rootline reads is kept at this path"));
            return null;
        }
        String other = ArtifactCatalog.otherHostsFolder(stored);
        if (other != null) {
            otherHosts.merge(other, 1, Integer::sum);
            return null;
        }
        String secondCopyOf = null;
        for (int i = -1; i < aliases.size(); i++) {
            String name = i < 0 ? stored : aliases.get(i);
            if (ArtifactCatalog.locate(name).isEmpty()) {
                continue;
            }
            synchronized (claimed) {
                String holder = claimed.putIfAbsent(name, stored);
                if (holder == null) {
                    return name;
                }
                secondCopyOf = secondCopyOf == null ? name : secondCopyOf;
            }
        }
        if (secondCopyOf != null) {
            notExamined.add(new NotExamined(stored, size, "a second copy of " + secondCopyOf + ", read from " + claimed.get(secondCopyOf)));
            return null;
        }
        if (ArtifactCatalog.sniffable(stored)) {
            return stored;
        }
        if (!complete) {
            var likely = ArtifactCatalog.likelyAlias(stored);
            if (likely.isPresent() && !claimed.containsKey(likely.get())
                    && trustedPerName.merge(likely.get(), 1, Integer::sum) <= TRUSTED_PER_NAME) {
                trusted.put(stored, likely.get());
                return likely.get();
            }
        }
        notExamined.add(new NotExamined(stored, size, "no format rootline reads is kept at this path"));
        return null;
    }

    @Override
    public void visit(BundleEntry entry) throws IOException {
        met(entry.path());
        if (entry.type() == EntryType.SYMLINK) {
            symlinks.put(entry.path(), entry.linkTarget());
        }
        if (entry.type() != EntryType.FILE) {
            return;
        }
        boolean onTrust = entry.storedAt() != null && entry.path().equals(trusted.get(entry.storedAt()));
        String note = entry.storedAt() == null ? null
                : entry.storedAt().equals(claimed.get(entry.path())) || onTrust
                ? "reached through links: the bundle stores it at " + entry.storedAt()
                : "stored in " + entry.storedAt();
        var located = ArtifactCatalog.locate(entry.path());
        if (located.isPresent()) {
            parse(located.get(), entry.content(), note, onTrust ? entry.storedAt() : null);
            return;
        }
        BufferedInputStream in = new BufferedInputStream(entry.content(), SNIFF_BYTES * 2);
        in.mark(SNIFF_BYTES + 1);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        var sniffed = ContentSniffer.sniff(entry.path(), headLines(head));
        if (sniffed.isPresent()) {
            parse(sniffed.get(), in, note, null);
        } else if (head.length > 0) {
            keep(ParsedArtifact.unrecognized(entry.path(), "content matched no known format"), null);
        }
    }

    /**
     * Keeps the artifacts read on trust whose links, now all known, lead to the file they were
     * read from; and lists as lost each artifact the catalog expects where a link stands that
     * leads nowhere the bundle holds, or that was not followed.
     */
    @Override
    public void linksComplete(BundleLinks links, Set<String> stored, Set<String> folders) {
        if (only != null) {
            return;
        }
        for (var trust : new TreeMap<>(onTrust).entrySet()) {
            String name = trust.getValue().path();
            var resolved = links.resolve(name);
            if (resolved.resolved() && resolved.path().equals(trust.getKey()) && !claimed.containsKey(name)) {
                claimed.put(name, trust.getKey());
                keep(trust.getValue(), null);
            } else {
                notExamined.add(new NotExamined(trust.getKey(), -1, "no format rootline reads is kept at this path"));
            }
        }
        onTrust.clear();
        if (links.isEmpty()) {
            return;
        }
        // a file nothing reads is told by the name an engineer types: proc/net/softnet_stat, not proc/96008/net/softnet_stat
        synchronized (notExamined) {
            notExamined.replaceAll(n -> {
                if (ArtifactCatalog.evidenceArea(n.path())) {
                    return n;
                }
                return links.aliasesOf(n.path()).stream().filter(ArtifactCatalog::evidenceArea).findFirst()
                        .map(alias -> new NotExamined(alias, n.size(), n.why() + "; the bundle stores it at " + n.path()))
                        .orElse(n);
            });
        }
        Set<String> expected = new TreeSet<>(ArtifactCatalog.exactPaths());
        for (String link : links.paths()) {
            if (ArtifactCatalog.locate(link).isPresent()) {
                expected.add(link);
            }
        }
        Set<String> readFrom = Set.copyOf(claimed.values());
        for (String path : expected) {
            if (claimed.containsKey(path)) {
                continue;
            }
            var resolved = links.resolve(path);
            if (!resolved.throughLinks()) {
                continue;
            }
            String first = firstLink(links, path);
            String how = first.equals(path) ? "a link to " + links.target(first)
                    : "reached through the link " + first + " -> " + links.target(first);
            if (!resolved.resolved()) {
                linkLosses.add(new BundleLoss(path, how + ", which " + resolved.problem() + "; not followed"));
            } else if (readFrom.contains(resolved.path())) {
                continue; // read under another name the catalog knows
            } else if (stored.contains(resolved.path())) {
                linkLosses.add(new BundleLoss(path, how + ": its target " + resolved.path() + " came before the link in the"
                        + " archive and was not kept; the extracted folder reads it"));
            } else if (folders.contains(resolved.path())) {
                linkLosses.add(new BundleLoss(path, how + ", which leads to " + resolved.path() + ", a folder, not a file"));
            } else if (first.equals(path)) {
                String target = io.rootline.bundle.BundlePaths.normalize(links.target(first));
                linkLosses.add(new BundleLoss(path, how + (target.equals(resolved.path()) ? "" : ", which leads to " + resolved.path())
                        + ", a file the bundle does not hold"));
            } else if (!folders.contains(BundleLinks.parent(resolved.path()))) {
                linkLosses.add(new BundleLoss(path, how + ", which leads to " + BundleLinks.parent(resolved.path())
                        + ", a folder the bundle does not hold"));
            }
            // else: the link leads into a folder the bundle holds, which lacks this file (sos did not collect it)
        }
    }

    /** The first link along {@code path}: a folder above it, or the path itself. */
    private static String firstLink(BundleLinks links, String path) {
        for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            if (links.isLink(path.substring(0, slash))) {
                return path.substring(0, slash);
            }
        }
        return path;
    }

    /**
     * @param note    something to say of where it was read from, or null
     * @param trusted the stored path when read on trust under a name a link has yet to confirm, else null
     */
    private void parse(Location location, InputStream content, String note, String trusted) throws IOException {
        var decision = trusted != null || only != null ? KernelLogChoice.Decision.READ : kernelLog.decide(location, mayDefer);
        if (decision != KernelLogChoice.Decision.READ) {
            // its bytes are left unread: an archive's reader moves past them, a folder's closes the file
            if (decision == KernelLogChoice.Decision.DEFER) {
                deferred.put(location.path(), claimed.getOrDefault(location.path(), location.path()));
            }
            List<String> where = new ArrayList<>();
            if (location.note() != null) {
                where.add(location.note());
            }
            if (note != null) {
                where.add(note);
            }
            keep(ParsedArtifact.skipped(location.path(), location.kind(), location.artifact().name(),
                    location.how(), location.preference(), where), null);
            return;
        }
        ArtifactBuilder out = new ArtifactBuilder(location.path(), location.kind(), location.artifact().name(),
                location.how(), location.preference());
        if (location.note() != null) {
            out.note(location.note());
        }
        if (note != null) {
            out.note(note);
        }
        out.keepAtMost(limits.maxEvents());
        try {
            keep(ArtifactReader.read(out, location.kind().newParser(parsers), content, limits.maxLineBytes(),
                    limits.maxArtifactBytes()), trusted);
        } catch (ArtifactReader.Interrupted e) {
            keep(e.partial(), trusted);
            throw e;
        }
    }

    /** Keeps an artifact; the choice of kernel-log copies learns of them in the order they are listed. */
    private synchronized void keep(ParsedArtifact artifact, String trusted) {
        if (trusted != null) {
            onTrust.put(trusted, artifact);
            return;
        }
        kernelLog.read(artifact);
        artifacts.add(artifact);
    }

    private List<String> headLines(byte[] head) throws IOException {
        List<String> lines = new ArrayList<>();
        LineReader reader = new LineReader(new ByteArrayInputStream(head), SNIFF_BYTES);
        String line;
        while (lines.size() < ContentSniffer.HEAD_LINES && (line = reader.next()) != null) {
            lines.add(line);
        }
        if (head.length == SNIFF_BYTES && lines.size() > 1 && lines.size() < ContentSniffer.HEAD_LINES) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
