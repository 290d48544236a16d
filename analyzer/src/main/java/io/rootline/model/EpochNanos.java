package io.rootline.model;

/**
 * An instant (or a wall time read as if UTC) as one long of nanoseconds since 1970, for the
 * columns that keep millions of them: eight bytes where seconds and nanoseconds took twelve.
 * A long holds the years 1678 to 2262; columns keep times beyond in a wide form of their own.
 */
public final class EpochNanos {

    private static final long PER_SECOND = 1_000_000_000L;

    private EpochNanos() {
    }

    /** Whether every instant of this second fits in a long of nanoseconds. */
    public static boolean holds(long epochSecond) {
        return epochSecond > Long.MIN_VALUE / PER_SECOND && epochSecond < Long.MAX_VALUE / PER_SECOND;
    }

    /** The nanoseconds of an instant of a second that {@link #holds}. */
    public static long of(long epochSecond, int nano) {
        return epochSecond * PER_SECOND + nano;
    }

    public static long epochSecond(long epochNanos) {
        return Math.floorDiv(epochNanos, PER_SECOND);
    }

    public static int nano(long epochNanos) {
        return (int) Math.floorMod(epochNanos, PER_SECOND);
    }
}
