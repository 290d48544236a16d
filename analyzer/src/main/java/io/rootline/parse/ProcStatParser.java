package io.rootline.parse;

import io.rootline.grammar.ProcStatLexer;
import io.rootline.grammar.ProcStatParser.CountersContext;
import io.rootline.grammar.ProcStatParser.LineContext;
import io.rootline.model.Fact;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reads /proc/stat. Single-valued lines become facts ({@code proc.stat.btime},
 * {@code proc.stat.ctxt}, {@code proc.stat.processes}); per-CPU and interrupt rows are
 * valid lines that yield nothing yet.
 */
final class ProcStatParser implements ArtifactParser {

    private final GrammarDriver<io.rootline.grammar.ProcStatParser> grammar =
            GrammarDriver.of(ProcStatLexer::new, io.rootline.grammar.ProcStatParser::new);

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        LineContext line = grammar.parse(text, io.rootline.grammar.ProcStatParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
        } else if (line instanceof CountersContext c && c.value.size() == 1) {
            out.fact(Fact.number("proc.stat." + c.name.getText(), new BigDecimal(c.value.get(0).getText()),
                    out.evidence(number, text)));
        }
    }

    @Override
    public boolean recognizes(List<String> head) {
        return false;
    }
}
