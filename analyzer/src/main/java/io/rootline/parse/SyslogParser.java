package io.rootline.parse;

import io.rootline.grammar.SyslogLexer;
import io.rootline.grammar.SyslogParser.HeaderContext;
import io.rootline.grammar.SyslogParser.HeadlessContext;
import io.rootline.grammar.SyslogParser.IsoStampContext;
import io.rootline.grammar.SyslogParser.LineContext;
import io.rootline.grammar.SyslogParser.LogreadStampContext;
import io.rootline.grammar.SyslogParser.MessageContext;
import io.rootline.grammar.SyslogParser.RepeatedContext;
import io.rootline.grammar.SyslogParser.RepeatsContext;
import io.rootline.grammar.SyslogParser.TaggedContext;
import io.rootline.grammar.SyslogParser.YearlessStampContext;
import io.rootline.model.Event;
import io.rootline.model.Fact;
import io.rootline.model.Stamp;
import java.io.IOException;
import java.time.DateTimeException;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Reads the kernel's lines out of syslog files (/var/log/messages, syslog, kern.log),
 * journalctl's short output and OpenWrt's logread. A syslog file keeps the kernel's
 * messages with the wall clock of their arrival and outlives the ring buffer, so it
 * stands for the kernel log when the bundle has no usable dmesg. Each kernel message is
 * read by the KernelLog grammar ({@link KernelMessages}); other programs' lines are valid
 * lines that yield nothing.
 *
 * <p>For the grammar's sample it yields:
 * <pre>
 *   kernel.conntrack-table-full      at YearlessWall(--02-23, 16:44:36)
 *   kernel.neighbour-table-overflow  at YearlessWall(--12-20, 00:41:01), then again, count 20
 *       ("last message repeated 20 times" repeats the event of the line before)
 *   kernel.conntrack-table-full      count 3 ("message repeated 3 times: [ ...]")
 *   kernel.conntrack-table-full      at Absolute(2024-02-01T00:00:02.461756Z)
 *   kernel.neighbour-table-overflow  at LocalWall(2021-02-24T00:35:21)
 *   kernel.syn-flooding              at YearlessWall(--02-29, 19:54:23), port 4646
 *   kernel.conntrack-table-full      without a time (a pasted line)
 * </pre>
 * and the facts {@code syslog.hosts = "compute4 fw01 jobs"} (the host names its kernel lines
 * carry, at most eight), {@code syslog.kernel_lines}, {@code kernel-log.stamped_lines} and
 * {@code kernel-log.clock_stamps} (the kernel lines with a stamp: all are wall-clock
 * times) and {@code syslog.yearless_stamps} (the kernel lines whose stamp has no year).
 */
final class SyslogParser implements ArtifactParser {

    private final GrammarDriver<io.rootline.grammar.SyslogParser> grammar =
            GrammarDriver.of(SyslogLexer::new, io.rootline.grammar.SyslogParser::new);
    private final KernelMessages kernel;
    private final KernelMessageTable table;
    private final boolean fastPath;
    private long kernelLines;
    private long stamped;
    private long yearless;
    /** The host names kernel lines carried, at most {@link #HOSTS}: another host's log names another host. */
    private final java.util.Set<String> hosts = new java.util.TreeSet<>();
    private static final int HOSTS = 8;
    /** The host of the last kernel line taken by the fast path, to add a name only when it changes. */
    private int lastHostHash;
    /** The event of the line before, which "last message repeated N times" repeats; null when it had none. */
    private Event previous;

    SyslogParser(ParserContext context) {
        this(context, true);
    }

