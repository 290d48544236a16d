package io.rootline.clock;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What the bundle says about time: when it was captured, in which zone, and when
 * the kernel booted. Each part records the evidence it came from, because a report
 * that aligns events must say which clock it trusted.
 *
 * @param capturedAt    capture time with the host's offset (null when unknown)
 * @param captureSource e.g. "sos_commands/date/date"
 * @param offset        the host's UTC offset (null when unknown)
 * @param zoneName      Olson name or abbreviation, when known ("Asia/Shanghai", "CST")
 * @param zoneSource    e.g. "date and date --utc"
 * @param bootedAt      when the kernel booted (null when unknown)
 * @param bootSource    e.g. "proc/stat btime"
 */
public record ClockEvidence(OffsetDateTime capturedAt, String captureSource, ZoneOffset offset, String zoneName,
                            String zoneSource, Instant bootedAt, String bootSource) {

    public static final ClockEvidence NONE = new ClockEvidence(null, null, null, null, null, null, null);

    public boolean hasBootTime() {
        return bootedAt != null;
    }

    public boolean hasOffset() {
        return offset != null;
    }
}
