package io.rootline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Runs a command, sampling every 20 ms the peak RSS (VmHWM, which only grows) of it and
     * of every process it starts (rootline's xz decoder). The figure is the sum of their
     * peaks: an upper bound on what they held at once. The process tree is walked only
     * every 200 ms: finding the children reads every process's status, which every 20 ms
     * took CPU from the two cores being measured; xz allocates its memory as it starts and
     * lives for the whole run, so its peak is still seen.
     */
    static Measured measure(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("rootline-bench", ".out");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            Map<Long, Long> peaks = new HashMap<>(Map.of(p.pid(), 0L));
            for (int tick = 0; p.isAlive(); tick++) {
                if (tick % 10 == 0) {
                    p.descendants().forEach(child -> peaks.putIfAbsent(child.pid(), 0L));
                }
                for (long pid : List.copyOf(peaks.keySet())) {
                    sample(pid, peaks);
                }
                // returns as the process ends, so that a short run is not timed up to the next tick
                p.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int exit = p.waitFor();
            long peak = peaks.values().stream().mapToLong(Long::longValue).sum();
            return new Measured(seconds, peak, exit, Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static void sample(long pid, Map<Long, Long> peaks) {
        peaks.merge(pid, hwm(Path.of("/proc", Long.toString(pid), "status")), Math::max);
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
