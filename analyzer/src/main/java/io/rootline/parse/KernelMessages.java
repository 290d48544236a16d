package io.rootline.parse;

import io.rootline.grammar.KernelLogLexer;
import io.rootline.grammar.KernelLogParser.ConntrackFullContext;
import io.rootline.grammar.KernelLogParser.LineContext;
import io.rootline.grammar.KernelLogParser.MessageContext;
import io.rootline.grammar.KernelLogParser.NeighbourOverflowContext;
import io.rootline.grammar.KernelLogParser.RateLimitedContext;
import io.rootline.grammar.KernelLogParser.SynFloodingContext;
import io.rootline.model.Event;
import io.rootline.model.Evidence;
import io.rootline.model.Stamp;
import java.util.Map;
import java.util.Set;

/**
 * The kernel messages rules act on, wherever the kernel's lines were kept: the ring buffer
 * ({@link KernelLogParser}) or a syslog file ({@link SyslogParser}). Both read a message
 * with the KernelLog grammar and turn it into an event here, so that a drop counts the same
 * in {@code dmesg} and in /var/log/messages.
 */
final class KernelMessages {

    static final String CONNTRACK_FULL = "kernel.conntrack-table-full";
    static final String RATELIMIT = "kernel.ratelimit-suppressed";
    static final String NEIGHBOUR_OVERFLOW = "kernel.neighbour-table-overflow";
    static final String SYN_FLOODING = "kernel.syn-flooding";

    /** Rate limiters whose suppressed callbacks can be networking messages. */
    static final Set<String> NETWORK_LIMITERS = Set.of("net_ratelimit", "__ratelimit", "printk");

    /**
     * Words that any message rules act on contains; a message without them is plain text.
     * Each is found through the pair of its bytes that is rarest in the corpus's real kernel
     * logs (10,273 lines of dmesg, dmesg -T, messages and journalctl -k): "fu" stands in
     * 1.3 % of them, "ss" in 6.0 %, "fl" in 1.4 %, "YN" in 0.1 %. The letter ranking's pairs
     * ("bl", "pp", "ve") stood in 8.5 %, 42 % and 12 %.
     */
    static final WordSet WORDS = WordSet.through("table full", "fu", "suppressed", "ss", "able overflow", "fl",
            "SYN flooding", "YN");

    private final GrammarDriver<io.rootline.grammar.KernelLogParser> grammar =
            GrammarDriver.of(KernelLogLexer::new, io.rootline.grammar.KernelLogParser::new);

    /** A kernel line read by the KernelLog grammar, or null when it does not fit ({@link #lastError}). */
    LineContext parse(String text) {
        return grammar.parse(text, io.rootline.grammar.KernelLogParser::line);
    }

    String lastError() {
        return grammar.lastError();
    }

    /**
     * The event a message stands for, or null for plain text and for the limiters that
     * are not about networking ("kauditd_printk_skb: 22 callbacks suppressed" is about
     * audit records).
     *
     * @param times how many times the line was logged (syslog's "message repeated N times")
     */
    static Event event(MessageContext message, Stamp stamp, long times, Evidence evidence) {
        if (message instanceof ConntrackFullContext) {
            return new Event(CONNTRACK_FULL, stamp, times, Map.of(), evidence);
        }
        if (message instanceof RateLimitedContext limited) {
            String source = limited.source.getText();
            source = source.endsWith(":") ? source.substring(0, source.length() - 1) : source;
            return NETWORK_LIMITERS.contains(source)
                    ? new Event(RATELIMIT, stamp, Math.multiplyExact(Long.parseLong(limited.count.getText()), times), Map.of("source", source), evidence)
                    : null;
        }
        if (message instanceof NeighbourOverflowContext) {
            return new Event(NEIGHBOUR_OVERFLOW, stamp, times, Map.of(), evidence);
        }
        if (message instanceof SynFloodingContext syn) {
            String token = syn.SYN_FLOOD().getText();
            int from = token.indexOf(" port ") + 6;
            String port = token.substring(from, token.indexOf('.', from));
            return new Event(SYN_FLOODING, stamp, times, Map.of("port", port), evidence);
        }
        return null;
    }

