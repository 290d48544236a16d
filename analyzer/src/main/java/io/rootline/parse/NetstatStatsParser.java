package io.rootline.parse;

import io.rootline.grammar.NetstatStatsLexer;
import io.rootline.grammar.NetstatStatsParser.LabelledCounterContext;
import io.rootline.grammar.NetstatStatsParser.LineContext;
import io.rootline.grammar.NetstatStatsParser.ProseCounterContext;
import io.rootline.grammar.NetstatStatsParser.SectionHeaderContext;
import io.rootline.grammar.NetstatStatsParser.SubHeadingContext;
import io.rootline.model.Fact;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Reads {@code netstat -s} into one fact per counter, keyed by section and the
 * kernel's MIB name so that rules read the same key whatever the net-tools release.
 *
 * <p>For the sample in the grammar's header it yields, among others:
 * <pre>
 *   netstat.Ip.Forwarding          = 2
 *   netstat.Ip.OutNoRoutes         = 1          ("1 dropped because of missing route")
 *   netstat.Icmp.InDestUnreachs    = 187293     (input histogram)
 *   netstat.IcmpMsg.InType0        = 1889155
 *   netstat.TcpExt.DelayedACKLost  = 464190     ("Quick ack mode was activated 464190 times")
 *   netstat.TcpExt.TCPTimeWaitOverflow = 4515359237
 * </pre>
 * A prose line whose wording is not in the table keeps a key made from its words
 * ({@code netstat.TcpExt.some_new_counter_n}), so no counter is ever dropped, and is
 * reported as a problem: rules look for MIB names, so the artifact is partial.
 */
final class NetstatStatsParser implements ArtifactParser {

    private final GrammarDriver<io.rootline.grammar.NetstatStatsParser> grammar =
            GrammarDriver.of(NetstatStatsLexer::new, io.rootline.grammar.NetstatStatsParser::new);
    private String section = "";
    private String histogram = "";

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        LineContext line = grammar.parse(text, io.rootline.grammar.NetstatStatsParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
            return;
        }
        if (line instanceof SectionHeaderContext header) {
            String name = header.header.getText();
            section = name.substring(0, name.length() - 1);
            histogram = "";
        } else if (line instanceof SubHeadingContext sub) {
            histogram = NetstatWordings.histogramDirection(words(sub.label().WORD()));
        } else if (line instanceof LabelledCounterContext counter) {
            List<TerminalNode> label = counter.label().WORD();
            if (label.size() == 1 && histogram.isEmpty()) {
                record(number, text, label.get(0).getText(), counter.value, out);
            } else {
                String words = words(label);
                record(number, text, known(NetstatWordings.histogramName(histogram, words), histogram + words, number, out),
                        counter.value, out);
            }
        } else if (line instanceof ProseCounterContext prose) {
            String wording = wording(prose.prose().before, prose.prose().after);
            record(number, text, known(NetstatWordings.mibName(section, wording), wording, number, out), prose.prose().value, out);
        }
    }

    /**
     * The MIB name, or, for a wording the table lacks (a newer net-tools, another
     * locale), a key made of its words, reported so that the artifact shows partial.
     */
    private static String known(String mibName, String wording, int number, ArtifactBuilder out) {
        if (mibName != null) {
            return mibName;
        }
        String key = NetstatWordings.keyOfWords(wording);
        out.problem(number, "wording not in the table of net-tools wordings (another release or locale?); kept as " + key);
        return key;
    }

    private void record(int number, String text, String name, Token value, ArtifactBuilder out) {
        if (section.isEmpty()) {
            out.problem(number, "counter before any section header: \"" + text.trim() + "\"");
        }
        String key = "netstat." + (section.isEmpty() ? "unknown" : section) + "." + name;
        out.fact(Fact.number(key, new BigDecimal(value.getText()), out.evidence(number, text)));
    }

    @Override
    public boolean recognizes(List<String> head) {
        boolean sawSection = false;
        int counters = 0;
        for (String text : head) {
            LineContext line = grammar.parse(text, io.rootline.grammar.NetstatStatsParser::line);
            if (line == null) {
                return false;
            }
            if (line instanceof SectionHeaderContext h) {
                sawSection |= List.of("Ip:", "Icmp:", "Tcp:", "Udp:", "TcpExt:").contains(h.header.getText());
            } else if (line instanceof ProseCounterContext || line instanceof LabelledCounterContext) {
                counters++;
            }
        }
        return sawSection && counters >= 2;
    }

    private static String words(List<TerminalNode> nodes) {
        return nodes.stream().map(TerminalNode::getText).collect(Collectors.joining(" "));
    }

    private static String wording(List<Token> before, List<Token> after) {
        StringBuilder b = new StringBuilder();
        for (Token t : before) {
            b.append(t.getText()).append(' ');
        }
        b.append('N');
        for (Token t : after) {
            b.append(' ').append(t.getText());
        }
        return b.toString();
    }
}
