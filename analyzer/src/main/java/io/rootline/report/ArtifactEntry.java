package io.rootline.report;

import java.util.List;

/**
 * One artifact as the report lists it.
 *
 * @param used     whether its facts and events were used (false when another copy was preferred)
 * @param notes    facts about it: superseded, tailed by sos, stderr notes
 */
public record ArtifactEntry(String path, String kind, String logical, String located, String status, long lines,
                            long unknownLines, boolean used, List<String> problems, List<String> notes) {
}
