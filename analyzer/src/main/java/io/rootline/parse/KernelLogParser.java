package io.rootline.parse;

import io.rootline.grammar.KernelLogLexer;
import io.rootline.grammar.KernelLogParser.ClockStampContext;
import io.rootline.grammar.KernelLogParser.ConntrackFullContext;
import io.rootline.grammar.KernelLogParser.LineContext;
import io.rootline.grammar.KernelLogParser.NeighbourOverflowContext;
import io.rootline.grammar.KernelLogParser.RateLimitedContext;
import io.rootline.grammar.KernelLogParser.SynFloodingContext;
import io.rootline.grammar.KernelLogParser.UptimeStampContext;
import io.rootline.model.Event;
import io.rootline.model.Fact;
import io.rootline.model.Stamp;
import java.time.DateTimeException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the kernel ring buffer ({@code dmesg}, {@code dmesg -T}, /var/log/dmesg)
 * into events for the messages rules act on. Every other message is a valid line
 * that yields nothing.
 *
 * <p>For the grammar's sample it yields:
 * <pre>
 *   kernel.conntrack-table-full  at SinceBoot(86330449.2946)
 *   kernel.ratelimit-suppressed  at SinceBoot(27772678.728802), count 1367, source net_ratelimit
 *       (only for the limiters in {@link #NETWORK_LIMITERS}: audit's own limiter is not about drops)
 *   kernel.conntrack-table-full  at LocalWall(2021-05-08T12:40:51)
 * </pre>
 * and the facts {@code kernel-log.stamped_lines} and {@code kernel-log.clock_stamps}
 * (how many lines carried {@code -T} wall-clock stamps).
 */
final class KernelLogParser implements ArtifactParser {

    static final String CONNTRACK_FULL = "kernel.conntrack-table-full";
    static final String RATELIMIT = "kernel.ratelimit-suppressed";
    static final String NEIGHBOUR_OVERFLOW = "kernel.neighbour-table-overflow";
    static final String SYN_FLOODING = "kernel.syn-flooding";

    /** Rate limiters whose suppressed callbacks can be networking messages. */
    static final Set<String> NETWORK_LIMITERS = Set.of("net_ratelimit", "__ratelimit", "printk");

    private final GrammarDriver<io.rootline.grammar.KernelLogParser> grammar =
            new GrammarDriver<>(KernelLogLexer::new, io.rootline.grammar.KernelLogParser::new);
    /** Words that any message rules act on contains; a line without them is plain text. */
    private static final String[] MESSAGE_WORDS = {"table full", "suppressed", "able overflow", "SYN flooding"};

    private final boolean fastPath;
    private long stamped;
    private long clockStamped;

    KernelLogParser() {
        this(true);
    }

    /** @param fastPath whether plain stamped lines may skip the grammar (tests compare both ways) */
    KernelLogParser(boolean fastPath) {
        this.fastPath = fastPath;
    }

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        if (fastPath && fast(text)) {
            return;
        }
        LineContext line = grammar.parse(text, io.rootline.grammar.KernelLogParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
            return;
        }
        Stamp stamp = Stamp.NONE;
        try {
            if (line.stamp() instanceof UptimeStampContext up) {
                stamp = Stamps.sinceBoot(up.getText());
                stamped++;
            } else if (line.stamp() instanceof ClockStampContext clock) {
                stamp = Stamps.dmesgClock(clock.getText());
                stamped++;
                clockStamped++;
            }
        } catch (DateTimeException | NumberFormatException e) {
            out.problem(number, "impossible time stamp, kept without a time: " + e.getMessage());
        }
        var message = line.message();
        if (message instanceof ConntrackFullContext) {
            out.event(Event.of(CONNTRACK_FULL, stamp, out.evidence(number, text)));
        } else if (message instanceof RateLimitedContext limited) {
            String source = limited.source.getText();
            source = source.endsWith(":") ? source.substring(0, source.length() - 1) : source;
            // Only the networking limiter (and the generic one of old kernels) silences drop
            // messages; "kauditd_printk_skb: 22 callbacks suppressed" is about audit records.
            if (NETWORK_LIMITERS.contains(source)) {
                out.event(new Event(RATELIMIT, stamp, Long.parseLong(limited.count.getText()),
                        Map.of("source", source), out.evidence(number, text)));
            }
        } else if (message instanceof NeighbourOverflowContext) {
            out.event(Event.of(NEIGHBOUR_OVERFLOW, stamp, out.evidence(number, text)));
        } else if (message instanceof SynFloodingContext syn) {
            String token = syn.SYN_FLOOD().getText();
            int from = token.indexOf(" port ") + 6;
            String port = token.substring(from, token.indexOf('.', from));
            out.event(new Event(SYN_FLOODING, stamp, 1, Map.of("port", port), out.evidence(number, text)));
        }
    }

    /**
     * The fast path, for the lines that make up nearly all of a ring buffer: a stamp, then a
     * message that is plain text to the grammar (it holds none of {@link #MESSAGE_WORDS} and
     * does not start with the "kernel: " tag). Their only effect is to be counted as stamped.
     *
     * @return false when the line must go to the grammar
     */
    private boolean fast(String text) {
        if (FastLines.hasStrayControl(text)) {
            return false;
        }
        int end = uptimeStampEnd(text);
        boolean clock = false;
        if (end < 0) {
            end = clockStampEnd(text);
            clock = end > 0;
        }
        if (end < 0 || (end < text.length() && !FastLines.blank(text.charAt(end)))) {
            return false;
        }
        int message = end;
        while (message < text.length() && FastLines.blank(text.charAt(message))) {
            message++;
        }
        if (text.startsWith("kernel: ", message)) {
            return false;
        }
        for (String word : MESSAGE_WORDS) {
            if (text.indexOf(word, message) >= 0) {
                return false;
            }
        }
        stamped++;
        if (clock) {
            clockStamped++;
        }
        return true;
    }

    /** "[86330449.294600]" or "[    0.000000]": the index after ']', or -1. */
    private static int uptimeStampEnd(String s) {
        if (s.isEmpty() || s.charAt(0) != '[') {
            return -1;
        }
        int i = 1;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        int digits = i;
        while (i < s.length() && FastLines.digit(s.charAt(i))) {
            i++;
        }
        if (i == digits || i >= s.length() || s.charAt(i) != '.') {
            return -1;
        }
        int fraction = ++i;
        while (i < s.length() && FastLines.digit(s.charAt(i))) {
            i++;
        }
        return i > fraction && i < s.length() && s.charAt(i) == ']' ? i + 1 : -1;
    }

    /**
     * "[Sat May  8 12:40:51 2021]" with a date that exists: the index after ']', or -1.
     * Follows CLOCK_STAMP exactly: '[' day ' ' month ' '+ d{1,2} ' ' hh:mm:ss ' ' yyyy ']'.
     */
    private static int clockStampEnd(String s) {
        if (s.length() < 25 || s.charAt(0) != '[' || !DAYS.contains(s.substring(1, 4)) || s.charAt(4) != ' '
                || !MONTHS.contains(s.substring(5, 8)) || s.charAt(8) != ' ') {
            return -1;
        }
        int i = 9;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        int day = i;
        while (i < s.length() && i - day < 2 && FastLines.digit(s.charAt(i))) {
            i++;
        }
        if (i == day || i + 15 > s.length() || s.charAt(i) != ' ' || !FastLines.digits(s, i + 1, 2) || s.charAt(i + 3) != ':'
                || !FastLines.digits(s, i + 4, 2) || s.charAt(i + 6) != ':' || !FastLines.digits(s, i + 7, 2)
                || s.charAt(i + 9) != ' ' || !FastLines.digits(s, i + 10, 4) || s.charAt(i + 14) != ']') {
            return -1;
        }
        try {
            Stamps.dmesgClock(s.substring(0, i + 15));
        } catch (DateTimeException e) {
            return -1; // the grammar path reports the impossible date
        }
        return i + 15;
    }

    private static final Set<String> DAYS = Set.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
    private static final Set<String> MONTHS = Set.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec");

    @Override
    public void finish(ArtifactBuilder out) {
        out.fact(Fact.number("kernel-log.stamped_lines", stamped, null));
        out.fact(Fact.number("kernel-log.clock_stamps", clockStamped, null));
    }

    @Override
    public boolean recognizes(List<String> head) {
        int withStamp = 0;
        int nonBlank = 0;
        for (String text : head) {
            if (text.isBlank()) {
                continue;
            }
            nonBlank++;
            LineContext line = grammar.parse(text, io.rootline.grammar.KernelLogParser::line);
            if (line != null && (line.stamp() != null || !(line.message() instanceof io.rootline.grammar.KernelLogParser.PlainTextContext))) {
                withStamp++;
            }
        }
        return nonBlank > 0 && withStamp * 2 > nonBlank;
    }
}
