package io.rootline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TimelineSelectionTest {

    private static final Instant T0 = Instant.parse("2024-02-01T00:00:00Z");

    /** A burst at {@code second}, {@code count} events, on line {@code line}. */
    private static TimelineEntry burst(String kind, int second, long count, int line, String finding) {
        return new TimelineEntry(T0.plusSeconds(second), T0.plusSeconds(second + 1), null, kind, count, 0, "text", "app.log",
                line, finding);
    }

    /** The timeline as the selection takes it: one list per kind, each in time order. */
    private static Collection<List<TimelineEntry>> byKind(List<TimelineEntry> all) {
        return all.stream().collect(Collectors.groupingBy(TimelineEntry::kind, LinkedHashMap::new, Collectors.toList()))
                .values();
    }

    @Test
    void kindsWithinTheLimitAreShownWhole() {
        List<TimelineEntry> all = new ArrayList<>();
        for (int i = 0; i < TimelineSelection.PER_KIND; i++) {
            all.add(burst("app.dns-failure", i * 30, 1, i, null));
        }
        TimelineSelection s = TimelineSelection.of(byKind(all), e -> false);
        assertEquals(all, s.shown());
        assertEquals(List.of(), s.omitted());
    }

    @Test
    void aLongKindKeepsItsFindingsThenItsLargestBurstsInTimeOrderAndSumsUpTheRest() {
        List<TimelineEntry> all = new ArrayList<>();
        all.add(burst("kernel.conntrack-table-full", 5, 10, 1, "conntrack-table-full"));
        for (int i = 0; i < 1000; i++) {
            // every 100th burst is large; bursts 500..509 belong to a finding; line 1999 is quoted
            long count = i % 100 == 0 ? 7 : 1;
            all.add(burst("app.dns-failure", 10 + i * 30, count, 1000 + i, i >= 500 && i < 510 ? "dns" : null));
        }
        TimelineSelection s = TimelineSelection.of(byKind(all), e -> e.line() == 1999);

        List<TimelineEntry> app = s.shown().stream().filter(e -> e.kind().equals("app.dns-failure")).toList();
        // 50 chosen (10 of the finding, the 10 large ones, the 30 earliest of the rest) and the quoted one
        assertEquals(TimelineSelection.PER_KIND + 1, app.size());
        assertEquals(10, app.stream().filter(e -> "dns".equals(e.finding())).count());
        assertEquals(10, app.stream().filter(e -> e.count() == 7).count());
        assertTrue(app.stream().anyMatch(e -> e.line() == 1999), "the quoted burst is shown");
        assertTrue(s.shown().contains(all.get(0)), "other kinds are untouched");
        for (int i = 1; i < s.shown().size(); i++) {
            assertTrue(!s.shown().get(i).time().isBefore(s.shown().get(i - 1).time()), "not in time order at " + i);
        }

        assertEquals(1, s.omitted().size());
        TimelineOmission o = s.omitted().get(0);
        assertEquals("app.dns-failure", o.kind());
        assertEquals(1000 - app.size(), o.bursts());
        assertEquals(1000 - app.size(), o.count(), "every omitted burst here has one event");
        long shownEvents = app.stream().mapToLong(TimelineEntry::count).sum();
        assertEquals(10 * 7 + 990 - shownEvents, o.count());
        assertTrue(o.first().isAfter(T0), o.first().toString());
        assertEquals(T0.plusSeconds(10 + 998 * 30 + 1), o.last(), "the last omitted burst is the one before the quoted one");
    }

    @Test
    void omissionsFollowTheTimeOfEachKindsFirstBurstAndTheShownStayInTimeOrder() {
        List<TimelineEntry> timeouts = new ArrayList<>();
        List<TimelineEntry> dns = new ArrayList<>();
        for (int i = 0; i < 2 * TimelineSelection.PER_KIND; i++) {
            timeouts.add(burst("app.timeout", 100 + i * 10, 1, 2 * i + 1, null));
            dns.add(burst("app.dns-failure", 95 + i * 10, 1, 2 * i, null));
        }
        // the kinds given timeouts first, although DNS failures begin earlier
        TimelineSelection s = TimelineSelection.of(List.of(timeouts, dns), e -> false);
        assertEquals(List.of("app.dns-failure", "app.timeout"), s.omitted().stream().map(TimelineOmission::kind).toList());
        assertEquals(2 * TimelineSelection.PER_KIND, s.shown().size());
        for (int i = 1; i < s.shown().size(); i++) {
            assertTrue(s.shown().get(i).time().isAfter(s.shown().get(i - 1).time()), "not in time order at " + i);
        }
    }
}
