package io.rootline.bundle;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a bundle, a tarball (any of the supported compressions) or an extracted
 * folder, and hands each member to a visitor as a stream. Nothing is extracted and
 * nothing is written: links are reported with their target but never followed,
 * because the files they point at inside the bundle are members in their own right.
 *
 * <p>Untrusted input is expected. Names that climb out of the bundle are not read; an
 * archive inside the bundle is read as part of it (to {@link Limits#maxDepth()}); a
 * compressed file that is not an archive (a rotated log) is read as the file it
 * compresses. Damage or a limit stops what it concerns; what was read before stays,
 * and each loss is recorded as a {@link BundleLoss}.
 */
public final class BundleReader {

    private static final int PEEK = 512;

    private final Limits limits;
    private final XzDecoder xz;

    /** A reader that decodes xz with the xz program when it is installed. */
    public BundleReader(Limits limits) {
        this(limits, XzDecoder.PREFERRED);
    }

    public BundleReader(Limits limits, XzDecoder xz) {
        this.limits = limits;
        this.xz = xz;
    }

    /** What one read accumulates, across nesting levels. */
    private final class Reading {
        private final BundleVisitor visitor;
        // a folder's files are read on two threads
        private final List<BundleLoss> losses = Collections.synchronizedList(new ArrayList<>());
        private final Set<String> seen = ConcurrentHashMap.newKeySet();
        private final AtomicLong expanded = new AtomicLong();
        private long entries;

        Reading(BundleVisitor visitor) {
            this.visitor = visitor;
        }

        /** Counts an entry; false once the entry limit is passed (reported once). */
        synchronized boolean admit() {
            entries++;
            if (entries == limits.maxEntries() + 1) {
                losses.add(new BundleLoss("", "stopped after " + limits.maxEntries() + " entries (--max-entries); the rest is not read"));
            }
            return entries <= limits.maxEntries();
        }

        /** Visits a regular file, or reads it as a nested archive when it is one. */
        void file(String path, long size, InputStream content, int depth, String label) throws IOException {
            if (!seen.add(label + path)) {
                losses.add(new BundleLoss(path, "the bundle holds this name twice; only the first copy is read"));
                return;
            }
            BufferedInputStream in = new BufferedInputStream(content, 1 << 16);
            ArchiveFormat format = ArchiveFormat.detect(in);
            if (format == ArchiveFormat.UNKNOWN) {
                visitor.visit(new BundleEntry(path, EntryType.FILE, size, null, in));
                return;
            }
            if (depth >= limits.maxDepth()) {
                losses.add(new BundleLoss(path, "an archive inside " + depth + " levels of archives is not read (at most "
                        + limits.maxDepth() + " levels are)"));
                return;
            }
            ExpansionGuard.Counted counted = new ExpansionGuard.Counted(in);
            // closed before the next entry: the xz program's feeder reads this entry until then
            try (BufferedInputStream decoded = new BufferedInputStream(
                    format.compressed() ? new ExpansionGuard(format.decode(counted, xz), counted, limits, expanded) : counted, 1 << 16)) {
                if (ArchiveFormat.detect(decoded) == ArchiveFormat.TAR) {
                    archive(decoded, label + path + "!", depth + 1);
                } else {
                    // a rotated log (messages.1.gz): the file it compresses
                    visitor.visit(new BundleEntry(stripCompressionSuffix(path), EntryType.FILE, -1, null, decoded));
                }
            }
        }

        /** Reads a tar stream; damage ends it with a loss, limits too. */
        void archive(InputStream tarBytes, String label, int depth) throws IOException {
            TarArchiveInputStream tar = new TarArchiveInputStream(tarBytes);
            String wrapper = null;
            String current = "";
            try {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    if (!admit()) {
                        return;
                    }
                    String stored = entry.getName();
                    if (BundlePaths.escapes(stored)) {
                        losses.add(new BundleLoss(BundlePaths.normalize(stored), "the stored name \"" + stored
                                + "\" climbs out of the bundle; not read"));
                        continue;
                    }
                    String path = BundlePaths.normalize(stored);
                    if (wrapper == null) {
                        wrapper = BundlePaths.wrapperOf(path);
                    }
                    path = BundlePaths.strip(path, wrapper);
                    if (path.isEmpty()) {
                        continue;
                    }
                    current = path;
                    if (entry.isSymbolicLink()) {
                        visitor.visit(new BundleEntry(path, EntryType.SYMLINK, 0, entry.getLinkName(), null));
                    } else if (entry.isLink()) {
                        visitor.visit(new BundleEntry(path, EntryType.HARDLINK, 0, entry.getLinkName(), null));
                    } else if (entry.isDirectory()) {
                        visitor.visit(new BundleEntry(path, EntryType.DIRECTORY, 0, null, null));
                    } else if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                        visitor.visit(new BundleEntry(path, EntryType.OTHER, 0, null, null));
                    } else if (entry.isFile()) {
                        file(path, entry.getSize(), new NonClosingInputStream(tar), depth, label);
                    } else {
                        visitor.visit(new BundleEntry(path, EntryType.OTHER, 0, null, null));
                    }
                }
            } catch (IOException | RuntimeException e) {
                LimitReached limit = limitIn(e);
                if (limit != null) {
                    if (depth > 1) {
                        throw limit; // the outermost archive stops too, and says so once
                    }
                    losses.add(new BundleLoss(current, "stopped reading: " + limit.getMessage() + "; the rest of the archive is not read"));
                    return;
                }
                // commons-compress reports some damage as IllegalArgumentException (bad header fields)
                losses.add(new BundleLoss(current, (label.isEmpty() ? "the archive" : "the archive " + label)
                        + " is damaged" + (current.isEmpty() ? "" : " at or after this entry") + ": " + Failures.describe(e)
                        + "; entries after it are lost"));
            }
            if (depth == 1) {
                this.wrapper = wrapper;
            }
        }

        private String wrapper;
    }

    /**
     * Reads the bundle at {@code source}.
     *
     * @throws IOException when the source cannot be opened at all (missing, unreadable,
     *                     not a regular file or folder); damage inside it is reported in the result
     */
    public BundleReadResult read(Path source, BundleVisitor visitor) throws IOException {
        return read(source, visitor, new ReadProgress());
    }

    /** Reads the bundle at {@code source}, keeping {@code progress} up to date as it goes. */
    public BundleReadResult read(Path source, BundleVisitor visitor, ReadProgress progress) throws IOException {
        if (Files.isDirectory(source)) {
            return readDirectory(source, visitor, progress);
        }
        if (!Files.isRegularFile(source)) {
            throw new IOException(source + ": not a regular file or a folder");
        }
        long size = Files.size(source);
        progress.expect(size);
        try (InputStream raw = progress.counting(Files.newInputStream(source), size)) {
            return read(raw, source.toString(), visitor);
        }
    }

    /**
     * Reads a bundle archive from a stream (an upload, say); {@code source} names it in
     * the result. The stream is read to the end of the archive, not closed.
     */
    public BundleReadResult read(InputStream raw, String source, BundleVisitor visitor) throws IOException {
        Reading reading = new Reading(visitor);
        // closing what is built on top stops the read-ahead thread; the caller's stream stays open
        BufferedInputStream in = new BufferedInputStream(CloseShieldInputStream.wrap(raw), 1 << 16);
        try (in) {
            return read(in, source, reading);
        }
    }

    private BundleReadResult read(BufferedInputStream in, String source, Reading reading) throws IOException {
        ArchiveFormat format = ArchiveFormat.detect(in);
        if (format == ArchiveFormat.UNKNOWN) {
            reading.losses.add(new BundleLoss("", "not a bundle: neither a folder nor a tar archive "
                    + "(.tar, .tar.gz, .tgz, .tar.xz, .tar.bz2, .tar.zst)"));
            return new BundleReadResult(source, format.label(), "", 0, reading.losses);
        }
        ExpansionGuard.Counted counted = new ExpansionGuard.Counted(in);
        InputStream tarBytes;
        try {
            // Decompression, the costliest part of reading, runs on a thread of its own, a
            // megabyte ahead of the thread that parses: both cores work.
            tarBytes = new BufferedInputStream(format.compressed()
                    ? new DecodeAhead(new ExpansionGuard(format.decode(counted, xz), counted, limits, reading.expanded)) : counted, 1 << 16);
            if (format.compressed() && ArchiveFormat.detect((BufferedInputStream) tarBytes) != ArchiveFormat.TAR) {
                reading.losses.add(new BundleLoss("", "the " + format.label() + " stream does not start with a tar archive"
                        + " (it holds something else, or is damaged at its start)"));
                return new BundleReadResult(source, format.label(), "", 0, reading.losses);
            }
        } catch (IOException | RuntimeException e) {
            reading.losses.add(new BundleLoss("", "the " + format.label() + " stream cannot be read: " + Failures.describe(e)
                    + ((format == ArchiveFormat.XZ || format == ArchiveFormat.BZIP2) && Failures.cutOff(e)
                    ? "; its first compressed block is incomplete, so nothing can be recovered" : "")));
            return new BundleReadResult(source, format.label(), "", 0, reading.losses);
        }
        try (InputStream tar = tarBytes) {
            reading.archive(tar, "", 1);
        }
        return new BundleReadResult(source, format.label() + (format.compressed() ? "+tar" : ""),
                reading.wrapper == null ? "" : trimSlash(reading.wrapper), reading.entries, reading.losses);
    }

    private BundleReadResult readDirectory(Path root, BundleVisitor visitor, ReadProgress progress) throws IOException {
        Path base = singleSubfolder(root);
        String wrapper = base.equals(root) ? "" : base.getFileName().toString();
        // Sorted so that reports do not depend on the file system's order.
        TreeMap<String, Path> members = new TreeMap<>();
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                members.put(base.relativize(file).toString().replace('\\', '/'), file);
                return members.size() > limits.maxEntries() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                members.put(base.relativize(file).toString().replace('\\', '/'), file);
                return FileVisitResult.CONTINUE;
            }
        });
        Reading reading = new Reading(visitor);
        List<Map.Entry<String, Path>> files = new ArrayList<>();
        for (var member : members.entrySet()) {
            if (!reading.admit()) {
                break;
            }
            String path = member.getKey();
            Path file = member.getValue();
            if (Files.isSymbolicLink(file)) {
                visitor.visit(new BundleEntry(path, EntryType.SYMLINK, 0, Files.readSymbolicLink(file).toString(), null));
            } else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                files.add(member);
            } else {
                // FIFOs, devices, sockets: never opened (a FIFO would block forever)
                visitor.visit(new BundleEntry(path, EntryType.OTHER, 0, null, null));
            }
        }
        progress.expect(files.stream().mapToLong(f -> size(f.getValue())).sum());
        readFiles(files, reading, progress);
        // the two readers finish files in either order: losses are listed by path
        List<BundleLoss> losses = new ArrayList<>(reading.losses);
        losses.sort(Comparator.comparing(BundleLoss::path));
        return new BundleReadResult(root.toString(), "directory", wrapper, reading.entries, losses);
    }

    /**
     * Reads a folder's files on two threads when the machine has two cores, largest files
     * first so that both finish together: unlike an archive, whose members come one after
     * the other, a folder's files can be read at the same time. The visitor is told so
     * ({@link BundleVisitor}). The files it would rather see last are read once all others
     * have been.
     */
    private void readFiles(List<Map.Entry<String, Path>> files, Reading reading, ReadProgress progress) throws IOException {
        List<Map.Entry<String, Path>> first = new ArrayList<>();
        List<Map.Entry<String, Path>> last = new ArrayList<>();
        for (Map.Entry<String, Path> file : files) {
            (reading.visitor.visitLast(file.getKey()) ? last : first).add(file);
        }
        readAtOnce(first, reading, progress);
        readAtOnce(last, reading, progress);
    }

    private void readAtOnce(List<Map.Entry<String, Path>> files, Reading reading, ReadProgress progress) throws IOException {
        List<Map.Entry<String, Path>> largestFirst = new ArrayList<>(files);
        largestFirst.sort(Comparator.comparingLong((Map.Entry<String, Path> f) -> size(f.getValue())).reversed()
                .thenComparing(Map.Entry::getKey));
        AtomicInteger next = new AtomicInteger();
        // an Error too (out of memory) goes to the caller, rather than ending the helper with a
        // stack trace and its files silently missing from the report
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable reader = () -> {
            try {
                for (int i; (i = next.getAndIncrement()) < largestFirst.size() && failure.get() == null; ) {
                    readFile(largestFirst.get(i).getKey(), largestFirst.get(i).getValue(), reading, progress);
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        };
        Thread helper = null;
        if (largestFirst.size() > 1 && Runtime.getRuntime().availableProcessors() > 1) {
            helper = new Thread(reader, "rootline-read");
            helper.setDaemon(true);
            helper.start();
        }
        reader.run();
        if (helper != null) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading " + files.size() + " files");
            }
        }
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
    }

    private void readFile(String path, Path file, Reading reading, ReadProgress progress) {
        try {
            long size = Files.size(file);
            try (InputStream in = progress.counting(Files.newInputStream(file), size)) {
                reading.file(path, size, in, 1, "");
            }
        } catch (IOException e) {
            LimitReached limit = limitIn(e);
            reading.losses.add(new BundleLoss(path, limit != null ? "stopped reading: " + limit.getMessage()
                    : "cannot be read: " + Failures.describe(e)));
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // read anyway: reading it reports why it cannot be
        }
    }

    /** An extracted sosreport is often passed as the folder that holds it. */
    private static Path singleSubfolder(Path root) throws IOException {
        try (var children = Files.list(root)) {
            List<Path> all = children.limit(2).toList();
            if (all.size() == 1 && Files.isDirectory(all.get(0), LinkOption.NOFOLLOW_LINKS)
                    && !BundlePaths.wrapperOf(all.get(0).getFileName().toString() + "/x").isEmpty()) {
                return all.get(0);
            }
        }
        return root;
    }

    private static String stripCompressionSuffix(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (String suffix : List.of(".gz", ".xz", ".bz2", ".zst")) {
            if (lower.endsWith(suffix)) {
                return path.substring(0, path.length() - suffix.length());
            }
        }
        return path;
    }

    /** The limit behind an exception, if a limit is what stopped the reading. */
    private static LimitReached limitIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LimitReached limit) {
                return limit;
            }
        }
        return null;
    }

    private static String trimSlash(String wrapper) {
        return wrapper.endsWith("/") ? wrapper.substring(0, wrapper.length() - 1) : wrapper;
    }
}
