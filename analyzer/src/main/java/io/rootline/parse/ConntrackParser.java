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
 *   conntrack.tool_reported = 6        (the "6 flow entries have been shown" note; sos merges the tool's
 *                                       stderr into the dump, so the note may land inside an entry's line,
 *                                       whose two halves are then joined)
 *   table conntrack.top_dports: protocol, port, count, share (percent), state (most common;
 *                               UNREPLIED or REPLIED for protocols without states)
 *   table conntrack.states: state, count, share
 * </pre>
 */
final class ConntrackParser implements ArtifactParser {

    /** Ports listed in the top-ports table. */
    static final int TOP_PORTS = 10;

    private final GrammarDriver<io.rootline.grammar.ConntrackParser> grammar =
            GrammarDriver.of(ConntrackLexer::new, io.rootline.grammar.ConntrackParser::new);
    private final boolean fastPath;
    /** Where the flags of the entry being read by the fast path lie. */
    private final int[] flagStarts = new int[64];
    private final int[] flagEnds = new int[64];
    /** The flags of the entry being counted, as ids. */
    private final int[] entryFlags = new int[64];
    private long entries;
    /** The states conntrack prints (TCP's, SCTP's and DCCP's), as {@code conntrack.state.<STATE>}. */
    static final java.util.Set<String> STATES = names("conntrack.state.", "NONE", "SYN_SENT", "SYN_RECV", "ESTABLISHED",
            "FIN_WAIT", "CLOSE_WAIT", "LAST_ACK", "TIME_WAIT", "CLOSE", "LISTEN", "SYN_SENT2", "CLOSED", "COOKIE_WAIT",
            "COOKIE_ECHOED", "SHUTDOWN_SENT", "SHUTDOWN_RECD", "SHUTDOWN_ACK_SENT", "HEARTBEAT_SENT", "HEARTBEAT_ACKED",
            "REQUEST", "RESPOND", "PARTOPEN", "OPEN", "CLOSEREQ", "TIMEWAIT", "IGNORE", "INVALID");

    /** The flags of an entry ("[ASSURED]"), as {@code conntrack.flag.<FLAG>}. */
    static final java.util.Set<String> FLAGS = names("conntrack.flag.", "ASSURED", "UNREPLIED", "OFFLOAD", "HW_OFFLOAD",
            "SEEN_REPLY", "DYING", "FIXED_TIMEOUT", "EXPECTED", "CONFIRMED", "UNTRACKED");

    private static java.util.Set<String> names(String prefix, String... names) {
        java.util.Set<String> set = new java.util.TreeSet<>();
        for (String n : names) {
            set.add(prefix + n);
        }
        return java.util.Collections.unmodifiableSet(set);
    }

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

    /** The literal every conntrack-tools summary begins with ("conntrack v1.4.5 (conntrack-tools): ..."). */
    private static final String TOOL = "conntrack v";

