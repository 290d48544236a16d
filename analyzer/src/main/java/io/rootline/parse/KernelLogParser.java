package io.rootline.parse;

import io.rootline.grammar.KernelLogParser.ClockStampContext;
import io.rootline.grammar.KernelLogParser.LineContext;
import io.rootline.grammar.KernelLogParser.UptimeStampContext;
import io.rootline.model.Event;
import io.rootline.model.Fact;
import io.rootline.model.Stamp;
import java.io.IOException;
import java.time.DateTimeException;
import java.util.List;
import java.util.Map;

/**
 * Reads the kernel ring buffer ({@code dmesg}, {@code dmesg -T}, /var/log/dmesg)
 * into events for the messages rules act on. Every other message is a valid line
 * that yields nothing.
 *
 * <p>For the grammar's sample it yields:
 * <pre>
 *   kernel.conntrack-table-full  at SinceBoot(86330449.2946)
 *   kernel.ratelimit-suppressed  at SinceBoot(27772678.728802), count 1367, source net_ratelimit
 *       (only for the limiters in {@link KernelMessages#NETWORK_LIMITERS}: audit's own limiter is not about drops)
 *   kernel.conntrack-table-full  at LocalWall(2021-05-08T12:40:51)
 * </pre>
 * and the facts {@code kernel-log.stamped_lines}, {@code kernel-log.clock_stamps} (how many
 * lines carried {@code -T} wall-clock stamps), {@code kernel-log.first_since_boot = 86330449.2946}
 * (the first raw stamp) and {@code kernel-log.from_boot = 0}: the ring buffer holds the whole boot (1)
 * when its first line is the kernel's banner or was printed within a second of boot; otherwise
 * it wrapped, and syslog's copy holds the time before it.
 */
final class KernelLogParser implements ArtifactParser {

    private final KernelMessages kernel;
    private final KernelMessageTable table;
    private static final byte[] KERNEL_TAG = FastLines.ascii("kernel: ");

    private final boolean fastPath;
    private long stamped;
    private long clockStamped;
    /** The first stamped line's seconds since boot (raw stamps only); NaN until one is read. */
    private double firstSinceBoot = Double.NaN;
    /** Whether the first stamped line is the kernel's banner ("Linux version ..."), which it prints at boot. */
    private boolean startsWithBanner;

    KernelLogParser(ParserContext context) {
        this(context, true);
    }

