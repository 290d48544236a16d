package io.rootline.locate;

import io.rootline.parse.ArtifactKind;
import java.util.List;

/**
 * A piece of evidence rules ask for by name ("kernel-log", "netstat-s"), with the
 * format it is read as and the bundle paths where sos releases keep it, best first.
 *
 * @param name        the name rules and reports use
 * @param kind        the format, which decides the grammar
 * @param paths       glob patterns relative to the bundle root, in order of preference
 * @param many        whether every match is used (application logs) or only the best one
 * @param description what it is, for reports ("dmesg: kernel ring buffer")
 */
public record LogicalArtifact(String name, ArtifactKind kind, List<String> paths, boolean many, String description) {

    public LogicalArtifact {
        paths = List.copyOf(paths);
    }
}
