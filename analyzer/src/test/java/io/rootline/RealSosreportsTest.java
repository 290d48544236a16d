package io.rootline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rootline.locate.ArtifactCatalog;
import io.rootline.model.Severity;
import io.rootline.report.ArtifactEntry;
import io.rootline.report.Report;
import io.rootline.report.ReportFormat;
import io.rootline.support.Fixtures;
import io.rootline.support.RealTrees;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The real sosreport trees of {@code ../shared/real-sosreports/} (see its SOURCES.md), as
 * their .tar.xz and extracted: sos stores {@code proc/net} behind two links, nests archives
 * ({@code sos_commands/logs.xz}, {@code sys.tgz} beside {@code sys/}), and holds some 20,000
 * files. Neither host had an incident.
 */
class RealSosreportsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"hotsos-kubernetes.tar.xz, juju-110cc2-k8stest-4", "hotsos-vault.tar.xz, juju-04f1e3-0-lxd-5"})
    void aRealTreeIsReadAsSosWroteIt(String name, String host) throws IOException {
        Path archive = RealTrees.archive(name);
        Path tree = RealTrees.extract(archive, dir);
        Report fromArchive = Fixtures.analyze(archive);
        Report fromFolder = Fixtures.analyze(tree);
        for (Report r : List.of(fromArchive, fromFolder)) {
            String form = r.bundle().format();
            assertEquals(host, r.bundle().host(), form);
            assertEquals("sos-4", r.bundle().layout(), form);
            assertEquals("+00:00", r.clock().timezone(), form);
            assertEquals("Etc/UTC", r.clock().zoneName(), form);
            assertTrue(r.findings().stream().allMatch(f -> f.severity().compareTo(Severity.INFO) <= 0),
                    form + ": a healthy host, yet " + r.findings());
            everyKnownArtifactIsReadWhereSosPutIt(tree, r);
            noArtifactIsReportedWhereTheTreeHasNone(tree, r);
            // the proc files, reached through proc/net -> self/net -> <pid>, under the names an engineer types
            for (String proc : List.of("proc/net/snmp", "proc/net/netstat")) {
                ArtifactEntry a = artifact(r, proc).orElseThrow(() -> new AssertionError(form + ": " + proc + " not read"));
                assertEquals("parsed", a.status(), form + " " + proc);
                assertTrue(a.notes().stream().anyMatch(n -> n.startsWith("reached through links: the bundle stores it at proc/")),
                        form + " " + proc + ": " + a.notes());
            }
        }
        assertEquals(withoutSource(fromFolder), withoutSource(fromArchive), "the folder and its tarball give one report");
    }

    /** Each path of the catalog that the tree holds, through its links, is in the report at that path. */
    private static void everyKnownArtifactIsReadWhereSosPutIt(Path tree, Report r) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String path : ArtifactCatalog.exactPaths()) {
            if (RealTrees.holdsFile(tree, path) && artifact(r, path).isEmpty()) {
                missing.add(path);
            }
        }
        assertEquals(List.of(), missing, r.bundle().format() + ": collected by sos, not in the report");
    }

    /** Each artifact reported is at a path the tree holds, or inside an archive the tree holds. */
    private static void noArtifactIsReportedWhereTheTreeHasNone(Path tree, Report r) throws IOException {
        List<String> nowhere = new ArrayList<>();
        for (ArtifactEntry a : r.artifacts()) {
            Optional<String> archive = a.notes().stream().filter(n -> n.startsWith("stored in ")).map(n -> n.substring(10)).findFirst();
            if (!RealTrees.holdsFile(tree, a.path()) && (archive.isEmpty() || !RealTrees.holdsFile(tree, archive.get()))) {
                nowhere.add(a.path());
            }
        }
        assertEquals(List.of(), nowhere, r.bundle().format() + ": reported at paths the tree does not have");
    }

    private static Optional<ArtifactEntry> artifact(Report r, String path) {
        return r.artifacts().stream().filter(a -> a.path().equals(path)).findFirst();
    }

    private static String withoutSource(Report r) {
        return ReportFormat.JSON.renderer().render(r).lines()
                .filter(l -> !l.contains("\"source\"") && !l.contains("\"format\"")).collect(Collectors.joining("\n"));
    }
}
