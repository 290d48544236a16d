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
import java.io.IOException;
import java.time.DateTimeException;
import java.util.HashMap;
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
            GrammarDriver.of(AppLogLexer::new, io.rootline.grammar.AppLogParser::new);
    private final boolean fastPath;
    /** Exception lines recur word for word: their evidence shares one string. */
    private final TextInterner texts = new TextInterner();
    /** The attributes of the events of each exception class, shared by them. */
    private final Map<String, Map<String, String>> attributes = new HashMap<>();
    /** The record being assembled; reused, as a log holds millions of them. */
    private final Record record = new Record();
    private long records;
    private long exceptionRecords;
    /** Bytes 0-7 and 8-15 ("2024-02-", "01 08:00") of the last stamp found valid, once {@link #minuteKnown}. */
    private long validDay;
    private long validMinute;
    /** Whether {@link #validDay} and {@link #validMinute} hold a stamp's bytes yet (any eight bytes may be a line's). */
    private boolean minuteKnown;

    AppLogParser() {
        this(true);
    }

    /** @param fastPath whether ordinary lines may skip the grammar (tests compare both ways) */
    AppLogParser(boolean fastPath) {
        this.fastPath = fastPath;
    }

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        LineContext line = grammar.parse(text, io.rootline.grammar.AppLogParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
            return;
        }
        if (line.stamp() != null || !record.open) {
            flush(out);
            record.begin(stamp(line, number, out));
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

    /** Every exception class the grammar can name ends in one of these. */
    private static final WordSet EXCEPTION_WORDS = new WordSet("Exception", "Error");

    /**
     * The fast path, for the lines that make up nearly all of a log: no exception class can
     * be named on them (no "Exception" or "Error"), and they either start with a bare
     * "yyyy-MM-dd HH:mm:ss[,.]SSS " stamp (a record begins) or cannot start a stamp at all
     * (a continuation). Their effect is the grammar's: a new record, or nothing. The stamp
     * is kept as bytes and parsed only if the record turns out to hold a failure.
     *
     * <p>The stamp is judged first, so that only the bytes after it are searched for the
     * two words: a stamp is digits and punctuation, and no word can reach into it.
     */
    @Override
    public boolean fastLine(int number, byte[] b, int n, ArtifactBuilder out) {
        if (!fastPath) {
            return false;
        }
        // most stamps repeat the day and minute of the last valid one: then only their seconds are judged
        boolean sameMinute = minuteKnown && n >= 20 && FastLines.eightBytes(b, 0) == validDay
                && FastLines.eightBytes(b, 8) == validMinute;
        int end = sameMinute ? stampEndAfterMinute(b, n) : plainDateTimeEnd(b, n);
        if (end >= 0) {
            if (EXCEPTION_WORDS.foundIn(b, end, n) || !(sameMinute ? FastLines.two(b, 17) <= 59 : validStamp(b))) {
                return false; // the grammar path reads the exceptions, or reports the impossible stamp
            }
            flush(out);
            record.begin(b, end);
            records++;
            return true;
        }
        if (EXCEPTION_WORDS.foundIn(b, 0, n)) {
            return exceptionLine(number, b, n, out);
        }
        int at = 0;
        while (at < n && FastLines.blank(b[at])) {
            at++;
        }
        if (at == n || b[at] == '[' || b[at] == '#' || FastLines.digit(b[at])) {
            return false; // blank lines, bracketed stamps and other digits are rare: the grammar takes them
        }
        if (!record.open) {
            record.begin(Stamp.NONE);
            records++;
        }
        return true;
    }

    /**
     * Whether java.time accepts the stamp the line starts with (its shape already checked),
     * remembered as the last valid day and minute. Records come minutes apart at most, so
     * {@link #fastLine} judges a line that repeats them by its seconds alone, neither their
     * shape nor their date again: a log holds millions of stamps.
     */
    private boolean validStamp(byte[] b) {
        long dayBytes = FastLines.eightBytes(b, 0);
        long minuteBytes = FastLines.eightBytes(b, 8);
        if (!FastLines.validDateTime(FastLines.two(b, 0) * 100 + FastLines.two(b, 2), FastLines.two(b, 5),
                FastLines.two(b, 8), FastLines.two(b, 11), FastLines.two(b, 14), FastLines.two(b, 17))) {
            return false;
        }
        validDay = dayBytes;
        validMinute = minuteBytes;
        minuteKnown = true;
        return true;
    }

    /** This class's own copy of the loop, on purpose: see {@link ArtifactParser#fastLines}. */
    @Override
    public int fastLines(LineReader lines, ArtifactBuilder out) throws IOException {
        int n;
        while ((n = lines.nextRaw()) >= 0 && !lines.lastLineCut() && fastLine(lines.lineNumber(), lines.bytes(), n, out)) {
            out.lineRead();
        }
        return n;
    }

    /**
     * The fast path for the commonest line that names an exception: the name alone at the
     * start, then nothing or a colon and a message that names no other class
     * ("java.net.UnknownHostException: db: Name or service not known"). Thousands of them
     * in a log would otherwise make the ANTLR runtime hot enough for the JIT to spend
     * seconds compiling it. The grammar reads such a line as {@code exceptionLine}: the
     * name is one EXCEPTION_NAME token (it ties with WORD, which comes later, and no other
     * token can start with a letter and run further), and the message, free of
     * "Exception" and "Error", holds no other.
     */
    private boolean exceptionLine(int number, byte[] b, int n, ArtifactBuilder out) {
        int end = exceptionNameEnd(b, n);
        if (end < 0) {
            return false;
        }
        int at = end;
        while (at < n && FastLines.blank(b[at])) {
            at++;
        }
        if (at < n && (b[at] != ':' || EXCEPTION_WORDS.foundIn(b, at + 1, n))) {
            return false;
        }
        if (!record.open) {
            record.begin(Stamp.NONE);
            records++;
        }
        String name = FastLines.text(b, 0, end);
        if (!record.exceptions.containsKey(name)) {
            record.exceptions.put(name, out.evidence(number, texts.of(LineReader.decode(b, n))));
        }
        return true;
    }

    /**
     * Where the exception class name that starts the line ends, when the whole run of word
     * characters there is one (EXCEPTION_NAME in the grammar: dotted identifiers, the last
     * starting with a capital and ending in Exception or Error); -1 otherwise.
     */
    private static int exceptionNameEnd(byte[] b, int n) {
        int segmentStart = 0;
        int dots = 0;
        int i = 0;
        for (; i < n; i++) {
            byte c = b[i];
            if (c == '.') {
                if (i == segmentStart) {
                    return -1;
                }
                dots++;
                segmentStart = i + 1;
            } else if (FastLines.letter(c) || c == '_' || c == '$') {
                continue;
            } else if (FastLines.digit(c)) {
                if (i == segmentStart) {
                    return -1;
                }
            } else if (c == ':' || FastLines.blank(c)) {
                break;
            } else {
                return -1; // another word character: the run is a WORD, or a bracket follows
            }
        }
        if (dots == 0 || segmentStart == i || b[segmentStart] < 'A' || b[segmentStart] > 'Z') {
            return -1;
        }
        return endsWith(b, i, EXCEPTION) || endsWith(b, i, ERROR) ? i : -1;
    }

    private static final byte[] EXCEPTION = FastLines.ascii("Exception");
    private static final byte[] ERROR = FastLines.ascii("Error");

    private static boolean endsWith(byte[] b, int end, byte[] word) {
        return end >= word.length && FastLines.startsWith(b, end, end - word.length, word);
    }

    private static final FastLines.Shape DATE = new FastLines.Shape("dddd-dd-");
    private static final FastLines.Shape DAY_HOUR = new FastLines.Shape("dd?dd:dd");
    private static final FastLines.Shape TIME = new FastLines.Shape("d:dd:dd?");

    /**
     * Where a "yyyy-MM-dd HH:mm:ss" stamp with an optional ",SSS" or ".SSS" ends, when a space
     * or tab follows it (so the lexer's DATE_TIME token is exactly this); -1 otherwise.
     */
    private static int plainDateTimeEnd(byte[] b, int n) {
        if (n < 20 || !DATE.at(b, 0) || !DAY_HOUR.at(b, 8) || (b[10] != ' ' && b[10] != 'T')) {
            return -1;
        }
        return stampEndAfterMinute(b, n);
    }

    /**
     * {@link #plainDateTimeEnd} for a line of 20 bytes at least whose first 16 are known to
     * be a stamp's ("yyyy-MM-dd HH:mm"): the seconds, the fraction and the blank after.
     */
    private static int stampEndAfterMinute(byte[] b, int n) {
        if (!TIME.at(b, 12)) {
            return -1;
        }
        int i = 19;
        if (i + 1 < n && (b[i] == ',' || b[i] == '.') && FastLines.digit(b[i + 1])) {
            i++;
            while (i < n && FastLines.digit(b[i])) {
                i++;
            }
        }
        return i < n && FastLines.blank(b[i]) ? i : -1;
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
        if (record.open && !record.exceptions.isEmpty()) {
            flushFailure(out);
        }
    }

    /** Kept apart from {@link #flush}, which runs for every record: the JIT compiles the rare part only if it is hot. */
    private void flushFailure(ArtifactBuilder out) {
        exceptionRecords++;
        ExceptionKinds.Match match = ExceptionKinds.classify(record.exceptions.keySet());
        if (match != null) {
            Evidence evidence = record.exceptions.get(match.exception());
            out.event(new Event(match.kind(), record.stamp(), 1,
                    attributes.computeIfAbsent(match.exception(), e -> Map.of("exception", e)), evidence));
        }
    }

    @Override
    public void finish(ArtifactBuilder out) {
        flush(out);
        record.open = false;
        out.fact(Fact.number("app-log.records", records, null));
        out.fact(Fact.number("app-log.exception_records", exceptionRecords, null));
    }

    @Override
    public boolean emptyIsValid() {
        return true;
    }

    /** The names this format supplies: an event per application failure of {@code exception-kinds.tsv}, and the counts. */
    static List<io.rootline.format.Name> names() {
        List<io.rootline.format.Name> names = new java.util.ArrayList<>();
        ExceptionKinds.kinds().forEach(k -> names.add(io.rootline.format.Name.event(k)));
        names.add(io.rootline.format.Name.fact("app-log.records"));
        names.add(io.rootline.format.Name.fact("app-log.exception_records"));
        return names;
    }

    @Override
    public boolean recognizes(List<String> head) {
        return HeadLines.aThirdFit(head, text -> {
            LineContext line = grammar.parse(text, io.rootline.grammar.AppLogParser::line);
            return line != null && line.stamp() != null && !(line.stamp() instanceof TimeOnlyStampContext);
        });
    }

    /**
     * The log record being assembled. The fast path keeps its stamp as bytes, already known
     * to be valid, and they become a {@link Stamp} only if the record turns out to hold a
     * failure: most records never cost a string or a date.
     */
    private static final class Record {
        private boolean open;
        private Stamp stamp;
        private byte[] stampBytes = new byte[32];
        private int stampLength;
        /**
         * Typed as the class, not as Map: the first-tier compiler then calls (and inlines)
         * isEmpty directly, as every record of the log asks it at least twice.
         */
        private final LinkedHashMap<String, Evidence> exceptions = new LinkedHashMap<>();

        void begin(Stamp parsed) {
            open = true;
            stamp = parsed;
            if (!exceptions.isEmpty()) {
                exceptions.clear();
            }
        }

        void begin(byte[] line, int stampEnd) {
            begin(null);
            if (stampEnd > stampBytes.length) {
                stampBytes = new byte[stampEnd];
            }
            System.arraycopy(line, 0, stampBytes, 0, stampEnd);
            stampLength = stampEnd;
        }

        Stamp stamp() {
            if (stamp == null) {
                stamp = Stamps.iso(FastLines.text(stampBytes, 0, stampLength));
            }
            return stamp;
        }
    }
}
