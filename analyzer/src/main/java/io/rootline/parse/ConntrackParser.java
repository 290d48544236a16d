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
    private final boolean fastPath;
    private final List<String> tokens = new ArrayList<>(24);
    private long entries;
    private final Map<String, Long> protocols = new TreeMap<>();
    private final Map<String, Long> states = new TreeMap<>();
    private final Map<String, Long> flags = new TreeMap<>();
    private final Map<String, PortCount> ports = new HashMap<>();

    ConntrackParser() {
        this(true);
    }

    /** @param fastPath whether well-formed entries may skip the grammar (tests compare both ways) */
    ConntrackParser(boolean fastPath) {
        this.fastPath = fastPath;
    }

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        if (fastPath && fast(text)) {
            return;
        }
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
        List<String> attributes = new ArrayList<>(entry.attribute().size());
        for (AttributeContext attribute : entry.attribute()) {
            attributes.add(attribute.getText());
        }
        count(entry.protocol.getText(), entry.state == null ? null : entry.state.getText(), attributes, 0);
    }

    /**
     * Counts one entry; the grammar path and the fast path both end here.
     *
     * @param attributes key=value and [FLAG] tokens, from index {@code from}
     */
    private void count(String protocol, String state, List<String> attributes, int from) {
        entries++;
        protocols.merge(protocol, 1L, Long::sum);
        if (state != null) {
            states.merge(state, 1L, Long::sum);
        }
        String dport = null;
        boolean unreplied = false;
        for (int i = from; i < attributes.size(); i++) {
            String attribute = attributes.get(i);
            if (attribute.charAt(0) == '[') {
                String flag = attribute.substring(1, attribute.length() - 1);
                unreplied |= flag.equals("UNREPLIED");
                flags.merge(flag, 1L, Long::sum);
            } else if (dport == null && attribute.startsWith("dport=")) {
                dport = attribute.substring(6);
            }
        }
        if (dport != null) {
            String port = dport;
            // Stateless protocols (udp, icmp) have no state column: whether a reply was seen is what tells.
            String shown = state != null ? state : unreplied ? "UNREPLIED" : "REPLIED";
            ports.computeIfAbsent(protocol + "/" + port, k -> new PortCount(protocol, port)).add(shown);
        }
    }

    /**
     * The fast path: an entry whose every token is what the lexer would make of it (names,
     * numbers, a state, then key=value and [FLAG] only), in the order the entry rule wants.
     *
     * @return false when the line must go to the grammar
     */
    private boolean fast(String text) {
        tokens.clear();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (FastLines.blank(c)) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && !FastLines.blank(text.charAt(i))) {
                if (text.charAt(i) == '\r') {
                    return false;
                }
                i++;
            }
            tokens.add(text.substring(start, i));
        }
        int at;
        if (tokens.size() >= 5 && isName(tokens.get(0)) && isNumber(tokens.get(1)) && isName(tokens.get(2)) && isNumber(tokens.get(3))) {
            at = 2;
        } else if (tokens.size() >= 3 && isName(tokens.get(0)) && isNumber(tokens.get(1))) {
            at = 0;
        } else {
            return false;
        }
        String protocol = tokens.get(at);
        at += 2;
        if (at < tokens.size() && isNumber(tokens.get(at))) {
            at++;
        }
        String state = null;
        if (at < tokens.size() && isState(tokens.get(at))) {
            state = tokens.get(at++);
        }
        if (at >= tokens.size()) {
            return false;
        }
        for (int k = at; k < tokens.size(); k++) {
            if (!isKeyValue(tokens.get(k)) && !isFlag(tokens.get(k))) {
                return false;
            }
        }
        count(protocol, state, tokens, at);
        return true;
    }

    /** NAME: [a-z][a-z0-9]* */
    private static boolean isName(String t) {
        if (t.isEmpty() || t.charAt(0) < 'a' || t.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !FastLines.digit(c)) {
                return false;
            }
        }
        return true;
    }

    /** NUMBER: [0-9]+ */
    private static boolean isNumber(String t) {
        return !t.isEmpty() && FastLines.digits(t, 0, t.length());
    }

    /** STATE: [A-Z][A-Z_]* */
    private static boolean isState(String t) {
        if (t.isEmpty() || t.charAt(0) < 'A' || t.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** KEY_VALUE: [a-z_]+ '=' anything but blanks */
    private static boolean isKeyValue(String t) {
        int eq = t.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        for (int i = 0; i < eq; i++) {
            char c = t.charAt(i);
            if (!(c >= 'a' && c <= 'z') && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** FLAG: '[' [A-Z_]+ ']' */
    private static boolean isFlag(String t) {
        if (t.length() < 3 || t.charAt(0) != '[' || t.charAt(t.length() - 1) != ']') {
            return false;
        }
        for (int i = 1; i < t.length() - 1; i++) {
            char c = t.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && c != '_') {
                return false;
            }
        }
        return true;
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
