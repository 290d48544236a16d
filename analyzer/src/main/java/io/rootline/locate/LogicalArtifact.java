package io.rootline.locate;

import io.rootline.format.Format;
import java.util.List;

/**
 * A piece of evidence rules ask for by name ("kernel-log", "netstat-s"), with the
 * bundle paths where sos releases keep it, best first, and the format each is read as.
 * Most evidence has one format; the kernel's messages are in the ring buffer and, when
 * that is missing, in the syslog files that kept them. Made from the formats' descriptors
 * ({@link io.rootline.format.Formats}).
 *
 * @param name        the name rules and reports use
 * @param sources     glob patterns relative to the bundle root, in order of preference, each with its format
 * @param many        whether every match is used (application logs) or only the best one
 * @param description what it is, for reports ("dmesg: kernel ring buffer")
 */
public record LogicalArtifact(String name, List<Source> sources, boolean many, String description) {

    /** Where a copy may be, and the format (and so the grammar) it is read in. */
    public record Source(String path, Format kind) {
    }

    public LogicalArtifact {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(name + " has no paths");
        }
        sources = List.copyOf(sources);
    }

    /** The format of the preferred copy. */
    public Format kind() {
        return sources.get(0).kind();
    }

    /** Whether some copy is read in this format. */
    public boolean readsAs(Format kind) {
        return sources.stream().anyMatch(s -> s.kind() == kind);
    }
}
