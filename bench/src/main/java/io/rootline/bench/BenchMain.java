package io.rootline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rootline bench}: generates a bundle at a scale, then times, in one go, the floor
 * (decompressing the same file into {@code wc -l}) and rootline on each form (folder,
 * .tar.xz, .tar.zst): wall time, MB/s, ratio to the floor, peak RSS; medians of several runs.
 * It also checks that the analysis was exact (every drop, every suppressed callback, every
 * conntrack entry counted).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure rootline against the decompression floor on a generated bundle.")
public final class BenchMain implements Callable<Integer> {

    @Option(names = "--scale", defaultValue = "1", split = ",",
            description = "Bundle size: 1 is a full-size incident host (default 1). Several (0.25,1,4) are measured in turn,"
                    + " then compared: the cost per MiB at each.")
    List<Double> scales;

    @Option(names = "--runs", defaultValue = "3", description = "Runs per measurement; the median is reported (default 3).")
    int runs;

    @Option(names = "--work", defaultValue = "target/bench", description = "Where bundles are generated (default target/bench).")
    Path work;

    @Option(names = "--rootline", defaultValue = "./rootline",
            description = "The rootline launcher to measure, run as users run it (default ./rootline).")
    Path launcher;

    @Option(names = "--forms", defaultValue = "folder,xz,zst", split = ",",
            description = "Forms to generate and measure: folder, xz, zst (default all three).")
    List<String> forms;

    @Option(names = "--warm", description = "Also time a second analysis of each bundle in the same JVM (analyze --timings B B,"
            + " the second bundle's time): the cost once class loading and the JIT's compiling are done, as when many bundles"
            + " are given at once.")
    boolean warm;

    @Option(names = "--generate-only", description = "Generate the bundle forms and stop.")
    boolean generateOnly;

    @Option(names = "--trees", description = "Measure sosreports of many small files instead: each tree in --real as its .tar.xz"
            + " and extracted, and a generated tree of --tree-files files in the sysfs and cgroup shapes sos collects, against"
            + " xz -T1 -dc FILE | wc -l and tar -C DIR -cf - . | wc -c; the target is 2x (floor + JVM start-up).")
    boolean trees;

    @Option(names = "--real", defaultValue = "../shared/real-sosreports",
            description = "Folder of real sosreport .tar.xz files for --trees (default ../shared/real-sosreports).")
    Path real;

    @Option(names = "--tree-files", defaultValue = "80000", description = "Files in the generated tree for --trees (default 80000).")
    int treeFiles;

    @Option(names = "--jmh", description = "Run the JMH micro-benchmarks of the grammars instead; JMH options may follow (-wi 1 -i 3 ...).")
    boolean jmh;

    @CommandLine.Unmatched
    List<String> jmhOptions = new ArrayList<>();

    private final PrintStream out;

