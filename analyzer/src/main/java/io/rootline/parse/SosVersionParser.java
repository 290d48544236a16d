package io.rootline.parse;

import io.rootline.grammar.SosVersionLexer;
import io.rootline.grammar.SosVersionParser.LineContext;
import io.rootline.grammar.SosVersionParser.VersionContext;
import io.rootline.model.Fact;
import java.util.List;

/**
 * Reads sos's {@code version.txt}. For the grammar's sample it yields
 * {@code sos.version = 4.2} and {@code sos.major = 4}.
 */
final class SosVersionParser implements ArtifactParser {

    private final GrammarDriver<io.rootline.grammar.SosVersionParser> grammar =
            GrammarDriver.of(SosVersionLexer::new, io.rootline.grammar.SosVersionParser::new);

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        LineContext line = grammar.parse(text, io.rootline.grammar.SosVersionParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
        } else if (line instanceof VersionContext v) {
            String release = v.release.getText();
            out.fact(Fact.text("sos.version", release, out.evidence(number, text)));
            int dot = release.indexOf('.');
            out.fact(Fact.text("sos.major", dot < 0 ? release : release.substring(0, dot), out.evidence(number, text)));
        }
    }

    @Override
    public boolean recognizes(List<String> head) {
        List<String> lines = head.stream().filter(t -> !t.isBlank()).toList();
        return lines.size() == 1 && grammar.parse(lines.get(0), io.rootline.grammar.SosVersionParser::line) instanceof VersionContext;
    }
}
