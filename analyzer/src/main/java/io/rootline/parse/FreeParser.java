package io.rootline.parse;

import io.rootline.grammar.FreeLexer;
import io.rootline.grammar.FreeParser.HeaderContext;
import io.rootline.grammar.FreeParser.LineContext;
import io.rootline.grammar.FreeParser.RowContext;
import io.rootline.model.Fact;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.Token;

/**
 * Reads {@code free}. For the grammar's sample it yields {@code free.mem.total_bytes = 4122660864}
 * and the other columns the same way ({@code free.swap.used_bytes}, ...). Amounts without a
 * unit are KiB, as {@code free} prints them by default; {@code free -m} cannot be told from
 * {@code free} by its content, so the catalog locates only {@code sos_commands/memory/free}.
 */
final class FreeParser implements ArtifactParser {

    private final GrammarDriver<io.rootline.grammar.FreeParser> grammar =
            GrammarDriver.of(FreeLexer::new, io.rootline.grammar.FreeParser::new);
    private List<String> columns;

    @Override
    public void line(int number, String text, ArtifactBuilder out) {
        LineContext line = grammar.parse(text, io.rootline.grammar.FreeParser::line);
        if (line == null) {
            out.unknownLine(number, text, grammar.lastError());
        } else if (line instanceof HeaderContext h) {
            columns = h.column.stream().map(Token::getText).toList();
        } else if (line instanceof RowContext r) {
            if (columns == null) {
                out.unknownLine(number, text, "amounts without a header above them");
                return;
            }
            String row = r.row.getText().toLowerCase(Locale.ROOT).replace(":", "").replace("-/+ buffers/cache", "buffers_cache");
            for (int i = 0; i < Math.min(columns.size(), r.amount.size()); i++) {
                out.fact(Fact.number("free." + row + "." + columns.get(i).replace('/', '_') + "_bytes",
                        bytes(r.amount.get(i).getText()), out.evidence(number, text)));
            }
        }
    }

    private static BigDecimal bytes(String amount) {
        int i = 0;
        while (i < amount.length() && (Character.isDigit(amount.charAt(i)) || amount.charAt(i) == '.')) {
            i++;
        }
        BigDecimal number = new BigDecimal(amount.substring(0, i));
        String unit = amount.substring(i);
        // -h prints rounded amounts ("3.7G"): whole bytes are all the precision there is.
        return number.multiply(unit.isEmpty() ? BigDecimal.valueOf(1024) : Units.factor(unit)).setScale(0, java.math.RoundingMode.HALF_UP);
    }

    @Override
    public boolean recognizes(List<String> head) {
        return head.stream().anyMatch(l -> grammar.parse(l, io.rootline.grammar.FreeParser::line) instanceof HeaderContext)
                && head.stream().anyMatch(l -> l.startsWith("Mem:"));
    }
}
