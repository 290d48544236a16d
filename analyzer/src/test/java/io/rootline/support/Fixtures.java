package io.rootline.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rootline.Analyzer;
import io.rootline.bundle.Limits;
import io.rootline.bundle.XzDecoder;
import io.rootline.report.Report;
import io.rootline.rules.RuleLoader;
import io.rootline.rules.RuleSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where tests find the repository's fixtures and the shared corpus; tests run from the repository root. */
public final class Fixtures {

    public static final Path BUNDLES = Path.of("fixtures/bundles");
    public static final Path APPROVED = Path.of("fixtures/approved");
    public static final Path CORPUS = Path.of("../shared/corpus");

    private static RuleSet bundledRules;

    private Fixtures() {
    }

    public static Path bundle(String name) {
        Path p = BUNDLES.resolve(name);
        if (!Files.exists(p)) {
            throw new IllegalStateException("missing fixture " + p.toAbsolutePath() + " (tests run from the repository root)");
        }
        return p;
    }

    /** The shared corpus of real captures; the calling test is skipped, with a message, when it is absent. */
    public static Path corpus(String kind) {
        Path dir = CORPUS.resolve(kind);
        assumeTrue(Files.isDirectory(dir), "skipped: ../shared/corpus/" + kind + " is not present beside this checkout");
        return dir;
    }

    public static synchronized RuleSet rules() {
        if (bundledRules == null) {
            bundledRules = new RuleLoader().loadBundled();
            if (!bundledRules.errors().isEmpty()) {
                throw new IllegalStateException("bundled rules have errors: " + bundledRules.errors());
            }
        }
        return bundledRules;
    }

    public static Report analyze(Path bundle) {
        try {
            return new Analyzer(rules(), Limits.DEFAULTS).analyze(bundle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Report analyze(Path bundle, XzDecoder xz) {
        try {
            return new Analyzer(rules(), Limits.DEFAULTS, xz).analyze(bundle);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The xz decoders this machine has: XZ for Java, and the xz program when it is installed. */
    public static List<XzDecoder> xzDecoders() {
        if (XzDecoder.PREFERRED.runsProgram()) {
            return List.of(XzDecoder.JAVA, XzDecoder.PROGRAM);
        }
        System.err.println("the xz program (XZ Utils) is not on the PATH: xz bundles are read with XZ for Java only");
        return List.of(XzDecoder.JAVA);
    }

    /** A registered format, by name. */
    public static io.rootline.format.Format format(String name) {
        return io.rootline.format.Formats.installed().get(name);
    }
}
