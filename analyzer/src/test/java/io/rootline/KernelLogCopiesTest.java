package io.rootline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rootline.bundle.BundleEntry;
import io.rootline.bundle.BundleReader;
import io.rootline.bundle.EntryType;
import io.rootline.bundle.Limits;
import io.rootline.parse.ArtifactStatus;
import io.rootline.parse.ParsedArtifact;
import io.rootline.report.ArtifactEntry;
import io.rootline.report.Report;
import io.rootline.report.ReportFormat;
import io.rootline.rules.Finding;
import io.rootline.support.BundleBuilder;
import io.rootline.support.BundleBuilder.Container;
import io.rootline.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle keeps the kernel log several times (raw dmesg, dmesg -T, var/log/messages) and one
 * copy is used. The copies below it are not parsed when reading can tell in time, and the
 * report lists them as skipped whether or not they were: it must not depend on the order an
 * archive holds its members in, nor differ from the folder's.
 */
class KernelLogCopiesTest {

    private static final String RAW = "sos_commands/kernel/dmesg";
    private static final String DMESG_T = "sos_commands/kernel/dmesg_-T";
    private static final String MESSAGES = "var/log/messages";
    private static final String PROC_STAT = "proc/stat";
    /** The first line of a ring buffer that holds the whole boot. */
    private static final String BANNER = "[    0.000000] Linux version 3.10.0-957.el7.x86_64 (mockbuild@x86-040.build.eng.bos.redhat.com)\n";

    @TempDir
    Path dir;

    /** The incident of {@link BundleBuilder#conntrackIncident()}, its kernel lines kept three times. */
    private static BundleBuilder threeCopies() {
        return BundleBuilder.conntrackIncident()
                .file(DMESG_T, """
                        [Sat May  8 12:00:00 2021] Linux version 3.10.0-957.el7.x86_64 (mockbuild@x86-040.build.eng.bos.redhat.com)
                        [Sat May  8 12:40:51 2021] net_ratelimit: 2699 callbacks suppressed
                        [Sat May  8 12:40:51 2021] nf_conntrack: table full, dropping packet
                        [Sat May  8 12:40:52 2021] nf_conntrack: table full, dropping packet
                        [Sat May  8 12:40:57 2021] net_ratelimit: 2189 callbacks suppressed
                        [Sat May  8 12:40:57 2021] nf_conntrack: table full, dropping packet
                        """)
                .file(MESSAGES, """
                        May  8 12:40:51 host1 kernel: [ 2451.118203] net_ratelimit: 2699 callbacks suppressed
                        May  8 12:40:51 host1 kernel: [ 2451.118211] nf_conntrack: table full, dropping packet
                        May  8 12:40:52 host1 kernel: [ 2452.020511] nf_conntrack: table full, dropping packet
                        May  8 12:40:57 host1 kernel: [ 2457.064310] net_ratelimit: 2189 callbacks suppressed
                        May  8 12:40:57 host1 kernel: [ 2457.064318] nf_conntrack: table full, dropping packet
                        """);
    }

    @Test
    void copiesBelowTheRawDmesgAreSkippedWhenTheBootTimeIsKnown() throws IOException {
        Report r = Fixtures.analyze(threeCopies().write(dir, "folder", Container.FOLDER));
        Finding f = r.findings().stream().filter(x -> x.rule().equals("conntrack-table-full")).findFirst().orElseThrow();
        assertEquals(3, f.printed(), "each drop counted once");
        assertEquals(2699 + 2189, f.suppressed());
        assertTrue(entry(r, RAW).used());
        for (String copy : List.of(DMESG_T, MESSAGES)) {
            ArtifactEntry e = entry(r, copy);
            assertEquals("skipped", e.status(), copy);
            assertFalse(e.used(), copy);
            assertEquals(0, e.lines(), copy);
            assertEquals(List.of("not read: " + RAW + " is preferred"), e.notes(), copy);
        }
    }

    @Test
    void theReportIsTheSameForEveryMemberOrder() throws IOException {
        BundleBuilder b = threeCopies();
        String folder = json(Fixtures.analyze(b.write(dir, "folder", Container.FOLDER)));
        List<List<String>> orders = permutations(List.of(PROC_STAT, RAW, DMESG_T, MESSAGES));
        for (int i = 0; i < orders.size(); i++) {
            Path tar = b.write(dir, "order-" + i + ".tar", Container.TAR, orders.get(i));
            assertEquals(folder, json(Fixtures.analyze(tar)), "members in the order " + orders.get(i));
        }
    }

