package io.rootline.timeline;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * One artifact's bursts, in order of their first event, kept as columns. An application log
 * that fails every few seconds for days makes a burst of nearly every failure, so bursts as
 * objects would grow with the log as events did; even as columns of first and last events,
 * events printed and suppressed they would cost 16 bytes or more. Most bursts are one event,
 * all said by the event itself: such a burst costs the four bytes of its first event's
 * position. The others (4 % of the bench's application log, every rate-limited kernel burst)
 * keep their last event, events printed and suppressed in columns of their own, found
 * through the position of their first event. Read as a list, each {@link #get} makes the
 * {@link Burst} afresh.
 */
public final class Bursts extends AbstractList<Burst> implements RandomAccess, KindColumns {

    private final PlacedEvents events;
    private final int[] first;
    private final Longer longer;

    /**
     * Room for exactly {@code size} bursts, each then {@linkplain #set set}, of which those
     * not {@linkplain #single single} start at the positions in {@code longer}.
     */
    Bursts(PlacedEvents events, int size, BitRanks longer) {
        this(events, new int[size], new Longer(longer));
    }

    private Bursts(PlacedEvents events, int[] first, Longer longer) {
        this.events = events;
        this.first = first;
        this.longer = longer;
    }

    /** Whether a burst is its first event alone, so that it needs no column but that event's position. */
    static boolean single(PlacedEvents events, int firstEvent, int lastEvent, long printedEvents, long suppressedEvents) {
        return lastEvent == firstEvent && printedEvents == events.count(firstEvent) && suppressedEvents == 0;
    }

    /**
     * @throws IllegalArgumentException when a burst that is more than one event starts at a
     *                                  position the constructor was not told of
     */
    void set(int k, int firstEvent, int lastEvent, long printedEvents, long suppressedEvents) {
        first[k] = firstEvent;
        if (longer.starts.contains(firstEvent)) {
            longer.set(longer.starts.rank(firstEvent), lastEvent, printedEvents, suppressedEvents);
        } else if (!single(events, firstEvent, lastEvent, printedEvents, suppressedEvents)) {
            throw new IllegalArgumentException("the burst at event " + firstEvent + " is more than one event");
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
        int[] byTime = new int[first.length];
        for (int k = 0; k < first.length; k++) {
            byTime[k] = first[order.position(k)];
        }
        // the columns of the longer bursts go by first event, whatever the order of the bursts
        return new Bursts(events, byTime, longer);
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
        int f = first[k];
        if (!longer.starts.contains(f)) {
            return new Burst(events, f, f, events.count(f), 0);
        }
        int r = longer.starts.rank(f);
        return new Burst(events, f, longer.last[r], longer.printed[r], longer.suppressed(r));
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

    /** The bursts that are more than their first event, by the rank of that event among theirs. */
    private static final class Longer {
        private final BitRanks starts;
        private final int[] last;
        private final long[] printed;
        /** Made only when a rate-limit note counts into a burst: an application log has none. */
        private long[] suppressed;

        Longer(BitRanks starts) {
            this.starts = starts;
            this.last = new int[starts.count()];
            this.printed = new long[starts.count()];
        }

        void set(int r, int lastEvent, long printedEvents, long suppressedEvents) {
            last[r] = lastEvent;
            printed[r] = printedEvents;
            if (suppressed == null && suppressedEvents != 0) {
                suppressed = new long[last.length];
            }
            if (suppressed != null) {
                suppressed[r] = suppressedEvents;
            }
        }

        long suppressed(int r) {
            return suppressed == null ? 0 : suppressed[r];
        }
    }
}
