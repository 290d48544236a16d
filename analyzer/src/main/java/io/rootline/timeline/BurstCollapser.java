package io.rootline.timeline;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collapses the events of one artifact into {@link Burst}s, in a single pass in line
 * order (linear in the number of events).
 *
 * <p>A burst ends when the next event of its kind comes more than {@link #GAP_SECONDS}
 * later, or when a rate-limit note ("net_ratelimit: 2699 callbacks suppressed")
 * intervenes. Such a note is printed when printing resumes after suppression, so its
 * count belongs with the burst that the next message opens; a note that no message
 * follows is added to the burst before it.
 */
public final class BurstCollapser {

    /** Events further apart than this start a new burst. */
    public static final double GAP_SECONDS = 2.0;

    /** A rate-limit note joins the next message only if it comes within this many seconds. */
    public static final double NOTE_REACH_SECONDS = 1.0;

    private final String rateLimitKind;

    public BurstCollapser(String rateLimitKind) {
        this.rateLimitKind = rateLimitKind;
    }

    /** The bursts of one artifact's events, in the time order of their first events (then line order). */
    public Bursts collapse(PlacedEvents events) {
        // Two passes: the first finds where bursts start, and which are more than their first
        // event, so that the second can put each burst, as it closes, at its place in line
        // order, in columns made at their size.
        BitSet starts = new BitSet(events.size());
        BitSet longer = new BitSet(events.size());
        run(events, (first, last, printed, suppressed) -> {
            starts.set(first);
            longer.set(first, !Bursts.single(events, first, last, printed, suppressed));
        });
        BitRanks ranks = new BitRanks(starts);
        Bursts bursts = new Bursts(events, ranks.count(), new BitRanks(longer));
        run(events, (first, last, printed, suppressed) -> bursts.set(ranks.rank(first), first, last, printed, suppressed));
        return bursts.sortedByTime();
    }

    /** Where a closed burst goes. */
    private interface Sink {
        void burst(int first, int last, long printed, long suppressed);
    }

    private void run(PlacedEvents events, Sink sink) {
        Map<String, Open> open = new LinkedHashMap<>();
        int pendingNote = -1;
        for (int e = 0; e < events.size(); e++) {
            String kind = events.kind(e);
            if (kind.equals(rateLimitKind)) {
                if (pendingNote >= 0) {
                    attachToLatest(open, events.count(pendingNote));
                }
                pendingNote = e;
                continue;
            }
            Open current = open.get(kind);
            boolean noteOpens = pendingNote >= 0 && near(events, pendingNote, e);
            if (current == null) {
                current = new Open(events, e);
                open.put(kind, current);
            } else if (noteOpens || !current.accepts(e)) {
                // the kind's burst closes and the next one opens in its place: one Open per kind,
                // not one per burst (a log failing every few seconds has a burst per failure)
                current.close(sink);
                current.start(e);
            } else {
                current.add(e);
            }
            if (pendingNote >= 0) {
                if (noteOpens) {
                    current.suppressed += events.count(pendingNote);
                } else {
                    attachToLatest(open, events.count(pendingNote));
                }
                pendingNote = -1;
            }
        }
        if (pendingNote >= 0) {
            attachToLatest(open, events.count(pendingNote));
        }
        open.values().forEach(o -> o.close(sink));
    }

    /** A note no message follows closely belongs to the most recent burst, if there is one. */
    private static void attachToLatest(Map<String, Open> open, long suppressed) {
        Open latest = null;
        for (Open o : open.values()) {
            if (latest == null || o.lastAxis > latest.lastAxis) {
                latest = o;
            }
        }
        if (latest != null) {
            latest.suppressed += suppressed;
        }
    }

    private static boolean near(PlacedEvents events, int note, int next) {
        if (!events.placed(note) || !events.placed(next)) {
            return true;
        }
        double gap = events.axis(next) - events.axis(note);
        return gap >= 0 && gap <= NOTE_REACH_SECONDS;
    }

    /** A burst still growing. */
    private static final class Open {
        private final PlacedEvents events;
        private int first;
        private int last;
        private long printed;
        private long suppressed;
        private double lastAxis;

        Open(PlacedEvents events, int first) {
            this.events = events;
            start(first);
        }

        /** Begins a burst at event {@code e}, forgetting the one before. */
        void start(int e) {
            first = e;
            last = e;
            printed = events.count(e);
            suppressed = 0;
            lastAxis = events.axis(e);
        }

        boolean accepts(int e) {
            if (!events.placed(e) || !events.placed(last)) {
                return !events.placed(e) && !events.placed(last);
            }
            return events.axis(e) - lastAxis <= GAP_SECONDS;
        }

        void add(int e) {
            last = e;
            printed += events.count(e);
            if (events.placed(e)) {
                lastAxis = events.axis(e);
            }
        }

        void close(Sink sink) {
            sink.burst(first, last, printed, suppressed);
        }
    }
}
