package io.rootline.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * Which bursts the report's timeline shows: for each kind, {@value #PER_KIND} bursts, those
 * a finding claims as cause or symptom first, then the largest (by events, suppressed ones
 * included; the earlier on a tie), and every burst a finding quotes as evidence. The rest of each kind is summed up in a {@link TimelineOmission}.
 * The timeline stays in time order, and a report stays the same size however long the
 * logs run.
 *
 * @param shown   the entries kept, in time order
 * @param omitted one summary per kind that lost entries, in order of the kinds' first entries
 */
public record TimelineSelection(List<TimelineEntry> shown, List<TimelineOmission> omitted) {

    /** The bursts shown per kind. */
    public static final int PER_KIND = 50;

    /**
     * @param kinds  the timeline, as one list per kind, each in {@linkplain TimelineEntry#TIME_ORDER
     *               time order}. A list may make its entries as they are read: the selection reads
     *               each entry twice and holds on only to those it keeps (a long log makes tens of
     *               thousands of bursts)
     * @param quoted whether an entry is quoted by a finding (always shown)
     */
    public static TimelineSelection of(Collection<? extends List<TimelineEntry>> kinds, Predicate<TimelineEntry> quoted) {
        List<TimelineEntry> shown = new ArrayList<>();
        List<Omitted> omissions = new ArrayList<>();
        for (List<TimelineEntry> entries : kinds) {
            if (entries.isEmpty()) {
                continue;
            }
            Kind kind = new Kind();
            BitSet kept = new BitSet(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                TimelineEntry e = entries.get(i);
                kind.offer(i, e);
                if (quoted.test(e)) {
                    kept.set(i);
                }
            }
            kind.best.forEach(r -> kept.set(r.index()));
            TimelineEntry first = null;
            for (int i = 0; i < entries.size(); i++) {
                TimelineEntry e = entries.get(i);
                first = first == null ? e : first;
                if (kept.get(i)) {
                    shown.add(e);
                } else {
                    kind.omit(e);
                }
            }
            if (kind.omitted > 0) {
                omissions.add(new Omitted(first, new TimelineOmission(first.kind(), kind.omitted, kind.count,
                        kind.suppressed, kind.first, kind.last)));
            }
        }
        shown.sort(TimelineEntry.TIME_ORDER);
        omissions.sort(Comparator.comparing(Omitted::firstEntry, TimelineEntry.TIME_ORDER));
        return new TimelineSelection(shown, omissions.stream().map(Omitted::omission).toList());
    }

    /** A kind's omission, and its first entry, which places it among the others. */
    private record Omitted(TimelineEntry firstEntry, TimelineOmission omission) {
    }

    /** An entry's place in the ranking: a finding's bursts first, then the largest, then the earliest. */
    private record Ranked(int index, boolean anchored, long size) {
        /** Worst first, so that the head of a queue is the one to drop. */
        static final Comparator<Ranked> WORST_FIRST = (a, b) -> compare(a.anchored, a.size, a.index, b.anchored, b.size, b.index);

        /** Below zero when entry a ranks below entry b: not a finding's when b is, else smaller, else later. */
        static int compare(boolean anchoredA, long sizeA, int indexA, boolean anchoredB, long sizeB, int indexB) {
            if (anchoredA != anchoredB) {
                return anchoredA ? 1 : -1;
            }
            if (sizeA != sizeB) {
                return Long.compare(sizeA, sizeB);
            }
            return Integer.compare(indexB, indexA);
        }
    }

    /** One kind: its best {@value #PER_KIND} entries so far, and the sums of those left out. */
    private static final class Kind {
        private final PriorityQueue<Ranked> best = new PriorityQueue<>(PER_KIND + 1, Ranked.WORST_FIRST);
        private int omitted;
        private long count;
        private long suppressed;
        private Instant first;
        private Instant last;

        void offer(int index, TimelineEntry e) {
            boolean anchored = e.finding() != null;
            long size = e.count() + e.suppressed();
            Ranked worst = best.peek();
            if (best.size() == PER_KIND && Ranked.compare(anchored, size, index, worst.anchored(), worst.size(), worst.index()) < 0) {
                return; // it would be the one dropped: most of a long log's bursts end here, with nothing made
            }
            best.add(new Ranked(index, anchored, size));
            if (best.size() > PER_KIND) {
                best.poll();
            }
        }

        void omit(TimelineEntry e) {
            omitted++;
            count += e.count();
            suppressed += e.suppressed();
            if (e.time() != null) {
                first = first == null || e.time().isBefore(first) ? e.time() : first;
                Instant end = e.end() != null ? e.end() : e.time();
                last = last == null || end.isAfter(last) ? end : last;
            }
        }
    }
}
