package io.rootline.parse;

import io.rootline.grammar.KernelLogLexer;
import io.rootline.grammar.KernelLogParser.LineContext;
import io.rootline.grammar.KernelLogParser.MessageContext;
import io.rootline.model.Event;
import io.rootline.model.Evidence;
import io.rootline.model.Stamp;

/**
 * The kernel messages rules act on, wherever the kernel's lines were kept: the ring buffer
 * ({@link KernelLogParser}) or a syslog file ({@link SyslogParser}). Both read a line with the
 * KernelLog grammar and give its message to the kernel message table ({@link KernelMessageTable}),
 * so that a drop counts the same in {@code dmesg} and in /var/log/messages.
 */
final class KernelMessages {

    static final String CONNTRACK_FULL = "kernel.conntrack-table-full";
    static final String RATELIMIT = KernelMessageTable.RATELIMIT;

    private final GrammarDriver<io.rootline.grammar.KernelLogParser> grammar =
            GrammarDriver.of(KernelLogLexer::new, io.rootline.grammar.KernelLogParser::new);
    private final KernelMessageTable table;

    KernelMessages(KernelMessageTable table) {
        this.table = table;
    }

    KernelMessageTable table() {
        return table;
    }

    /** A kernel line read by the KernelLog grammar, or null when it does not fit ({@link #lastError}). */
    LineContext parse(String text) {
        return grammar.parse(text, io.rootline.grammar.KernelLogParser::line);
    }

    String lastError() {
        return grammar.lastError();
    }

    /** The message of a line the grammar read, as written (its blanks kept): what the table matches. */
    static String text(String line, MessageContext message) {
        return message.start == null || message.getChildCount() == 0 ? "" : line.substring(message.start.getStartIndex());
    }

    /**
     * The event a message stands for, or null for plain text and for the limiters that are not
     * about networking ("kauditd_printk_skb: 22 callbacks suppressed" is about audit records).
     *
     * @param times how many times the line was logged (syslog's "message repeated N times")
     */
    Event event(String message, Stamp stamp, long times, Evidence evidence) {
        return table.event(message, stamp, times, evidence);
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

}
