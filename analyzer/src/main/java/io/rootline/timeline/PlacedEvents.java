package io.rootline.timeline;

import io.rootline.model.EpochNanos;
import io.rootline.model.Event;
import io.rootline.model.EventLog;
import io.rootline.model.Evidence;
import io.rootline.model.Stamp;
import java.time.Instant;
import java.util.AbstractList;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * One artifact's events with their places on the bundle's time line, in line order. Like
 * the {@link EventLog} it reads, it keeps columns (an instant is a long of epoch
 * nanoseconds), so that a million placed events are not a million objects kept; read as a
 * list, it makes each {@link PlacedEvent} on demand.
 */
public final class PlacedEvents extends AbstractList<PlacedEvent> implements RandomAccess, KindColumns {

    private static final byte UNPLACED = 0;
    private static final byte AT_INSTANT = 1;
    private static final byte SINCE_BOOT = 2;
    /** At an instant beyond the years 1678-2262, which a long of nanoseconds holds: seconds, and {@link #wideNanos}. */
    private static final byte AT_WIDE_INSTANT = 3;

    private final EventLog log;
    private final byte[] placement;
    /** Epoch nanoseconds, or epoch seconds for {@link #AT_WIDE_INSTANT}. */
    private final long[] at;
    /** Made only when an instant lies beyond a long's nanoseconds. */
    private int[] wideNanos;

    private PlacedEvents(EventLog log) {
        this.log = log;
        this.placement = new byte[log.size()];
        this.at = new long[log.size()];
    }

    /**
     * Places each event of a log with the clock: at an instant when the clock can tell one,
     * otherwise at its seconds since boot when it was stamped so, otherwise nowhere.
     */
    public static PlacedEvents place(EventLog log, Function<Stamp, Optional<Instant>> clock) {
        PlacedEvents placed = new PlacedEvents(log);
        for (int i = 0; i < log.size(); i++) {
            placed.set(i, clock.apply(log.stamp(i)));
        }
        return placed;
    }

    private void set(int i, Optional<Instant> instant) {
        if (instant.isPresent()) {
            long seconds = instant.get().getEpochSecond();
            if (EpochNanos.holds(seconds)) {
                placement[i] = AT_INSTANT;
                at[i] = EpochNanos.of(seconds, instant.get().getNano());
                return;
            }
            if (wideNanos == null) {
                wideNanos = new int[placement.length];
            }
            placement[i] = AT_WIDE_INSTANT;
            at[i] = seconds;
            wideNanos[i] = instant.get().getNano();
        } else if (log.stampedSinceBoot(i)) {
            placement[i] = SINCE_BOOT;
        }
    }

    public EventLog log() {
        return log;
    }

    @Override
    public int size() {
        return log.size();
    }

    @Override
    public PlacedEvent get(int i) {
        Objects.checkIndex(i, size());
        return new PlacedEvent(this, i);
    }

    public Event event(int i) {
        return log.get(i);
    }

    @Override
    public String kind(int i) {
        return log.kind(i);
    }

    public long count(int i) {
        return log.count(i);
    }

    public Evidence evidence(int i) {
        return log.evidence(i);
    }

    /** When the event happened, or null when the bundle lacks the clock evidence. */
    public Instant instant(int i) {
        return hasInstant(i) ? Instant.ofEpochSecond(seconds(i), nanos(i)) : null;
    }

    /** The raw kernel seconds of an event that has no instant (null otherwise). */
    public Double sinceBoot(int i) {
        return placement[i] == SINCE_BOOT ? log.sinceBoot(i) : null;
    }

    /** The seconds since boot of an event without an instant, or the largest number for others. */
    double bootOrMax(int i) {
        return placement[i] == SINCE_BOOT ? log.sinceBoot(i) : Double.MAX_VALUE;
    }

    boolean hasInstant(int i) {
        return placement[i] == AT_INSTANT || placement[i] == AT_WIDE_INSTANT;
    }

    private long seconds(int i) {
        return placement[i] == AT_INSTANT ? EpochNanos.epochSecond(at[i]) : at[i];
    }

    private int nanos(int i) {
        return placement[i] == AT_INSTANT ? EpochNanos.nano(at[i]) : wideNanos[i];
    }

    boolean placed(int i) {
        return placement[i] != UNPLACED;
    }

    /** A number that orders the events of one artifact: epoch seconds, or seconds since boot. */
    double axis(int i) {
        return switch (placement[i]) {
            case AT_INSTANT, AT_WIDE_INSTANT -> seconds(i) + nanos(i) / 1e9;
            case SINCE_BOOT -> log.sinceBoot(i);
            default -> Double.NaN;
        };
    }

    /** Orders by instant, events without one last (as {@code Comparator.nullsLast} would). */
    static int compareInstants(PlacedEvents a, int i, PlacedEvents b, int j) {
        boolean ha = a.hasInstant(i);
        boolean hb = b.hasInstant(j);
        if (!ha || !hb) {
            return Boolean.compare(!ha, !hb);
        }
        if (a.placement[i] == AT_INSTANT && b.placement[j] == AT_INSTANT) {
            return Long.compare(a.at[i], b.at[j]);
        }
        int c = Long.compare(a.seconds(i), b.seconds(j));
        return c != 0 ? c : Integer.compare(a.nanos(i), b.nanos(j));
    }
}
