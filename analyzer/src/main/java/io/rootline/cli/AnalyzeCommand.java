package io.rootline.cli;

import io.rootline.Rootline;
import io.rootline.bundle.Limits;
import io.rootline.bundle.ReadProgress;
import io.rootline.model.Severity;
import io.rootline.report.FailedBundle;
import io.rootline.report.Outcome;
import io.rootline.report.Report;
import io.rootline.report.ReportFormat;
import io.rootline.rules.RuleError;
import io.rootline.rules.RuleLoader;
import io.rootline.rules.RuleSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rootline analyze PATH...}: one report per bundle, on stdout or in --output. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Analyse support bundles (tarballs or extracted folders) and print a root-cause timeline.")
final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "A bundle: .tar, .tar.gz, .tgz, .tar.xz, .tar.bz2, .tar.zst, or an extracted folder.")
    List<Path> paths;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default), markdown or json.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path output;

    @Option(names = "--rules", paramLabel = "DIR", description = "Also load the *.yaml rules in DIR (repeatable).")
    List<Path> ruleDirs = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "SEVERITY",
            description = "Exit 1 when a finding is at or above SEVERITY (critical, high, medium, low, info).")
    String failOn;

    @Option(names = "--max-line-bytes", paramLabel = "SIZE", converter = Sizes.class,
            description = "Keep at most SIZE bytes of a line; the rest is skipped and reported (default 1M).")
    long maxLineBytes = Limits.DEFAULTS.maxLineBytes();

    @Option(names = "--max-entries", paramLabel = "N", description = "Read at most N archive entries (default ${DEFAULT-VALUE}).")
    long maxEntries = Limits.DEFAULTS.maxEntries();

    @Option(names = "--max-artifact-bytes", paramLabel = "SIZE", converter = Sizes.class,
            description = "Read at most SIZE bytes of one artifact (default 8G).")
    long maxArtifactBytes = Limits.DEFAULTS.maxArtifactBytes();

    @Option(names = "--max-bytes", paramLabel = "SIZE", converter = Sizes.class,
            description = "Expand at most SIZE bytes from one bundle (default 64G).")
    long maxTotalBytes = Limits.DEFAULTS.maxTotalBytes();

    @Option(names = "--max-ratio", paramLabel = "N",
            description = "Stop when an archive expands more than N times its compressed size, past the first 64M (default ${DEFAULT-VALUE}).")
    long maxRatio = Limits.DEFAULTS.maxRatio();

    @Option(names = "--max-events", paramLabel = "N",
            description = "Keep at most N events of one artifact; later ones are counted, not kept (default ${DEFAULT-VALUE}).")
    long maxEvents = Limits.DEFAULTS.maxEvents();

    @Option(names = "--debug", description = "Show stack traces of unexpected errors.")
    boolean debug;

    @Option(names = "--no-progress",
            description = "Do not show how far the reading has got (shown on stderr when it is a terminal and a bundle"
                    + " takes over a second).")
    boolean noProgress;

    @Option(names = "--timings",
            description = "Print on stderr how long each bundle's analysis took, from the start of its reading to its"
                    + " report (Java's and the command line's start-up not included, nor writing the report).")
    boolean timings;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ReportFormat reportFormat = ReportFormat.parse(format);
        if (reportFormat == null) {
            return usage(err, "unknown --format '" + format + "': use text, markdown or json");
        }
        Severity threshold = null;
        if (failOn != null && (threshold = Severity.parse(failOn)) == null) {
            return usage(err, "unknown --fail-on '" + failOn + "': use critical, high, medium, low or info");
        }
        if (maxLineBytes < 1024 || maxLineBytes > (1 << 30) || maxEntries < 1 || maxArtifactBytes < 1
                || maxTotalBytes < 1 || maxRatio < 1 || maxEvents < 1) {
            return usage(err, "limits: --max-line-bytes from 1K to 1G, the others at least 1");
        }
        for (Path dir : ruleDirs) {
            if (!Files.isDirectory(dir)) {
                return usage(err, "--rules " + dir + ": not a folder");
            }
        }
        Rootline rootline = Rootline.load(ruleDirs, Limits.DEFAULTS.withMaxLineBytes((int) maxLineBytes).withMaxEntries(maxEntries)
                .withMaxArtifactBytes(maxArtifactBytes).withMaxTotalBytes(maxTotalBytes).withMaxRatio(maxRatio)
                .withMaxEvents(maxEvents));
        // folders of rules are checked before any bundle is read; the bundled pack alone after, once it has loaded
        if (!ruleDirs.isEmpty() && ruleErrors(err, rootline.rules())) {
            return Main.USAGE;
        }

        if (output != null) {
            String problem = Output.problem(output);
            if (problem != null) {
                return usage(err, problem);
            }
        }

        List<Outcome> outcomes = new ArrayList<>();
        for (Path path : paths) {
            ReadProgress progress = new ReadProgress();
            long start = System.nanoTime();
            Outcome outcome;
            try (ProgressLine line = showProgress() ? ProgressLine.start(err, String.valueOf(path.getFileName()), progress) : null) {
                outcome = rootline.analyze(path, progress);
            }
            if (timings && outcome instanceof Report) {
                err.printf(Locale.ROOT, "rootline: %s: analysed in %.3f s%n", path, (System.nanoTime() - start) / 1e9);
            }
            if (outcome instanceof FailedBundle failed) {
                err.println("rootline: " + failed.source() + ": " + failed.error());
            }
            outcomes.add(outcome);
        }
        // without --rules, the bundled rules are checked once they have loaded (a damaged jar)
        if (ruleErrors(err, rootline.rules())) {
            return Main.USAGE;
        }
        String text = reportFormat.renderer().render(outcomes);
        if (!text.isEmpty()) {
            try {
                write(text);
            } catch (IOException e) {
                return usage(err, Output.cannotWrite(output, e));
            }
        }
        List<Report> reports = outcomes.stream().filter(Report.class::isInstance).map(Report.class::cast).toList();
        if (reports.size() < outcomes.size()) {
            return Main.USAGE;
        }
        if (threshold != null) {
            Severity t = threshold;
            if (reports.stream().map(Report::worst).anyMatch(w -> w != null && w.compareTo(t) >= 0)) {
                return Main.FINDINGS;
            }
            // a gate must not pass a capture it could not judge
            boolean incomplete = false;
            for (Report r : reports) {
                String why = r.damage() != null ? "the bundle was not read whole ("
                        + (r.damage().path().isEmpty() ? "" : r.damage().path() + ": ") + r.damage().reason() + ")"
                        : r.evaluatedNothing() ? "no rule could be evaluated (" + notEvaluated(r) + ")" : null;
                if (why != null) {
                    err.println("rootline: " + r.source() + ": " + why + ": --fail-on cannot pass it");
                    incomplete = true;
                }
            }
            return incomplete ? Main.INCOMPLETE : Main.OK;
        }
        return Main.OK;
    }

    /** "every rule lacks its input: kernel-log, netstat-s", or "no rule loaded". */
    private static String notEvaluated(Report r) {
        if (r.notEvaluated().isEmpty()) {
            return "no rule loaded";
        }
        return "every rule lacks its input: " + String.join(", ", r.notEvaluated().stream()
                .flatMap(n -> n.needs().stream()).distinct().toList());
    }

    private void write(String text) throws IOException {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        } else {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        }
    }

    /**
     * Whether to show the progress line: only when stderr is a terminal, which Java cannot
     * tell by itself; the launcher says so ({@code -Drootline.stderr.terminal=true}).
     */
    private boolean showProgress() {
        return !noProgress && Boolean.getBoolean("rootline.stderr.terminal");
    }

    /** Prints each error of a rule set; true if there was one. */
    private static boolean ruleErrors(PrintWriter err, RuleSet rules) {
        for (RuleError e : rules.errors()) {
            err.println("rootline: " + e);
        }
        if (!rules.errors().isEmpty()) {
            err.println("rootline: fix the rules above (rootline rules check DIR lists every error)");
        }
        return !rules.errors().isEmpty();
    }


    private static int usage(PrintWriter err, String message) {
        err.println("rootline: " + message);
        return Main.USAGE;
    }
}
