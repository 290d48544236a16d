package io.rootline.parse;

import io.rootline.grammar.DateLexer;
import io.rootline.grammar.DateParser.LineContext;
import io.rootline.grammar.DateParser.LocaleDateContext;
import io.rootline.grammar.DateParser.PosixDateContext;
import io.rootline.model.Fact;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Reads the output of {@code date} or {@code date --utc}.
 *
 * <p>For "Sat May  8 12:45:10 CST 2021" it yields {@code date.datetime = 2021-05-08T12:45:10}
 * and {@code date.zone = CST}. The combiner pairs it with {@code date --utc} to learn the offset.
 */
final class DateParser implements ArtifactParser {

    private final GrammarDriver<io.rootline.grammar.DateParser> grammar =
            GrammarDriver.of(DateLexer::new, io.rootline.grammar.DateParser::new);

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        LineContext line = grammar.parse(text, io.rootline.grammar.DateParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
            return;
        }
        try {
            if (line instanceof PosixDateContext d) {
                record(number, text, d.month, d.day, d.time, d.meridiem, d.zone, d.year, out);
            } else if (line instanceof LocaleDateContext d) {
                record(number, text, d.month, d.day, d.time, d.meridiem, d.zone, d.year, out);
            }
        } catch (DateTimeException | NumberFormatException e) {
            out.problem(number, "impossible date: " + e.getMessage());
        }
    }

    private static void record(int number, String text, Token month, Token day, Token time, Token meridiem,
                               Token zone, Token year, ArtifactBuilder out) {
        LocalDateTime when = Stamps.dateTime(month.getText(), day.getText(), pad(time.getText()), year.getText());
        if (meridiem != null) {
            int hour = when.getHour() % 12;
            when = when.withHour(meridiem.getText().equals("PM") ? hour + 12 : hour);
        }
        out.fact(Fact.text("date.datetime", when.toString(), out.evidence(number, text)));
        if (zone != null) {
            out.fact(Fact.text("date.zone", zone.getText(), out.evidence(number, text)));
        }
    }

    private static String pad(String clock) {
        return clock.indexOf(':') == 1 ? "0" + clock : clock;
    }

    @Override
    public boolean recognizes(List<String> head) {
        return head.stream().filter(l -> !l.isBlank()).count() == 1
                && head.stream().allMatch(l -> grammar.parse(l, io.rootline.grammar.DateParser::line) != null);
    }
}
