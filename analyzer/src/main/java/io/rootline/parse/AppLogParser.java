package io.rootline.parse;

import io.rootline.grammar.AppLogLexer;
import io.rootline.grammar.AppLogParser.BracketedStampContext;
import io.rootline.grammar.AppLogParser.DateTimeStampContext;
import io.rootline.grammar.AppLogParser.LineContext;
import io.rootline.grammar.AppLogParser.MessageContext;
import io.rootline.grammar.AppLogParser.TimeOnlyStampContext;
import io.rootline.model.Event;
import io.rootline.model.Evidence;
import io.rootline.model.Fact;
import io.rootline.model.Stamp;
import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Reads an application log into one event per failed log record. A record is a
 * stamped line and the unstamped lines below it (exception lines, "Caused by:",
 * stack frames); the exception classes named anywhere in the record decide its
 * kind through {@link ExceptionKinds}: {@code app.dns-failure} for
 * UnknownHostException, {@code app.redis-timeout}, {@code app.timeout}, ...
 *
 * <p>For the grammar's sample it yields one {@code app.dns-failure} at
 * LocalWall(2021-05-08T12:40:51.204) with evidence on the UnknownHostException line,
 * and the facts {@code app-log.records} and {@code app-log.exception_records}.
 */
final class AppLogParser implements ArtifactParser {

    private final GrammarDriver<io.rootline.grammar.AppLogParser> grammar =
            new GrammarDriver<>(AppLogLexer::new, io.rootline.grammar.AppLogParser::new);
    private final boolean fastPath;
    private Record record;
    private long records;
    private long exceptionRecords;

    AppLogParser() {
        this(true);
    }

