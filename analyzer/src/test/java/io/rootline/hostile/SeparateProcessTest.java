package io.rootline.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guarantees that only a separate JVM can show: the heap stays under the bound the
 * README states (the JVM is given no more), and nothing is written outside a private
 * temporary folder (the JVM's temporary folder and working folder are empty ones we watch).
 */
class SeparateProcessTest {

    /** The bound stated in the README's "Untrusted input" section. */
    static final String HEAP_BOUND = "-Xmx256m";

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run rootline(Path privateTmp, Path workDir, String... args) throws IOException, InterruptedException {
        return rootline(List.of(HEAP_BOUND, "-XX:+ExitOnOutOfMemoryError"), privateTmp, workDir, args);
    }

    private Run rootline(List<String> jvm, Path privateTmp, Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvm);
        command.addAll(List.of("-Djava.io.tmpdir=" + privateTmp, "-cp", System.getProperty("java.class.path"), "io.rootline.cli.Main"));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process p = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "rootline did not finish");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void hostileBundlesStayUnderTheHeapBoundAndWriteNothing() throws Exception {
        Path bundles = Files.createDirectories(dir.resolve("bundles"));
        Path bomb = HostileBundles.bomb(bundles, 1L << 30);
        Path longLine = HostileBundles.longLine(bundles, 300L << 20);
        Path many = HostileBundles.manyFiles(bundles, 100_000);
        Path unsafe = HostileBundles.unsafeNames(bundles);
        Path links = HostileBundles.links(bundles);
        // 2,000,000 drop events, each with a text of its own: kept, they would need more than the heap
        Path flood = HostileBundles.kernelFlood(bundles, 2_000_000);
        Path privateTmp = Files.createDirectories(dir.resolve("tmp"));
        Path workDir = Files.createDirectories(dir.resolve("work"));
        List<String> before = listing(dir);

        Run run = rootline(privateTmp, workDir, "analyze", "--format", "json", bomb.toString(), longLine.toString(),
                many.toString(), unsafe.toString(), links.toString(), flood.toString());

        assertFalse(run.err().contains("OutOfMemoryError"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("\"rule\" : \"conntrack-table-full\""), "the bomb's incident was still analysed");
        assertTrue(run.out().contains("events from line 500002 on were counted, not kept (kernel.conntrack-table-full ×1500005)"),
                "the flood's events beyond --max-events were counted");
        assertEquals(List.of(), listing(workDir), "nothing is written in the working folder");
        assertTrue(listing(privateTmp).stream().allMatch(p -> p.contains("zstd") || p.contains("libzstd")),
                "only the zstd native library (a dependency) may use the temporary folder: " + listing(privateTmp));
        List<String> after = listing(dir);
        after.removeIf(p -> p.startsWith("tmp/") || p.equals("stdout") || p.equals("stderr"));
        assertEquals(before, after, "nothing new beside the bundles");
        assertFalse(Files.exists(Path.of("/tmp/rootline-escape")));
    }

    @Test
    void runningOutOfMemoryIsOneLineNotAStackTrace() throws Exception {
        // a heap too small for the events the limit lets it keep
        Path flood = HostileBundles.kernelFlood(Files.createDirectories(dir.resolve("bundles")), 400_000);
        Path work = Files.createDirectories(dir.resolve("work"));

        Run run = rootline(List.of("-Xmx32m"), Files.createDirectories(dir.resolve("tmp")), work, "analyze",
                "--max-events", "10000000", flood.toString());

        assertEquals(2, run.exit(), run.err());
        assertEquals("rootline: out of memory (Java heap space): keep fewer events of each artifact (--max-events) or give"
                + " Java a larger heap (ROOTLINE_JAVA_OPTS, see the README)\n", run.err());
        assertEquals("", run.out());
    }

    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return new ArrayList<>(files.filter(p -> !p.equals(root)).map(p -> root.relativize(p).toString()).sorted().toList());
        }
    }
}
