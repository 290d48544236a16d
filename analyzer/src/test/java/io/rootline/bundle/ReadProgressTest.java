package io.rootline.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a caller showing progress sees: the bundle's bytes read so far against its size,
 * and all of them once the reading ends, the files nobody read to the end included.
 */
class ReadProgressTest {

    @TempDir
    Path dir;

    /** Reads every member whose name ends in ".log" to its end, and no byte of the others. */
    private static BundleVisitor readingLogsOnly(List<Long> seenMidway, ReadProgress progress) {
        return entry -> {
            if (entry.type() == EntryType.FILE && entry.path().endsWith(".log")) {
                entry.content().readNBytes(10);
                seenMidway.add(progress.done());
                entry.content().readAllBytes();
            }
        };
    }

    @Test
    void aFolderCountsItsFilesBytes() throws IOException {
        Path root = dir.resolve("bundle");
        Files.createDirectories(root.resolve("var/log"));
        Files.writeString(root.resolve("var/log/app.log"), "x".repeat(100_000));
        Files.writeString(root.resolve("notes.txt"), "y".repeat(200_000)); // beyond what a peek at its start reads
        ReadProgress progress = new ReadProgress();
        List<Long> midway = new CopyOnWriteArrayList<>();
        new BundleReader(Limits.DEFAULTS).read(root, readingLogsOnly(midway, progress), progress);
        assertEquals(300_000, progress.total());
        assertEquals(300_000, progress.done(), "the unread file counts once it is closed");
        assertTrue(midway.get(0) < 300_000, "counted as it is read, not only at the end: " + midway);
    }

    @Test
    void anArchiveCountsItsCompressedBytes() throws IOException {
        Path tgz = dir.resolve("bundle.tar.gz");
        try (OutputStream file = Files.newOutputStream(tgz);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
            byte[] log = "2024-03-01 12:00:00,000 INFO ok\n".repeat(50_000).getBytes(StandardCharsets.US_ASCII);
            TarArchiveEntry entry = new TarArchiveEntry("bundle/var/log/app.log");
            entry.setSize(log.length);
            tar.putArchiveEntry(entry);
            tar.write(log);
            tar.closeArchiveEntry();
        }
        ReadProgress progress = new ReadProgress();
        List<Long> midway = new CopyOnWriteArrayList<>();
        new BundleReader(Limits.DEFAULTS).read(tgz, readingLogsOnly(midway, progress), progress);
        assertEquals(Files.size(tgz), progress.total());
        assertEquals(Files.size(tgz), progress.done());
        assertEquals(1, midway.size());
    }

    @Test
    void withoutAPathTheSizeIsUnknown() {
        assertEquals(-1, new ReadProgress().total());
        assertEquals(0, new ReadProgress().done());
    }
}
