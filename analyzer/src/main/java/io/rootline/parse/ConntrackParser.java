package io.rootline.parse;

import io.rootline.grammar.ConntrackLexer;
import io.rootline.grammar.ConntrackParser.AttributeContext;
import io.rootline.grammar.ConntrackParser.EntryContext;
import io.rootline.grammar.ConntrackParser.FlowsShownContext;
import io.rootline.grammar.ConntrackParser.LineContext;
import io.rootline.grammar.ConntrackParser.ToolMessageContext;
import io.rootline.model.Fact;
import io.rootline.model.Table;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
    /** The flags of the entry being counted, as ids. */
    private final int[] entryFlags = new int[64];
    private long entries;
    private final NameIds protocolNames = new NameIds();
    private final NameIds stateNames = new NameIds();
    private final NameIds flagNames = new NameIds();
    private final NameIds portNames = new NameIds();
    private final int unrepliedFlag = flagNames.id("UNREPLIED");
    private long[] protocols = new long[8];
    private long[] states = new long[16];
    private long[] flags = new long[16];
    /** For each protocol id, the index in {@link #ports} of each port id plus one (0: none yet). */
    private int[][] portSlots = new int[8][];
    private final List<PortCount> ports = new ArrayList<>();

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
        int flagCount = 0;
        int port = -1;
        for (AttributeContext attribute : entry.attribute()) {
            String text = attribute.getText();
            if (text.charAt(0) == '[') {
                entryFlags[flagCount++] = flagNames.id(text.substring(1, text.length() - 1));
            } else if (port < 0 && text.startsWith("dport=")) {
                port = portNames.id(text.substring(6));
            }
        }
        count(protocolNames.id(entry.protocol.getText()), entry.state == null ? -1 : stateNames.id(entry.state.getText()),
                flagCount, port);
    }

    /**
     * Counts one entry; the grammar path and the fast path both end here, with names as ids.
     *
     * @param state     -1 for stateless protocols
     * @param flagCount how many of {@link #entryFlags} hold this entry's flags
     * @param port      the first dport's id, or -1 when the entry has none
     */
    private void count(int protocol, int state, int flagCount, int port) {
        entries++;
        protocols = add(protocols, protocol);
        if (state >= 0) {
            states = add(states, state);
        }
        boolean unreplied = false;
        for (int i = 0; i < flagCount; i++) {
            unreplied |= entryFlags[i] == unrepliedFlag;
            flags = add(flags, entryFlags[i]);
        }
        if (port >= 0) {
            // Stateless protocols (udp, icmp) have no state column: whether a reply was seen is what tells.
            portCount(protocol, port).add(state >= 0 ? state + 2 : unreplied ? 0 : 1);
        }
    }

    private static long[] add(long[] counts, int id) {
        long[] c = id < counts.length ? counts : Arrays.copyOf(counts, Math.max(id + 1, counts.length * 2));
        c[id]++;
        return c;
    }

    private PortCount portCount(int protocol, int port) {
        if (protocol >= portSlots.length) {
            portSlots = Arrays.copyOf(portSlots, Math.max(protocol + 1, portSlots.length * 2));
        }
        int[] slots = portSlots[protocol];
        if (slots == null || port >= slots.length) {
            slots = slots == null ? new int[Math.max(1024, port + 1)] : Arrays.copyOf(slots, Math.max(port + 1, slots.length * 2));
            portSlots[protocol] = slots;
        }
        if (slots[port] == 0) {
            ports.add(new PortCount(protocolNames.name(protocol), portNames.name(port)));
            slots[port] = ports.size();
        }
        return ports.get(slots[port] - 1);
    }

    /** The state a port's entries are shown in: 0 UNREPLIED, 1 REPLIED, else a state id + 2. */
    private String shownState(int shown) {
        return shown == 0 ? "UNREPLIED" : shown == 1 ? "REPLIED" : stateNames.name(shown - 2);
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
            i = FastLines.blankAt(b, i, n);
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
        int flagCount = 0;
        int dport = -1;
        for (int k = at; k < count; k++) {
            if (isFlag(b, k)) {
                entryFlags[flagCount++] = k;
            } else if (!isKeyValue(b, k)) {
                return false;
            } else if (dport < 0 && FastLines.startsWith(b, ends[k], starts[k], DPORT)) {
                if (!ascii(b, starts[k], ends[k])) {
                    return false; // the grammar path decodes the line as a whole
                }
                dport = k;
            }
        }
        for (int f = 0; f < flagCount; f++) {
            int k = entryFlags[f];
            entryFlags[f] = flagNames.id(b, starts[k] + 1, ends[k] - 1);
        }
        count(protocolNames.id(b, starts[protocol], ends[protocol]),
                state < 0 ? -1 : stateNames.id(b, starts[state], ends[state]), flagCount,
                dport < 0 ? -1 : portNames.id(b, starts[dport] + DPORT.length, ends[dport]));
        return true;
    }

    private static boolean ascii(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** This class's own copy of the loop, on purpose: see {@link ArtifactParser#fastLines}. */
    @Override
    public int fastLines(LineReader lines, ArtifactBuilder out) throws IOException {
        int n;
        while ((n = lines.nextRaw()) >= 0 && !lines.lastLineCut() && fastLine(lines.lineNumber(), lines.bytes(), n, out)) {
            out.lineRead();
        }
        return n;
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
        counted(protocolNames, protocols).forEach((p, n) -> out.fact(Fact.number("conntrack.protocol." + p, n, null)));
        Map<String, Long> stateCounts = counted(stateNames, states);
        stateCounts.forEach((s, n) -> out.fact(Fact.number("conntrack.state." + s, n, null)));
        counted(flagNames, flags).forEach((f, n) -> out.fact(Fact.number("conntrack.flag." + f, n, null)));

        List<PortCount> top = new ArrayList<>(ports);
        top.sort(Comparator.comparingLong(PortCount::count).reversed()
                .thenComparing(PortCount::protocol).thenComparing(p -> Integer.parseInt(p.port)));
        List<Map<String, String>> rows = new ArrayList<>();
        for (PortCount p : top.subList(0, Math.min(TOP_PORTS, top.size()))) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("protocol", p.protocol);
            row.put("port", p.port);
            row.put("count", Long.toString(p.count));
            row.put("share", percent(p.count));
            row.put("state", mainState(p));
            rows.add(row);
        }
        out.table(new Table("conntrack.top_dports", rows));

        List<Map<String, String>> stateRows = new ArrayList<>();
        stateCounts.entrySet().stream()
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

    /** The names counted at least once, sorted, with their counts. */
    private static Map<String, Long> counted(NameIds names, long[] counts) {
        Map<String, Long> byName = new TreeMap<>();
        for (int id = 0; id < names.size() && id < counts.length; id++) {
            if (counts[id] > 0) {
                byName.put(names.name(id), counts[id]);
            }
        }
        return byName;
    }

    /** The state most of a port's entries are in; on a tie, the first by name. */
    private String mainState(PortCount p) {
        String main = "-";
        long most = 0;
        for (int shown = 0; shown < p.states.length; shown++) {
            long n = p.states[shown];
            if (n > most || (n == most && n > 0 && shownState(shown).compareTo(main) < 0)) {
                main = shownState(shown);
                most = n;
            }
        }
        return main;
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

    /** Entries for one protocol and destination port, counted by the state they are shown in. */
    private static final class PortCount {
        private final String protocol;
        private final String port;
        private long count;
        private long[] states = new long[4];

        PortCount(String protocol, String port) {
            this.protocol = protocol;
            this.port = port;
        }

        void add(int shown) {
            count++;
            states = ConntrackParser.add(states, shown);
        }

        long count() {
            return count;
        }

        String protocol() {
            return protocol;
        }
    }
}
