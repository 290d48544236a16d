package io.rootline.parse;

import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Runs one grammar over one line at a time, reusing a single lexer and parser for
 * the whole artifact. A whole file is never handed to ANTLR: that would buffer
 * every token of a gigabyte log. Each line is tried in the fast SLL mode first
 * and again in full LL mode only if SLL gives up, the standard two-stage strategy.
 *
 * @param <P> the generated parser
 */
public final class GrammarDriver<P extends Parser> {

    private final Lexer lexer;
    private final P parser;
    private final CommonTokenStream tokens;
    private final ErrorCollector errors = new ErrorCollector();

    /** One driver per grammar per thread: a driver is used one line at a time, and making one costs a lexer and a parser. */
    private static final ThreadLocal<java.util.Map<Function<?, ?>, GrammarDriver<?>>> SHARED =
            ThreadLocal.withInitial(java.util.HashMap::new);

    /**
     * This thread's driver of a grammar, made on first use. A caller parses one line at a time
     * and keeps no parse tree past the next call, so the artifacts a thread reads one after the
     * other, and the grammars they nest (a syslog line's kernel message), share it.
     */
    @SuppressWarnings("unchecked")
    public static <P extends Parser> GrammarDriver<P> of(Function<CharStream, ? extends Lexer> newLexer, Function<TokenStream, P> newParser) {
        return (GrammarDriver<P>) SHARED.get().computeIfAbsent(newParser, k -> new GrammarDriver<>(newLexer, newParser));
    }

    public GrammarDriver(Function<CharStream, ? extends Lexer> newLexer, Function<TokenStream, P> newParser) {
        this.lexer = newLexer.apply(CharStreams.fromString(""));
        this.tokens = new CommonTokenStream(lexer);
        this.parser = newParser.apply(tokens);
        lexer.removeErrorListeners();
        lexer.addErrorListener(errors);
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
    }

    /**
     * Parses {@code text} with the given entry rule.
     *
     * @return the rule's context, or null when the line does not fit the grammar
     *         ({@link #lastError()} then says why)
     */
    public <C extends ParserRuleContext> C parse(String text, Function<P, C> rule) {
        errors.reset();
        reset(text);
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        C result;
        try {
            result = rule.apply(parser);
        } catch (ParseCancellationException e) {
            errors.reset();
            reset(text);
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            result = rule.apply(parser);
        }
        return errors.failed() ? null : result;
    }

    /** Why the last line did not parse: "col 12: extraneous input ..." */
    public String lastError() {
        return errors.message;
    }

    private void reset(String text) {
        lexer.setInputStream(CharStreams.fromString(text));
        tokens.setTokenSource(lexer);
        parser.setTokenStream(tokens);
    }

    private static final class ErrorCollector extends BaseErrorListener {
        private String message;

        void reset() {
            message = null;
        }

        boolean failed() {
            return message != null;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
                                String msg, RecognitionException e) {
            if (message == null) {
                message = "col " + (column + 1) + ": " + msg;
            }
        }
    }
}
