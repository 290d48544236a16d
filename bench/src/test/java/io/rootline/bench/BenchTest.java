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

    @Test
    void benchRunsAtScaleOneHundredth(@TempDir Path work) throws Exception {
        // the jar the reactor just built, with the launcher's heap bound, without its rebuild check
        Path launcher = work.resolve("rootline");
        Files.writeString(launcher, "#!/bin/sh\nexec \"" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "\" -Xmx256m -jar \"" + Path.of("analyzer/target/rootline.jar").toAbsolutePath() + "\" \"$@\"\n");
        launcher.toFile().setExecutable(true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(new BenchMain(out)).execute("--scale", "0.01", "--runs", "1", "--work", work.toString(),
                "--rootline", launcher.toString());
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed);
        assertTrue(printed.contains("120 drops + 14442 suppressed, 10486 conntrack entries"), printed);
        assertTrue(printed.lines().anyMatch(l -> l.startsWith("folder") && l.trim().endsWith("yes")), printed);
        if (Commands.available("xz")) {
            assertTrue(printed.lines().anyMatch(l -> l.startsWith(".tar.xz") && l.trim().endsWith("yes")), printed);
        }
    }
}
