package io.rootline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs processes for the bench and measures them: wall time and peak resident memory. */
final class Commands {

    /** A finished process: its wall time, its peak RSS (VmHWM, sampled), its output. */
    record Measured(double seconds, long peakRssBytes, int exit, String out) {
    }

    private Commands() {
    }

    static boolean available(String program) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + program).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static String shell(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-o", "pipefail", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("failed (" + p.exitValue() + "): " + command + "\n" + out);
        }
        return out;
    }

    /** Runs a command, sampling its peak RSS from /proc every 20 ms (VmHWM only grows). */
    static Measured measure(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("rootline-bench", ".out");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            long peak = 0;
            Path status = Path.of("/proc", Long.toString(p.pid()), "status");
            while (p.isAlive()) {
                peak = Math.max(peak, hwm(status));
                Thread.sleep(20);
            }
            int exit = p.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Measured(seconds, peak, exit, Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static long hwm(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between two samples
        }
        return 0;
    }
}
