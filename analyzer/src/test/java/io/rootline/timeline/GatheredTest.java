package io.rootline.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rootline.clock.BundleClock;
import io.rootline.clock.ClockEvidence;
import io.rootline.model.Event;
import io.rootline.model.EventLog;
import io.rootline.model.Evidence;
import io.rootline.model.Stamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events and bursts of several artifacts, gathered by kind in time order. */
class GatheredTest {

    private static final Instant T0 = Instant.parse("2021-05-08T04:40:51Z");
    private static final String DNS = "app.dns-failure";
    private static final String TIMEOUT = "app.timeout";

    private static Event at(String path, int line, String kind, Integer second) {
        Stamp stamp = second == null ? Stamp.NONE : new Stamp.Absolute(T0.plusSeconds(second));
        return Event.of(kind, stamp, new Evidence(path, line, kind + " " + line));
    }

    /** One artifact's events, placed as the analyzer places them; those without a stamp stay unplaced. */
    private static PlacedEvents placed(Event... events) {
        return PlacedEvents.place(EventLog.of(events[0].evidence().path(), List.of(events)),
                new BundleClock(ClockEvidence.NONE)::resolve);
    }

    @Test
    void eachKindIsInTimeOrderAcrossArtifactsWithTiesInArtifactThenLineOrder() {
        PlacedEvents a = placed(at("a.log", 1, DNS, 30), at("a.log", 2, TIMEOUT, 5),
                at("a.log", 3, DNS, null), at("a.log", 4, DNS, 10));
        PlacedEvents b = placed(at("b.log", 1, DNS, 10), at("b.log", 2, DNS, 20));
        Map<String, List<PlacedEvent>> byKind = Gathered.eventsByKind(List.of(a, b));
        assertEquals(List.of(DNS, TIMEOUT), List.copyOf(byKind.keySet()));
        List<String> order = byKind.get(DNS).stream().map(e -> e.evidence().location()).toList();
        assertEquals(List.of("a.log:4", "b.log:1", "b.log:2", "a.log:1", "a.log:3"), order,
                "by time; a tie keeps the artifacts' order; an event without a time comes last");
        assertEquals(List.of("a.log:2"), byKind.get(TIMEOUT).stream().map(e -> e.evidence().location()).toList());
    }

    @Test
    void interleavedKindsMakeBurstsInOrderOfTheirFirstEvent() {
        // the timeout burst closes before the DNS burst that opened earlier
        PlacedEvents log = placed(at("a.log", 1, DNS, 0), at("a.log", 2, TIMEOUT, 1),
                at("a.log", 3, DNS, 1), at("a.log", 4, TIMEOUT, 9), at("a.log", 5, DNS, 2));
        Bursts bursts = new BurstCollapser("kernel.ratelimit-suppressed").collapse(log);
        assertEquals(List.of("a.log:1", "a.log:2", "a.log:4"), bursts.stream().map(b -> b.evidence().location()).toList());
        assertEquals(List.of(3L, 1L, 1L), bursts.stream().map(Burst::printed).toList());
        assertEquals("a.log:5", bursts.get(0).lastEvidence().location());

        Map<String, List<Burst>> byKind = Gathered.burstsByKind(List.of(bursts));
        assertEquals(List.of("a.log:2", "a.log:4"),
                byKind.get(TIMEOUT).stream().map(b -> b.evidence().location()).toList());
    }

    @Test
    void burstsOfAKindFromSeveralArtifactsAreInTimeOrder() {
        BurstCollapser collapser = new BurstCollapser("kernel.ratelimit-suppressed");
        Bursts a = collapser.collapse(placed(at("a.log", 1, DNS, 100), at("a.log", 2, DNS, 300)));
        Bursts b = collapser.collapse(placed(at("b.log", 1, DNS, 200), at("b.log", 2, DNS, null)));
        List<String> order = Gathered.burstsByKind(List.of(a, b)).get(DNS).stream()
                .map(x -> x.evidence().location()).toList();
        assertEquals(List.of("a.log:1", "b.log:1", "a.log:2", "b.log:2"), order);
    }
}
