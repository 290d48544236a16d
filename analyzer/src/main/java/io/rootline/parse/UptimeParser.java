package io.rootline.parse;

import io.rootline.grammar.UptimeLexer;
import io.rootline.grammar.UptimeParser.ClassicContext;
import io.rootline.grammar.UptimeParser.DurationContext;
import io.rootline.grammar.UptimeParser.LineContext;
import io.rootline.grammar.UptimeParser.PrettyContext;
import io.rootline.grammar.UptimeParser.PrettyPartContext;
import io.rootline.model.Fact;
import java.util.List;

/**
 * Reads {@code uptime}: the local clock at capture and how long the host had been up
 * (to the minute).
 *
 * <p>For " 12:45:10 up 120 days,  3:12,  2 users, ..." it yields {@code uptime.clock = 12:45:10}
 * and {@code uptime.seconds = 10379520}.
 */
final class UptimeParser implements ArtifactParser {

    private final GrammarDriver<io.rootline.grammar.UptimeParser> grammar =
            GrammarDriver.of(UptimeLexer::new, io.rootline.grammar.UptimeParser::new);

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        LineContext line = grammar.parse(text, io.rootline.grammar.UptimeParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
        } else if (line instanceof ClassicContext c) {
            out.fact(Fact.text("uptime.clock", c.clock.getText(), out.evidence(number, text)));
            out.fact(Fact.number("uptime.seconds", seconds(c.duration()), out.evidence(number, text)));
        } else if (line instanceof PrettyContext p) {
            long seconds = 0;
            for (PrettyPartContext part : p.prettyPart()) {
                long n = Long.parseLong(part.NUMBER().getText());
                String unit = part.unit.getText();
                seconds += n * (unit.startsWith("year") ? 31_536_000L : unit.startsWith("week") ? 604_800L
                        : unit.startsWith("day") ? 86_400L : unit.startsWith("hour") ? 3_600L : 60L);
            }
            out.fact(Fact.number("uptime.seconds", seconds, out.evidence(number, text)));
        }
    }

    private static long seconds(DurationContext d) {
        long seconds = d.days == null ? 0 : Long.parseLong(d.days.getText()) * 86_400L;
        if (d.hoursMinutes != null) {
            String[] hm = d.hoursMinutes.getText().split(":");
            seconds += Long.parseLong(hm[0]) * 3_600L + Long.parseLong(hm[1]) * 60L;
        } else if (d.minutes != null) {
            seconds += Long.parseLong(d.minutes.getText()) * 60L;
        }
        return seconds;
    }

    @Override
    public boolean recognizes(List<String> head) {
        return head.stream().anyMatch(l -> grammar.parse(l, io.rootline.grammar.UptimeParser::line) instanceof ClassicContext);
    }
}
