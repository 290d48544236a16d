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
    private final int[] starts = new int[64];
    private final int[] ends = new int[64];
    private final List<String> counted = new ArrayList<>(8);
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
     * Only the tokens that are counted become strings.
     */
    @Override
    public boolean fastLine(int number, byte[] b, int n, ArtifactBuilder out) {
        if (!fastPath) {
            return false;
        }
        int count = 0;
        int i = 0;
        while (i < n) {
            if (FastLines.blank(b[i])) {
                i++;
                continue;
            }
            if (count == starts.length) {
                return false;
            }
            starts[count] = i;
            while (i < n && !FastLines.blank(b[i])) {
                i++;
            }
            ends[count++] = i;
        }
        int at;
        if (count >= 5 && isName(b, 0) && isNumber(b, 1) && isName(b, 2) && isNumber(b, 3)) {
            at = 2;
        } else if (count >= 3 && isName(b, 0) && isNumber(b, 1)) {
            at = 0;
        } else {
            return false;
        }
        int protocol = at;
        at += 2;
        if (at < count && isNumber(b, at)) {
            at++;
        }
        int state = -1;
        if (at < count && isState(b, starts[at], ends[at])) {
            state = at++;
        }
        if (at >= count) {
            return false;
        }
        counted.clear();
        boolean dport = false;
        for (int k = at; k < count; k++) {
            if (isFlag(b, k)) {
                counted.add(FastLines.text(b, starts[k], ends[k]));
            } else if (!isKeyValue(b, k)) {
                return false;
            } else if (!dport && FastLines.startsWith(b, ends[k], starts[k], DPORT)) {
                counted.add(FastLines.text(b, starts[k], ends[k]));
                dport = true;
            }
        }
        count(FastLines.text(b, starts[protocol], ends[protocol]),
                state < 0 ? null : FastLines.text(b, starts[state], ends[state]), counted, 0);
        return true;
    }

    private static final byte[] DPORT = FastLines.ascii("dport=");

    /** NAME: [a-z][a-z0-9]* */
    private boolean isName(byte[] b, int token) {
        int s = starts[token];
        int e = ends[token];
        if (b[s] < 'a' || b[s] > 'z') {
            return false;
        }
        for (int i = s + 1; i < e; i++) {
            if (!(b[i] >= 'a' && b[i] <= 'z') && !FastLines.digit(b[i])) {
                return false;
            }
        }
        return true;
    }

    /** NUMBER: [0-9]+ */
    private boolean isNumber(byte[] b, int token) {
        return FastLines.digits(b, ends[token], starts[token], ends[token] - starts[token]);
    }

    /** STATE: [A-Z][A-Z_]* (from s to e) */
    private static boolean isState(byte[] b, int s, int e) {
        if (s >= e || b[s] < 'A' || b[s] > 'Z') {
            return false;
        }
        for (int i = s + 1; i < e; i++) {
            if (!(b[i] >= 'A' && b[i] <= 'Z') && b[i] != '_') {
                return false;
            }
        }
        return true;
    }

    /** KEY_VALUE: [a-z_]+ '=' anything but blanks */
    private boolean isKeyValue(byte[] b, int token) {
        int s = starts[token];
        int e = ends[token];
        int i = s;
        while (i < e && ((b[i] >= 'a' && b[i] <= 'z') || b[i] == '_')) {
            i++;
        }
        return i > s && i < e && b[i] == '=';
    }

    /** FLAG: '[' [A-Z_]+ ']' */
    private boolean isFlag(byte[] b, int token) {
        int s = starts[token];
        int e = ends[token];
        if (e - s < 3 || b[s] != '[' || b[e - 1] != ']') {
            return false;
        }
        for (int i = s + 1; i < e - 1; i++) {
            if (!(b[i] >= 'A' && b[i] <= 'Z') && b[i] != '_') {
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
