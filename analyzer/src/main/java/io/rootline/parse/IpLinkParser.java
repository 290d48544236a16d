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
import java.util.TreeMap;
import org.antlr.v4.runtime.Token;

/**
 * Reads {@code ip -s link} into per-interface counters, {@code iface.<name>.<direction>_<column>},
 * using the column names of each header so that old and new iproute2 layouts read alike.
 * "overrun" (old) and "missed" (new) name the same counter; both are kept as written.
 *
 * <p>For the grammar's sample it yields {@code iface.eth0.rx_bytes = 7367887086237},
 * {@code iface.eth0.rx_dropped = 0}, {@code iface.eth0.rx_errors_crc = 0},
 * {@code iface.eth0.tx_carrier = 0}, ... and, over all interfaces but loopback,
 * {@code iface.total.rx_dropped} and friends. Per-VF statistics are read and skipped.
 */
final class IpLinkParser implements ArtifactParser {

    private final GrammarDriver<io.rootline.grammar.IpLinkParser> grammar =
            GrammarDriver.of(IpLinkLexer::new, io.rootline.grammar.IpLinkParser::new);
    private String link;
    private boolean inVf;
    private String prefix;
    private List<String> columns;
    private final Map<String, BigDecimal> totals = new TreeMap<>();

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
            out.fact(Fact.text("iface." + link + ".flags", header.flags.getText(), out.evidence(number, text)));
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
            out.fact(Fact.number("iface." + link + "." + column, value, out.evidence(number, text)));
            if (!link.equals("lo")) {
                totals.merge(column, value, BigDecimal::add);
            }
        }
    }

    @Override
    public void finish(ArtifactBuilder out) {
        totals.forEach((column, value) -> out.fact(Fact.number("iface.total." + column, value, null)));
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
