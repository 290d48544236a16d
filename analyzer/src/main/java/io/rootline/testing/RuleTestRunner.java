package io.rootline.testing;

import io.rootline.Rootline;
import io.rootline.report.FailedBundle;
import io.rootline.report.Outcome;
import io.rootline.report.Report;
import io.rootline.rules.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs rule tests: writes each inline bundle into a private temporary folder (owner-only,
 * deleted after), analyses it with the rules given, and compares the findings with what the
 * test expects.
 */
public final class RuleTestRunner {

    private final Rootline rootline;

    public RuleTestRunner(Rootline rootline) {
        this.rootline = rootline;
    }

    /** A test's outcome: passed, or the ways it failed, each in one line. */
    public record Result(RuleTest test, List<String> failures, double seconds) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    public Result run(RuleTest test) {
        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        Path dir = null;
        try {
            Path bundle;
            if (test.bundle() != null) {
                Path base = Path.of(test.file()).toAbsolutePath().getParent();
                bundle = base == null ? test.bundle() : base.resolve(test.bundle());
            } else {
                dir = Files.createTempDirectory("rootline-test", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                bundle = write(test, dir.resolve("sosreport-test"));
            }
            Outcome outcome = rootline.analyze(bundle);
            if (outcome instanceof FailedBundle failed) {
                failures.add("the bundle gave no report: " + failed.error());
            } else {
                compare(test, (Report) outcome, failures);
            }
        } catch (IOException e) {
            failures.add("the bundle could not be written: " + e.getMessage());
        } finally {
            if (dir != null) {
                delete(dir);
            }
        }
        return new Result(test, failures, (System.nanoTime() - start) / 1e9);
    }

    /** The test's files and links under {@code root}, nothing outside it. */
    private static Path write(RuleTest test, Path root) throws IOException {
        for (var f : test.files().entrySet()) {
            Path file = inside(root, f.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
        }
        for (var l : test.links().entrySet()) {
            Path link = inside(root, l.getKey());
            Files.createDirectories(link.getParent());
            // the target is a name inside the bundle; rootline resolves links by name, never on the file system
            Files.createSymbolicLink(link, Path.of(l.getValue()));
        }
        return root;
    }

    private static Path inside(Path root, String relative) throws IOException {
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root)) {
            throw new IOException(relative + " is outside the bundle");
        }
        return p;
    }

    private static void compare(RuleTest test, Report report, List<String> failures) {
        for (RuleTest.Expected e : test.expect()) {
            Finding f = report.findings().stream().filter(x -> x.rule().equals(e.rule())).findFirst().orElse(null);
            if (f == null) {
                String why = report.notEvaluated().stream().filter(n -> n.rule().equals(e.rule())).findFirst()
                        .map(n -> "not evaluated: needs " + String.join(", ", n.needs()))
                        .orElse(report.passed().contains(e.rule()) ? "it passed" : report.rulesLoaded().contains(e.rule())
                                ? "it did not fire" : "no rule of that id is loaded");
                failures.add(e.rule() + ": expected a finding; " + why);
                continue;
            }
            if (e.severity() != null && !f.severity().label().equals(e.severity())) {
                failures.add(e.rule() + ": severity " + f.severity().label() + ", expected " + e.severity());
            }
            if (e.firstSeen() != null && !e.firstSeen().equals(report.iso(f.firstSeen()))) {
                failures.add(e.rule() + ": first seen " + report.iso(f.firstSeen()) + ", expected " + e.firstSeen());
            }
            if (e.count() != null && f.count() != e.count()) {
                failures.add(e.rule() + ": count " + f.count() + ", expected " + e.count());
            }
            e.contains().forEach((which, words) -> {
                String text = switch (which) {
                    case "summary" -> f.summary();
                    case "effect" -> f.effect() == null ? "" : f.effect();
                    case "remediation" -> String.join("\n", f.remediation().stream().map(io.rootline.model.Phrase::plain).toList());
                    default -> String.join("\n", f.notes());
                };
                for (String word : words) {
                    if (!text.contains(word)) {
                        failures.add(e.rule() + ": " + which + " does not contain \"" + word + "\": " + oneLine(text));
                    }
                }
            });
        }
        for (String rule : test.expectNot()) {
            report.findings().stream().filter(f -> f.rule().equals(rule)).findFirst().ifPresent(f ->
                    failures.add(rule + ": fired (" + f.severity().label() + ": " + f.summary() + "), expected not to"));
            if (!report.rulesLoaded().contains(rule)) {
                failures.add(rule + ": no rule of that id is loaded, so it cannot be said not to fire");
            }
        }
    }

    private static String oneLine(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
