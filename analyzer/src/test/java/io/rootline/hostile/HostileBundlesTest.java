package io.rootline.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rootline.Analyzer;
import io.rootline.bundle.BundleLoss;
import io.rootline.bundle.Limits;
import io.rootline.bundle.XzDecoder;
import io.rootline.report.ArtifactEntry;
import io.rootline.report.Report;
import io.rootline.rules.Finding;
import io.rootline.support.BundleBuilder;
import io.rootline.support.BundleBuilder.Container;
import io.rootline.support.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One test per case of fixtures/hostile/README.md: what is reported, what still parses.
 * The incident sits before the damage in every bundle, so "the rest goes on" is checked
 * by the conntrack finding still firing with its exact counts.
 */
class HostileBundlesTest {

    @TempDir
    Path dir;

    private static void incidentStillFound(Report r) {
        Finding f = r.findings().stream().filter(x -> x.rule().equals("conntrack-table-full")).findFirst()
                .orElseThrow(() -> new AssertionError("the incident before the damage was not analysed: " + r.losses()));
        assertEquals(3, f.printed());
        assertEquals(4888, f.suppressed());
    }

    private static BundleLoss loss(Report r, String path) {
        return r.losses().stream().filter(l -> l.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no loss for " + path + " in " + r.losses()));
    }

    private static ArtifactEntry artifact(Report r, String path) {
        return r.artifacts().stream().filter(a -> a.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no artifact " + path));
    }

    @ParameterizedTest
    @EnumSource(value = Container.class, names = {"TAR", "TAR_GZ", "TAR_BZ2", "TAR_XZ", "TAR_ZST"})
    void cutOffInTransfer(Container container) throws IOException {
        Path cut = HostileBundles.truncated(dir, container, 0.5);
        for (XzDecoder xz : Fixtures.xzDecoders()) {
            Report r = Fixtures.analyze(cut, xz);
            incidentStillFound(r);
            BundleLoss lost = loss(r, HostileBundles.FILLER);
            assertTrue(lost.reason().startsWith("the archive is damaged at or after this entry: "), xz + ": " + lost.reason());
            assertTrue(lost.reason().endsWith("; entries after it are lost"), xz + ": " + lost.reason());
            assertEquals("partial", artifact(r, HostileBundles.FILLER).status(), xz.name());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Container.class, names = {"TAR_GZ", "TAR_BZ2", "TAR_XZ"})
    void corruptInTheMiddleOfAChecksummedStream(Container container) throws IOException {
        Path bad = HostileBundles.corrupted(dir, container, 0.5);
        for (XzDecoder xz : Fixtures.xzDecoders()) {
            Report r = Fixtures.analyze(bad, xz);
            incidentStillFound(r);
            // the decoder's words vary with where the damage falls ("CRC32 error", "invalid block type", ...)
            String reason = loss(r, HostileBundles.FILLER).reason();
            assertTrue(reason.startsWith("the archive is damaged at or after this entry: "), xz + ": " + reason);
            assertTrue(reason.endsWith("; entries after it are lost"), xz + ": " + reason);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Container.class, names = {"TAR", "TAR_ZST"})
    void corruptionNoChecksumCanSeeOnlyHurtsTheDamagedFile(Container container) throws IOException {
        // plain tar and zstd without a checksum frame decode damaged bytes as text
        Report r = Fixtures.analyze(HostileBundles.corrupted(dir, container, 0.5));
        incidentStillFound(r);
    }

    /**
     * XZ for Java decodes an LZMA2 chunk (up to 64 KiB compressed) only once it has all of
     * it, so a cut inside the first chunk leaves it nothing, and the report says why. The xz
     * program decodes within a chunk and recovers the entries before the cut.
     */
    @Test
    void anXzCutInsideItsFirstChunkYieldsWhatTheDecoderCanRecover() throws IOException {
        Path small = BundleBuilder.conntrackIncident().write(dir, "small.tar.xz", Container.TAR_XZ);
        byte[] bytes = Files.readAllBytes(small);
        Path cut = Files.write(dir.resolve("cut.tar.xz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Report java = Fixtures.analyze(cut, XzDecoder.JAVA);
        assertEquals(List.of(BundleLoss.damaged("", "the xz stream cannot be read: the data ends early (the file was cut off);"
                + " its first compressed block is incomplete, so nothing can be recovered")), java.losses());
        assertFalse(java.readAnything());
        if (Fixtures.xzDecoders().contains(XzDecoder.PROGRAM)) {
            Report program = Fixtures.analyze(cut, XzDecoder.PROGRAM);
            assertTrue(program.readAnything());
            assertEquals(1, program.losses().size(), program.losses().toString());
            String reason = program.losses().get(0).reason();
            assertEquals("the archive is damaged at or after this entry: the data ends early (the file was cut off);"
                    + " entries after it are lost", reason);
        }
    }

    /** An xz header asking for a 256 MiB dictionary: a bomb aimed at memory rather than disk. */
    @Test
    void anXzAskingForAHugeDictionaryIsNotDecoded() throws IOException {
        Path greedy = HostileBundles.hugeDictionary(dir);
        for (XzDecoder xz : Fixtures.xzDecoders()) {
            Report r = Fixtures.analyze(greedy, xz);
            assertEquals(List.of(BundleLoss.damaged("", "the xz stream cannot be read: decoding it would need more than the"
                    + " 100MiB of memory allowed (its header asks for a larger dictionary than xz -9 uses)")), r.losses(), xz.name());
            assertFalse(r.readAnything());
        }
    }

    @Test
    void anArchiveInsideTheBundleIsReadAsPartOfIt() throws IOException {
        Path nested = HostileBundles.nested(dir);
        for (XzDecoder xz : Fixtures.xzDecoders()) {
            Report r = Fixtures.analyze(nested, xz);
            incidentStillFound(r);
            assertEquals("unrecognized", artifact(r, "notes.txt").status(), xz.name());
            // read whole after the inner archive: its decoder let go of the outer tar in time
            assertEquals("unrecognized", artifact(r, "zz-after.txt").status(), xz.name());
            assertEquals(List.of(), r.losses(), xz.name());
            assertEquals("host1", r.bundle().host());
        }
    }

    @Test
    void archivesNestedTooDeepAreNotRead() throws IOException {
        Report r = Fixtures.analyze(HostileBundles.nestedTooDeep(dir));
        // the case's archive stands for what it holds; the archives below are placed where they lie
        assertEquals(List.of(new BundleLoss("wrap/inner.tar.gz", "an archive inside 3 levels of archives is not read (at most 3 levels are)")),
                r.losses());
        assertTrue(r.findings().isEmpty());
    }

    @Test
    void zeroByteArtifactsAreNotCollected() throws IOException {
        Report r = Fixtures.analyze(HostileBundles.zeroByteArtifacts(dir));
        assertEquals("failed", artifact(r, "sos_commands/kernel/dmesg").status());
        assertEquals(List.of("the file is empty"), artifact(r, "sos_commands/kernel/dmesg").problems());
        assertEquals("parsed", artifact(r, "proc/net/nf_conntrack").status(), "an empty conntrack table is a valid capture");
        var conntrack = r.notEvaluated().stream().filter(n -> n.rule().equals("conntrack-table-full")).findFirst().orElseThrow();
        assertEquals(List.of("kernel-log"), conntrack.needs());
        assertFalse(r.passed().contains("conntrack-table-full"));
    }

    @Test
    void aZeroByteBundleIsNothingReadable() throws IOException {
        Report r = Fixtures.analyze(Files.write(dir.resolve("empty.tar.xz"), new byte[0]));
        assertFalse(r.readAnything());
        assertTrue(r.losses().get(0).reason().startsWith("not a bundle"), r.losses().toString());
    }

    @Test
    void namesThatClimbOutAreNotRead() throws IOException {
        Report r = Fixtures.analyze(HostileBundles.unsafeNames(dir));
        assertEquals("the stored name \"sosreport-h/../../../../tmp/rootline-escape\" climbs out of the bundle; not read",
                loss(r, "tmp/rootline-escape").reason());
        assertTrue(loss(r, "sos_commands/kernel/dmesg").reason().contains("climbs out"));
        assertFalse(r.artifacts().stream().anyMatch(a -> a.path().equals("sos_commands/kernel/dmesg")));
        assertFalse(Files.exists(Path.of("/tmp/rootline-escape")));
    }

    @Test
    void linksAreNeverFollowed() throws IOException {
        Report r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Fixtures.analyze(HostileBundles.links(dir)));
        assertEquals("a link to ../../../../../../etc/passwd, which leads outside the bundle; not followed",
                loss(r, "sos_commands/kernel/dmesg").reason());
        // an absolute target names the host's root, which the bundle is a copy of: read inside it
        assertEquals("a link to /proc/net/nf_conntrack, which is a loop or a chain of more than 16 links; not followed",
                loss(r, "proc/net/nf_conntrack").reason());
        // a hard link names another member: etc/shadow, which this bundle does not hold
        assertEquals("a link to etc/shadow, a file the bundle does not hold", loss(r, "sos_commands/kernel/sysctl_-a").reason());
        assertTrue(r.artifacts().stream().noneMatch(a -> a.path().startsWith("sos_commands/kernel")));
    }

    @Test
    void loopsFoldersAndChainsOfLinksAreLossesNotHangs() throws IOException {
        Report r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Fixtures.analyze(HostileBundles.linkMaze(dir)));
        incidentStillFound(r);
        assertEquals("reached through the link proc/net -> net, which is a loop or a chain of more than 16 links; not followed",
                loss(r, "proc/net/nf_conntrack").reason());
        assertEquals("a link to ../kernel, which leads to sos_commands/kernel, a folder, not a file",
                loss(r, "sos_commands/networking/netstat_-s").reason());
        assertEquals("a link to ../../chain/link-0, which is a loop or a chain of more than 16 links; not followed",
                loss(r, "sos_commands/networking/ip_-s_-d_link").reason());
    }

    @Test
    void devicesAndFifosInsideAnArchiveAreNeverOpened() throws IOException {
        Report r = Fixtures.analyze(HostileBundles.devices(dir));
        assertTrue(r.artifacts().stream().noneMatch(a -> a.path().equals("sos_commands/kernel/dmesg")), r.artifacts().toString());
        assertEquals("host1", r.bundle().host());
    }

    @Test
    void aFifoInAFolderIsNeverOpened() throws Exception {
        Path bundle = BundleBuilder.conntrackIncident().write(dir, "with-fifo", Container.FOLDER);
        Path fifo = bundle.resolve("sosreport-host1-2021-05-08-abc/var/log/app/pipe.log");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "skipped: mkfifo is not available");
        Report r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Fixtures.analyze(bundle));
        incidentStillFound(r);
    }

    @Test
    void aNameStoredTwiceIsReadOnce() throws IOException {
        Report r = Fixtures.analyze(HostileBundles.duplicates(dir));
        assertEquals("the bundle holds this name twice; only the first copy is read", loss(r, "sos_commands/kernel/dmesg").reason());
        assertEquals(1, r.findings().get(0).printed(), "not counted twice");
    }

    @Test
    void namesThatAreNotUtf8AreReadAsWellAsTheyCanBe() throws IOException {
        Report r = Fixtures.analyze(HostileBundles.nonUtf8Names(dir));
        assertTrue(r.artifacts().stream().anyMatch(a -> "app-log".equals(a.logical()) && a.path().endsWith(".log")),
                r.artifacts().toString());
        assertTrue(r.losses().isEmpty(), r.losses().toString());
    }

    @Test
    void aDecompressionBombStopsAtTheRatio() throws IOException {
        Report r = Fixtures.analyze(HostileBundles.bomb(dir, 256L << 20));
        incidentStillFound(r);
        String reason = loss(r, "var/log/zeros.log").reason();
        assertTrue(reason.startsWith("stopped reading: the archive expands more than 1000 times its compressed size"), reason);
        assertTrue(reason.contains("--max-ratio"), reason);
    }

    @Test
    void aBombStopsAtTheByteLimitToo() throws IOException {
        Report r = analyze(HostileBundles.bomb(dir, 32L << 20), Limits.DEFAULTS.withMaxTotalBytes(8L << 20));
        String reason = loss(r, "var/log/zeros.log").reason();
        assertTrue(reason.startsWith("stopped reading: the archive expands beyond 8388608 bytes (--max-bytes)"), reason);
    }

    @Test
    void anArtifactOverItsLimitStopsAloneAndTheRestGoesOn() throws IOException {
        Report r = analyze(HostileBundles.longLine(dir, 4L << 20), Limits.DEFAULTS.withMaxArtifactBytes(1L << 20));
        ArtifactEntry dmesg = artifact(r, "sos_commands/kernel/dmesg");
        assertEquals("partial", dmesg.status());
        assertTrue(dmesg.notes().contains("stopped after 1048576 bytes (--max-artifact-bytes); the rest of this artifact is not read"),
                dmesg.notes().toString());
        assertEquals("parsed", artifact(r, "var/log/app/app.log").status());
    }

    @Test
    void aFloodOfKernelEventsKeepsTheFirstAndCountsTheRest() throws IOException {
        Report r = analyze(HostileBundles.kernelFlood(dir, 5_000), Limits.DEFAULTS.withMaxEvents(1_000));
        ArtifactEntry dmesg = artifact(r, "sos_commands/kernel/dmesg");
        assertEquals("partial", dmesg.status());
        assertEquals(5_006, dmesg.lines());
        // after the banner, the incident's five lines are events too (two rate-limit notes, three drops): 995 of the flood are kept
        assertEquals(List.of("events from line 1002 on were counted, not kept (kernel.conntrack-table-full ×4005): 1000 were"
                + " kept (--max-events)"), dmesg.notes());
        Finding f = r.findings().stream().filter(x -> x.rule().equals("conntrack-table-full")).findFirst().orElseThrow();
        assertEquals(3 + 5_000, f.printed(), "every drop is counted, kept or not");
        assertTrue(f.notes().contains("4005 kernel.conntrack-table-full read past --max-events are counted here but have no"
                + " time: the timeline and the symptoms' alignment cover the events kept"), f.notes().toString());
        assertEquals("parsed", artifact(r, "var/log/app/app.log").status());
    }

    @Test
    void aHugeLineIsCutAndTheNextLinesStillCount() throws IOException {
        Report r = Fixtures.analyze(HostileBundles.longLine(dir, 50L << 20));
        incidentStillFound(r);
        assertEquals(List.of("line 1: line longer than 1048576 bytes; the rest was skipped (--max-line-bytes)"),
                artifact(r, "sos_commands/kernel/dmesg").problems());
    }

    @Test
    void aFileOfNulBytesFailsAloneAndIsQuotedSafely() throws IOException {
        Report r = Fixtures.analyze(HostileBundles.nulBytes(dir, 3 << 20));
        incidentStillFound(r);
        ArtifactEntry netstat = artifact(r, "sos_commands/networking/netstat_-s");
        assertEquals("failed", netstat.status());
        assertTrue(netstat.problems().stream().allMatch(p -> p.chars().noneMatch(c -> c == 0)), "NUL bytes reach the report");
        assertTrue(netstat.problems().get(1).contains("\\x00"), netstat.problems().toString());
    }

    @Test
    void millionsOfTinyFilesStopAtTheEntryLimit() throws IOException {
        Report r = analyze(HostileBundles.manyFiles(dir, 60_000), Limits.DEFAULTS.withMaxEntries(50_000));
        incidentStillFound(r);
        assertEquals(List.of(BundleLoss.limit("", "stopped after 50000 entries (--max-entries); the rest is not read")), r.losses());
    }

    @Test
    void garbageInEveryArtifactLeavesTheOthersAlone() throws IOException {
        Report r = Fixtures.analyze(HostileBundles.garbage(dir));
        incidentStillFound(r);
        for (String path : List.of("sos_commands/kernel/sysctl_-a", "proc/stat", "proc/meminfo")) {
            ArtifactEntry a = artifact(r, path);
            assertTrue(a.status().equals("failed") || a.status().equals("partial"), path + " " + a.status());
            assertTrue(a.problems().get(0).matches("line \\d+: .*"), a.problems().toString());
        }
        // with date unreadable, the zone is unknown: the report says UTC was assumed
        assertTrue(r.assumptions().stream().anyMatch(a -> a.contains("UTC assumed")), r.assumptions().toString());
    }

    private static Report analyze(Path bundle, Limits limits) throws IOException {
        return new Analyzer(Fixtures.rules(), limits).analyze(bundle);
    }
}