    /** "[86330449.294600]" or "[    0.000000]" at {@code at}: the index after ']', or -1. */
    static int uptimeStampEnd(byte[] b, int n, int at) {
        if (at >= n || b[at] != '[') {
            return -1;
        }
        int i = at + 1;
        while (i < n && b[i] == ' ') {
            i++;
        }
        int digits = i;
        while (i < n && FastLines.digit(b[i])) {
            i++;
        }
        if (i == digits || i >= n || b[i] != '.') {
            return -1;
        }
        int fraction = ++i;
        while (i < n && FastLines.digit(b[i])) {
            i++;
        }
        return i > fraction && i < n && b[i] == ']' ? i + 1 : -1;
    }

    private static final byte[] DROP_MESSAGE = FastLines.ascii("nf_conntrack: table full, dropping packet");

    /**
     * For the fast paths: whether the message {@code b[message, n)} is the drop message as
     * most kernels print it, "nf_conntrack: table full, dropping packet", with an optional
     * period and blanks after: the lexer's CONNTRACK_FULL token alone (any other byte after
     * it would make the message plain text). A host without a rate limit prints it by the
     * million. The rarer forms (the prefix twice, "ip_conntrack: ") go to the grammar.
     */
    static boolean conntrackFull(byte[] b, int n, int message) {
        if (!FastLines.startsWith(b, n, message, DROP_MESSAGE)) {
            return false;
        }
        int i = message + DROP_MESSAGE.length;
        if (i < n && b[i] == '.') {
            i++;
        }
        for (; i < n; i++) {
            if (!FastLines.blank(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static final byte[] CALLBACKS_SUPPRESSED = FastLines.ascii("callbacks suppressed");

    /**
     * For the fast paths: the N of a message {@code b[message, n)} that is "SOURCE: N callbacks
     * suppressed" and nothing after it, where SOURCE is a word the lexer can only read as a
     * WORD (it starts with a letter or '_' and holds no blank), or -1 for any other message.
     * The caller has already given lines that hold the "kernel: " tag to the grammar.
     */
    static long callbacksSuppressed(byte[] b, int n, int message) {
        if (message == n || !(FastLines.letter(b[message]) || b[message] == '_')) {
            return -1;
        }
        int i = message;
        while (i < n && !FastLines.blank(b[i])) {
            i++;
        }
        while (i < n && FastLines.blank(b[i])) {
            i++;
        }
        int digits = i;
        while (i < n && FastLines.digit(b[i])) {
            i++;
        }
        int countEnd = i;
        if (countEnd == digits || countEnd - digits > 18 || countEnd == n || !FastLines.blank(b[countEnd])) {
            return -1;
        }
        while (i < n && FastLines.blank(b[i])) {
            i++;
        }
        if (!FastLines.startsWith(b, n, i, CALLBACKS_SUPPRESSED)) {
            return -1;
        }
        for (i += CALLBACKS_SUPPRESSED.length; i < n; i++) {
            if (!FastLines.blank(b[i])) {
                return -1;
            }
        }
        return Long.parseLong(FastLines.text(b, digits, countEnd));
    }

    /** The end of the limiter's name in a {@link #callbacksSuppressed} message: its first word, without a colon. */
    static int limiterEnd(byte[] b, int n, int message) {
        int i = message;
        while (i < n && !FastLines.blank(b[i])) {
            i++;
        }
        return b[i - 1] == ':' ? i - 1 : i;
    }

    private static final byte[][] NETWORK_LIMITER_NAMES = NETWORK_LIMITERS.stream().map(FastLines::ascii).toArray(byte[][]::new);

    /** Whether {@code b[from, to)} names one of {@link #NETWORK_LIMITERS}. */
    static boolean networkLimiter(byte[] b, int from, int to) {
        for (byte[] name : NETWORK_LIMITER_NAMES) {
            if (name.length == to - from && FastLines.startsWith(b, to, from, name)) {
                return true;
            }
        }
        return false;
    }
}
