package io.rootline.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rootline.clock.BundleClock;
import io.rootline.clock.ClockEvidence;
import io.rootline.model.Event;
import io.rootline.model.EventLog;
import io.rootline.model.Evidence;
import io.rootline.model.Stamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bursts as the kernel prints them in seed 000: two rate-limited bursts six seconds apart. */
class BurstCollapserTest {

    private static final String DROP = "kernel.conntrack-table-full";
    private static final String NOTE = "kernel.ratelimit-suppressed";
    private final BurstCollapser collapser = new BurstCollapser(NOTE);
    private int line;

    private Event at(double seconds, String kind, long count) {
        line++;
        Instant at = Instant.ofEpochSecond(1620448851L).plusMillis((long) (seconds * 1000));
        return new Event(kind, new Stamp.Absolute(at), count, Map.of(), new Evidence("dmesg", line, kind));
    }

    private Bursts collapse(List<Event> events) {
        BundleClock clock = new BundleClock(ClockEvidence.NONE);
        return collapser.collapse(PlacedEvents.place(EventLog.of("dmesg", events), clock::resolve));
    }

    @Test
    void seedIncident() {
        List<Event> events = new ArrayList<>();
        events.add(at(0.10, NOTE, 2699));
        for (int i = 0; i < 3; i++) {
            events.add(at(0.2 + i * 0.2, DROP, 1));
        }
        for (int i = 0; i < 7; i++) {
            events.add(at(1.1 + i * 0.1, DROP, 1));
        }
        events.add(at(6.05, NOTE, 2189));
        for (int i = 0; i < 10; i++) {
            events.add(at(6.06 + i * 0.09, DROP, 1));
        }
        Bursts bursts = collapse(events);
        assertEquals(2, bursts.size());
        assertEquals(10, bursts.get(0).printed());
        assertEquals(2699, bursts.get(0).suppressed());
        assertEquals(2, bursts.get(0).evidence().line(), "the first drop, not the note");
        assertEquals(10, bursts.get(1).printed());
        assertEquals(2189, bursts.get(1).suppressed());
    }

    @Test
    void aNoteThatNothingFollowsJoinsTheBurstBefore() {
        // pc-freak.net: drops, then "__ratelimit: 83 callbacks suppressed" five seconds later and nothing after
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            events.add(at(i * 0.1, DROP, 1));
        }
        events.add(at(5.1, NOTE, 83));
        Bursts bursts = collapse(events);
        assertEquals(1, bursts.size());
        assertEquals(12, bursts.get(0).printed());
        assertEquals(83, bursts.get(0).suppressed());
    }

    @Test
    void aGapLongerThanTwoSecondsStartsANewBurst() {
        Bursts bursts = collapse(List.of(at(0, DROP, 1), at(1.9, DROP, 1), at(4.0, DROP, 1)));
        assertEquals(List.of(2L, 1L), bursts.stream().map(Burst::printed).toList());
    }

    @Test
    void kindsInterleavedKeepTheirOwnBursts() {
        Bursts bursts = collapse(List.of(at(0, DROP, 1), at(0.5, "kernel.neighbour-table-overflow", 1),
                at(1.0, DROP, 1)));
        assertEquals(2, bursts.size());
        assertEquals(2, bursts.stream().filter(b -> b.kind().equals(DROP)).findFirst().orElseThrow().printed());
    }
}
