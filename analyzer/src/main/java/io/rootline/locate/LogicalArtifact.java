package io.rootline.locate;

import io.rootline.parse.ArtifactKind;
import java.util.ArrayList;
import java.util.List;

/**
 * A piece of evidence rules ask for by name ("kernel-log", "netstat-s"), with the
 * bundle paths where sos releases keep it, best first, and the format each is read as.
 * Most evidence has one format; the kernel's messages are in the ring buffer and, when
 * that is missing, in the syslog files that kept them.
 *
 * @param name        the name rules and reports use
 * @param sources     glob patterns relative to the bundle root, in order of preference, each with its format
 * @param many        whether every match is used (application logs) or only the best one
 * @param description what it is, for reports ("dmesg: kernel ring buffer")
 */
public record LogicalArtifact(String name, List<Source> sources, boolean many, String description) {

    /** Where a copy may be, and the format (and so the grammar) it is read in. */
    public record Source(String path, ArtifactKind kind) {
    }

    public LogicalArtifact {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(name + " has no paths");
        }
        sources = List.copyOf(sources);
    }

    /** Evidence kept in one format. */
    public LogicalArtifact(String name, ArtifactKind kind, List<String> paths, boolean many, String description) {
        this(name, paths.stream().map(p -> new Source(p, kind)).toList(), many, description);
    }

    /** The same evidence with more places to look, after these (less preferred), in another format. */
    public LogicalArtifact orElse(ArtifactKind kind, List<String> paths) {
        List<Source> more = new ArrayList<>(sources);
        paths.forEach(p -> more.add(new Source(p, kind)));
        return new LogicalArtifact(name, more, many, description);
    }

    /** The format of the preferred copy. */
    public ArtifactKind kind() {
        return sources.get(0).kind();
    }

    /** Whether some copy is read in this format. */
    public boolean readsAs(ArtifactKind kind) {
        return sources.stream().anyMatch(s -> s.kind() == kind);
    }
}
