package io.rootline;

import io.rootline.bundle.Failures;
import io.rootline.bundle.Limits;
import io.rootline.bundle.ReadProgress;
import io.rootline.parse.ParserContext;
import io.rootline.report.FailedBundle;
import io.rootline.report.Outcome;
import io.rootline.report.Report;
import io.rootline.rules.RuleError;
import io.rootline.rules.RuleLoader;
import io.rootline.rules.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * rootline as a library: the rule packs loaded (the bundled one, and any folders of rules
 * with their own kernel messages), the limits, and the analysis of a path into an
 * {@link Outcome}: its report, or why it gave none. The command line, {@code rootline test} and
 * the upload service are made of this.
 *
 * <pre>
 * Rootline rootline = Rootline.load(List.of(Path.of("my-rules")), Limits.DEFAULTS);
 * if (!rootline.ruleErrors().isEmpty()) { ... }
 * Outcome o = rootline.analyze(Path.of("sosreport.tar.xz"));
 * String json = ReportFormat.JSON.renderer().render(List.of(o));
 * </pre>
 */
public final class Rootline {

    private final Supplier<RuleSet> rules;
    private final Analyzer analyzer;

    private Rootline(Supplier<RuleSet> rules, ParserContext parsers, Limits limits) {
        this.rules = rules;
        this.analyzer = new Analyzer(rules, parsers, limits);
    }

    /**
     * The bundled pack and the packs in {@code ruleDirs}. With no folder, the bundled pack loads
     * on a thread of its own while the first bundle is read; folders are loaded (and checked)
     * before, with it, so that a mistake in them is told before any reading.
     *
     * @throws IOException when a folder cannot be listed
     */
    public static Rootline load(List<Path> ruleDirs, Limits limits) throws IOException {
        CompletableFuture<RuleSet> bundled = CompletableFuture.supplyAsync(() -> new RuleLoader().loadBundled(), Rootline::daemon);
        if (ruleDirs.isEmpty()) {
            return new Rootline(bundled::join, ParserContext.BUNDLED, limits);
        }
        RuleLoader loader = new RuleLoader();
        RuleSet all = bundled.join();
        for (Path dir : ruleDirs) {
            if (!Files.isDirectory(dir)) {
                throw new java.nio.file.NotDirectoryException(dir + ": not a folder of rules");
            }
            all = all.plus(loader.load(dir));
        }
        RuleSet checked = all;
        // the packs' own kernel messages make events the reading must know of
        return new Rootline(() -> checked, new ParserContext(checked::messages), limits);
    }

    /** The rules, once loaded. */
    public RuleSet rules() {
        return rules.get();
    }

    /** Every rule file's error, FILE:LINE:COLUMN: message; an analysis with errors must not be trusted. */
    public List<RuleError> ruleErrors() {
        return rules.get().errors();
    }

    /** One path's report, or why it gave none ("no such file or folder", "no known artifact found ..."). */
    public Outcome analyze(Path path) {
        return analyze(path, new ReadProgress());
    }

    /** @param progress how far the reading has got, for a progress line */
    public Outcome analyze(Path path, ReadProgress progress) {
        String source = path.toString();
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
            return new FailedBundle(source, "no such file or folder");
        }
        if (!Files.isReadable(path)) {
            return new FailedBundle(source, "permission denied");
        }
        if (!Files.isDirectory(path) && !Files.isRegularFile(path)) {
            return new FailedBundle(source, "not a regular file or a folder (a bundle is a tarball or an extracted folder)");
        }
        Report report;
        try {
            report = analyzer.analyze(path, progress);
        } catch (IOException e) {
            return new FailedBundle(source, "cannot be read: " + Failures.describe(e));
        }
        if (!report.readAnything()) {
            return new FailedBundle(source, "no known artifact found"
                    + (report.losses().isEmpty() ? "" : " (" + report.losses().get(0).reason() + ")")
                    + "; expected a sosreport or a folder of captured command outputs");
        }
        return report;
    }

    /** The reports of several paths, in order. */
    public List<Outcome> analyzeAll(List<Path> paths) {
        List<Outcome> outcomes = new ArrayList<>();
        paths.forEach(p -> outcomes.add(analyze(p)));
        return outcomes;
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "rootline-rules");
        thread.setDaemon(true);
        thread.start();
    }
}
