package io.rootline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The grammar benchmark covers every registered format, and each sample parses as its format. */
class GrammarBenchmarkTest {

    @Test
    void everyFormatHasASampleAndNothingElseDoes() {
        assertEquals(new TreeSet<>(GrammarBenchmark.formats()), new TreeSet<>(GrammarBenchmark.SAMPLES.keySet()));
        assertTrue(GrammarBenchmark.formats().containsAll(GrammarBenchmark.HEADERS.keySet()));
    }

    @Test
    void eachSampleIsReadWithoutAProblem() throws Exception {
        for (String format : GrammarBenchmark.formats()) {
            GrammarBenchmark bench = new GrammarBenchmark();
            bench.kind = format;
            bench.setup();
            var parsed = bench.parse();
            assertEquals(0, parsed.unknownLines(), format + ": " + parsed.problems());
            assertTrue(parsed.lines() >= GrammarBenchmark.LINES, format);
        }
    }
}