    /** @param fastPath whether plain lines may skip the grammar (tests compare both ways) */
    SyslogParser(ParserContext context, boolean fastPath) {
        this.fastPath = fastPath;
        this.table = context.messages();
        this.kernel = new KernelMessages(table);
    }

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        Event before = previous;
        previous = null;
        LineContext line = grammar.parse(text, io.rootline.grammar.SyslogParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
        } else if (line instanceof RepeatedContext repeated) {
            if (before != null) {
                String token = repeated.REPEATED().getText();
                Stamp stamp = stamp(repeated.header(), number, out);
                out.event(new Event(before.kind(), stamp, Math.multiplyExact(before.count(), count(token)),
                        before.attributes(), out.evidence(number, text)));
                previous = before; // syslogd may say it again, of the same line
            }
        } else if (line instanceof TaggedContext tagged && tagged.tag().KERNEL() != null) {
            kernelLine(number, text, tagged.header(), tagged.repeats(), tagged.message(), out);
        } else if (line instanceof HeadlessContext headless) {
            kernelLine(number, text, null, headless.repeats(), headless.message(), out);
        }
    }

    private void kernelLine(int number, String text, HeaderContext header, RepeatsContext repeats, MessageContext message,
                            ArtifactBuilder out) {
        kernelLines++;
        if (header != null && header.HOST() != null && hosts.size() < HOSTS) {
            hosts.add(header.HOST().getText());
        }
        Stamp stamp = stamp(header, number, out);
        if (stamp != Stamp.NONE) {
            out.firstStamp(stamp);
            stamped++;
            yearless += stamp instanceof Stamp.YearlessWall ? 1 : 0;
        }
        String words = "";
        if (message != null) {
            words = message.start.getInputStream().getText(Interval.of(message.start.getStartIndex(), message.stop.getStopIndex()));
        }
        long times = 1;
        if (repeats != null) {
            times = count(repeats.REPEATS().getText());
            // "message repeated 3 times: [ MSG]": the bracket that closes it is not the kernel's
            words = words.endsWith("]") ? words.substring(0, words.length() - 1) : words;
        }
        var kernelLine = kernel.parse(words);
        if (kernelLine == null) {
            out.unknownLine(number, text, kernel.lastError());
            return;
        }
        previous = kernel.event(KernelMessages.text(words, kernelLine.message()), stamp, times, out.evidence(number, text));
        if (previous != null) {
            out.event(previous);
        }
    }

    /** The stamp of a header (NONE without one; an impossible date is a problem on the line). */
    private Stamp stamp(HeaderContext header, int number, ArtifactBuilder out) {
        if (header == null) {
            return Stamp.NONE;
        }
        Stamp stamp;
        try {
            var s = header.stamp();
            if (s instanceof YearlessStampContext y) {
                stamp = Stamps.syslog(y.getText());
            } else if (s instanceof IsoStampContext iso) {
                stamp = Stamps.iso(iso.getText());
            } else {
                stamp = Stamps.logread(((LogreadStampContext) s).getText());
            }
        } catch (DateTimeException | NumberFormatException e) {
            out.problem(number, "impossible time stamp, kept without a time: " + e.getMessage());
            return Stamp.NONE;
        }
        return stamp;
    }

    /** The N of "last message repeated N times" or "message repeated N times: [". */
    private static long count(String token) {
        int from = token.indexOf("repeated ") + 9;
        return Long.parseLong(token.substring(from, token.indexOf(' ', from)));
    }

    private static final byte[] KERNEL_TAG = FastLines.ascii("kernel: ");
    private static final byte[] KERNEL_NAME = FastLines.ascii("kernel");

    /**
     * The fast path, for nearly every line of a syslog file: "Mmm dd hh:mm:ss host tag: ..."
     * with a date that exists, single blanks between the fields and a host made of letters,
     * digits, '.', '-' and '_'. Another program's line yields nothing whatever its message;
     * a kernel line is taken when its message is plain text (none of the message table's
     * anchors) or a limiter other than networking's saying how many callbacks it suppressed
     * (audit's, by the hundred thousand), or one of the table's literal messages (the conntrack
     * drop message), whose event it emits as {@link #line} does. Every other line, and every line with another stamp, goes to the grammar.
     */
    @Override
    public boolean fastLine(int number, byte[] b, int n, ArtifactBuilder out) {
        if (!fastPath) {
            return false;
        }
        int stampEnd = yearlessStampEnd(b, n);
        int i = stampEnd;
        if (i < 0 || i >= n || b[i] != ' ') {
            return false;
        }
        int host = ++i;
        while (i < n && hostByte(b[i])) {
            i++;
        }
        if (i == host || i >= n || b[i] != ' ' || !(FastLines.letter(b[host]) || FastLines.digit(b[host]))) {
            return false;
        }
        int tag = ++i;
        Event event = null;
        if (FastLines.startsWith(b, n, tag, KERNEL_TAG)) {
            if (!host(b, host, tag - 1)) {
                return false;
            }
            int at = tag + KERNEL_TAG.length;
            while (at < n && FastLines.blank(b[at])) {
                at++;
            }
            if (table.anchored(b, at, n)) {
                int message = messageStart(b, n, at);
                if (message < 0) {
                    return false;
                }
                String kind = table.literalKind(b, n, message);
                if (kind != null) {
                    event = literal(kind, number, b, n, stampEnd, out);
                } else if (!otherLimiter(b, n, message)) {
                    return false;
                }
            }
            if (stamped == 0) {
                out.firstStamp(Stamps.syslog(FastLines.text(b, 0, stampEnd)));
            }
            kernelLines++;
            stamped++;
            yearless++;
        } else if (!otherTag(b, n, tag)) {
            return false;
        }
        previous = event;
        return true;
    }

    /**
     * Emits the event of a message that is one of the table's literals (the conntrack drop
     * message most of all), as {@link #line} does, and returns it for a "last message repeated"
     * after it. Past {@code --max-events} the event is only counted, and what is returned has no
     * line of its own: a repeat takes nothing from the event but its kind, count and attributes.
     */
    private static Event literal(String kind, int number, byte[] b, int n, int stampEnd, ArtifactBuilder out) {
        if (!out.keepsEvents()) {
            out.eventNotKept(kind, 1, number);
            return new Event(kind, Stamp.NONE, 1, Map.of(), null);
        }
        Event event = new Event(kind, Stamps.syslog(FastLines.text(b, 0, stampEnd)), 1, Map.of(),
                out.evidence(number, LineReader.decode(b, n)));
        out.event(event);
        return event;
    }

    /**
     * Where the kernel's message starts, from the first byte after the tag's blanks: after
     * an optional "[seconds]" stamp and the blanks that must follow it; -1 when the stamp
     * has none after it.
     */
    private static int messageStart(byte[] b, int n, int at) {
        int message = KernelMessages.uptimeStampEnd(b, n, at);
        if (message < 0) {
            return at;
        }
        if (message == n || !FastLines.blank(b[message])) {
            return -1;
        }
        while (message < n && FastLines.blank(b[message])) {
            message++;
        }
        return message;
    }

    /** Whether the kernel's message is a limiter's note that is not networking's: it yields no event. */
    private boolean otherLimiter(byte[] b, int n, int message) {
        return table.ratelimit() != null && KernelMessages.callbacksSuppressed(b, n, message) >= 0
                && !table.networkLimiter(b, message, KernelMessages.limiterEnd(b, n, message));
    }

    /**
     * Whether a program's tag other than the kernel's starts at {@code at}: a name of bytes
     * other than blanks, ':' and '[', an optional "[pid]", then ':' and a blank or the end.
     * ("kernel:" at the end of a line is the kernel's, with an empty message.)
     */
    private static boolean otherTag(byte[] b, int n, int at) {
        int i = at;
        while (i < n && b[i] != ':' && b[i] != '[' && !FastLines.blank(b[i])) {
            i++;
        }
        if (i == at || i >= n || FastLines.startsWith(b, n, at, KERNEL_NAME) && i - at == KERNEL_NAME.length && b[i] == ':') {
            return false;
        }
        if (b[i] == '[') {
            i++;
            while (i < n && b[i] != ']' && !FastLines.blank(b[i])) {
                i++;
            }
            if (i >= n || b[i] != ']') {
                return false;
            }
            i++;
        }
        return i < n && b[i] == ':' && (i + 1 == n || FastLines.blank(b[i + 1]));
    }

    /**
     * Notes the host name {@code b[from, to)} of a kernel line; false when it is no host but
     * logread's facility.level ("kern.info"), which the grammar reads as one.
     */
    private boolean host(byte[] b, int from, int to) {
        int hash = 1;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + b[i];
        }
        if (hash != lastHostHash) {
            String name = FastLines.text(b, from, to);
            if (FACILITY_LEVELS.contains(name)) {
                return false;
            }
            if (hosts.size() < HOSTS) {
                hosts.add(name);
            }
            lastHostHash = hash;
        }
        return true;
    }

    /** Every "facility.level" the grammar's FACILITY token reads. */
    private static final java.util.Set<String> FACILITY_LEVELS = facilityLevels();

    private static java.util.Set<String> facilityLevels() {
        java.util.Set<String> all = new java.util.HashSet<>();
        for (String facility : List.of("kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "cron",
                "authpriv", "ftp", "local0", "local1", "local2", "local3", "local4", "local5", "local6", "local7")) {
            for (String level : List.of("emerg", "alert", "crit", "err", "warn", "warning", "notice", "info", "debug")) {
                all.add(facility + "." + level);
            }
        }
        return all;
    }

    private static boolean hostByte(byte c) {
        return FastLines.letter(c) || FastLines.digit(c) || c == '.' || c == '-' || c == '_';
    }

    /**
     * "Feb  4 09:34:10" (a month name, blanks, one or two digits, one blank, hh:mm:ss) with a
     * day that exists in some year and a valid time: the index after it, or -1.
     */
    private static int yearlessStampEnd(byte[] b, int n) {
        if (n < 14) {
            return -1;
        }
        int month = FastLines.monthAt(b, 0);
        if (month < 0 || b[3] != ' ') {
            return -1;
        }
        int i = 4;
        while (i < n && b[i] == ' ') {
            i++;
        }
        int day = i;
        while (i < n && i - day < 2 && FastLines.digit(b[i])) {
            i++;
        }
        if (i == day || i + 9 > n || b[i] != ' ' || !FastLines.digits(b, n, i + 1, 2) || b[i + 3] != ':'
                || !FastLines.digits(b, n, i + 4, 2) || b[i + 6] != ':' || !FastLines.digits(b, n, i + 7, 2)) {
            return -1;
        }
        int dayOfMonth = i - day == 1 ? b[day] - '0' : FastLines.two(b, day);
        // 2000 was a leap year: Feb 29 exists in some year, Feb 30 in none
        if (!FastLines.validDateTime(2000, month + 1, dayOfMonth, FastLines.two(b, i + 1), FastLines.two(b, i + 4),
                FastLines.two(b, i + 7))) {
            return -1;
        }
        return i + 9;
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

    @Override
    public void finish(ArtifactBuilder out) {
        out.fact(Fact.number("syslog.kernel_lines", kernelLines, null));
        out.fact(Fact.number("kernel-log.stamped_lines", stamped, null));
        out.fact(Fact.number("kernel-log.clock_stamps", stamped, null));
        out.fact(Fact.number("syslog.yearless_stamps", yearless, null));
        if (!hosts.isEmpty()) {
            out.fact(Fact.text("syslog.hosts", String.join(" ", hosts), null));
        }
    }

    /** A syslog file at an unknown path: most of its first lines have a header and a tag. */
    @Override
    public boolean recognizes(List<String> head) {
        return HeadLines.mostFit(head, text -> {
            LineContext line = grammar.parse(text, io.rootline.grammar.SyslogParser::line);
            return line instanceof TaggedContext || line instanceof RepeatedContext;
        });
    }
}
