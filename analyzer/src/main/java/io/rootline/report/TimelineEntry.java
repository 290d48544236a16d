package io.rootline.report;

import java.time.Instant;
import java.util.Comparator;

/**
 * One burst on the timeline: a run of events of one kind from one artifact.
 *
 * @param time       first event (null when it could not be placed on the wall clock)
 * @param end        last event
 * @param sinceBoot  seconds since boot of the first event, when there is no wall-clock time
 * @param count      events printed
 * @param suppressed events a rate-limit note says were not printed
 * @param text       the first event's line
 * @param finding    the rule whose cause or symptom this burst is (null when none)
 */
public record TimelineEntry(Instant time, Instant end, Double sinceBoot, String kind, long count, long suppressed,
                            String text, String path, int line, String finding) {

    /** Timeline order: by time (entries without one last), then seconds since boot, path and line. */
    public static final Comparator<TimelineEntry> TIME_ORDER = Comparator
            .comparing(TimelineEntry::time, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(t -> t.sinceBoot() == null ? Double.MAX_VALUE : t.sinceBoot())
            .thenComparing(TimelineEntry::path).thenComparingInt(TimelineEntry::line);
}
