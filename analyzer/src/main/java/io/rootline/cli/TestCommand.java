package io.rootline.cli;

import io.rootline.Rootline;
import io.rootline.bundle.Limits;
import io.rootline.rules.RuleError;
import io.rootline.testing.JUnitXml;
import io.rootline.testing.RuleTest;
import io.rootline.testing.RuleTestLoader;
import io.rootline.testing.RuleTestRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rootline test DIR...}: runs every rule test under the folders (or the files) given,
 * with the bundled pack and any {@code --rules}: one line per test, then a summary.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run rule tests (files with tests:, each a bundle and the findings it must give) and print one line per test.")
final class TestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "A test file, or a folder whose *.yaml test files are run (sub-folders too).")
    List<Path> paths;

    @Option(names = "--rules", paramLabel = "DIR", description = "Also load the *.yaml rules in DIR (repeatable).")
    List<Path> ruleDirs = new ArrayList<>();

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML to FILE, for CI systems.")
    Path junit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path dir : ruleDirs) {
            if (!Files.isDirectory(dir)) {
                return usage(err, "--rules " + dir + ": not a folder");
            }
        }
        if (junit != null) {
            String problem = Output.problem(junit);
            if (problem != null) {
                return usage(err, problem);
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                return usage(err, p + ": no such file or folder");
            }
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                            .sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        Rootline rootline = Rootline.load(ruleDirs, Limits.DEFAULTS);
        List<RuleError> ruleErrors = rootline.ruleErrors();
        if (!ruleErrors.isEmpty()) {
            ruleErrors.forEach(e -> err.println("rootline: " + e));
            return usage(err, "fix the rules above (rootline rules check DIR lists every error)");
        }
        RuleTestRunner runner = new RuleTestRunner(rootline);
        List<RuleTestRunner.Result> results = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!paths.contains(file) && !RuleTestLoader.isTestFile(text)) {
                continue; // found in a folder, and a rule or a message table beside the tests
            }
            RuleTestLoader.Loaded loaded = RuleTestLoader.load(file.toString(), text);
            if (loaded.error() != null) {
                err.println("rootline: " + loaded.error());
                errors.put(file.toString(), loaded.error());
                continue;
            }
            for (RuleTest test : loaded.tests()) {
                RuleTestRunner.Result r = runner.run(test);
                results.add(r);
                out.println((r.passed() ? "ok    " : "FAIL  ") + test.file() + ": " + test.name()
                        + String.format(Locale.ROOT, " (%.2f s)", r.seconds()));
                r.failures().forEach(f -> out.println("        " + f));
            }
        }
        long failed = results.stream().filter(r -> !r.passed()).count();
        out.println(results.size() + (results.size() == 1 ? " test: " : " tests: ") + (results.size() - failed) + " passed, "
                + failed + " failed" + (errors.isEmpty() ? "" : "; " + errors.size() + (errors.size() == 1 ? " file" : " files")
                + " could not be read"));
        out.flush();
        if (junit != null) {
            try {
                Files.writeString(junit, JUnitXml.of(results, errors), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return usage(err, Output.cannotWrite(junit, e));
            }
        }
        if (!errors.isEmpty()) {
            return Main.USAGE;
        }
        if (results.isEmpty()) {
            return usage(err, "no test found in " + paths + " (a test file has tests: at its top)");
        }
        return failed > 0 ? Main.FINDINGS : Main.OK;
    }

    private static int usage(PrintWriter err, String message) {
        err.println("rootline: " + message);
        return Main.USAGE;
    }
}
