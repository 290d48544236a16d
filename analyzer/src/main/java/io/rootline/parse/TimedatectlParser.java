package io.rootline.parse;

import io.rootline.grammar.TimedatectlLexer;
import io.rootline.grammar.TimedatectlParser.LineContext;
import io.rootline.grammar.TimedatectlParser.LocalTimeContext;
import io.rootline.grammar.TimedatectlParser.TimeZoneContext;
import io.rootline.grammar.TimedatectlParser.UniversalTimeContext;
import io.rootline.model.Fact;
import java.util.List;

/**
 * Reads {@code timedatectl}: the local and universal times, the Olson zone and its offset.
 *
 * <p>For the grammar's sample it yields {@code timedatectl.local = 2021-05-08T12:45:10},
 * {@code timedatectl.universal = 2021-05-08T04:45:10}, {@code timedatectl.zone = Asia/Shanghai}
 * and {@code timedatectl.offset = +0800}.
 */
final class TimedatectlParser implements ArtifactParser {

    private final GrammarDriver<io.rootline.grammar.TimedatectlParser> grammar =
            GrammarDriver.of(TimedatectlLexer::new, io.rootline.grammar.TimedatectlParser::new);

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        LineContext line = grammar.parse(text, io.rootline.grammar.TimedatectlParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
        } else if (line instanceof LocalTimeContext t) {
            out.fact(Fact.text("timedatectl.local", t.date.getText() + "T" + t.time.getText(), out.evidence(number, text)));
        } else if (line instanceof UniversalTimeContext t) {
            out.fact(Fact.text("timedatectl.universal", t.date.getText() + "T" + t.time.getText(), out.evidence(number, text)));
        } else if (line instanceof TimeZoneContext z) {
            out.fact(Fact.text("timedatectl.zone", z.name.getText(), out.evidence(number, text)));
            out.fact(Fact.text("timedatectl.offset", z.offset.getText(), out.evidence(number, text)));
        }
    }

    @Override
    public boolean recognizes(List<String> head) {
        return head.stream().anyMatch(l -> grammar.parse(l, io.rootline.grammar.TimedatectlParser::line) instanceof LocalTimeContext);
    }
}