    @Test
    void withoutABootTimeDmesgTIsUsedAndOnlyTheSyslogCopyIsSkipped() throws IOException {
        BundleBuilder b = threeCopies().file(PROC_STAT, "cpu  1 2 3 4\n");
        Report r = Fixtures.analyze(b.write(dir, "folder", Container.FOLDER));
        assertTrue(entry(r, DMESG_T).used());
        ArtifactEntry raw = entry(r, RAW);
        assertEquals("parsed", raw.status(), "placed above the copy used: never skipped");
        assertEquals(6, raw.lines());
        assertEquals(List.of("not used: " + DMESG_T + " is preferred"), raw.notes());
        assertEquals("skipped", entry(r, MESSAGES).status());
        assertEquals(List.of("not read: " + DMESG_T + " is preferred"), entry(r, MESSAGES).notes());

        String folder = json(r);
        for (List<String> order : permutations(List.of(PROC_STAT, RAW, DMESG_T, MESSAGES))) {
            assertEquals(folder, json(Fixtures.analyze(b.write(dir, "order.tar", Container.TAR, order))), order.toString());
        }
    }

    @Test
    void aBootTimeBeyond2100IsNoBootTime() throws IOException {
        Report r = Fixtures.analyze(threeCopies().file(PROC_STAT, "btime 9999999999\n").write(dir, "folder", Container.FOLDER));
        assertTrue(entry(r, DMESG_T).used());
        assertEquals("parsed", entry(r, RAW).status());
    }

    /**
     * Reading skipped dmesg -T on the strength of btime alone: no other clock evidence, however
     * broken, may take the boot time away afterwards. An offset of +99:99 once made the whole
     * clock evidence unusable.
     */
    @Test
    void aBrokenOffsetElsewhereKeepsTheBootTimeThatSkippedACopy() throws IOException {
        BundleBuilder b = threeCopies().file("sos_commands/systemd/timedatectl", """
                       Local time: Sat 2021-05-08 12:45:10 CST
                        Time zone: Asia/Shanghai (CST, +9999)
                """);
        Report r = Fixtures.analyze(b.write(dir, "folder", Container.FOLDER));
        assertTrue(entry(r, RAW).used());
        assertEquals("skipped", entry(r, DMESG_T).status());
        assertEquals("+08:00", r.clock().timezone(), "date and date --utc still tell the zone");
        assertEquals(json(r), json(Fixtures.analyze(b.write(dir, "t.tar", Container.TAR, List.of(DMESG_T, MESSAGES)))));
    }

