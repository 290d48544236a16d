package io.rootline.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.rootline.clock.BundleClock;
import io.rootline.clock.ClockEvidence;
import io.rootline.model.Event;
import io.rootline.model.EventLog;
import io.rootline.model.Evidence;
import io.rootline.model.Stamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Instants are kept as a long of nanoseconds where it holds them and wide beyond: either way
 * each comes back exact, and any two compare as the instants do.
 */
class PlacedEventsTest {

    @Test
    void instantsOnBothSidesOfALongOfNanosecondsComeBackAndCompareAsInstants() {
        long edge = Long.MAX_VALUE / 1_000_000_000L;
        List<Instant> instants = new ArrayList<>();
        for (long seconds : new long[] {0, -1, 1, 1_700_000_000L, edge - 1, edge, edge + 1, -edge + 1, -edge, -edge - 1,
                Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()}) {
            for (int nanos : new int[] {0, 1, 999_999_999}) {
                instants.add(Instant.ofEpochSecond(seconds, nanos));
            }
        }
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < instants.size(); i++) {
            events.add(Event.of("app.timeout", new Stamp.Absolute(instants.get(i)), new Evidence("app.log", i + 1, "x")));
        }
        events.add(Event.of("app.timeout", Stamp.NONE, new Evidence("app.log", instants.size() + 1, "no time")));
        PlacedEvents placed = PlacedEvents.place(EventLog.of("app.log", events), new BundleClock(ClockEvidence.NONE)::resolve);
        for (int i = 0; i < instants.size(); i++) {
            Instant expected = instants.get(i);
            assertEquals(expected, placed.instant(i), "instant " + i);
            assertEquals(expected.getEpochSecond() + expected.getNano() / 1e9, placed.axis(i), "axis " + i);
            for (int j = 0; j < instants.size(); j++) {
                assertEquals(Integer.signum(expected.compareTo(instants.get(j))),
                        Integer.signum(PlacedEvents.compareInstants(placed, i, placed, j)), expected + " against " + instants.get(j));
            }
            assertEquals(-1, PlacedEvents.compareInstants(placed, i, placed, instants.size()), "events without a time come last");
        }
        assertNull(placed.instant(instants.size()));
    }
}