    /** @param fastPath whether ordinary lines may skip the grammar (tests compare both ways) */
    AppLogParser(boolean fastPath) {
        this.fastPath = fastPath;
    }

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        if (fastPath && fast(text, out)) {
            return;
        }
        LineContext line = grammar.parse(text, io.rootline.grammar.AppLogParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
            return;
        }
        if (line.stamp() != null || record == null) {
            flush(out);
            record = new Record(stamp(line, number, out));
            records++;
        }
        if (!(line.content() instanceof MessageContext) || record.exceptions.isEmpty()) {
            collectExceptions(line, out.evidence(number, text), record.exceptions);
        }
    }

    private static Stamp stamp(LineContext line, int number, ArtifactBuilder out) {
        try {
            if (line.stamp() instanceof DateTimeStampContext s) {
                return Stamps.iso(s.DATE_TIME().getText());
            }
            if (line.stamp() instanceof BracketedStampContext s) {
                return Stamps.iso(s.DATE_TIME().getText());
            }
            if (line.stamp() instanceof TimeOnlyStampContext s) {
                return Stamps.timeOfDay(s.TIME_ONLY().getText());
            }
        } catch (DateTimeException | NumberFormatException e) {
            out.problem(number, "impossible time stamp, record kept without a time: " + e.getMessage());
        }
        return Stamp.NONE;
    }

    /**
     * The fast path, for the lines that make up nearly all of a log: no exception class can
     * be named on them (no "Exception" or "Error"), and they either start with a bare
     * "yyyy-MM-dd HH:mm:ss[,.]SSS " stamp (a record begins) or cannot start a stamp at all
     * (a continuation). Their effect is the grammar's: a new record, or nothing.
     *
     * @return false when the line must go to the grammar
     */
    private boolean fast(String text, ArtifactBuilder out) {
        if (text.contains("Exception") || text.contains("Error") || FastLines.hasStrayControl(text)) {
            return false;
        }
        int at = 0;
        while (at < text.length() && FastLines.blank(text.charAt(at))) {
            at++;
        }
        if (at == text.length()) {
            return false; // blank lines are rare: the grammar takes them
        }
        char first = text.charAt(at);
        if (first == '[' || first == '#') {
            return false;
        }
        if (!FastLines.digit(first)) {
            if (record == null) {
                record = new Record(Stamp.NONE);
                records++;
            }
            return true;
        }
        int end = at == 0 ? plainDateTimeEnd(text) : -1;
        if (end < 0) {
            return false;
        }
        String stamp = text.substring(0, end);
        if (!surelyValid(stamp)) {
            try {
                Stamps.iso(stamp);
            } catch (DateTimeException | NumberFormatException e) {
                return false; // the grammar path reports it
            }
        }
        flush(out);
        record = new Record(stamp);
        records++;
        return true;
    }

    /** A quick check that settles most stamps without building dates: every day up to the 28th exists. */
    private static boolean surelyValid(String stamp) {
        int month = (stamp.charAt(5) - '0') * 10 + stamp.charAt(6) - '0';
        int day = (stamp.charAt(8) - '0') * 10 + stamp.charAt(9) - '0';
        int hour = (stamp.charAt(11) - '0') * 10 + stamp.charAt(12) - '0';
        int minute = (stamp.charAt(14) - '0') * 10 + stamp.charAt(15) - '0';
        int second = (stamp.charAt(17) - '0') * 10 + stamp.charAt(18) - '0';
        return month >= 1 && month <= 12 && day >= 1 && day <= 28 && hour <= 23 && minute <= 59 && second <= 59;
    }

    /**
     * Where a "yyyy-MM-dd HH:mm:ss" stamp with an optional ",SSS" or ".SSS" ends, when a space
     * or tab follows it (so the lexer's DATE_TIME token is exactly this); -1 otherwise.
     */
    private static int plainDateTimeEnd(String s) {
        if (s.length() < 20 || !FastLines.digits(s, 0, 4) || s.charAt(4) != '-' || !FastLines.digits(s, 5, 2)
                || s.charAt(7) != '-' || !FastLines.digits(s, 8, 2) || (s.charAt(10) != ' ' && s.charAt(10) != 'T')
                || !FastLines.digits(s, 11, 2) || s.charAt(13) != ':' || !FastLines.digits(s, 14, 2) || s.charAt(16) != ':'
                || !FastLines.digits(s, 17, 2)) {
            return -1;
        }
        int i = 19;
        if (i < s.length() && (s.charAt(i) == ',' || s.charAt(i) == '.') && i + 1 < s.length() && FastLines.digit(s.charAt(i + 1))) {
            i++;
            while (i < s.length() && FastLines.digit(s.charAt(i))) {
                i++;
            }
        }
        return i < s.length() && FastLines.blank(s.charAt(i)) ? i : -1;
    }

    /** Every exception class named on the line, in order, with the line as evidence. */
    private static void collectExceptions(ParseTree tree, Evidence evidence, Map<String, Evidence> into) {
        if (tree instanceof TerminalNode node) {
            if (node.getSymbol().getType() == AppLogLexer.EXCEPTION_NAME) {
                into.putIfAbsent(node.getText(), evidence);
            }
            return;
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            collectExceptions(tree.getChild(i), evidence, into);
        }
    }

    private void flush(ArtifactBuilder out) {
        if (record == null || record.exceptions.isEmpty()) {
            return;
        }
        exceptionRecords++;
        ExceptionKinds.Match match = ExceptionKinds.classify(record.exceptions.keySet());
        if (match != null) {
            Evidence evidence = record.exceptions.get(match.exception());
            out.event(new Event(match.kind(), record.stamp(), 1,
                    Map.of("exception", match.exception()), evidence));
        }
    }

    @Override
    public void finish(ArtifactBuilder out) {
        flush(out);
        record = null;
        out.fact(Fact.number("app-log.records", records, null));
        out.fact(Fact.number("app-log.exception_records", exceptionRecords, null));
    }

    @Override
    public boolean emptyIsValid() {
        return true;
    }

    @Override
    public boolean recognizes(List<String> head) {
        int stamped = 0;
        int nonBlank = 0;
        for (String text : head) {
            if (text.isBlank()) {
                continue;
            }
            nonBlank++;
            LineContext line = grammar.parse(text, io.rootline.grammar.AppLogParser::line);
            if (line != null && line.stamp() != null && !(line.stamp() instanceof TimeOnlyStampContext)) {
                stamped++;
            }
        }
        return nonBlank > 0 && stamped * 3 >= nonBlank;
    }

    /**
     * One log record being assembled. The fast path keeps its stamp as text, already known
     * to be valid, and it is parsed only if the record turns out to hold a failure.
     */
    private static final class Record {
        private Stamp stamp;
        private final String stampText;
        private final Map<String, Evidence> exceptions = new LinkedHashMap<>();

        Record(Stamp stamp) {
            this.stamp = stamp;
            this.stampText = null;
        }

        Record(String stampText) {
            this.stampText = stampText;
        }

        Stamp stamp() {
            if (stamp == null) {
                stamp = Stamps.iso(stampText);
            }
            return stamp;
        }
    }
}
