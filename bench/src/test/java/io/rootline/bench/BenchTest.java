package io.rootline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The bench keeps working: it generates scale 0.01, runs every form once and finds the analysis exact. */
class BenchTest {

    /** The jar the reactor just built, with the launcher's heap bound, without its rebuild check. */
    private static Path launcher(Path work) throws Exception {
        Path launcher = work.resolve("rootline");
        Files.writeString(launcher, "#!/bin/sh\nexec \"" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "\" -Xmx256m -jar \"" + Path.of("analyzer/target/rootline.jar").toAbsolutePath() + "\" \"$@\"\n");
        launcher.toFile().setExecutable(true);
        return launcher;
    }

    private static String bench(int expectedExit, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(new BenchMain(out)).execute(args);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(expectedExit, exit, printed);
        return printed;
    }

    @Test
    void benchRunsAtScaleOneHundredth(@TempDir Path work) throws Exception {
        String printed = bench(0, "--scale", "0.01", "--runs", "1", "--work", work.toString(),
                "--rootline", launcher(work).toString());
        assertTrue(printed.contains("120 drops + 14442 suppressed, 10486 conntrack entries"), printed);
        // the exact column, then the steal column (NaN where /proc/stat cannot be read)
        assertTrue(printed.lines().anyMatch(l -> l.matches("folder .* MiB +yes +(\\d+|NaN)%")), printed);
        if (Commands.available("xz")) {
            assertTrue(printed.lines().anyMatch(l -> l.matches("\\.tar\\.xz .* MiB +yes +(\\d+|NaN)%")), printed);
        }
    }

    @Test
    void severalScalesAreComparedByTheirCostPerMebibyte(@TempDir Path work) throws Exception {
        String printed = bench(0, "--scale", "0.01,0.02", "--forms", "folder", "--runs", "1", "--warm", "--work", work.toString(),
                "--rootline", launcher(work).toString());
        assertTrue(printed.contains("scale 0.01, median of 1 runs"), printed);
        assertTrue(printed.contains("scale 0.02, median of 1 runs"), printed);
        // a second analysis in the same JVM, timed by rootline itself (analyze --timings B B) and found exact too
        assertTrue(printed.lines().anyMatch(l -> l.matches("folder +[0-9. ]+x +[0-9.]+ +-?[0-9.]+ s +-?[0-9.]+ s +[0-9.]+ +\\d+ MiB +yes +(\\d+|NaN)%")), printed);
        String cost = "folder +0\\.01: -?[0-9.]+  \\(-?[0-9.]+\\)  0\\.02: -?[0-9.]+   largest/smallest -?[0-9.]+";
        assertTrue(printed.contains("cost per MiB beyond JVM start-up"), printed);
        assertTrue(printed.contains("cost per MiB of a second bundle in the same JVM"), printed);
        assertEquals(2, printed.lines().filter(l -> l.matches(cost)).count(), printed);
    }

    /** --trees measures each form of each tree against its floor and start-up, and finds the reports sound. */
    @Test
    void treesAreMeasuredInBothFormsAgainstTheirFloors(@TempDir Path work) throws Exception {
        Path noRealTrees = Files.createDirectories(work.resolve("none"));
        String printed = bench(0, "--trees", "--tree-files", "2000", "--real", noRealTrees.toString(), "--runs", "1",
                "--work", work.toString(), "--rootline", launcher(work).toString());
        assertTrue(printed.contains("generated 2,000 files"), printed);
        if (Commands.available("xz") && Commands.available("tar")) {
            assertTrue(printed.lines().anyMatch(l -> l.matches("generated-2000 +\\.tar\\.xz( +[0-9.]+){4} +[0-9.]+x +(yes|NO) +yes")), printed);
            assertTrue(printed.lines().anyMatch(l -> l.matches("generated-2000 +folder( +[0-9.]+){4} +[0-9.]+x +(yes|NO) +yes")), printed);
        }
    }

    @Test
    void theSecondBundlesTimeIsReadFromRootlinesOwnTimings() throws Exception {
        String printed = "rootline: /tmp/odd: analysed in name/scale-1/folder: analysed in 1.234 s\n"
                + "rootline: /tmp/odd: analysed in name/scale-1/folder: analysed in 0.567 s\n";
        assertEquals(List.of(1.234, 0.567), BenchMain.analysisSeconds(printed));
        assertThrows(IOException.class, () -> BenchMain.analysisSeconds("rootline: out of memory\n"));
    }

    @Test
    void stealIsTheHypervisorsShareOfTheCpuTimeBetweenTwoReadings() {
        long[] before = Steal.parse("cpu  2625876 0 406210 2772268 10193 0 2046 80195 0 0");
        long[] after = Steal.parse("cpu  2626238 0 406824 2772574 10193 0 2046 81026 0 0");
        // 362 user + 614 system + 306 idle + 831 steal: 831 of 2113 ticks
        assertEquals(39.33, Steal.percent(before, after), 0.01);
        assertEquals(0, Steal.percent(after, after));
        assertEquals(null, Steal.parse("cpu0 1 2 3"));
    }
}
