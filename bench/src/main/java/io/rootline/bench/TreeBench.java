package io.rootline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code rootline bench --trees}: rootline on sosreports of many small files, as real hosts
 * write them, against reading the same bytes: each tree of {@code ../shared/real-sosreports/}
 * as its {@code .tar.xz} (floor: {@code xz -T1 -dc FILE | wc -l}) and extracted (floor:
 * {@code tar -C DIR -cf - . | wc -c}), and a generated tree of tens of thousands of small files
 * in the sysfs and cgroup shapes sos collects ({@link TreeGenerator}), in both forms. The
 * target: rootline's wall time within twice the floor plus JVM start-up
 * ({@code rootline --version}), all measured in the same run, taking turns.
 */
final class TreeBench {

    /** A tree to measure: its .tar.xz, its extracted folder, and the host its report must name (null: any). */
    record Tree(String name, Path xz, Path folder, String host) {
    }

    /** One form of one tree, medians of its runs. */
    record Row(String tree, String form, double floor, double startup, double seconds, boolean sound) {
        double target() {
            return 2 * (floor + startup);
        }

        /** rootline's time over floor plus start-up: the target is 2 or less. */
        double ratio() {
            return seconds / (floor + startup);
        }
    }

    private final PrintStream out;
    private final Path launcher;
    private final Path work;
    private final int runs;

    TreeBench(PrintStream out, Path launcher, Path work, int runs) {
        this.out = out;
        this.launcher = launcher;
        this.work = work;
        this.runs = runs;
    }

    /** The real trees in {@code real} (each .tar.xz extracted once under the work folder) and a generated one. */
    List<Tree> trees(Path real, int generatedFiles) throws IOException, InterruptedException {
        List<Tree> trees = new ArrayList<>();
        if (Files.isDirectory(real)) {
            try (Stream<Path> listing = Files.list(real)) {
                for (Path xz : listing.filter(p -> p.toString().endsWith(".tar.xz")).sorted().toList()) {
                    String name = xz.getFileName().toString().replace(".tar.xz", "");
                    Path into = work.resolve("trees").resolve(name);
                    if (!Files.isDirectory(into)) {
                        Files.createDirectories(into);
                        Commands.shell("tar -C " + Archives.q(into) + " -xJf " + Archives.q(xz));
                    }
                    trees.add(new Tree(name, xz, onlyChild(into), null));
                }
            }
        } else {
            out.printf(Locale.ROOT, "no real trees: %s is not present%n", real);
        }
        Path generated = work.resolve("trees").resolve("generated-" + generatedFiles);
        Path xz = work.resolve("trees").resolve("generated-" + generatedFiles + ".tar.xz");
        if (!Files.exists(xz)) {
            out.printf(Locale.ROOT, "generating a tree of %,d small files in %s ...%n", generatedFiles, generated);
            Files.createDirectories(generated);
            int written = new TreeGenerator(generatedFiles).write(generated);
            Archives.tarXz(generated, xz);
            out.printf(Locale.ROOT, "generated %,d files%n", written);
        }
        trees.add(new Tree("generated-" + generatedFiles, xz, generated.resolve(TreeGenerator.TOP), TreeGenerator.HOST));
        return trees;
    }

    private static Path onlyChild(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            List<Path> all = children.toList();
            return all.size() == 1 && Files.isDirectory(all.get(0)) ? all.get(0) : dir;
        }
    }

    List<Row> measure(List<Tree> trees) throws Exception {
        // once, untimed: the launcher builds what a fresh build lacks on its first run
        Commands.measure(List.of(launcher.toString(), "--version"));
        List<Row> rows = new ArrayList<>();
        Path report = Files.createTempFile("rootline-bench", ".json");
        try {
            for (Tree tree : trees) {
                double[][] t = new double[5][runs];
                boolean sound = true;
                for (int i = 0; i < runs; i++) {
                    t[0][i] = timed("xz -T1 -dc " + Archives.q(tree.xz()) + " | wc -l");
                    t[1][i] = timed("tar -C " + Archives.q(tree.folder()) + " -cf - . | wc -c");
                    t[2][i] = Commands.measure(List.of(launcher.toString(), "--version")).seconds();
                    t[3][i] = analyse(tree.xz(), report);
                    sound &= sound(report, tree);
                    t[4][i] = analyse(tree.folder(), report);
                    sound &= sound(report, tree);
                }
                rows.add(new Row(tree.name(), ".tar.xz", median(t[0]), median(t[2]), median(t[3]), sound));
                rows.add(new Row(tree.name(), "folder", median(t[1]), median(t[2]), median(t[4]), sound));
            }
        } finally {
            Files.deleteIfExists(report);
        }
        out.printf(Locale.ROOT, "%nmany small files: median of %d runs (floors, JVM start-up and rootline in turn); target: rootline"
                + " within 2x (floor + start-up)%n", runs);
        out.printf(Locale.ROOT, "%-26s %-8s %8s %9s %11s %9s %7s %5s %6s%n", "tree", "form", "floor s", "JVM s", "rootline s",
                "target s", "ratio", "met", "sound");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "%-26s %-8s %8.2f %9.2f %11.2f %9.2f %6.2fx %5s %6s%n", r.tree(), r.form(), r.floor(),
                    r.startup(), r.seconds(), r.target(), r.ratio(), r.seconds() <= r.target() ? "yes" : "NO", r.sound() ? "yes" : "NO");
        }
        return rows;
    }

    private double analyse(Path bundle, Path report) throws Exception {
        Commands.Measured m = Commands.measure(List.of(launcher.toString(), "analyze", "--format", "json", "--output",
                report.toString(), bundle.toString()));
        if (m.exit() != 0) {
            throw new IOException("rootline failed on " + bundle + ":\n" + m.out());
        }
        return m.seconds();
    }

    /** The report names the host when it must, and finds nothing above info: these hosts were healthy. */
    private static boolean sound(Path report, Tree tree) throws IOException {
        JsonNode r = new ObjectMapper().readTree(report.toFile());
        boolean host = tree.host() == null || tree.host().equals(r.get("bundle").get("host").asText());
        for (JsonNode finding : r.get("findings")) {
            if (!finding.get("severity").asText().equals("info")) {
                return false;
            }
        }
        return host;
    }

    private static double timed(String command) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Commands.shell(command);
        return (System.nanoTime() - start) / 1e9;
    }

    private static double median(double[] times) {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
