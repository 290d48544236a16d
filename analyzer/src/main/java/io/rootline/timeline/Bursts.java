package io.rootline.timeline;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * One artifact's bursts, in order of their first event, kept as columns: a burst is the
 * positions of its first and last events in the artifact's {@link PlacedEvents} and the
 * events it printed, 16 bytes (and the events suppressed, in the artifacts whose rate-limit
 * notes give some). An application log that fails every few seconds for days makes a
 * burst of nearly every failure, so bursts as objects would grow with the log as events
 * did. Read as a list, each {@link #get} makes the {@link Burst} afresh.
 */
public final class Bursts extends AbstractList<Burst> implements RandomAccess, KindColumns {

    private final PlacedEvents events;
    private final int[] first;
    private final int[] last;
    private final long[] printed;
    /** Made only when a rate-limit note counts into a burst: an application log has none. */
    private long[] suppressed;

    /** Room for exactly {@code size} bursts, each then {@linkplain #set set}. */
    Bursts(PlacedEvents events, int size) {
        this.events = events;
        this.first = new int[size];
        this.last = new int[size];
        this.printed = new long[size];
    }

    void set(int k, int firstEvent, int lastEvent, long printedEvents, long suppressedEvents) {
        first[k] = firstEvent;
        last[k] = lastEvent;
        printed[k] = printedEvents;
        if (suppressed == null && suppressedEvents != 0) {
            suppressed = new long[first.length];
        }
        if (suppressed != null) {
            suppressed[k] = suppressedEvents;
        }
    }

    /**
     * These bursts ordered by the axis of their first event (epoch seconds, or seconds since
     * boot; unplaced last), and by line among equal times: themselves when already so.
     */
    Bursts sortedByTime() {
        boolean sorted = true;
        for (int k = 1; k < first.length && sorted; k++) {
            sorted = compareTime(k - 1, k) <= 0;
        }
        if (sorted) {
            return this;
        }
        Positions order = new Positions(first.length);
        for (int k = 0; k < first.length; k++) {
            order.add(0, k);
        }
        order.sort((a, x, b, y) -> compareTime(x, y));
        Bursts byTime = new Bursts(events, first.length);
        for (int k = 0; k < first.length; k++) {
            int from = order.position(k);
            byTime.set(k, first[from], last[from], printed[from], suppressed(from));
        }
        return byTime;
    }

    private int compareTime(int x, int y) {
        int c = Double.compare(axis(x), axis(y));
        return c != 0 ? c : Integer.compare(first[x], first[y]);
    }

    private double axis(int k) {
        double axis = events.axis(first[k]);
        return Double.isNaN(axis) ? Double.MAX_VALUE : axis;
    }

    /** The artifact's events, which the bursts are made of. */
    public PlacedEvents events() {
        return events;
    }

    @Override
    public int size() {
        return first.length;
    }

    @Override
    public Burst get(int k) {
        if (k < 0 || k >= first.length) {
            throw new IndexOutOfBoundsException("burst " + k + " of " + first.length);
        }
        return new Burst(events, first[k], last[k], printed[k], suppressed(k));
    }

    private long suppressed(int k) {
        return suppressed == null ? 0 : suppressed[k];
    }

    /** The kind of a burst, without making it. */
    @Override
    public String kind(int k) {
        return events.kind(first[k]);
    }

    /** The first event of a burst, as a position in {@link #events}. */
    int firstEvent(int k) {
        return first[k];
    }
}
