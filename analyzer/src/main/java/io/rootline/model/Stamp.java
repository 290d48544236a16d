package io.rootline.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;

/**
 * A time as the artifact wrote it, before the bundle's clock evidence is applied.
 * Kernel stamps count seconds since boot; {@code dmesg -T} and most application logs
 * write a local wall time without a zone; some logs carry an offset. Only the
 * {@link io.rootline.clock.BundleClock} turns these into instants.
 */
public sealed interface Stamp {

    /** A moment with a known offset (ISO-8601 with Z or +hh:mm). */
    record Absolute(Instant instant) implements Stamp { }

    /** A wall-clock time in the host's (unknown until resolved) zone. */
    record LocalWall(LocalDateTime dateTime) implements Stamp { }

    /**
     * A wall-clock time whose date has no year (classic syslog: "Feb  4 09:34:10"). The
     * capture date supplies the year: the latest in which the date exists and is not after it.
     */
    record YearlessWall(MonthDay date, LocalTime time) implements Stamp { }

    /** A time of day with no date (logback's default layout). */
    record TimeOfDay(LocalTime time) implements Stamp { }

    /** Seconds since the kernel booted, as raw dmesg prints them. */
    record SinceBoot(double seconds) implements Stamp { }

    /** The line carried no time at all. */
    record None() implements Stamp { }

    Stamp NONE = new None();
}
