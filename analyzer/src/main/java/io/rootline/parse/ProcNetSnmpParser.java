package io.rootline.parse;

import io.rootline.grammar.ProcNetSnmpLexer;
import io.rootline.grammar.ProcNetSnmpParser.LineContext;
import io.rootline.grammar.ProcNetSnmpParser.NamesContext;
import io.rootline.grammar.ProcNetSnmpParser.ValuesContext;
import io.rootline.model.Fact;
import java.math.BigDecimal;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Reads /proc/net/snmp and /proc/net/netstat into one fact per counter, under the names
 * {@code netstat -s} yields ({@link NetstatStatsParser}): the kernel's MIB names, by section.
 *
 * <p>For the grammar's sample it yields {@code netstat.Ip.Forwarding = 1},
 * {@code netstat.Ip.InReceives = 265887}, {@code netstat.Tcp.MaxConn = -1},
 * {@code netstat.Tcp.PassiveOpens = 9}, {@code netstat.TcpExt.ListenOverflows = 19930900},
 * {@code netstat.TcpExt.ListenDrops = 20575047}, ...
 */
final class ProcNetSnmpParser implements ArtifactParser {

    private final GrammarDriver<io.rootline.grammar.ProcNetSnmpParser> grammar =
            GrammarDriver.of(ProcNetSnmpLexer::new, io.rootline.grammar.ProcNetSnmpParser::new);
    private String section;
    private List<String> names;

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        LineContext line = grammar.parse(text, io.rootline.grammar.ProcNetSnmpParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
            names = null;
        } else if (line instanceof NamesContext header) {
            section = sectionOf(header.section);
            names = header.name.stream().map(Token::getText).toList();
        } else if (line instanceof ValuesContext values) {
            String at = sectionOf(values.section);
            if (names == null || !at.equals(section)) {
                out.unknownLine(number, text, "values of " + at + " without the line of its names above them");
                return;
            }
            if (values.value.size() != names.size()) {
                out.problem(number, values.value.size() + " values under " + names.size() + " names; matched from the left");
            }
            for (int i = 0; i < Math.min(names.size(), values.value.size()); i++) {
                out.fact(Fact.number("netstat." + section + "." + names.get(i), new BigDecimal(values.value.get(i).getText()),
                        out.evidence(number, text)));
            }
            names = null;
        }
    }

    private static String sectionOf(Token token) {
        String text = token.getText();
        return text.substring(0, text.length() - 1);
    }

    /** A line of names and, below it, a line of values under the same section. */
    @Override
    public boolean recognizes(List<String> head) {
        List<String> lines = head.stream().filter(t -> !t.isBlank()).limit(2).toList();
        if (lines.size() < 2) {
            return false;
        }
        LineContext first = grammar.parse(lines.get(0), io.rootline.grammar.ProcNetSnmpParser::line);
        String section = first instanceof NamesContext names ? sectionOf(names.section) : null;
        LineContext second = grammar.parse(lines.get(1), io.rootline.grammar.ProcNetSnmpParser::line);
        return section != null && second instanceof ValuesContext values && sectionOf(values.section).equals(section);
    }
}
