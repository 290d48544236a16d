package io.rootline.parse;

import io.rootline.model.EventLog;
import io.rootline.model.Fact;
import io.rootline.model.Table;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One artifact after parsing: what it yielded and what went wrong with it.
 *
 * @param path         bundle-relative path
 * @param kind         the format it was parsed as (null when unrecognized)
 * @param logical      the logical artifact it stands for ("kernel-log", "netstat-s", ...)
 * @param located      how its kind was decided: "path" or "content"
 * @param preference   rank of its path among the logical artifact's paths (0 is best)
 * @param status       parsed, partial, failed, unrecognized or skipped
 * @param lines        lines read
 * @param unknownLines lines that fit no rule of the grammar
 * @param problems     what went wrong, each with its line number (at most {@link ArtifactBuilder#MAX_PROBLEMS})
 * @param notes        facts about the artifact itself worth telling ("truncated by sos")
 * @param events       in line order, sealed
 * @param pastLimit    by kind, the occurrences of the events read past {@code --max-events}:
 *                     counted, not kept (so at no time and in no burst)
 * @param firstStamp   the stamp of its first stamped line, for logs: where the time it covers begins (null when none)
 */
public record ParsedArtifact(String path, io.rootline.format.Format kind, String logical, String located, int preference, ArtifactStatus status,
                             long lines, long unknownLines, List<String> problems, List<String> notes,
                             List<Fact> facts, EventLog events, Map<String, Long> pastLimit, List<Table> tables,
                             io.rootline.model.Stamp firstStamp) {

    public ParsedArtifact {
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
        facts = List.copyOf(facts);
        events.seal();
        pastLimit = Collections.unmodifiableMap(new TreeMap<>(pastLimit));
        tables = List.copyOf(tables);
    }

    /**
     * A copy that is not parsed because a better-placed copy stands for its logical
     * artifact: its place and format, and nothing read from it.
     */
    public static ParsedArtifact skipped(String path, io.rootline.format.Format kind, String logical, String located, int preference) {
        return skipped(path, kind, logical, located, preference, List.of());
    }

    /** @param where notes saying where the bundle stores it ("stored in sos_commands/logs.xz"), kept though nothing is read */
    public static ParsedArtifact skipped(String path, io.rootline.format.Format kind, String logical, String located, int preference,
                                         List<String> where) {
        return new ParsedArtifact(path, kind, logical, located, preference, ArtifactStatus.SKIPPED, 0, 0, List.of(),
                where, List.of(), new EventLog(path), Map.of(), List.of(), null);
    }

    /** A file whose content matched no known format. */
    public static ParsedArtifact unrecognized(String path, String note) {
        return new ParsedArtifact(path, null, null, "content", Integer.MAX_VALUE, ArtifactStatus.UNRECOGNIZED, 0, 0, List.of(),
                List.of(note), List.of(), new EventLog(path), Map.of(), List.of(), null);
    }

    /** This copy as if it had not been parsed (see {@link #skipped}). */
    public ParsedArtifact asSkipped() {
        return skipped(path, kind, logical, located, preference, notes.stream().filter(ParsedArtifact::saysWhere).toList());
    }

    /** Whether a note tells where the bundle stores the artifact, which stays true of a copy not read. */
    private static boolean saysWhere(String note) {
        return note.startsWith("stored in ") || note.startsWith("reached through links") || note.startsWith("tailed by sos");
    }
}
