package io.rootline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertTrue(printed.lines().anyMatch(l -> l.startsWith("folder") && l.trim().endsWith("yes")), printed);
        if (Commands.available("xz")) {
            assertTrue(printed.lines().anyMatch(l -> l.startsWith(".tar.xz") && l.trim().endsWith("yes")), printed);
        }
    }

    @Test
    void severalScalesAreComparedByTheirCostPerMebibyte(@TempDir Path work) throws Exception {
        String printed = bench(0, "--scale", "0.01,0.02", "--forms", "folder", "--runs", "1", "--work", work.toString(),
                "--rootline", launcher(work).toString());
        assertTrue(printed.contains("scale 0.01, median of 1 runs"), printed);
        assertTrue(printed.contains("scale 0.02, median of 1 runs"), printed);
        assertTrue(printed.contains("cost per MiB beyond JVM start-up"), printed);
        assertTrue(printed.lines().anyMatch(l -> l.matches("folder +0\\.01: [0-9.]+  \\(-?[0-9.]+\\)  0\\.02: [0-9.]+"
                + "   largest/smallest [0-9.]+")), printed);
    }
}
