package io.rootline.parse;

import io.rootline.grammar.UnameLexer;
import io.rootline.grammar.UnameParser.LineContext;
import io.rootline.grammar.UnameParser.UnameAllContext;
import io.rootline.model.Fact;
import java.util.List;

/**
 * Reads {@code uname -a}. For the grammar's sample it yields {@code uname.release = 3.10.0-957.el7.x86_64},
 * {@code uname.machine = x86_64} and {@code uname.arch_bits = 64}.
 */
final class UnameParser implements ArtifactParser {

    private final GrammarDriver<io.rootline.grammar.UnameParser> grammar =
            GrammarDriver.of(UnameLexer::new, io.rootline.grammar.UnameParser::new);

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        LineContext line = grammar.parse(text, io.rootline.grammar.UnameParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
        } else if (line instanceof UnameAllContext u) {
            String machine = u.machine.getText();
            out.fact(Fact.text("uname.release", u.release.getText(), out.evidence(number, text)));
            out.fact(Fact.text("uname.machine", machine, out.evidence(number, text)));
            if (!machine.equals("unknown")) {
                out.fact(Fact.number("uname.arch_bits", machine.contains("64") || machine.equals("s390x") ? 64 : 32,
                        out.evidence(number, text)));
            }
        }
    }

    /** One line, as {@code uname -a} writes it: a loose capture ({@code uname.txt}) or sos's root link copied by {@code tar -h}. */
    @Override
    public boolean recognizes(List<String> head) {
        List<String> lines = head.stream().filter(t -> !t.isBlank()).toList();
        return lines.size() == 1 && lines.get(0).startsWith("Linux ")
                && grammar.parse(lines.get(0), io.rootline.grammar.UnameParser::line) instanceof UnameAllContext;
    }
}
