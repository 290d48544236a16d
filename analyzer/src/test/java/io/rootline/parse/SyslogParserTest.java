package io.rootline.parse;

import static io.rootline.support.ParsedFiles.events;
import static io.rootline.support.ParsedFiles.fact;
import static io.rootline.support.ParsedFiles.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rootline.model.Event;
import io.rootline.model.Stamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What syslog's own lines mean for the kernel's events (the corpus tests cover real files). */
class SyslogParserTest {

    private static List<Long> counts(ParsedArtifact a, String kind) {
        return events(a, kind).stream().map(Event::count).toList();
    }

    @Test
    void eachRepeatLineRepeatsTheOriginalLine() {
        ParsedArtifact a = parse(io.rootline.support.Fixtures.format("syslog"), """
                May  8 12:40:51 h1 kernel: net_ratelimit: 5 callbacks suppressed
                May  8 12:41:21 h1 last message repeated 2 times
                May  8 12:41:51 h1 last message repeated 3 times
                """);
        assertEquals(List.of(5L, 10L, 15L), counts(a, "kernel.ratelimit-suppressed"));
        assertEquals("1", fact(a, "syslog.kernel_lines"), "a repeat is syslog's line, not the kernel's");
    }

    @Test
    void aRepeatOfALineWithoutAnEventYieldsNone() {
        ParsedArtifact a = parse(io.rootline.support.Fixtures.format("syslog"), """
                May  8 12:40:51 h1 kernel: nf_conntrack: table full, dropping packet
                May  8 12:40:52 h1 kernel: eth0: link up
                May  8 12:40:53 h1 last message repeated 4 times
                May  8 12:40:54 h1 kernel: nf_conntrack: table full, dropping packet
                May  8 12:40:55 h1 systemd[1]: Started x.
                May  8 12:40:56 h1 last message repeated 4 times
                """);
        assertEquals(List.of(1L, 1L), counts(a, "kernel.conntrack-table-full"));
        assertEquals(0, a.unknownLines());
    }

    @Test
    void rsyslogsRepeatCountsItsMessageNTimes() {
        ParsedArtifact a = parse(io.rootline.support.Fixtures.format("syslog"), """
                May  8 12:40:51 h1 kernel: nf_conntrack: table full, dropping packet
                May  8 12:41:21 h1 kernel: message repeated 41 times: [ nf_conntrack: table full, dropping packet]
                May  8 12:41:22 h1 kernel: message repeated 2 times: [ net_ratelimit: 7 callbacks suppressed]
                """);
        assertEquals(List.of(1L, 41L), counts(a, "kernel.conntrack-table-full"));
        assertEquals(List.of(14L), counts(a, "kernel.ratelimit-suppressed"));
    }

    @Test
    void stampsOfEveryLayout() {
        ParsedArtifact a = parse(io.rootline.support.Fixtures.format("syslog"), """
                2021-05-08T12:40:51.204+08:00 h1 kernel: nf_conntrack: table full, dropping packet
                2021-05-08T04:40:52+0000 h1 kernel: nf_conntrack: table full, dropping packet
                Feb 30 12:40:53 h1 kernel: nf_conntrack: table full, dropping packet
                """);
        List<Stamp> stamps = events(a, "kernel.conntrack-table-full").stream().map(Event::stamp).toList();
        assertEquals(new Stamp.Absolute(Instant.parse("2021-05-08T04:40:51.204Z")), stamps.get(0));
        assertEquals(new Stamp.Absolute(Instant.parse("2021-05-08T04:40:52Z")), stamps.get(1));
        assertEquals(Stamp.NONE, stamps.get(2), "Feb 30 exists in no year");
        assertTrue(a.problems().get(0).startsWith("line 3: impossible time stamp"), a.problems().toString());
        assertEquals("2", fact(a, "kernel-log.stamped_lines"));
        assertEquals("0", fact(a, "syslog.yearless_stamps"));
    }
}
