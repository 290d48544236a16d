package io.rootline.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The columns give back exactly the events put in, across chunk boundaries and for every stamp form. */
class EventLogTest {

    private static final String PATH = "var/log/app/app.log";

    private static Stamp stamp(Random random, int i) {
        return switch (i % 6) {
            case 0 -> new Stamp.Absolute(Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000)));
            case 1 -> new Stamp.LocalWall(LocalDateTime.of(1 + random.nextInt(9999), 1 + random.nextInt(12),
                    1 + random.nextInt(28), random.nextInt(24), random.nextInt(60), random.nextInt(60),
                    random.nextInt(1_000_000_000)));
            case 2 -> new Stamp.TimeOfDay(LocalTime.ofNanoOfDay(Math.floorMod(random.nextLong(), 86_400_000_000_000L)));
            case 3 -> new Stamp.SinceBoot(random.nextDouble() * 1e7);
            case 4 -> new Stamp.YearlessWall(i % 12 == 4 ? MonthDay.of(12, 31) : MonthDay.of(1 + random.nextInt(12),
                    1 + random.nextInt(29)), LocalTime.ofNanoOfDay(Math.floorMod(random.nextLong(), 86_400_000_000_000L)));
            default -> Stamp.NONE;
        };
    }

    @Test
    void everyEventComesBackEqualAcrossChunks() {
        Random random = new Random(7);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Map<String, String> attributes = i % 3 == 0 ? Map.of("exception", "java.net.UnknownHostException") : Map.of();
            events.add(new Event(i % 2 == 0 ? "app.dns-failure" : "app.timeout", stamp(random, i),
                    1 + random.nextInt(5000), attributes, new Evidence(PATH, i + 1, "line " + i)));
        }
        EventLog log = EventLog.of(PATH, events);
        assertEquals(events.size(), log.size());
        for (int i = 0; i < events.size(); i++) {
            assertEquals(events.get(i), log.get(i), "event " + i);
        }
        assertEquals(events, log);
    }

    @Test
    void timesAtAndBeyondTheEdgesOfALongOfNanosecondsComeBackExact() {
        long edge = Long.MAX_VALUE / 1_000_000_000L; // 2262-04-11: the last second a long of nanoseconds holds whole
        List<Stamp> stamps = new ArrayList<>();
        for (long seconds : new long[] {0, -1, 1, edge - 1, edge, edge + 1, -edge + 1, -edge, -edge - 1,
                Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond()}) {
            for (int nanos : new int[] {0, 1, 500_000_000, 999_999_999}) {
                stamps.add(new Stamp.Absolute(Instant.ofEpochSecond(seconds, nanos)));
            }
        }
        for (LocalDateTime wall : new LocalDateTime[] {LocalDateTime.MIN, LocalDateTime.MAX,
                LocalDateTime.of(1677, 9, 21, 0, 12, 43, 145_224_191), LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_999),
                LocalDateTime.of(2262, 4, 11, 23, 47, 16, 854_775_807), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 1)}) {
            stamps.add(new Stamp.LocalWall(wall));
        }
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < stamps.size(); i++) {
            events.add(Event.of("app.timeout", stamps.get(i), new Evidence(PATH, i + 1, "x")));
        }
        EventLog log = EventLog.of(PATH, events);
        for (int i = 0; i < events.size(); i++) {
            assertEquals(stamps.get(i), log.stamp(i), "stamp " + i);
        }
    }

    @Test
    void eventsSharingTheirShapeComeBackEqualAcrossChunks() {
        // a log's failures repeat a few kinds, texts and attributes word for word; copies equal but not the same strings too
        String[] kinds = {"app.dns-failure", "app.timeout", "app.redis-timeout"};
        String[] texts = {"java.net.UnknownHostException: db", "java.net.SocketTimeoutException: Read timed out", ""};
        List<Map<String, String>> attributes = List.of(Map.of(), Map.of("exception", "java.net.UnknownHostException"),
                Map.of("exception", "java.net.SocketTimeoutException"));
        Random random = new Random(5);
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 13_000; i++) {
            String text = i % 1000 == 999 ? "unique " + i : new String(texts[random.nextInt(texts.length)]);
            events.add(new Event(kinds[random.nextInt(kinds.length)], stamp(random, i), 1,
                    attributes.get(random.nextInt(attributes.size())), new Evidence(PATH, i + 1, text)));
        }
        EventLog log = EventLog.of(PATH, events);
        for (int i = 0; i < events.size(); i++) {
            assertEquals(events.get(i), log.get(i), "event " + i);
            assertEquals(events.get(i).kind(), log.kind(i));
            assertEquals(events.get(i).evidence().text(), log.text(i));
            assertEquals(events.get(i).attributes(), log.attributes(i));
        }
    }

    @Test
    void countsOtherThanOneAreKeptWhereverTheyComeFirst() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 9000; i++) {
            long count = i == 100 || i == 4500 || i == 8999 ? 2699 + i : 1;
            events.add(new Event("kernel.ratelimit-suppressed", Stamp.NONE, count, Map.of(), new Evidence(PATH, i + 1, "")));
        }
        EventLog log = EventLog.of(PATH, events);
        for (int i = 0; i < events.size(); i++) {
            assertEquals(events.get(i).count(), log.count(i), "event " + i);
        }
    }

    @Test
    void quotedTextThatWasCutOrEscapedStaysAsItWas() {
        Evidence cut = new Evidence(PATH, 1, "x".repeat(400));
        Evidence escaped = new Evidence(PATH, 2, "bell\u0007 and escape\u001b[31m");
        EventLog log = EventLog.of(PATH, List.of(Event.of("app.timeout", Stamp.NONE, cut),
                Event.of("app.timeout", Stamp.NONE, escaped)));
        assertEquals(cut, log.evidence(0));
        assertEquals(escaped, log.evidence(1));
    }

    @Test
    void sinceBootIsReadWithoutMakingTheStamp() {
        EventLog log = EventLog.of("dmesg", List.of(
                Event.of("kernel.conntrack-table-full", new Stamp.SinceBoot(1234.567891), new Evidence("dmesg", 1, "x")),
                Event.of("kernel.conntrack-table-full", Stamp.NONE, new Evidence("dmesg", 2, "y"))));
        assertTrue(log.stampedSinceBoot(0));
        assertEquals(1234.567891, log.sinceBoot(0));
        assertFalse(log.stampedSinceBoot(1));
    }

    @Test
    void aLogHoldsOneArtifactAndIsReadOnlyOnceSealed() {
        EventLog log = new EventLog(PATH);
        Event other = Event.of("app.timeout", Stamp.NONE, new Evidence("other.log", 1, "x"));
        assertThrows(IllegalArgumentException.class, () -> log.append(other));
        log.seal();
        Event mine = Event.of("app.timeout", Stamp.NONE, new Evidence(PATH, 1, "x"));
        assertThrows(IllegalStateException.class, () -> log.append(mine));
        assertThrows(UnsupportedOperationException.class, () -> log.add(mine));
        assertThrows(IndexOutOfBoundsException.class, () -> log.get(0));
    }
}
