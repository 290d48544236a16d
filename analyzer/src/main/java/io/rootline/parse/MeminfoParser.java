package io.rootline.parse;

import io.rootline.grammar.MeminfoLexer;
import io.rootline.grammar.MeminfoParser.FieldContext;
import io.rootline.grammar.MeminfoParser.LineContext;
import io.rootline.model.Fact;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reads /proc/meminfo. For "MemTotal: 4026036 kB" it yields {@code meminfo.MemTotal = 4026036}
 * (the number as written, in kB) and {@code meminfo.MemTotal_bytes = 4122660864}.
 */
final class MeminfoParser implements ArtifactParser {

    private final GrammarDriver<io.rootline.grammar.MeminfoParser> grammar =
            GrammarDriver.of(MeminfoLexer::new, io.rootline.grammar.MeminfoParser::new);

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        LineContext line = grammar.parse(text, io.rootline.grammar.MeminfoParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
        } else if (line instanceof FieldContext f) {
            String name = f.name.getText();
            name = name.substring(0, name.length() - 1);
            BigDecimal value = new BigDecimal(f.value.getText());
            out.fact(Fact.number("meminfo." + name, value, out.evidence(number, text)));
            if (f.unit != null) {
                out.fact(Fact.number("meminfo." + name + "_bytes", value.multiply(Units.factor(f.unit.getText())),
                        out.evidence(number, text)));
            }
        }
    }

    @Override
    public boolean recognizes(List<String> head) {
        return head.stream().anyMatch(l -> l.startsWith("MemTotal:"))
                && head.stream().allMatch(l -> grammar.parse(l, io.rootline.grammar.MeminfoParser::line) != null);
    }
}
