package io.rootline.parse;

import io.rootline.model.Evidence;
import io.rootline.model.Event;
import io.rootline.model.EventLog;
import io.rootline.model.Fact;
import io.rootline.model.Numbers;
import io.rootline.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects what a parser reads from one artifact. Every line a grammar does not
 * accept is counted and, up to a cap, quoted with its number: nothing is dropped
 * without a trace.
 */
public final class ArtifactBuilder {

    /** Problems quoted per artifact; the rest are counted. */
    public static final int MAX_PROBLEMS = 20;

    private final String path;
    private final io.rootline.format.Format kind;
    private final String logical;
    private final String located;
    private final int preference;
    private final List<String> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Fact> facts = new ArrayList<>();
    private final EventLog events;
    private final List<Table> tables = new ArrayList<>();
    private long maxEvents = Long.MAX_VALUE;
    private io.rootline.model.Stamp firstStamp;
    /**
     * Events past {@link #maxEvents}, by kind: how many, and how many occurrences they stand
     * for (an event's count); and the line of the first of them.
     */
    private final Map<String, long[]> notKept = new HashMap<>();
    private int firstNotKeptLine;
    private long lines;
    private long unknownLines;
    private long problemCount;
    private boolean cutShort;
    private String failure;

    public ArtifactBuilder(String path, io.rootline.format.Format kind, String logical, String located, int preference) {
        this.path = path;
        this.kind = kind;
        this.logical = logical;
        this.located = located;
        this.preference = preference;
        this.events = new EventLog(path);
    }

    public String path() {
        return path;
    }

    public Evidence evidence(int line, String text) {
        return new Evidence(path, line, text);
    }

    public void lineRead() {
        lines++;
    }

    /** A line no grammar rule accepts. */
    public void unknownLine(int line, String text, String why) {
        unknownLines++;
        String reason = why == null ? "" : " (" + Evidence.printable(why.length() > 120 ? why.substring(0, 120) + "…" : why) + ")";
        problem(line, "unrecognized line" + reason + ": " + quote(text));
    }

    /** A line that fit the grammar but whose content could not be used (an impossible date, say). */
    public void problem(int line, String message) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add("line " + line + ": " + message);
        }
    }

    /** The artifact stopped early (damage, a limit); what was read is kept. */
    public void cutShort(String why) {
        cutShort = true;
        notes.add(why);
    }

    /** Nothing usable could be read, for the reason given (an empty file). */
    public void failed(String why) {
        failure = why;
        problems.add(0, why);
    }

    public void note(String note) {
        notes.add(note);
    }

    public void fact(Fact fact) {
        facts.add(fact);
    }

    /**
     * Keeps at most this many events; later ones are counted by kind, and the artifact is
     * partial. A kernel log of millions of drop messages that no rate limit thinned, or a
     * crafted one, would otherwise fill the heap.
     */
    public void keepAtMost(long events) {
        maxEvents = events;
    }

    public void event(Event event) {
        if (keepsEvents()) {
            events.append(event);
        } else {
            eventNotKept(event.kind(), event.count(), event.evidence().line());
        }
    }

    /**
     * Whether the next event will be kept ({@link #keepAtMost}). Past the limit a fast path
     * need not make the event, its quoted line and its stamp: {@link #eventNotKept} counts it
     * as {@link #event} would.
     */
    public boolean keepsEvents() {
        return events.size() < maxEvents;
    }

    /** An event of this kind and count read on this line, past the limit: counted, not kept. */
    public void eventNotKept(String kind, long count, int line) {
        if (notKept.isEmpty()) {
            firstNotKeptLine = line;
        }
        long[] counted = notKept.computeIfAbsent(kind, k -> new long[2]); // a flood meets this millions of times
        counted[0]++;
        counted[1] = Numbers.saturatedSum(counted[1], count);
    }

    /** The stamp of the first stamped line of a log, where the time it covers begins; only the first call counts. */
    public void firstStamp(io.rootline.model.Stamp stamp) {
        if (firstStamp == null && stamp != null && stamp != io.rootline.model.Stamp.NONE) {
            firstStamp = stamp;
        }
    }

    /** Whether a first stamp has been noted. */
    public boolean hasFirstStamp() {
        return firstStamp != null;
    }

    public void table(Table table) {
        tables.add(table);
    }

    public ParsedArtifact build() {
        Map<String, Long> pastLimit = new TreeMap<>();
        if (!notKept.isEmpty()) {
            StringBuilder kinds = new StringBuilder();
            new TreeMap<>(notKept).forEach((kind, n) -> {
                kinds.append(kinds.length() == 0 ? "" : ", ").append(kind).append(" ×").append(n[0]);
                pastLimit.put(kind, n[1]);
            });
            cutShort("events from line " + firstNotKeptLine + " on were counted, not kept (" + kinds + "): "
                    + maxEvents + " were kept (--max-events)");
            notKept.clear();
        }
        List<String> shown = new ArrayList<>(problems);
        if (problemCount > problems.size()) {
            shown.add("… and " + (problemCount - problems.size()) + " more problems");
        }
        ArtifactStatus status;
        long recognized = lines - unknownLines;
        if (failure != null || (lines > 0 && recognized == 0)) {
            status = ArtifactStatus.FAILED;
        } else if (problemCount > 0 || cutShort) {
            status = ArtifactStatus.PARTIAL;
        } else {
            status = ArtifactStatus.PARSED;
        }
        events.seal();
        return new ParsedArtifact(path, kind, logical, located, preference, status, lines, unknownLines, shown, notes,
                facts, events, pastLimit, tables, firstStamp);
    }

    private static String quote(String text) {
        String t = text.length() > 120 ? text.substring(0, 120) + "…" : text;
        return "\"" + Evidence.printable(t) + "\"";
    }
}
