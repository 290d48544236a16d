package io.rootline.clock;

import io.rootline.model.Stamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Places stamps on one time line using the bundle's {@link ClockEvidence}. Raw kernel
 * stamps need the boot time; wall times without a zone need the host's offset
 * (UTC is assumed, and said, when the bundle does not tell); times of day and
 * syslog's dates without a year need the capture date.
 */
public final class BundleClock {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ClockEvidence evidence;
    private final ZoneOffset offset;

    public BundleClock(ClockEvidence evidence) {
        this.evidence = evidence;
        this.offset = evidence.offset() != null ? evidence.offset() : ZoneOffset.UTC;
    }

    public ClockEvidence evidence() {
        return evidence;
    }

    /** The offset reports use: the host's, or UTC when the bundle did not tell. */
    public ZoneOffset offset() {
        return offset;
    }

    /** The instant of a stamp, or empty when the bundle lacks the evidence to place it. */
    public Optional<Instant> resolve(Stamp stamp) {
        if (stamp instanceof Stamp.Absolute a) {
            return Optional.of(a.instant());
        }
        if (stamp instanceof Stamp.LocalWall w) {
            return Optional.of(w.dateTime().toInstant(offset));
        }
        if (stamp instanceof Stamp.SinceBoot b && evidence.bootedAt() != null) {
            long nanos = Math.round(b.seconds() * 1_000_000_000d);
            return Optional.of(evidence.bootedAt().plusNanos(nanos));
        }
        if (stamp instanceof Stamp.YearlessWall y && evidence.capturedAt() != null) {
            return yearOf(y).map(t -> t.toInstant(offset));
        }
        if (stamp instanceof Stamp.TimeOfDay t && evidence.capturedAt() != null) {
            LocalDate day = evidence.capturedAt().toLocalDate();
            OffsetDateTime candidate = OffsetDateTime.of(day, t.time(), offset);
            if (candidate.isAfter(evidence.capturedAt())) {
                candidate = candidate.minusDays(1);
            }
            return Optional.of(candidate.toInstant());
        }
        return Optional.empty();
    }

    /**
     * A syslog date in the latest year in which it exists (Feb 29 only in leap years) and is
     * not after the capture; a day of grace covers a clock set a little ahead.
     */
    private Optional<LocalDateTime> yearOf(Stamp.YearlessWall y) {
        LocalDateTime latest = evidence.capturedAt().withOffsetSameInstant(offset).toLocalDateTime().plusDays(1);
        for (int year = latest.getYear(); year >= latest.getYear() - 8; year--) {
            if (y.date().isValidYear(year)) {
                LocalDateTime candidate = y.date().atYear(year).atTime(y.time());
                if (!candidate.isAfter(latest)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** ISO-8601 with the host's offset, to the second: "2021-05-08T12:40:51+08:00" (seconds always shown). */
    public String iso(Instant instant) {
        return ISO.format(OffsetDateTime.ofInstant(instant, offset));
    }

    /** The one ISO-8601 layout of reports: to the second, offset as +hh:mm. */
    public static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    /** The host's wall clock, to the second: "12:40:51". */
    public String timeOfDay(Instant instant) {
        return OffsetDateTime.ofInstant(instant, offset).format(TIME);
    }

    /** The date on the host's wall clock. */
    public LocalDate date(Instant instant) {
        return OffsetDateTime.ofInstant(instant, offset).toLocalDate();
    }
}