    BenchMain(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain(System.out)).execute(args));
    }

    /** One measured form; {@code warmSeconds} is NaN unless {@code --warm} asked for it. */
    record Row(String form, double mebibytes, double floorSeconds, double seconds, double startupSeconds, double warmSeconds,
               long peakRss, boolean exact, double stealPercent) {
        double ratio() {
            return seconds / floorSeconds;
        }

        double beyondStartup() {
            return seconds - startupSeconds;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (jmh) {
            List<String> args = new ArrayList<>(jmhOptions);
            if (jmhOptions.stream().noneMatch(o -> o.startsWith("-p"))) {
                args.add("-p");
                args.add("kind=" + String.join(",", GrammarBenchmark.formats())); // every registered format
            }
            args.add("io.rootline.bench.GrammarBenchmark");
            org.openjdk.jmh.Main.main(args.toArray(String[]::new));
            return 0;
        }
        if (!jmhOptions.isEmpty()) {
            throw new CommandLine.ParameterException(new CommandLine(this), "unknown options " + jmhOptions);
        }
        if (trees) {
            TreeBench bench = new TreeBench(out, launcher, work, runs);
            List<TreeBench.Row> rows = bench.measure(bench.trees(real, treeFiles));
            return rows.stream().allMatch(TreeBench.Row::sound) ? 0 : 1;
        }
        Map<Double, List<Row>> measured = new LinkedHashMap<>();
        boolean exact = true;
        for (double scale : scales) {
            List<Row> rows = measureScale(scale);
            measured.put(scale, rows);
            exact &= rows.stream().allMatch(Row::exact);
        }
        if (measured.size() > 1 && !generateOnly) {
            printCostPerMebibyte(measured, "beyond JVM start-up", Row::beyondStartup);
            if (warm) {
                printCostPerMebibyte(measured, "of a second bundle in the same JVM", Row::warmSeconds);
            }
        }
        return exact ? 0 : 1;
    }

    /**
     * The cost of each form per MiB ({@code seconds} of a row), at each scale, and between
     * scales (the extra seconds per extra MiB): constant when the work grows linearly.
     */
    private void printCostPerMebibyte(Map<Double, List<Row>> measured, String what, ToDoubleFunction<Row> seconds) {
        out.printf(Locale.ROOT, "%ncost per MiB %s (ms), at each scale and between scales%n", what);
        List<String> forms = measured.values().iterator().next().stream().map(Row::form).toList();
        for (String form : forms) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-9s", form));
            double min = Double.MAX_VALUE;
            double max = 0;
            Row previous = null;
            for (var scale : measured.entrySet()) {
                Row r = scale.getValue().stream().filter(x -> x.form().equals(form)).findFirst().orElseThrow();
                double cost = seconds.applyAsDouble(r) * 1000 / r.mebibytes();
                min = Math.min(min, cost);
                max = Math.max(max, cost);
                if (previous != null) {
                    double marginal = (seconds.applyAsDouble(r) - seconds.applyAsDouble(previous)) * 1000
                            / (r.mebibytes() - previous.mebibytes());
                    line.append(String.format(Locale.ROOT, "  (%.1f)", marginal));
                }
                line.append(String.format(Locale.ROOT, "  %s: %.1f", label(scale.getKey()), cost));
                previous = r;
            }
            out.printf(Locale.ROOT, "%s   largest/smallest %.2f%n", line, max / min);
        }
    }

    /** A scale as written on the command line: 0.25, 1, 4. */
    private static String label(double scale) {
        return scale == Math.rint(scale) ? Long.toString((long) scale) : Double.toString(scale);
    }

    private List<Row> measureScale(double scale) throws Exception {
        Path dir = work.resolve("scale-" + scale);
        Path folder = dir.resolve("folder");
        Path xz = dir.resolve("bundle.tar.xz");
        Path zst = dir.resolve("bundle.tar.zst");
        Path expectedFile = dir.resolve("expected.json");
        ObjectMapper json = new ObjectMapper();
        BundleGenerator.Expected expected;
        boolean wantXz = forms.contains("xz");
        boolean wantZst = forms.contains("zst");
        if (Files.exists(expectedFile) && (!wantXz || Files.exists(xz)) && (!wantZst || Files.exists(zst))) {
            expected = json.readValue(expectedFile.toFile(), BundleGenerator.Expected.class);
            out.printf(Locale.ROOT, "using the bundle generated in %s%n", dir);
        } else {
            out.printf(Locale.ROOT, "generating scale %s in %s ...%n", scale, dir);
            Files.createDirectories(dir);
            expected = new BundleGenerator(scale).writeFolder(folder);
            if (wantXz) {
                Archives.tarXz(folder, xz);
            }
            if (wantZst) {
                Archives.tarZst(folder, zst);
            }
            json.writeValue(expectedFile.toFile(), expected);
        }
        out.printf(Locale.ROOT, "bundle: %.1f MiB expanded%s%s; %d drops + %d suppressed, %d conntrack entries%n",
                expected.bytes() / 1048576.0, wantXz ? String.format(Locale.ROOT, ", %.1f MiB as .tar.xz", Files.size(xz) / 1048576.0) : "",
                wantZst ? String.format(Locale.ROOT, ", %.1f MiB as .tar.zst", Files.size(zst) / 1048576.0) : "",
                expected.drops(), expected.suppressed(), expected.conntrackEntries());
        if (generateOnly) {
            return List.of();
        }
        // once, untimed: the launcher builds what a fresh build lacks (the jar, the class-data
        // archive) on its first run, which must not count as anyone's start-up
        Commands.measure(List.of(launcher.toString(), "--version"));
        List<Row> rows = new ArrayList<>();
        if (forms.contains("folder")) {
            rows.add(measure("folder", folder, "find " + Archives.q(folder) + " -type f -print0 | xargs -0 cat | wc -l", expected));
        }
        if (wantXz && Commands.available("xz")) {
            rows.add(measure(".tar.xz", xz, "xz -T1 -dc " + Archives.q(xz) + " | wc -l", expected));
        }
        if (wantZst && Commands.available("zstd")) {
            rows.add(measure(".tar.zst", zst, "zstd -dc " + Archives.q(zst) + " | wc -l", expected));
        }
        out.printf(Locale.ROOT, "%nscale %s, median of %d runs (floor, JVM start-up and rootline in turn)%n", scale, runs);
        out.printf(Locale.ROOT, "%-9s %9s %9s %10s %7s %6s %11s %11s %10s %9s %6s %6s%n", "form", "MiB", "floor s", "rootline s",
                "ratio", "JVM s", "beyond JVM", "2nd in JVM", "MiB/s", "peak RSS", "exact", "steal");
        for (Row r : rows) {
            String second = Double.isNaN(r.warmSeconds()) ? "-" : String.format(Locale.ROOT, "%.2f s", r.warmSeconds());
            out.printf(Locale.ROOT, "%-9s %9.1f %9.2f %10.2f %6.2fx %6.2f %9.2f s %11s %10.1f %6.0f MiB %6s %5.0f%%%n", r.form(),
                    r.mebibytes(), r.floorSeconds(), r.seconds(), r.ratio(), r.startupSeconds(), r.beyondStartup(), second,
                    r.mebibytes() / r.seconds(), r.peakRss() / 1048576.0, r.exact() ? "yes" : "NO", r.stealPercent());
        }
        return rows;
    }

    /**
     * Each run times the floor, JVM start-up and rootline in turn, and each is the median of
     * its runs. Taking turns matters on a shared machine: load comes and goes over seconds,
     * and a burst that fell on all the floor's runs (or all of rootline's) made a ratio of
     * the burst, not of the two programs.
     */
    private Row measure(String form, Path bundle, String floorCommand, BundleGenerator.Expected expected) throws Exception {
        Path report = Files.createTempFile("rootline-bench", ".json");
        Steal steal = Steal.start();
        double[] floors = new double[runs];
        double[] startups = new double[runs];
        double[] seconds = new double[runs];
        double[] second = new double[runs];
        long peak = 0;
        boolean exact = true;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            Commands.shell(floorCommand);
            floors[i] = (System.nanoTime() - start) / 1e9;
            startups[i] = Commands.measure(List.of(launcher.toString(), "--version")).seconds();
            Commands.Measured m = Commands.measure(List.of(launcher.toString(), "analyze", "--format", "json",
                    "--output", report.toString(), bundle.toString()));
            if (m.exit() != 0) {
                throw new IOException("rootline failed on " + bundle + ":\n" + m.out());
            }
            seconds[i] = m.seconds();
            peak = Math.max(peak, m.peakRssBytes());
            exact &= exact(new ObjectMapper().readTree(report.toFile()), expected);
            second[i] = Double.NaN;
            if (warm) {
                Commands.Measured twice = Commands.measure(List.of(launcher.toString(), "analyze", "--timings", "--format", "json",
                        "--output", report.toString(), bundle.toString(), bundle.toString()));
                if (twice.exit() != 0) {
                    throw new IOException("rootline failed on " + bundle + " twice:\n" + twice.out());
                }
                // rootline's own timing of the second bundle: the difference of two whole runs' wall
                // times was as noisy as both together. Its peak RSS is left out: the targets are one
                // bundle's, and this run holds two reports.
                second[i] = analysisSeconds(twice.out()).get(1);
                for (JsonNode one : new ObjectMapper().readTree(report.toFile())) {
                    exact &= exact(one, expected);
                }
            }
        }
        Files.deleteIfExists(report);
        return new Row(form, expected.bytes() / 1048576.0, median(floors), median(seconds), median(startups), median(second),
                peak, exact, steal.percent());
    }

    /** What separates the bundle's path from its time in a line of {@code rootline analyze --timings}. */
    private static final String ANALYSED_IN = ": analysed in ";

    /** The two analysis times that {@code rootline analyze --timings B B} printed, in order. */
    static List<Double> analysisSeconds(String printed) throws IOException {
        List<Double> seconds = new ArrayList<>();
        for (String line : printed.split("\n")) {
            int at = line.lastIndexOf(ANALYSED_IN);
            if (line.startsWith("rootline: ") && at > 0 && line.endsWith(" s")) {
                seconds.add(Double.parseDouble(line.substring(at + ANALYSED_IN.length(), line.length() - 2)));
            }
        }
        if (seconds.size() != 2) {
            throw new IOException("expected two timings from rootline analyze --timings B B, got:\n" + printed);
        }
        return seconds;
    }

    /** Every drop and suppressed callback counted, and every conntrack entry read as one. */
    static boolean exact(JsonNode report, BundleGenerator.Expected expected) {
        boolean drops = false;
        for (JsonNode finding : report.get("findings")) {
            if (finding.get("rule").asText().equals("conntrack-table-full")) {
                drops = finding.get("printed").asLong() == expected.drops()
                        && finding.get("suppressed").asLong() == expected.suppressed();
            }
        }
        boolean entries = false;
        for (JsonNode artifact : report.get("artifacts")) {
            if (artifact.get("path").asText().equals("proc/net/nf_conntrack")) {
                entries = artifact.get("lines").asLong() == expected.conntrackEntries() && artifact.get("unknown_lines").asLong() == 0
                        && artifact.get("status").asText().equals("parsed");
            }
        }
        return drops && entries;
    }

    private static double median(double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
