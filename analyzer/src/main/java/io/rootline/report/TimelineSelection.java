package io.rootline.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which bursts the report's timeline shows: for each kind, {@value #PER_KIND} bursts, those
 * a finding claims as cause or symptom first, then the largest (by events, suppressed ones
 * included; the earlier on a tie), and every burst a finding quotes as evidence. The rest of each kind is summed up in a {@link TimelineOmission}.
 * The timeline stays in time order, and a report stays the same size however long the
 * logs run.
 *
 * @param shown   the entries kept, in the order given
 * @param omitted one summary per kind that lost entries, in order of first appearance
 */
public record TimelineSelection(List<TimelineEntry> shown, List<TimelineOmission> omitted) {

    /** The bursts shown per kind. */
    public static final int PER_KIND = 50;

    /**
     * @param entries the whole timeline, in time order
     * @param quoted  whether an entry is quoted by a finding (always shown)
     */
    public static TimelineSelection of(List<TimelineEntry> entries, java.util.function.Predicate<TimelineEntry> quoted) {
        Map<String, List<TimelineEntry>> byKind = new LinkedHashMap<>();
        entries.forEach(e -> byKind.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e));
        Set<TimelineEntry> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<TimelineOmission> omitted = new ArrayList<>();
        for (var kind : byKind.entrySet()) {
            List<TimelineEntry> all = kind.getValue();
            if (all.size() <= PER_KIND) {
                kept.addAll(all);
                continue;
            }
            List<TimelineEntry> largest = new ArrayList<>(all);
            // stable: among equal bursts the earlier stays first
            largest.sort(Comparator.comparing((TimelineEntry e) -> e.finding() == null)
                    .thenComparing(Comparator.comparingLong((TimelineEntry e) -> e.count() + e.suppressed()).reversed()));
            kept.addAll(largest.subList(0, PER_KIND));
            all.stream().filter(quoted).forEach(kept::add);
            omitted.add(omission(kind.getKey(), all.stream().filter(e -> !kept.contains(e)).toList()));
        }
        List<TimelineEntry> shown = entries.stream().filter(kept::contains).toList();
        return new TimelineSelection(shown, omitted);
    }

    private static TimelineOmission omission(String kind, List<TimelineEntry> left) {
        long count = 0;
        long suppressed = 0;
        Instant first = null;
        Instant last = null;
        for (TimelineEntry e : left) {
            count += e.count();
            suppressed += e.suppressed();
            if (e.time() != null) {
                first = first == null || e.time().isBefore(first) ? e.time() : first;
                Instant end = e.end() != null ? e.end() : e.time();
                last = last == null || end.isAfter(last) ? end : last;
            }
        }
        return new TimelineOmission(kind, left.size(), count, suppressed, first, last);
    }
}
