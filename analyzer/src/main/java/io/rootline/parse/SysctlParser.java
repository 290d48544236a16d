package io.rootline.parse;

import io.rootline.grammar.SysctlLexer;
import io.rootline.grammar.SysctlParser.LineContext;
import io.rootline.grammar.SysctlParser.NoteContext;
import io.rootline.grammar.SysctlParser.SettingContext;
import io.rootline.model.Fact;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code sysctl -a} into one fact per key, {@code sysctl.<key>}, holding the
 * value as written (and as a number when it is one).
 *
 * <p>For the grammar's sample it yields {@code sysctl.net.netfilter.nf_conntrack_max = 262144},
 * {@code sysctl.net.ipv4.tcp_rmem = "4096 87380 6291456"} and a note for the
 * permission-denied line. Keys printed more than once (dev.cdrom.info) keep their first value.
 */
final class SysctlParser implements ArtifactParser {

    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final String NOTE = "sysctl: ";

    private final GrammarDriver<io.rootline.grammar.SysctlParser> grammar =
            GrammarDriver.of(SysctlLexer::new, io.rootline.grammar.SysctlParser::new);
    private final Set<String> seen = new HashSet<>();
    private final boolean fastPath;

    SysctlParser() {
        this(true);
    }

    /** @param fastPath whether plain "key = value" lines may skip the grammar (tests compare both ways) */
    SysctlParser(boolean fastPath) {
        this.fastPath = fastPath;
    }

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        LineContext line = grammar.parse(text, io.rootline.grammar.SysctlParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
        } else if (line instanceof SettingContext setting) {
            String assigned = setting.assigned.getText();
            setting(number, text, setting.key.getText(), assigned.substring(assigned.indexOf('=') + 1), out);
        } else if (line instanceof NoteContext) {
            out.note("sysctl printed: " + text.trim() + " (line " + number + ")");
        }
    }

    private void setting(int number, String text, String key, String afterEquals, ArtifactBuilder out) {
        if (seen.add(key)) {
            String value = BLANKS.matcher(afterEquals.trim()).replaceAll(" ");
            out.fact(Fact.text("sysctl." + key, value, out.evidence(number, text)));
        }
    }

    /**
     * The fast path, for every setting {@code sysctl -a} prints: KEY (no blank, '=', CR or LF),
     * blanks, '=', then a value without CR. Notes ("sysctl: ..."), blank lines and anything else
     * go to the grammar.
     */
    @Override
    public boolean fastLine(int number, byte[] b, int n, ArtifactBuilder out) {
        if (!fastPath) {
            return false;
        }
        String text = LineReader.decode(b, n);
        if (text.startsWith(NOTE) || text.indexOf('\r') >= 0) {
            return false;
        }
        int keyEnd = 0;
        while (keyEnd < text.length() && " \t\n=".indexOf(text.charAt(keyEnd)) < 0) {
            keyEnd++;
        }
        int equals = keyEnd;
        while (equals < text.length() && (text.charAt(equals) == ' ' || text.charAt(equals) == '\t')) {
            equals++;
        }
        if (keyEnd == 0 || equals == text.length() || text.charAt(equals) != '=' || text.indexOf('\n') >= 0) {
            return false;
        }
        setting(number, text, text.substring(0, keyEnd), text.substring(equals + 1), out);
        return true;
    }

    /** This class's own copy of the loop, on purpose: see {@link ArtifactParser#fastLines}. */
    @Override
    public int fastLines(LineReader lines, ArtifactBuilder out) throws java.io.IOException {
        int n;
        while ((n = lines.nextRaw()) >= 0 && !lines.lastLineCut() && fastLine(lines.lineNumber(), lines.bytes(), n, out)) {
            out.lineRead();
        }
        return n;
    }

    @Override
    public boolean recognizes(List<String> head) {
        int settings = 0;
        for (String text : head) {
            LineContext line = grammar.parse(text, io.rootline.grammar.SysctlParser::line);
            if (line == null) {
                return false;
            }
            if (line instanceof SettingContext s && s.key.getText().indexOf('.') > 0) {
                settings++;
            }
        }
        return settings >= 3;
    }
}
