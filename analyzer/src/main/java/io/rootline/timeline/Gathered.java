package io.rootline.timeline;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The events and bursts of all artifacts, gathered as rules and the timeline read them:
 * by kind, in time order. The lists refer to events and bursts where each
 * artifact keeps them, by artifact and position (eight bytes each), rather than copying
 * them: a gigabyte log's failures are held once.
 */
public final class Gathered {

    private Gathered() {
    }

    /**
     * Each kind's events in time order, events without an instant last; among equal times,
     * artifacts in the order given and lines in their order.
     */
    public static Map<String, List<PlacedEvent>> eventsByKind(List<PlacedEvents> artifacts) {
        List<PlacedEvents> logs = List.copyOf(artifacts);
        Map<String, List<PlacedEvent>> byKind = new TreeMap<>();
        positionsByKind(logs).forEach((kind, positions) -> {
            positions.sort((a, i, b, j) -> PlacedEvents.compareInstants(logs.get(a), i, logs.get(b), j));
            byKind.put(kind, positions.view(logs));
        });
        return byKind;
    }

    /**
     * Each kind's bursts in timeline order: by the instant of their first event (bursts
     * without one last), then seconds since boot, path and line.
     */
    public static Map<String, List<Burst>> burstsByKind(List<Bursts> artifacts) {
        List<Bursts> bursts = List.copyOf(artifacts);
        Map<String, List<Burst>> byKind = new TreeMap<>();
        positionsByKind(bursts).forEach((kind, positions) -> {
            positions.sort((a, x, b, y) -> Burst.compareTime(bursts.get(a).events(), bursts.get(a).firstEvent(x),
                    bursts.get(b).events(), bursts.get(b).firstEvent(y)));
            byKind.put(kind, positions.view(bursts));
        });
        return byKind;
    }

    /**
     * Each kind's positions, in artifact then position order; counted first, so that nothing
     * is copied to grow. An artifact's events run in long stretches of one kind (a log's
     * failures), so the last kind's entry is kept at hand rather than looked up each time.
     */
    private static Map<String, Positions> positionsByKind(List<? extends KindColumns> artifacts) {
        Map<String, int[]> counts = new TreeMap<>();
        for (KindColumns columns : artifacts) {
            String lastKind = null;
            int[] count = null;
            for (int i = 0; i < columns.size(); i++) {
                String kind = columns.kind(i);
                if (!kind.equals(lastKind)) {
                    lastKind = kind;
                    count = counts.computeIfAbsent(kind, k -> new int[1]);
                }
                count[0]++;
            }
        }
        Map<String, Positions> byKind = new TreeMap<>();
        counts.forEach((kind, n) -> byKind.put(kind, new Positions(n[0])));
        for (int a = 0; a < artifacts.size(); a++) {
            KindColumns columns = artifacts.get(a);
            String lastKind = null;
            Positions positions = null;
            for (int i = 0; i < columns.size(); i++) {
                String kind = columns.kind(i);
                if (!kind.equals(lastKind)) {
                    lastKind = kind;
                    positions = byKind.get(kind);
                }
                positions.add(a, i);
            }
        }
        return byKind;
    }
}
