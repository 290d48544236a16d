package io.rootline.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rootline.clock.BundleClock;
import io.rootline.clock.ClockEvidence;
import io.rootline.model.Event;
import io.rootline.model.EventLog;
import io.rootline.model.Evidence;
import io.rootline.model.Stamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bursts of one event keep no columns of their own; the others keep theirs by the position of
 * their first event. Whatever the order bursts are set in, and after sorting by time, each
 * reads back as it was set.
 */
class BurstsTest {

    private static final String KIND = "app.dns-failure";

    /** Events whose stamps are the given seconds, in line order; an event's count is its line when {@code counted}. */
    private static PlacedEvents events(double[] seconds, boolean counted) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < seconds.length; i++) {
            Instant at = Instant.ofEpochSecond(1_700_000_000L).plusMillis((long) (seconds[i] * 1000));
            events.add(new Event(KIND, new Stamp.Absolute(at), counted ? i + 1 : 1, Map.of(),
                    new Evidence("app.log", i + 1, "line " + (i + 1))));
        }
        return PlacedEvents.place(EventLog.of("app.log", events), new BundleClock(ClockEvidence.NONE)::resolve);
    }

    /** A burst as set: {first, last, printed, suppressed}. */
    private static long[] burst(PlacedEvents events, int first, int last, long suppressed) {
        long printed = 0;
        for (int e = first; e <= last; e++) {
            printed += events.count(e);
        }
        return new long[] {first, last, printed, suppressed};
    }

    private static Bursts build(PlacedEvents events, List<long[]> bursts, List<Integer> setOrder) {
        BitSet longer = new BitSet();
        for (long[] b : bursts) {
            longer.set((int) b[0], !Bursts.single(events, (int) b[0], (int) b[1], b[2], b[3]));
        }
        Bursts built = new Bursts(events, bursts.size(), new BitRanks(longer));
        for (int k : setOrder) {
            long[] b = bursts.get(k);
            built.set(k, (int) b[0], (int) b[1], b[2], b[3]);
        }
        return built;
    }

    private static void assertBurst(PlacedEvents events, long[] expected, Burst actual, String where) {
        assertEquals(new Burst(events, (int) expected[0], (int) expected[1], expected[2], expected[3]), actual, where);
    }

    @Test
    void eachBurstReadsBackAsSetWhateverTheOrderOfSetting() {
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            int n = 1 + random.nextInt(400);
            double[] seconds = new double[n];
            for (int i = 0; i < n; i++) {
                seconds[i] = i;
            }
            PlacedEvents events = events(seconds, round % 3 == 0);
            // cut the events into consecutive bursts of 1 to 4, some with suppressed events
            List<long[]> bursts = new ArrayList<>();
            for (int e = 0; e < n; ) {
                int last = Math.min(n - 1, e + (random.nextInt(3) == 0 ? random.nextInt(4) : 0));
                bursts.add(burst(events, e, last, random.nextInt(5) == 0 ? random.nextInt(3000) : 0));
                e = last + 1;
            }
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < bursts.size(); k++) {
                order.add(k);
            }
            Collections.shuffle(order, random);
            Bursts built = build(events, bursts, order);
            assertEquals(bursts.size(), built.size());
            for (int k = 0; k < bursts.size(); k++) {
                assertBurst(events, bursts.get(k), built.get(k), "round " + round + ", burst " + k);
                assertEquals(bursts.get(k)[0], built.firstEvent(k));
            }
        }
    }

    @Test
    void sortingByTimeCarriesEachBurstsLastEventAndCounts() {
        // line order is not time order: a log whose clock stepped back
        double[] seconds = {50, 51, 52, 10, 20, 21, 30, 5};
        PlacedEvents events = events(seconds, true);
        List<long[]> bursts = List.of(burst(events, 0, 2, 40), burst(events, 3, 3, 0), burst(events, 4, 5, 0),
                burst(events, 6, 6, 9), burst(events, 7, 7, 0));
        Bursts byTime = build(events, bursts, List.of(4, 2, 0, 1, 3)).sortedByTime();
        int[] expectedOrder = {4, 1, 2, 3, 0};
        for (int k = 0; k < expectedOrder.length; k++) {
            assertBurst(events, bursts.get(expectedOrder[k]), byTime.get(k), "burst " + k + " by time");
        }
    }

    @Test
    void aBurstOfOneEventIsSingleOnlyWhenItsCountsAreThatEventsAlone() {
        PlacedEvents events = events(new double[] {0, 1, 2}, true);
        assertTrue(Bursts.single(events, 1, 1, 2, 0));
        assertFalse(Bursts.single(events, 1, 1, 3, 0), "printed more than the event's count");
        assertFalse(Bursts.single(events, 1, 1, 2, 100), "a rate-limit note counted into it");
        assertFalse(Bursts.single(events, 1, 2, 5, 0));
    }

    @Test
    void aLongerBurstAtAPositionNotDeclaredIsRefused() {
        PlacedEvents events = events(new double[] {0, 1, 2}, false);
        Bursts bursts = new Bursts(events, 1, new BitRanks(new BitSet()));
        assertThrows(IllegalArgumentException.class, () -> bursts.set(0, 0, 2, 3, 0));
    }

    @Test
    void ranksCountTheSetPositionsBefore() {
        Random random = new Random(3);
        for (int round = 0; round < 100; round++) {
            BitSet set = new BitSet();
            int n = random.nextInt(1000);
            for (int i = 0; i < n; i++) {
                if (random.nextInt(1 + round % 7) == 0) {
                    set.set(i);
                }
            }
            BitRanks ranks = new BitRanks(set);
            assertEquals(set.cardinality(), ranks.count());
            int rank = 0;
            for (int i = 0; i < n + 70; i++) {
                assertEquals(set.get(i), ranks.contains(i), "position " + i);
                if (set.get(i)) {
                    assertEquals(rank++, ranks.rank(i), "round " + round + ", position " + i);
                }
            }
            int absent = set.nextClearBit(0);
            assertThrows(IllegalArgumentException.class, () -> ranks.rank(absent));
            assertFalse(ranks.contains(-1));
        }
    }
}
