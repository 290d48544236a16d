package io.rootline.timeline;

import io.rootline.model.Evidence;
import java.time.Instant;

/**
 * Consecutive events of one kind from one artifact, close together in time: how
 * kernels print trouble (ten drop messages a second, then a rate-limit note).
 *
 * <p>A burst is made on demand from its artifact's {@link Bursts}, where it is kept as
 * columns, and refers to its first and last events in the artifact's {@link PlacedEvents}
 * rather than copying their times and lines.
 */
public final class Burst {

    private final PlacedEvents events;
    private final int first;
    private final int last;
    private final long printed;
    private final long suppressed;

    Burst(PlacedEvents events, int first, int last, long printed, long suppressed) {
        this.events = events;
        this.first = first;
        this.last = last;
        this.printed = printed;
        this.suppressed = suppressed;
    }

    /** The events' kind. */
    public String kind() {
        return events.kind(first);
    }

    /** When the first printed event happened (null when not placed in time). */
    public Instant first() {
        return events.instant(first);
    }

    /** When the last printed event happened (null when not placed in time). */
    public Instant last() {
        return events.instant(last);
    }

    /** Seconds since boot of the first event, when no instant is known. */
    public Double firstBoot() {
        return events.sinceBoot(first);
    }

    /** Seconds since boot of the last event, when no instant is known. */
    public Double lastBoot() {
        return events.sinceBoot(last);
    }

    /** Events printed in the log. */
    public long printed() {
        return printed;
    }

    /** Events a rate-limit note says were not printed, counted into this burst. */
    public long suppressed() {
        return suppressed;
    }

    /** Printed and suppressed together: the size of the effect. */
    public long total() {
        return printed + suppressed;
    }

    /** The first printed line. */
    public Evidence evidence() {
        return events.evidence(first);
    }

    /** The artifact the burst was read from. */
    public String path() {
        return events.log().path();
    }

    /** The number of the first printed line, without building its evidence. */
    public int line() {
        return events.log().line(first);
    }

    /** The text of the first printed line, as its evidence quotes it, without building the evidence. */
    public String text() {
        return events.log().text(first);
    }

    /** The last printed line. */
    public Evidence lastEvidence() {
        return events.evidence(last);
    }

    /**
     * Timeline order of bursts whose first events are at these positions: by instant (bursts
     * without one last), then seconds since boot, path and line.
     */
    static int compareTime(PlacedEvents a, int first, PlacedEvents b, int otherFirst) {
        int c = PlacedEvents.compareInstants(a, first, b, otherFirst);
        if (c != 0) {
            return c;
        }
        c = Double.compare(a.bootOrMax(first), b.bootOrMax(otherFirst));
        if (c != 0) {
            return c;
        }
        c = a.log().path().compareTo(b.log().path());
        return c != 0 ? c : Integer.compare(a.log().line(first), b.log().line(otherFirst));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Burst b && b.events == events && b.first == first && b.last == last
                && b.printed == printed && b.suppressed == suppressed;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(events) * 31 + first;
    }

    @Override
    public String toString() {
        return "Burst[" + kind() + " ×" + printed + (suppressed > 0 ? "+" + suppressed : "") + " at "
                + evidence().location() + "]";
    }
}
