package io.rootline.parse;

import io.rootline.grammar.ConntrackLexer;
import io.rootline.grammar.ConntrackParser.AttributeContext;
import io.rootline.grammar.ConntrackParser.EntryContext;
import io.rootline.grammar.ConntrackParser.FlowsShownContext;
import io.rootline.grammar.ConntrackParser.LineContext;
import io.rootline.grammar.ConntrackParser.ToolMessageContext;
import io.rootline.model.Fact;
import io.rootline.model.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts a conntrack dump (/proc/net/nf_conntrack or {@code conntrack -L}) instead of
 * keeping its entries: a full table holds millions of them, and rules need only
 * how many there are, in which states, and which destination ports fill the table.
 *
 * <p>For the grammar's sample it yields:
 * <pre>
 *   conntrack.entries = 4, conntrack.protocol.tcp = 2, conntrack.protocol.udp = 2
 *   conntrack.state.ESTABLISHED = 1, conntrack.state.TIME_WAIT = 1
 *   conntrack.flag.ASSURED = 3, conntrack.flag.OFFLOAD = 1
 *   conntrack.tool_reported = 6        (the "6 flow entries have been shown" note)
 *   table conntrack.top_dports: protocol, port, count, share (percent), state (most common;
 *                               UNREPLIED or REPLIED for protocols without states)
 *   table conntrack.states: state, count, share
 * </pre>
 */
final class ConntrackParser implements ArtifactParser {

    /** Ports listed in the top-ports table. */
    static final int TOP_PORTS = 10;

    private final GrammarDriver<io.rootline.grammar.ConntrackParser> grammar =
            new GrammarDriver<>(ConntrackLexer::new, io.rootline.grammar.ConntrackParser::new);
    private long entries;
    private final Map<String, Long> protocols = new TreeMap<>();
    private final Map<String, Long> states = new TreeMap<>();
    private final Map<String, Long> flags = new TreeMap<>();
    private final Map<String, PortCount> ports = new HashMap<>();

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        LineContext line = grammar.parse(text, io.rootline.grammar.ConntrackParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
            return;
        }
        if (line.entry() != null) {
            count(line.entry());
        } else if (line.toolNote() instanceof FlowsShownContext shown) {
            out.fact(Fact.number("conntrack.tool_reported", Long.parseLong(shown.shown.getText()), out.evidence(number, text)));
        } else if (line.toolNote() instanceof ToolMessageContext) {
            out.note("conntrack printed: " + text.trim() + " (line " + number + ")");
        }
    }

    private void count(EntryContext entry) {
        entries++;
        String protocol = entry.protocol.getText();
        protocols.merge(protocol, 1L, Long::sum);
        String state = entry.state == null ? null : entry.state.getText();
        if (state != null) {
            states.merge(state, 1L, Long::sum);
        }
        String dport = null;
        boolean unreplied = false;
        for (AttributeContext attribute : entry.attribute()) {
            if (attribute.FLAG() != null) {
                String flag = attribute.FLAG().getText();
                flag = flag.substring(1, flag.length() - 1);
                unreplied |= flag.equals("UNREPLIED");
                flags.merge(flag, 1L, Long::sum);
            } else if (dport == null) {
                String kv = attribute.KEY_VALUE().getText();
                if (kv.startsWith("dport=")) {
                    dport = kv.substring(6);
                }
            }
        }
        if (dport != null) {
            String port = dport;
            // Stateless protocols (udp, icmp) have no state column: whether a reply was seen is what tells.
            String shown = state != null ? state : unreplied ? "UNREPLIED" : "REPLIED";
            ports.computeIfAbsent(protocol + "/" + port, k -> new PortCount(protocol, port)).add(shown);
        }
    }

    @Override
    public void finish(ArtifactBuilder out) {
        out.fact(Fact.number("conntrack.entries", entries, null));
        protocols.forEach((p, n) -> out.fact(Fact.number("conntrack.protocol." + p, n, null)));
        states.forEach((s, n) -> out.fact(Fact.number("conntrack.state." + s, n, null)));
        flags.forEach((f, n) -> out.fact(Fact.number("conntrack.flag." + f, n, null)));

        List<PortCount> top = new ArrayList<>(ports.values());
        top.sort(Comparator.comparingLong(PortCount::count).reversed()
                .thenComparing(PortCount::protocol).thenComparing(p -> Integer.parseInt(p.port)));
        List<Map<String, String>> rows = new ArrayList<>();
        for (PortCount p : top.subList(0, Math.min(TOP_PORTS, top.size()))) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("protocol", p.protocol);
            row.put("port", p.port);
            row.put("count", Long.toString(p.count));
            row.put("share", percent(p.count));
            row.put("state", p.mainState());
            rows.add(row);
        }
        out.table(new Table("conntrack.top_dports", rows));

        List<Map<String, String>> stateRows = new ArrayList<>();
        states.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> {
                    Map<String, String> row = new LinkedHashMap<>();
                    row.put("state", e.getKey());
                    row.put("count", Long.toString(e.getValue()));
                    row.put("share", percent(e.getValue()));
                    stateRows.add(row);
                });
        out.table(new Table("conntrack.states", stateRows));
    }

    private String percent(long n) {
        if (entries == 0) {
            return "0";
        }
        return BigDecimal.valueOf(n * 100).divide(BigDecimal.valueOf(entries), 1, RoundingMode.HALF_UP).toPlainString();
    }

    @Override
    public boolean emptyIsValid() {
        return true;
    }

    @Override
    public boolean recognizes(List<String> head) {
        int parsed = 0;
        for (String text : head) {
            LineContext line = grammar.parse(text, io.rootline.grammar.ConntrackParser::line);
            if (line == null) {
                return false;
            }
            if (line.entry() != null) {
                parsed++;
            }
        }
        return parsed > 0;
    }

    /** Entries for one protocol and destination port, with the states they are in. */
    private static final class PortCount {
        private final String protocol;
        private final String port;
        private long count;
        private final Map<String, Long> states = new HashMap<>();

        PortCount(String protocol, String port) {
            this.protocol = protocol;
            this.port = port;
        }

        void add(String state) {
            count++;
            states.merge(state, 1L, Long::sum);
        }

        long count() {
            return count;
        }

        String protocol() {
            return protocol;
        }

        String mainState() {
            return states.entrySet().stream()
                    .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse("-");
        }
    }
}
