package io.rootline.grammar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.TokenStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * In the manner of antlr/grammars-v4: each grammar has a folder of example inputs in
 * grammar/examples/NAME/, and every line of every example parses without a syntax error.
 * (The analyzer's corpus tests cover the real captures in ../shared/corpus.)
 */
class GrammarExamplesTest {

    private static final Path GRAMMARS = Path.of("src/main/antlr4/io/rootline/grammar");
    private static final Path EXAMPLES = Path.of("examples");

    private static List<String> grammarNames() throws IOException {
        try (Stream<Path> files = Files.list(GRAMMARS)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".g4"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        }
    }

    @Test
    void everyGrammarHasExamplesAndASampleInItsHeader() throws IOException {
        List<String> names = grammarNames();
        assertTrue(names.size() >= 16, names.toString());
        for (String name : names) {
            Path dir = EXAMPLES.resolve(name);
            assertTrue(Files.isDirectory(dir), "no examples/" + name);
            try (Stream<Path> files = Files.list(dir)) {
                assertTrue(files.findAny().isPresent(), "examples/" + name + " is empty");
            }
            String text = Files.readString(GRAMMARS.resolve(name + ".g4"));
            String header = text.substring(0, Math.min(400, text.length()));
            assertTrue(header.startsWith("/*") && header.contains("Sample"), name + ".g4 has no sample in its header");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleLineParses() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : grammarNames()) {
            try (Stream<Path> files = Files.list(EXAMPLES.resolve(name))) {
                for (Path file : files.sorted().toList()) {
                    tests.add(DynamicTest.dynamicTest(name + "/" + file.getFileName(), () -> {
                        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                        assertFalse(lines.isEmpty());
                        for (int i = 0; i < lines.size(); i++) {
                            String error = parse(name, lines.get(i));
                            assertEquals(null, error, file + ":" + (i + 1) + ": " + lines.get(i));
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void aLineOfAnotherFormatIsRejected() throws Exception {
        // The grammars are specifications: they do not accept anything at all.
        assertTrue(parse("NetstatStats", "exec of \"netstat\" failed: No such file or directory") != null);
        assertTrue(parse("IpLink", "umrxqueues 112 gso_max_size 65536 gso_max_segs 65535") != null);
        assertTrue(parse("Conntrack", "this is not a conntrack entry") != null);
        assertTrue(parse("Date", "2022-02-11 19:23:40.393733+00:00") != null);
        assertTrue(parse("RuleExpression", "1 +") != null);
        // a syslog line hard-wrapped by a paste, and one whose stamp was cut off
        assertTrue(parse("Syslog", "dropping packet") != null);
        assertTrue(parse("Syslog", "obs kernel: [38775494.392631] nf_conntrack: table full, dropping packet") != null);
    }

    /** Parses one line with the grammar's entry rule; the first syntax error, or null. */
    private static String parse(String grammar, String text) throws Exception {
        Class<?> lexerClass = Class.forName("io.rootline.grammar." + grammar + "Lexer");
        Class<?> parserClass = Class.forName("io.rootline.grammar." + grammar + "Parser");
        Lexer lexer = (Lexer) lexerClass.getConstructor(CharStream.class).newInstance(CharStreams.fromString(text));
        Parser parser = (Parser) parserClass.getConstructor(TokenStream.class).newInstance(new CommonTokenStream(lexer));
        String[] error = new String[1];
        BaseErrorListener listener = new BaseErrorListener() {
            @Override
            public void syntaxError(Recognizer<?, ?> r, Object symbol, int line, int column, String msg, RecognitionException e) {
                if (error[0] == null) {
                    error[0] = "col " + (column + 1) + ": " + msg;
                }
            }
        };
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        Method entry = parserClass.getMethod(grammar.equals("RuleExpression") ? "expression" : "line");
        entry.invoke(parser);
        return error[0];
    }
}
