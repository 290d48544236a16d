package io.rootline.parse;

import io.rootline.grammar.IpLinkLexer;
import io.rootline.grammar.IpLinkParser.LineContext;
import io.rootline.grammar.IpLinkParser.LinkHeaderContext;
import io.rootline.grammar.IpLinkParser.StatsHeaderContext;
import io.rootline.grammar.IpLinkParser.StatsValuesContext;
import io.rootline.grammar.IpLinkParser.VfHeaderContext;
import io.rootline.model.Fact;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;

/**
 * Reads {@code ip -s link} into per-interface counters, {@code iface.<direction>_<column>}
 * labelled by {@code iface}, using the column names of each header so that old and new
 * iproute2 layouts read alike. "overrun" (old) and "missed" (new) name the same counter; both
 * are kept as written.
 *
 * <p>For the grammar's sample it yields {@code iface.rx_bytes{iface=eth0} = 7367887086237},
 * {@code iface.rx_dropped{iface=eth0} = 0}, {@code iface.rx_errors_crc{iface=eth0} = 0},
 * {@code iface.tx_carrier{iface=eth0} = 0}, ... Rules sum them over interfaces themselves
 * ({@code sum(iface.rx_dropped where iface != 'lo')}). Per-VF statistics are read and skipped.
 */
final class IpLinkParser implements ArtifactParser {

    /** The columns iproute2 prints, by direction, as the names this format supplies. */
    private static final List<String> COLUMNS = List.of("rx_bytes", "rx_packets", "rx_errors", "rx_dropped", "rx_overrun",
            "rx_missed", "rx_mcast", "rx_nohandler", "rx_otherhost", "rx_errors_length", "rx_errors_crc", "rx_errors_frame",
            "rx_errors_fifo", "rx_errors_missed", "rx_errors_overrun", "tx_bytes", "tx_packets", "tx_errors", "tx_dropped",
            "tx_carrier", "tx_collsns", "tx_errors_aborted", "tx_errors_fifo", "tx_errors_window", "tx_errors_heartbeat",
            "tx_errors_transns");

    static List<io.rootline.format.Name> names() {
        List<io.rootline.format.Name> names = new java.util.ArrayList<>();
        names.add(io.rootline.format.Name.fact("iface.flags", "iface"));
        COLUMNS.forEach(c -> names.add(io.rootline.format.Name.fact("iface." + c, "iface")));
        return names;
    }

    private final GrammarDriver<io.rootline.grammar.IpLinkParser> grammar =
            GrammarDriver.of(IpLinkLexer::new, io.rootline.grammar.IpLinkParser::new);
    private String link;
    private boolean inVf;
    private String prefix;
    private List<String> columns;

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        LineContext line = grammar.parse(text, io.rootline.grammar.IpLinkParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
            columns = null;
            return;
        }
        if (line instanceof LinkHeaderContext header) {
            String name = header.name.getText();
            name = name.substring(0, name.length() - 1);
            int at = name.indexOf('@');
            link = at > 0 ? name.substring(0, at) : name;
            inVf = false;
            columns = null;
            out.fact(Fact.labelledText("iface.flags", Map.of("iface", link), header.flags.getText(), out.evidence(number, text)));
        } else if (line instanceof VfHeaderContext) {
            inVf = true;
            columns = null;
        } else if (line instanceof StatsHeaderContext header) {
            String direction = header.direction.getText();
            prefix = direction.startsWith("RX") ? "rx_" : "tx_";
            if (direction.contains("errors")) {
                prefix += "errors_";
            }
            columns = header.column.stream().map(Token::getText).toList();
        } else if (line instanceof StatsValuesContext values) {
            if (columns == null || link == null) {
                out.unknownLine(number, text, "numbers without a statistics header above them");
                return;
            }
            if (!inVf) {
                record(number, text, values.value, out);
            }
            columns = null;
        }
    }

    private void record(int number, String text, List<Token> values, ArtifactBuilder out) {
        if (values.size() != columns.size()) {
            out.problem(number, values.size() + " numbers under " + columns.size() + " column names; matched from the left");
        }
        for (int i = 0; i < Math.min(values.size(), columns.size()); i++) {
            String column = prefix + columns.get(i);
            BigDecimal value = new BigDecimal(values.get(i).getText());
            out.fact(Fact.labelled("iface." + column, Map.of("iface", link), value, out.evidence(number, text)));
        }
    }

    /**
     * A link header first, and a statistics header within the head: {@code ip addr} and
     * {@code ip link} without {@code -s} start the same way but hold no counters.
     */
    @Override
    public boolean recognizes(List<String> head) {
        boolean first = true;
        for (String text : head) {
            if (text.isBlank()) {
                continue;
            }
            LineContext line = grammar.parse(text, io.rootline.grammar.IpLinkParser::line);
            if (line == null || first && !(line instanceof LinkHeaderContext)) {
                return false;
            }
            first = false;
            if (line instanceof StatsHeaderContext) {
                return true;
            }
        }
        return false;
    }
}
