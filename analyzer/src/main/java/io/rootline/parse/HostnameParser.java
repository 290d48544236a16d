package io.rootline.parse;

import io.rootline.grammar.HostnameLexer;
import io.rootline.grammar.HostnameParser.HostNameContext;
import io.rootline.grammar.HostnameParser.LineContext;
import io.rootline.model.Fact;
import java.util.List;

/** Reads {@code hostname}. For "93-44-159-aliyun-core" it yields {@code hostname = 93-44-159-aliyun-core}. */
final class HostnameParser implements ArtifactParser {

    private final GrammarDriver<io.rootline.grammar.HostnameParser> grammar =
            GrammarDriver.of(HostnameLexer::new, io.rootline.grammar.HostnameParser::new);

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        LineContext line = grammar.parse(text, io.rootline.grammar.HostnameParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
        } else if (line instanceof HostNameContext h) {
            out.fact(Fact.text("hostname", h.name.getText(), out.evidence(number, text)));
        }
    }

    @Override
    public boolean recognizes(List<String> head) {
        return false;
    }
}
