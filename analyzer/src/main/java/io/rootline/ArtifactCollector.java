package io.rootline;

import io.rootline.bundle.BundleEntry;
import io.rootline.bundle.BundleVisitor;
import io.rootline.bundle.EntryType;
import io.rootline.bundle.Limits;
import io.rootline.combine.KernelLogChoice;
import io.rootline.locate.ArtifactCatalog;
import io.rootline.locate.ContentSniffer;
import io.rootline.locate.Location;
import io.rootline.model.EventLog;
import io.rootline.parse.ArtifactBuilder;
import io.rootline.parse.ArtifactReader;
import io.rootline.parse.ArtifactStatus;
import io.rootline.parse.LineReader;
import io.rootline.parse.ParsedArtifact;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Receives a bundle's members, decides what each is (by path, else by content) and
 * parses the artifacts as they stream past. An artifact cut off by archive damage
 * is kept with what was read, marked partial.
 */
final class ArtifactCollector implements BundleVisitor {

    /** Bytes read to sniff a file at an unknown path. */
    private static final int SNIFF_BYTES = 16 * 1024;

    private final Limits limits;
    // a folder's files are visited on two threads (BundleVisitor)
    private final List<ParsedArtifact> artifacts = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> paths = ConcurrentHashMap.newKeySet();
    private final Map<String, String> links = new ConcurrentHashMap<>();
    private final Map<String, String> symlinks = new ConcurrentHashMap<>();
    private final KernelLogChoice kernelLog = new KernelLogChoice();

    ArtifactCollector(Limits limits) {
        this.limits = limits;
    }

    /** The artifacts read, by path: the same whichever thread finished first. */
    List<ParsedArtifact> artifacts() {
        List<ParsedArtifact> byPath = new ArrayList<>(artifacts);
        byPath.sort(Comparator.comparing(ParsedArtifact::path));
        return byPath;
    }

    /** Every member path met, for layout detection. */
    Set<String> paths() {
        return paths;
    }

    /** Symbolic links met, path to target as written; they are never followed. */
    Map<String, String> links() {
        return symlinks;
    }

    /**
     * Links standing where an artifact is expected, whose target is outside the bundle or
     * missing from it: the artifact is lost, and the report says why. (Links whose target
     * is in the bundle need nothing: the target is read under its own name.)
     */
    List<io.rootline.bundle.BundleLoss> danglingArtifactLinks() {
        List<io.rootline.bundle.BundleLoss> losses = new ArrayList<>();
        for (var link : new java.util.TreeMap<>(links).entrySet()) {
            if (ArtifactCatalog.locate(link.getKey()).isEmpty()) {
                continue;
            }
            String target = link.getValue();
            boolean hard = !symlinks.containsKey(link.getKey());
            String parent = link.getKey().contains("/") ? link.getKey().substring(0, link.getKey().lastIndexOf('/') + 1) : "";
            String joined = hard || target.startsWith("/") ? target : parent + target;
            if (target.startsWith("/") || io.rootline.bundle.BundlePaths.escapes(joined)) {
                losses.add(new io.rootline.bundle.BundleLoss(link.getKey(), "a link to " + target
                        + ", outside the bundle; not followed"));
            } else if (!paths.contains(io.rootline.bundle.BundlePaths.normalize(joined))) {
                losses.add(new io.rootline.bundle.BundleLoss(link.getKey(), "a link to " + target
                        + ", which the bundle does not hold"));
            }
        }
        return losses;
    }

    /** Copies of the kernel log that a better copy may make unneeded (see {@link KernelLogChoice}). */
    @Override
    public boolean visitLast(String path) {
        return ArtifactCatalog.locate(path).filter(KernelLogChoice::mayBeSkipped).isPresent();
    }

    @Override
    public void visit(BundleEntry entry) throws IOException {
        paths.add(entry.path());
        if (entry.type() == EntryType.SYMLINK || entry.type() == EntryType.HARDLINK) {
            links.put(entry.path(), entry.linkTarget());
            if (entry.type() == EntryType.SYMLINK) {
                symlinks.put(entry.path(), entry.linkTarget());
            }
        }
        if (entry.type() != EntryType.FILE) {
            return;
        }
        var located = ArtifactCatalog.locate(entry.path());
        if (located.isPresent()) {
            parse(located.get(), entry.content());
            return;
        }
        if (!ArtifactCatalog.sniffable(entry.path())) {
            return;
        }
        BufferedInputStream in = new BufferedInputStream(entry.content(), SNIFF_BYTES * 2);
        in.mark(SNIFF_BYTES + 1);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        var sniffed = ContentSniffer.sniff(entry.path(), headLines(head));
        if (sniffed.isPresent()) {
            parse(sniffed.get(), in);
        } else if (head.length > 0) {
            keep(new ParsedArtifact(entry.path(), null, null, "content", Integer.MAX_VALUE,
                    ArtifactStatus.UNRECOGNIZED, 0, 0, List.of(), List.of("content matched no known format"),
                    List.of(), new EventLog(entry.path()), Map.of(), List.of()));
        }
    }

    private void parse(Location location, InputStream content) throws IOException {
        if (kernelLog.surelyUnused(location)) {
            // its bytes are left unread: an archive's reader moves past them, a folder's closes the file
            keep(ParsedArtifact.skipped(location.path(), location.kind(), location.artifact().name(),
                    location.how(), location.preference()));
            return;
        }
        ArtifactBuilder out = new ArtifactBuilder(location.path(), location.kind(), location.artifact().name(),
                location.how(), location.preference());
        if (location.note() != null) {
            out.note(location.note());
        }
        out.keepAtMost(limits.maxEvents());
        try {
            keep(ArtifactReader.read(out, location.kind().newParser(), content, limits.maxLineBytes(),
                    limits.maxArtifactBytes()));
        } catch (ArtifactReader.Interrupted e) {
            keep(e.partial());
            throw e;
        }
    }

    /** Keeps an artifact; the choice of kernel-log copies learns of them in the order they are listed. */
    private synchronized void keep(ParsedArtifact artifact) {
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
