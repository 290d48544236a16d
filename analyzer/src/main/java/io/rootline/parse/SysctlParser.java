package io.rootline.parse;

import io.rootline.grammar.SysctlLexer;
import io.rootline.grammar.SysctlParser.LineContext;
import io.rootline.grammar.SysctlParser.NoteContext;
import io.rootline.grammar.SysctlParser.SettingContext;
import io.rootline.model.Fact;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code sysctl -a} into one fact per key, {@code sysctl.<key>}, holding the
 * value as written (and as a number when it is one).
 *
 * <p>For the grammar's sample it yields {@code sysctl.net.netfilter.nf_conntrack_max = 262144},
 * {@code sysctl.net.ipv4.tcp_rmem = "4096 87380 6291456"} and a note for the
 * permission-denied line. Keys printed more than once (dev.cdrom.info) keep their first value.
 */
final class SysctlParser implements ArtifactParser {

    private final GrammarDriver<io.rootline.grammar.SysctlParser> grammar =
            new GrammarDriver<>(SysctlLexer::new, io.rootline.grammar.SysctlParser::new);
    private final Set<String> seen = new HashSet<>();

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        LineContext line = grammar.parse(text, io.rootline.grammar.SysctlParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
        } else if (line instanceof SettingContext setting) {
            String key = setting.key.getText();
            if (seen.add(key)) {
                String assigned = setting.assigned.getText();
                String value = assigned.substring(assigned.indexOf('=') + 1).trim().replaceAll("\\s+", " ");
                out.fact(Fact.text("sysctl." + key, value, out.evidence(number, text)));
            }
        } else if (line instanceof NoteContext) {
            out.note("sysctl printed: " + text.trim() + " (line " + number + ")");
        }
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
