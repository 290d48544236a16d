package io.rootline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The share of CPU time the hypervisor gave to other guests while a form was measured
 * ("steal", the eighth figure of /proc/stat's cpu line). On a shared virtual machine it
 * came and went over minutes, up to 40 % here, and slowed the floor and rootline alike but
 * not always in the same runs; the bench prints it beside each form, so that a figure taken
 * under heavy steal can be told from one taken in a quiet moment.
 */
final class Steal {

    private static final Path STAT = Path.of("/proc/stat");

    private final long[] start;

    private Steal(long[] start) {
        this.start = start;
    }

    /** Starts counting; where /proc/stat cannot be read, {@link #percent()} is NaN. */
    static Steal start() {
        return new Steal(cpuTimes());
    }

    /** Steal as a share of all CPU time since {@link #start()}, in percent. */
    double percent() {
        long[] end = cpuTimes();
        if (start == null || end == null) {
            return Double.NaN;
        }
        return percent(start, end);
    }

    /** From two readings of the cpu line's first eight figures (user ... steal). */
    static double percent(long[] before, long[] after) {
        long total = 0;
        for (int i = 0; i < 8; i++) {
            total += after[i] - before[i];
        }
        return total <= 0 ? 0 : 100.0 * (after[7] - before[7]) / total;
    }

    /** The cpu line's first eight figures, or null. */
    static long[] parse(String cpuLine) {
        String[] fields = cpuLine.trim().split("\\s+");
        if (fields.length < 9 || !fields[0].equals("cpu")) {
            return null;
        }
        long[] times = new long[8];
        for (int i = 0; i < 8; i++) {
            times[i] = Long.parseLong(fields[i + 1]);
        }
        return times;
    }

    private static long[] cpuTimes() {
        try {
            List<String> lines = Files.readAllLines(STAT);
            return lines.isEmpty() ? null : parse(lines.get(0));
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }
}
