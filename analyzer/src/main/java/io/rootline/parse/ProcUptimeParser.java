package io.rootline.parse;

import io.rootline.grammar.ProcUptimeLexer;
import io.rootline.grammar.ProcUptimeParser.LineContext;
import io.rootline.grammar.ProcUptimeParser.UptimeSecondsContext;
import io.rootline.model.Fact;
import java.math.BigDecimal;
import java.util.List;

/** Reads /proc/uptime. For "46901.13 46856.66" it yields {@code proc.uptime.seconds = 46901.13}. */
final class ProcUptimeParser implements ArtifactParser {

    private final GrammarDriver<io.rootline.grammar.ProcUptimeParser> grammar =
            GrammarDriver.of(ProcUptimeLexer::new, io.rootline.grammar.ProcUptimeParser::new);

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        LineContext line = grammar.parse(text, io.rootline.grammar.ProcUptimeParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
        } else if (line instanceof UptimeSecondsContext u) {
            out.fact(Fact.number("proc.uptime.seconds", new BigDecimal(u.up.getText()), out.evidence(number, text)));
        }
    }

    @Override
    public boolean recognizes(List<String> head) {
        return false;
    }
}