    /** @param fastPath whether plain stamped lines may skip the grammar (tests compare both ways) */
    KernelLogParser(ParserContext context, boolean fastPath) {
        this.fastPath = fastPath;
        this.table = context.messages();
        this.kernel = new KernelMessages(table);
    }

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        LineContext line = kernel.parse(text);
        if (line == null) {
            out.unknownLine(number, text, kernel.lastError());
            return;
        }
        Stamp stamp = Stamp.NONE;
        try {
            if (line.stamp() instanceof UptimeStampContext up) {
                stamp = Stamps.sinceBoot(up.getText());
                first(stamp, text, text.indexOf(']') + 1, out);
                stamped++;
            } else if (line.stamp() instanceof ClockStampContext clock) {
                stamp = Stamps.dmesgClock(clock.getText());
                first(stamp, text, text.indexOf(']') + 1, out);
                stamped++;
                clockStamped++;
            }
        } catch (DateTimeException | NumberFormatException e) {
            out.problem(number, "impossible time stamp, kept without a time: " + e.getMessage());
        }
        Event event = kernel.event(KernelMessages.text(text, line.message()), stamp, 1, out.evidence(number, text));
        if (event != null) {
            out.event(event);
        }
    }

    /**
     * The fast path, for the lines that make up nearly all of a ring buffer: a stamp, then
     * either a message that is plain text (it holds none of the message table's anchors and does
     * not start with the "kernel: " tag), whose only effect
     * is to be counted as stamped, or a rate limiter's "SOURCE: N callbacks suppressed", which
     * busy hosts print by the hundred thousand (audit's limiter, most of all), or the
     * conntrack drop message, which a host without a rate limit prints by the million.
     */
    @Override
    public boolean fastLine(int number, byte[] b, int n, ArtifactBuilder out) {
        if (!fastPath) {
            return false;
        }
        int end = KernelMessages.uptimeStampEnd(b, n, 0);
        boolean clock = false;
        if (end < 0) {
            end = clockStampEnd(b, n);
            clock = end > 0;
        }
        if (end < 0 || (end < n && !FastLines.blank(b[end]))) {
            return false;
        }
        int message = end;
        while (message < n && FastLines.blank(b[message])) {
            message++;
        }
        if (FastLines.startsWith(b, n, message, KERNEL_TAG)) {
            return false;
        }
        if (table.anchored(b, message, n) && !(table.ratelimit() != null && rateLimited(number, b, n, end, message, clock, out))
                && !literal(number, b, n, end, message, clock, out)) {
            return false;
        }
        if (stamped == 0) {
            first(stamp(b, end, clock), LineReader.decode(b, n), end, out);
        }
        stamped++;
        if (clock) {
            clockStamped++;
        }
        return true;
    }

    /**
     * A rate limiter's "SOURCE: N callbacks suppressed" ({@link KernelMessages#callbacksSuppressed}):
     * emits its event, as {@link #line} does, for the networking limiters; false for any
     * other message.
     */
    private boolean rateLimited(int number, byte[] b, int n, int stampEnd, int message, boolean clock, ArtifactBuilder out) {
        long count = KernelMessages.callbacksSuppressed(b, n, message);
        if (count < 0) {
            return false;
        }
        int nameEnd = KernelMessages.limiterEnd(b, n, message);
        // audit's limiter prints these by the hundred thousand: a string only for the networking ones
        if (table.networkLimiter(b, message, nameEnd)) {
            out.event(new Event(KernelMessages.RATELIMIT, stamp(b, stampEnd, clock), count, Map.of("source", FastLines.text(b, message, nameEnd)),
                    out.evidence(number, LineReader.decode(b, n))));
        }
        return true;
    }

    /**
     * A message that is one of the table's literals ({@link KernelMessageTable#literalKind}), the
     * conntrack drop message most of all: emits its event as {@link #line} does.
     */
    private boolean literal(int number, byte[] b, int n, int stampEnd, int message, boolean clock, ArtifactBuilder out) {
        String kind = table.literalKind(b, n, message);
        if (kind == null) {
            return false;
        }
        if (out.keepsEvents()) {
            out.event(new Event(kind, stamp(b, stampEnd, clock), 1, Map.of(), out.evidence(number, LineReader.decode(b, n))));
        } else {
            out.eventNotKept(kind, 1, number);
        }
        return true;
    }

    /** The stamp a fast-path line starts with, as the grammar path reads it. */
    private static Stamp stamp(byte[] b, int stampEnd, boolean clock) {
        String text = FastLines.text(b, 0, stampEnd);
        return clock ? Stamps.dmesgClock(text) : Stamps.sinceBoot(text);
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
     * "[Sat May  8 12:40:51 2021]" with a date that exists: the index after ']', or -1.
     * Follows CLOCK_STAMP exactly: '[' day ' ' month ' '+ d{1,2} ' ' hh:mm:ss ' ' yyyy ']'.
     */
    private static int clockStampEnd(byte[] b, int n) {
        if (n < 25 || b[0] != '[' || indexOf(DAYS, b, 1) < 0 || b[4] != ' '
                || FastLines.monthAt(b, 5) < 0 || b[8] != ' ') {
            return -1;
        }
        int i = 9;
        while (i < n && b[i] == ' ') {
            i++;
        }
        int day = i;
        while (i < n && i - day < 2 && FastLines.digit(b[i])) {
            i++;
        }
        if (i == day || i + 15 > n || b[i] != ' ' || !FastLines.digits(b, n, i + 1, 2) || b[i + 3] != ':'
                || !FastLines.digits(b, n, i + 4, 2) || b[i + 6] != ':' || !FastLines.digits(b, n, i + 7, 2)
                || b[i + 9] != ' ' || !FastLines.digits(b, n, i + 10, 4) || b[i + 14] != ']') {
            return -1;
        }
        int dayOfMonth = i - day == 1 ? b[day] - '0' : FastLines.two(b, day);
        int year = FastLines.two(b, i + 10) * 100 + FastLines.two(b, i + 12);
        if (!FastLines.validDateTime(year, FastLines.monthAt(b, 5) + 1, dayOfMonth, FastLines.two(b, i + 1),
                FastLines.two(b, i + 4), FastLines.two(b, i + 7))) {
            return -1; // the grammar path reports the impossible date
        }
        return i + 15;
    }

    private static final byte[][] DAYS = names("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

    private static byte[][] names(String... names) {
        byte[][] bytes = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            bytes[i] = FastLines.ascii(names[i]);
        }
        return bytes;
    }

    /** Which of the three-letter {@code names} stands at {@code at}, or -1 (the caller checked the length). */
    private static int indexOf(byte[][] names, byte[] b, int at) {
        for (int k = 0; k < names.length; k++) {
            if (b[at] == names[k][0] && b[at + 1] == names[k][1] && b[at + 2] == names[k][2]) {
                return k;
            }
        }
        return -1;
    }

    /** Notes where the ring buffer begins, from its first stamped line (text from {@code message} on is its message). */
    private void first(Stamp stamp, String text, int message, ArtifactBuilder out) {
        if (stamped > 0) {
            return;
        }
        out.firstStamp(stamp);
        firstSinceBoot = stamp instanceof Stamp.SinceBoot b ? b.seconds() : Double.NaN;
        startsWithBanner = text.substring(Math.min(message, text.length())).strip().startsWith("Linux version ");
    }

    /** A ring buffer holds the whole boot when its first line is the banner, or was printed within its first second. */
    static final double BOOT_SECONDS = 1.0;

    @Override
    public void finish(ArtifactBuilder out) {
        out.fact(Fact.number("kernel-log.stamped_lines", stamped, null));
        out.fact(Fact.number("kernel-log.clock_stamps", clockStamped, null));
        if (!Double.isNaN(firstSinceBoot)) {
            out.fact(Fact.number("kernel-log.first_since_boot", java.math.BigDecimal.valueOf(firstSinceBoot), null));
        }
        if (stamped > 0) {
            out.fact(Fact.number("kernel-log.from_boot", startsWithBanner || firstSinceBoot <= BOOT_SECONDS ? 1 : 0, null));
        }
    }

    @Override
    public boolean recognizes(List<String> head) {
        return HeadLines.mostFit(head, text -> {
            LineContext line = kernel.parse(text);
            return line != null
                    && (line.stamp() != null || kernel.event(KernelMessages.text(text, line.message()), Stamp.NONE, 1, null) != null);
        });
    }
}