    /**
     * An archive inside the bundle may hold /proc/stat again; the clock is read from the copy
     * read first, so only that one may vouch for raw dmesg.
     */
    @Test
    void ofTwoCopiesOfProcStatTheOneReadFirstDecides() throws IOException {
        Path inner = new BundleBuilder("inner").file(PROC_STAT, "btime 1620446400\n").write(dir, "inner.tar", Container.TAR);
        Path outer = dir.resolve("outer.tar");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(outer))) {
            add(tar, "top/" + PROC_STAT, "cpu  1 2 3 4\n".getBytes(StandardCharsets.UTF_8));
            add(tar, "top/extra/inner.tar", Files.readAllBytes(inner));
            add(tar, "top/" + RAW, "[ 2451.118211] nf_conntrack: table full, dropping packet\n".getBytes(StandardCharsets.UTF_8));
            add(tar, "top/" + DMESG_T, "[Sat May  8 12:40:51 2021] nf_conntrack: table full, dropping packet\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        Report r = Fixtures.analyze(outer);
        assertTrue(entry(r, DMESG_T).used(), "the first /proc/stat has no btime: raw dmesg cannot be placed");
        assertEquals(List.of("not used: " + DMESG_T + " is preferred"), entry(r, RAW).notes());
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    /** The skip is real: a copy surely unused is never read, one that might still be used is. */
    @Test
    void aCopyIsLeftUnreadOnlyOnceABetterCopyIsSurelyUsable() throws IOException {
        ArtifactCollector early = new ArtifactCollector(Limits.DEFAULTS, false, io.rootline.parse.ParserContext.BUNDLED);
        early.visit(file(DMESG_T, "[Sat May  8 12:40:51 2021] nf_conntrack: table full, dropping packet\n"));
        early.visit(file(PROC_STAT, "btime 1620446400\n"));
        early.visit(file(RAW, BANNER + "[ 2451.118211] nf_conntrack: table full, dropping packet\n"));
        assertEquals(ArtifactStatus.PARSED, status(early, DMESG_T), "read before anything better was known");
        early.visit(new BundleEntry(MESSAGES, EntryType.FILE, 100, null, unreadable()));
        assertEquals(ArtifactStatus.SKIPPED, status(early, MESSAGES));

        ArtifactCollector onBootTimeAlone = new ArtifactCollector(Limits.DEFAULTS, false, io.rootline.parse.ParserContext.BUNDLED);
        onBootTimeAlone.visit(file(PROC_STAT, "btime 1620446400\n"));
        onBootTimeAlone.visit(file(RAW, BANNER + "[ 2451.118211] nf_conntrack: table full, dropping packet\n"));
        onBootTimeAlone.visit(new BundleEntry(DMESG_T, EntryType.FILE, 100, null, unreadable()));
        assertEquals(ArtifactStatus.SKIPPED, status(onBootTimeAlone, DMESG_T), "btime lets raw dmesg be placed");

        ArtifactCollector withoutBootTime = new ArtifactCollector(Limits.DEFAULTS, false, io.rootline.parse.ParserContext.BUNDLED);
        withoutBootTime.visit(file(RAW, BANNER + "[ 2451.118211] nf_conntrack: table full, dropping packet\n"));
        withoutBootTime.visit(file(DMESG_T, "[Sat May  8 12:00:00 2021] Linux version 3.10.0-957.el7.x86_64\n"
                + "[Sat May  8 12:40:51 2021] nf_conntrack: table full, dropping packet\n"));
        assertEquals(ArtifactStatus.PARSED, status(withoutBootTime, DMESG_T), "raw dmesg may yet prove unplaceable");
        withoutBootTime.visit(new BundleEntry(MESSAGES, EntryType.FILE, 100, null, unreadable()));
        assertEquals(ArtifactStatus.SKIPPED, status(withoutBootTime, MESSAGES), "dmesg -T carries its own clock, from boot");
    }

    /**
     * A folder's files are read largest first, and the copies are often the largest: the
     * reader keeps them for last, so that raw dmesg and /proc/stat are known by then.
     */
    @Test
    void aFolderReadsTheLowerCopiesLastAndSkipsThem() throws IOException {
        BundleBuilder b = threeCopies().file(DMESG_T, "[Sat May  8 12:40:51 2021] nf_conntrack: table full, dropping packet\n".repeat(500))
                .file(MESSAGES, "May  8 12:40:51 host1 kernel: [ 2451.118211] nf_conntrack: table full, dropping packet\n".repeat(500));
        ArtifactCollector collector = new ArtifactCollector(Limits.DEFAULTS, false, io.rootline.parse.ParserContext.BUNDLED);
        assertTrue(collector.visitLast(DMESG_T));
        assertFalse(collector.visitLast(RAW));
        new BundleReader(Limits.DEFAULTS).read(b.write(dir, "folder", Container.FOLDER), collector);
        assertEquals(ArtifactStatus.PARSED, status(collector, RAW));
        assertEquals(ArtifactStatus.SKIPPED, status(collector, DMESG_T), "skipped while reading, not only in the report");
        assertEquals(ArtifactStatus.SKIPPED, status(collector, MESSAGES));
    }

    private static BundleEntry file(String path, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new BundleEntry(path, EntryType.FILE, bytes.length, null, new ByteArrayInputStream(bytes));
    }

    private static InputStream unreadable() {
        return new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("a copy surely unused was read");
            }
        };
    }

    private static ArtifactStatus status(ArtifactCollector collector, String path) {
        return collector.artifacts().stream().filter(a -> a.path().equals(path)).map(ParsedArtifact::status)
                .findFirst().orElseThrow();
    }

    private static ArtifactEntry entry(Report r, String path) {
        return r.artifacts().stream().filter(a -> a.path().equals(path)).findFirst().orElseThrow();
    }

    private static String json(Report r) {
        return ReportFormat.JSON.renderer().render(r).lines()
                .filter(l -> !l.contains("\"source\"") && !l.contains("\"format\"")).collect(Collectors.joining("\n"));
    }

    private static List<List<String>> permutations(List<String> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<String>> all = new ArrayList<>();
        for (String head : items) {
            List<String> rest = new ArrayList<>(items);
            rest.remove(head);
            for (List<String> tail : permutations(rest)) {
                List<String> order = new ArrayList<>();
                order.add(head);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}
