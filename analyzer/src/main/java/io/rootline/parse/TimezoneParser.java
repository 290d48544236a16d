package io.rootline.parse;

import io.rootline.grammar.TimezoneLexer;
import io.rootline.grammar.TimezoneParser.LineContext;
import io.rootline.grammar.TimezoneParser.ZoneNameContext;
import io.rootline.model.Fact;
import java.util.List;

/** Reads /etc/timezone. For "Asia/Shanghai" it yields {@code timezone.name = Asia/Shanghai}. */
final class TimezoneParser implements ArtifactParser {

    private final GrammarDriver<io.rootline.grammar.TimezoneParser> grammar =
            GrammarDriver.of(TimezoneLexer::new, io.rootline.grammar.TimezoneParser::new);

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        LineContext line = grammar.parse(text, io.rootline.grammar.TimezoneParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
        } else if (line instanceof ZoneNameContext z) {
            out.fact(Fact.text("timezone.name", z.name.getText(), out.evidence(number, text)));
        }
    }

    @Override
    public boolean recognizes(List<String> head) {
        return false;
    }
}
