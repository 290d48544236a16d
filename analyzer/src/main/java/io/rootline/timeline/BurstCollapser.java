package io.rootline.timeline;

import java.util.ArrayList;
import java.util.List;

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

    /** The bursts of one artifact's events, which must be in line order. */
    public List<Burst> collapse(List<PlacedEvent> events) {
        List<Burst> done = new ArrayList<>();
        java.util.Map<String, Open> open = new java.util.LinkedHashMap<>();
        PlacedEvent pendingNote = null;
        for (PlacedEvent e : events) {
            String kind = e.event().kind();
            if (kind.equals(rateLimitKind)) {
                if (pendingNote != null) {
                    attachToLatest(done, open, pendingNote);
                }
                pendingNote = e;
                continue;
            }
            Open current = open.get(kind);
            boolean noteOpens = pendingNote != null && near(pendingNote, e);
            if (current != null && (noteOpens || !current.accepts(e))) {
                done.add(current.close());
                current = null;
            }
            if (current == null) {
                current = new Open(e);
                open.put(kind, current);
            } else {
                current.add(e);
            }
            if (pendingNote != null) {
                if (noteOpens) {
                    current.suppressed += pendingNote.event().count();
                } else {
                    attachToLatest(done, open, pendingNote);
                }
                pendingNote = null;
            }
        }
        if (pendingNote != null) {
            attachToLatest(done, open, pendingNote);
        }
        open.values().forEach(o -> done.add(o.close()));
        done.sort(java.util.Comparator.comparingDouble(BurstCollapser::axis));
        return done;
    }

    /** A note no message follows closely belongs to the most recent burst, if there is one. */
    private static void attachToLatest(List<Burst> done, java.util.Map<String, Open> open, PlacedEvent note) {
        Open latest = null;
        for (Open o : open.values()) {
            if (latest == null || o.lastAxis > latest.lastAxis) {
                latest = o;
            }
        }
        if (latest != null) {
            latest.suppressed += note.event().count();
        }
    }

    private static boolean near(PlacedEvent note, PlacedEvent next) {
        if (!note.placed() || !next.placed()) {
            return true;
        }
        double gap = next.axis() - note.axis();
        return gap >= 0 && gap <= NOTE_REACH_SECONDS;
    }

    private static double axis(Burst b) {
        if (b.first() != null) {
            return b.first().getEpochSecond() + b.first().getNano() / 1e9;
        }
        return b.firstBoot() != null ? b.firstBoot() : Double.MAX_VALUE;
    }

    /** A burst still growing. */
    private static final class Open {
        private final PlacedEvent first;
        private PlacedEvent last;
        private long printed;
        private long suppressed;
        private double lastAxis;

        Open(PlacedEvent first) {
            this.first = first;
            this.last = first;
            this.printed = first.event().count();
            this.lastAxis = first.axis();
        }

        boolean accepts(PlacedEvent e) {
            if (!e.placed() || !last.placed()) {
                return !e.placed() && !last.placed();
            }
            return e.axis() - lastAxis <= GAP_SECONDS;
        }

        void add(PlacedEvent e) {
            last = e;
            printed += e.event().count();
            if (e.placed()) {
                lastAxis = e.axis();
            }
        }

        Burst close() {
            return new Burst(first.event().kind(), first.instant(), last.instant(), first.sinceBoot(), last.sinceBoot(),
                    printed, suppressed, first.event().evidence(), last.event().evidence());
        }
    }
}
