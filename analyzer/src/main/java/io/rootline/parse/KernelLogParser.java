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
    private long stamped;
    private long clockStamped;

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
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
