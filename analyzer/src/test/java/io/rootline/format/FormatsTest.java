package io.rootline.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every registered format is whole: a grammar with a sample at its top, examples of real
 * input, fuzz seeds under its name, its corpus folders, a row in the README; every descriptor
 * in the source tree is registered; and the README's "Where things go" names what this test
 * demands of a new format.
 */
class FormatsTest {

    private static final Path GRAMMARS = Path.of("grammar/src/main/antlr4/io/rootline/grammar");
    private static final Path EXAMPLES = Path.of("grammar/examples");
    private static final Path SEEDS = Path.of("analyzer/src/test/resources/io/rootline/fuzz/FuzzTargetsInputs/grammars");
    private static final Path DESCRIPTORS = Path.of("analyzer/src/main/java/io/rootline/parse");
    private static final Path SERVICES = Path.of("analyzer/src/main/resources/META-INF/services/io.rootline.format.Format");

    private static List<Format> formats() {
        return Formats.installed().all();
    }

    @TestFactory
    Stream<DynamicTest> everyFormatIsWhole() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Format f : formats()) {
            tests.add(DynamicTest.dynamicTest(f.name(), () -> {
                Path grammar = GRAMMARS.resolve(f.grammar() + ".g4");
                assertTrue(Files.exists(grammar), f.name() + ": no grammar " + grammar);
                String head = Files.readString(grammar).lines().limit(12).reduce("", (a, b) -> a + "\n" + b);
                assertTrue(head.contains("Sample"), f.name() + ": " + grammar + " shows no sample of its input at its top");
                try (Stream<Path> examples = Files.list(EXAMPLES.resolve(f.grammar()))) {
                    assertTrue(examples.findAny().isPresent(), f.name() + ": no examples in grammar/examples/" + f.grammar());
                }
                assertTrue(seeds().contains(f.name()), f.name() + ": no fuzz seed names it (python3 fixtures/fuzz/make-seeds.py)");
                assertFalse(f.sources().isEmpty(), f.name() + ": no place sos keeps it");
                assertFalse(f.supplies().isEmpty(), f.name() + ": supplies no name a rule could read");
            }));
        }
        return tests.stream();
    }

    /** The formats each seed's first line names. */
    private static Set<String> seeds() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(SEEDS)) {
            for (Path p : files.toList()) {
                String text = new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                names.add(text.substring(0, Math.max(0, text.indexOf('\n'))));
            }
        }
        return names;
    }

    @Test
    void everyDescriptorIsRegisteredOnce() throws IOException {
        Set<String> inTree = new TreeSet<>();
        try (Stream<Path> files = Files.list(DESCRIPTORS)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("Format.java"))
                    .forEach(n -> inTree.add("io.rootline.parse." + n.substring(0, n.length() - 5)));
        }
        Set<String> registered = new TreeSet<>();
        for (String line : Files.readAllLines(SERVICES)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                assertTrue(registered.add(line.strip()), line + " is registered twice");
            }
        }
        assertEquals(inTree, registered);
        assertEquals(registered.size(), formats().size());
    }

    @Test
    void corpusFoldersExist() {
        assumeTrue(Files.isDirectory(Path.of("../shared/corpus")), "../shared/corpus is absent: corpus folders not checked");
        for (Format f : formats()) {
            for (String folder : f.corpus()) {
                assertTrue(Files.isDirectory(Path.of("../shared/corpus", folder)), f.name() + ": no corpus folder " + folder);
            }
        }
    }

    /** The README's "What it reads" names each format's grammar, and no grammar that is no format's. */
    @Test
    void theReadmeTableNamesEveryFormat() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("## What it reads"), readme.indexOf("\n## ", readme.indexOf("## What it reads") + 5));
        Set<String> named = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`([A-Za-z]+)\\.g4`").matcher(table);
        while (m.find()) {
            named.add(m.group(1));
        }
        Set<String> grammars = new TreeSet<>();
        formats().forEach(f -> grammars.add(f.grammar()));
        assertEquals(grammars, named, "grammars of the README's \"What it reads\" table against the registered formats");
    }

    /** A path two patterns take goes to the more specific one, whatever the order of declaration. */
    @Test
    void pathsGoToTheMostSpecificPattern() {
        Formats formats = new Formats(List.of(
                new Generic("app-log-like", "var/log/**.log"),
                new Generic("nginx-like", "var/log/nginx/*error.log")));
        var artifacts = io.rootline.locate.ArtifactCatalogAccess.fromFormats(formats);
        assertEquals(2, artifacts.size());
        assertEquals("var/log/nginx/*error.log", io.rootline.locate.ArtifactCatalogAccess.mostSpecific(artifacts,
                "var/log/nginx/error.log"));
        assertEquals("var/log/**.log", io.rootline.locate.ArtifactCatalogAccess.mostSpecific(artifacts, "var/log/app/app.log"));
    }

    /** A format of one glob, for the specificity test. */
    private static final class Generic extends Format {
        Generic(String name, String glob) {
            super(describe(name).grammar("AppLog").parser(c -> null).artifact(name, name).source(name, glob)
                    .supplies(name, Name.fact(name + ".x")));
        }
    }
}