    /**
     * The first part of an entry that conntrack's summary was written into (sos merges a
     * command's stderr into its output), and its line: the next line holds the rest.
     */
    private String cut;
    private int cutLine;
    /** What conntrack's summary said it showed; -1 without a summary. */
    private long toolReported = -1;

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        if (cut != null) {
            String joined = cut + text;
            String first = cut;
            int at = cutLine;
            cut = null;
            LineContext whole = grammar.parse(joined, io.rootline.grammar.ConntrackParser::line);
            if (whole != null && whole.entry() != null) {
                count(whole.entry());
                out.note("line " + at + ": conntrack's summary was written into an entry (its stderr merged into the dump);"
                        + " the entry is lines " + at + " and " + number + " joined");
                return;
            }
            out.unknownLine(at, first, "an entry cut by conntrack's summary, whose rest is not on the next line");
        }
        LineContext line = grammar.parse(text, io.rootline.grammar.ConntrackParser::line);
        if (line == null) {
            if (!spliced(number, text, out)) {
                out.unknownLine(number, text, grammar.lastError());
            }
            return;
        }
        if (line.entry() != null) {
            count(line.entry());
        } else if (line.toolNote() instanceof FlowsShownContext shown) {
            reported(number, text, shown, out);
        } else if (line.toolNote() instanceof ToolMessageContext) {
            out.note("conntrack printed: " + text.trim() + " (line " + number + ")");
        }
    }

    /**
     * A line that ends with conntrack's summary after the first part of an entry: the summary
     * is taken as the tool's, and the part kept for the next line, which holds the rest.
     */
    private boolean spliced(int number, String text, ArtifactBuilder out) {
        int at = text.lastIndexOf(TOOL);
        if (at <= 0) {
            return false;
        }
        LineContext summary = grammar.parse(text.substring(at), io.rootline.grammar.ConntrackParser::line);
        if (summary == null || !(summary.toolNote() instanceof FlowsShownContext shown)) {
            return false;
        }
        reported(number, text, shown, out);
        cut = text.substring(0, at);
        cutLine = number;
        return true;
    }

    private void reported(int number, String text, FlowsShownContext shown, ArtifactBuilder out) {
        toolReported = Long.parseLong(shown.shown.getText());
        out.fact(Fact.number("conntrack.tool_reported", toolReported, out.evidence(number, text)));
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
     * Only the tokens that are counted are looked up, and only once the whole line is taken.
     *
     * <p>It reads the line once, left to right, judging each byte by a class table: this is
     * the hottest loop of a big bundle (a million entries), and it runs as the JIT's first
     * tier compiles it, which inlines little, so the loop over the attributes is written out
     * here rather than spread over small predicates. Values, nearly half of an entry's
     * bytes, are only searched for their end, eight bytes at a time.
     */
    @Override
    public boolean fastLine(int number, byte[] b, int n, ArtifactBuilder out) {
        if (cut != null) {
            return false; // the rest of an entry cut by the summary: joined by the grammar path
        }
        if (!fastPath) {
            return false;
        }
        // The head: (family familyNumber)? protocol protocolNumber timeout? state?
        int s = skipBlanks(b, 0, n);
        int e = tokenEnd(b, s, n);
        if (!isName(b, s, e)) {
            return false;
        }
        int protocolStart = s;
        int protocolEnd = e;
        s = skipBlanks(b, e, n);
        e = tokenEnd(b, s, n);
        if (!isNumber(b, s, e)) {
            return false;
        }
        s = skipBlanks(b, e, n);
        e = tokenEnd(b, s, n);
        if (isName(b, s, e)) {
            // a family came first: this is the protocol, and its number must follow
            protocolStart = s;
            protocolEnd = e;
            s = skipBlanks(b, e, n);
            e = tokenEnd(b, s, n);
            if (!isNumber(b, s, e)) {
                return false;
            }
            s = skipBlanks(b, e, n);
            e = tokenEnd(b, s, n);
        }
        if (isNumber(b, s, e)) {
            s = skipBlanks(b, e, n);
            e = tokenEnd(b, s, n);
        }
        int stateStart = -1;
        int stateEnd = -1;
        if (isState(b, s, e)) {
            stateStart = s;
            stateEnd = e;
            s = skipBlanks(b, e, n);
        }
        if (s >= n) {
            return false; // an entry has at least one attribute
        }
        // The attributes: KEY_VALUE ([a-z_]+ '=' anything but blanks) or FLAG ('[' [A-Z_]+ ']')
        byte[] classes = CLASSES;
        int flagCount = 0;
        int dportStart = -1;
        int dportEnd = -1;
        int i = s;
        int lastWord = b.length - Long.BYTES;
        while (i < n) {
            int start = i;
            if (b[i] == '[') {
                i++;
                while (i < n && (classes[b[i] & 0xFF] & STATE_BYTE) != 0) {
                    i++;
                }
                if (i == start + 1 || i >= n || b[i] != ']') {
                    return false;
                }
                i++;
                if (i < n && (classes[b[i] & 0xFF] & BLANK) == 0) {
                    return false;
                }
                if (flagCount == flagStarts.length) {
                    return false;
                }
                flagStarts[flagCount] = start + 1;
                flagEnds[flagCount++] = i - 1;
            } else {
                while (i < n && (classes[b[i] & 0xFF] & KEY_BYTE) != 0) {
                    i++;
                }
                if (i == start || i >= n || b[i] != '=') {
                    return false;
                }
                int equals = i++;
                // The value runs to the next blank: eight bytes at a time, the first byte below
                // '!' found exact, then judged (a control byte other than a blank is in the value).
                while (i < n) {
                    if (i > lastWord) {
                        while (i < n && (classes[b[i] & 0xFF] & BLANK) == 0) {
                            i++;
                        }
                        break;
                    }
                    long eight = FastLines.eightBytes(b, i);
                    long low = (eight - BELOW_BANG) & ~eight & FastLines.HIGHS;
                    if (low == 0) {
                        i += Long.BYTES;
                        continue;
                    }
                    i += FastLines.firstFlagged(low);
                    if (i >= n || (classes[b[i] & 0xFF] & BLANK) != 0) {
                        break;
                    }
                    i++;
                }
                if (i > n) {
                    i = n;
                }
                if (dportStart < 0 && equals - start == 5 && b[start] == 'd' && b[start + 1] == 'p' && b[start + 2] == 'o'
                        && b[start + 3] == 'r' && b[start + 4] == 't') {
                    for (int k = equals + 1; k < i; k++) {
                        if (b[k] < 0) {
                            return false; // a byte above ASCII: the grammar path decodes the line as a whole
                        }
                    }
                    dportStart = equals + 1;
                    dportEnd = i;
                }
            }
            i = skipBlanks(b, i, n);
        }
        for (int f = 0; f < flagCount; f++) {
            entryFlags[f] = flagNames.id(b, flagStarts[f], flagEnds[f]);
        }
        count(protocolNames.id(b, protocolStart, protocolEnd),
                stateStart < 0 ? -1 : stateNames.id(b, stateStart, stateEnd), flagCount,
                dportStart < 0 ? -1 : portNames.id(b, dportStart, dportEnd));
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

    /** Byte classes, as the lexer's rules see them: bits of {@link #CLASSES}. */
    private static final int BLANK = 1;
    private static final int NAME_START = 2;
    private static final int NAME_BYTE = 4;
    private static final int DIGIT = 8;
    private static final int STATE_BYTE = 16;
    private static final int KEY_BYTE = 32;
    private static final byte[] CLASSES = new byte[256];
    /** '!' in each byte: a byte below it is a blank, or a control byte. */
    private static final long BELOW_BANG = FastLines.broadcast((byte) '!');

    static {
        for (int c = 0; c < 256; c++) {
            int bits = 0;
            if (FastLines.blank((byte) c)) {
                bits |= BLANK;
            }
            if (c >= 'a' && c <= 'z') {
                bits |= NAME_START | NAME_BYTE | KEY_BYTE;
            }
            if (c >= '0' && c <= '9') {
                bits |= NAME_BYTE | DIGIT;
            }
            if ((c >= 'A' && c <= 'Z') || c == '_') {
                bits |= STATE_BYTE;
            }
            if (c == '_') {
                bits |= KEY_BYTE;
            }
            CLASSES[c] = (byte) bits;
        }
    }

    private static int skipBlanks(byte[] b, int i, int n) {
        while (i < n && (CLASSES[b[i] & 0xFF] & BLANK) != 0) {
            i++;
        }
        return i;
    }

    /** The end of the token from {@code i}: the next blank, or the end of the line. */
    private static int tokenEnd(byte[] b, int i, int n) {
        while (i < n && (CLASSES[b[i] & 0xFF] & BLANK) == 0) {
            i++;
        }
        return i;
    }

    /** Whether every byte of {@code b[s, e)} has one of the classes, the range not empty. */
    private static boolean all(byte[] b, int s, int e, int classes) {
        if (s >= e) {
            return false;
        }
        for (int i = s; i < e; i++) {
            if ((CLASSES[b[i] & 0xFF] & classes) == 0) {
                return false;
            }
        }
        return true;
    }

    /** NAME: [a-z][a-z0-9]* */
    private static boolean isName(byte[] b, int s, int e) {
        return s < e && (CLASSES[b[s] & 0xFF] & NAME_START) != 0 && all(b, s, e, NAME_BYTE);
    }

    /** NUMBER: [0-9]+ */
    private static boolean isNumber(byte[] b, int s, int e) {
        return all(b, s, e, DIGIT);
    }

    /** STATE: [A-Z][A-Z_]* */
    private static boolean isState(byte[] b, int s, int e) {
        return s < e && b[s] != '_' && all(b, s, e, STATE_BYTE);
    }

    @Override
    public void finish(ArtifactBuilder out) {
        if (cut != null) {
            out.unknownLine(cutLine, cut, "an entry cut by conntrack's summary, whose rest is missing");
            cut = null;
        }
        out.fact(Fact.number("conntrack.entries", entries, null));
        if (toolReported >= 0 && toolReported != entries) {
            out.note("conntrack said it showed " + toolReported + " flow entries; " + entries + " were read");
        }
        counted(protocolNames, protocols).forEach((p, n) -> out.fact(Fact.number("conntrack.protocol." + p, n, null)));
        Map<String, Long> stateCounts = counted(stateNames, states);
        stateCounts.forEach((s, n) -> out.fact(Fact.number("conntrack.state." + s, n, null)));
        counted(flagNames, flags).forEach((f, n) -> out.fact(Fact.number("conntrack.flag." + f, n, null)));

        List<PortCount> top = new ArrayList<>(ports);
        top.sort(Comparator.comparingLong(PortCount::count).reversed()
                .thenComparing(PortCount::protocol).thenComparing(p -> p.port, ConntrackParser::comparePorts));
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

    /**
     * Numeric order for ports, of any length; a port that is not a number (a hostile or
     * damaged table can hold "dport=http") comes after them, by name.
     */
    static int comparePorts(String a, String b) {
        boolean numberA = !a.isEmpty() && a.chars().allMatch(c -> c >= '0' && c <= '9');
        boolean numberB = !b.isEmpty() && b.chars().allMatch(c -> c >= '0' && c <= '9');
        if (numberA != numberB) {
            return numberA ? -1 : 1;
        }
        if (numberA) {
            String x = withoutLeadingZeros(a);
            String y = withoutLeadingZeros(b);
            if (x.length() != y.length()) {
                return Integer.compare(x.length(), y.length());
            }
            return x.compareTo(y);
        }
        return a.compareTo(b);
    }

    private static String withoutLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return digits.substring(i);
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
