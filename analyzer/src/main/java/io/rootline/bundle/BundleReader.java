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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.io.input.CloseShieldInputStream;

/**
 * Reads a bundle, a tarball (any of the supported compressions) or an extracted
 * folder, and hands each member to a visitor as a stream. Nothing is extracted and
 * nothing is written.
 *
 * <p>Paths are placed as an engineer reads them: relative to where the report's own
 * layout begins, however many folders wrap it ({@link BundleRoot}); a member of an
 * archive inside the bundle under the folder that holds the archive
 * ({@code sos_commands/logs.xz} holds {@code logs/journalctl_--no-pager}, placed at
 * {@code sos_commands/logs/journalctl_--no-pager}); and a file reached through links
 * under the name the visitor chooses among its aliases ({@link BundleLinks}). Links are
 * resolved by name inside the bundle, never followed on the file system.
 *
 * <p>Files are opened only when the visitor wants them ({@link BundleVisitor#nameFor}); an
 * archive inside the bundle is decoded only when something could be wanted where it would
 * extract, and not when the bundle holds that folder extracted beside it.
 *
 * <p>Untrusted input is expected. Names that climb out of the bundle are not read; archives
 * inside archives are read to {@link Limits#maxDepth()}. Damage or a limit stops what it
 * concerns; what was read before stays, and each loss is recorded as a {@link BundleLoss}.
 */
public final class BundleReader {

    /**
     * Longest name read, Linux's PATH_MAX. Longer ones come of following link loops (a tree
     * packed with {@code tar -h} holds {@code sys/.../subsystem/host1/subsystem/...} thousands
     * of parts deep), and each would cost the square of its length to place.
     */
    static final int MAX_NAME = 4096;

    /**
     * The buffer in front of a decoder: enough to tell the format by its first bytes. Readers
     * behind it (the tar reader, the line reader) read blocks larger than it, which pass it by
     * without a copy.
     */
    private static final int DETECT = 4096;

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

    /** A stored file the visitor wants opened: its place, the name to read it under, and whether it is packed. */
    private record Plan(String path, String name, long size, boolean packed) {
    }

    /** What one read accumulates, across nesting levels. */
    private final class Reading {
        private final BundleVisitor visitor;
        /** Whether every link is known before any file is read: a folder's are; an archive's come as they come. */
        private final boolean linksKnown;
        // a folder's files are read on two threads
        private final List<BundleLoss> losses = Collections.synchronizedList(new ArrayList<>());
        /** Every placed path that is a file or a link. */
        private final Set<String> stored;
        private final Set<String> folders;
        /** Files placed by an archive inside the bundle, with the archive. */
        private final Map<String, String> unpackedFrom = new ConcurrentHashMap<>();
        private final BundleLinks links = new BundleLinks();
        private final AtomicLong expanded = new AtomicLong();
        private final BundleRoot root;
        private long entries;
        private long tooLong;
        private String firstTooLong;
        /** Whether an archive at the top of a bundle with no layout of its own was read as the bundle (a case's sosreport). */
        private boolean bundleInside;

        /**
         * @param members how many members the bundle holds, when known (a folder's listing), to size the sets; an
         *                archive's reading runs on one thread, a folder's on two, which need sets safe for both
         */
        Reading(BundleVisitor visitor, boolean linksKnown, BundleRoot root, int members) {
            this.visitor = visitor;
            this.linksKnown = linksKnown;
            this.root = root;
            if (linksKnown) {
                this.stored = ConcurrentHashMap.newKeySet(Math.max(16, members * 4 / 3));
                this.folders = ConcurrentHashMap.newKeySet(Math.max(16, members / 4));
            } else {
                // sized for a real tree's tens of thousands of entries (a set regrown on the way costs more)
                this.stored = new java.util.HashSet<>(1 << 17);
                this.folders = new java.util.HashSet<>(1 << 14);
            }
        }

        /** Counts an entry; false once the entry limit is passed (reported once). */
        synchronized boolean admit() {
            entries++;
            if (entries == limits.maxEntries() + 1) {
                losses.add(BundleLoss.limit("", "stopped after " + limits.maxEntries() + " entries (--max-entries); the rest is not read"));
            }
            return entries <= limits.maxEntries();
        }

        /** Whether a stored name is short enough to be read; the others are counted into one loss. */
        synchronized boolean fits(String name) {
            if (name.length() <= MAX_NAME) {
                return true;
            }
            if (tooLong++ == 0) {
                firstTooLong = name.substring(0, 120) + "…";
            }
            return false;
        }

        /** The folder last noted, with those above it: an archive's files come folder by folder. */
        private String lastFolder;

        void folder(String path) {
            if (path.equals(lastFolder)) {
                return;
            }
            for (String f = path; !f.isEmpty() && folders.add(f); f = BundleLinks.parent(f)) {
                // each folder above it is known too
            }
            lastFolder = path;
        }

        /** Notes a stored file; false when the name was stored already (a second copy). */
        boolean storedFile(String path) {
            folder(BundleLinks.parent(path));
            return stored.add(path);
        }

        /**
         * Decides, before opening it, what becomes of a stored file: null when it is not to be
         * opened (nothing wants it, or it is a second copy), else what to read it as.
         *
         * @param archive the archive inside the bundle that holds it, or null
         * @param fresh   whether no file of this name was stored before it
         */
        Plan plan(String path, long size, String archive, boolean fresh) {
            if (!fresh) {
                String first = unpackedFrom.get(path);
                if (first != null || archive != null) {
                    visitor.notRead(path, size, "a second copy of a file read from " + (first != null ? first : "the bundle")
                            + (archive != null ? "; this one is in " + archive : ""));
                } else {
                    losses.add(new BundleLoss(path, "the bundle holds this name twice; only the first copy is read"));
                }
                return null;
            }
            if (archive != null) {
                unpackedFrom.put(path, archive);
            }
            if (ArchiveNames.looksPacked(path)) {
                String target = ArchiveNames.unpacked(path);
                if (caseHoldsTheBundle(path)) {
                    return new Plan(path, path, size, true);
                }
                if (folders.contains(target) || stored.contains(target)) {
                    visitor.notRead(path, size, "not decoded: the bundle holds " + target + " extracted beside it");
                    return null;
                }
                if (!visitor.wantsAtOrUnder(target)) {
                    visitor.notRead(path, size, "not decoded: nothing rootline needs would be at " + target);
                    return null;
                }
                return new Plan(path, path, size, true);
            }
            String name = visitor.nameFor(path, size, links.aliasesOf(path), linksKnown);
            return name == null ? null : new Plan(path, name, size, false);
        }

        /** Whether this is the one archive at the top of a support case's tarball: the sosreport it holds. */
        private boolean caseHoldsTheBundle(String path) {
            return !path.contains("/") && !root.sosLayout() && !bundleInside
                    && !BundlePaths.topLevelName(ArchiveNames.unpacked(path));
        }

        /** Reads a planned file: visits it, or reads it as the archive or compressed file it is. */
        void read(Plan plan, InputStream content, int depth, String archive) throws IOException {
            if (plan.packed() && !caseHoldsTheBundle(plan.path()) && !visitor.wantsAtOrUnder(ArchiveNames.unpacked(plan.path()))) {
                // a folder plans every file before reading any: what was read since may make it unneeded
                visitor.notRead(plan.path(), plan.size(), "not decoded: nothing rootline needs would be at "
                        + ArchiveNames.unpacked(plan.path()));
                return;
            }
            BufferedInputStream in = new BufferedInputStream(content, DETECT);
            ArchiveFormat format = ArchiveFormat.detect(in);
            if (format == ArchiveFormat.UNKNOWN) {
                String name = plan.packed() ? visitor.nameFor(plan.path(), plan.size(), links.aliasesOf(plan.path()), linksKnown)
                        : plan.name();
                if (name != null) {
                    visitor.visit(new BundleEntry(name, EntryType.FILE, plan.size(), null, in, storedAt(name, plan.path(), archive)));
                }
                return;
            }
            if (depth >= limits.maxDepth()) {
                losses.add(new BundleLoss(plan.path(), "an archive inside " + depth + " levels of archives is not read (at most "
                        + limits.maxDepth() + " levels are)"));
                return;
            }
            ExpansionGuard.Counted counted = new ExpansionGuard.Counted(in);
            // closed before the next entry: the xz program's feeder reads this entry until then
            // a small buffer, to tell the format: the tar reader and the line reader read in large blocks past it
            try (BufferedInputStream decoded = new BufferedInputStream(
                    format.compressed() ? new ExpansionGuard(format.decode(counted, xz), counted, limits, expanded) : counted, DETECT)) {
                if (ArchiveFormat.detect(decoded) == ArchiveFormat.TAR) {
                    if (plan.packed() && caseHoldsTheBundle(plan.path())) {
                        bundleInside = true;
                        stored.remove(plan.path()); // the case's archive stands for what it holds, which may have its name
                        archive(decoded, plan.path(), depth + 1, new BundleRoot());
                    } else {
                        archive(decoded, plan.path(), depth + 1, BundleLinks.parent(plan.path()));
                    }
                    return;
                }
                // a compressed file that is no archive (messages.1.gz): read as the file it compresses
                String unpacked = ArchiveNames.unpacked(plan.path());
                String name = plan.packed() ? visitor.nameFor(unpacked, -1, links.aliasesOf(unpacked), linksKnown) : plan.name();
                if (name != null) {
                    visitor.visit(new BundleEntry(name, EntryType.FILE, -1, null, decoded, storedAt(name, plan.path(), archive)));
                }
            }
        }

        private String storedAt(String name, String path, String archive) {
            if (!name.equals(path)) {
                return path;
            }
            return archive;
        }

        /** Reads a tar stream inside the bundle, its members placed under {@code base}; damage ends it with a loss. */
        void archive(InputStream tarBytes, String label, int depth, String base) throws IOException {
            archive(tarBytes, label, depth, base, null);
        }

        /** Reads a tar stream that is the bundle itself (a case's sosreport inside the case's tarball). */
        void archive(InputStream tarBytes, String label, int depth, BundleRoot own) throws IOException {
            archive(tarBytes, label, depth, null, own);
        }

        /**
         * Reads a tar stream: the bundle's, whose paths {@code own} places, or one inside the
         * bundle, whose members are placed under {@code base}. Damage ends it with a loss,
         * limits too.
         */
        private void archive(InputStream tarBytes, String label, int depth, String base, BundleRoot own) throws IOException {
            TarStream tar = new TarStream(tarBytes);
            String inside = base != null ? label : null;
            String current = "";
            try {
                TarStream.Entry entry;
                while ((entry = tar.next()) != null) {
                    if (!admit()) {
                        return;
                    }
                    String name = entry.name();
                    if (!fits(name)) {
                        continue;
                    }
                    String normal;
                    if (entry.clean()) {
                        normal = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
                    } else if (BundlePaths.escapes(name)) {
                        losses.add(new BundleLoss(BundlePaths.normalize(name), "the stored name \"" + name
                                + "\" climbs out of the bundle; not read"));
                        continue;
                    } else {
                        normal = BundlePaths.normalize(name);
                    }
                    String path = own != null ? own.place(normal, entry.isDirectory()) : under(base, normal);
                    if (path.isEmpty()) {
                        continue;
                    }
                    current = path;
                    if (entry.isDirectory()) {
                        folder(path);
                        visitor.visit(new BundleEntry(path, EntryType.DIRECTORY, 0, null, null));
                    } else if (entry.isSymbolicLink()) {
                        link(path, entry.linkName(), true);
                    } else if (entry.isHardLink()) {
                        // a hard link names another member as stored, wrapper folders included
                        String target = BundlePaths.normalize(entry.linkName());
                        link(path, own != null ? own.strip(target) : under(base, target), false);
                    } else if (!entry.isFile()) {
                        // devices, FIFOs, sparse files: never read
                        visitor.visit(new BundleEntry(path, EntryType.OTHER, 0, null, null));
                    } else {
                        Plan plan = plan(path, entry.size(), inside, storedFile(path));
                        if (plan != null) {
                            read(plan, tar.content(), depth, inside);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                LimitReached limit = limitIn(e);
                if (limit != null) {
                    if (depth > 1) {
                        throw limit; // the outermost archive stops too, and says so once
                    }
                    losses.add(BundleLoss.limit(current, "stopped reading: " + limit.getMessage() + "; the rest of the archive is not read"));
                    return;
                }
                // commons-compress reports some damage as IllegalArgumentException (bad header fields)
                losses.add(BundleLoss.damaged(current, (depth == 1 ? "the archive" : "the archive " + label)
                        + " is damaged" + (current.isEmpty() ? "" : " at or after this entry") + ": " + Failures.describe(e)
                        + "; entries after it are lost"));
            }
        }

        void link(String path, String target, boolean symbolic) throws IOException {
            if (!stored.add(path)) {
                losses.add(new BundleLoss(path, "the bundle holds this name twice; only the first copy is read"));
                return;
            }
            links.add(path, target, symbolic);
            folder(BundleLinks.parent(path));
            visitor.visit(new BundleEntry(path, symbolic ? EntryType.SYMLINK : EntryType.HARDLINK, 0, target, null));
        }

        void finish() {
            if (tooLong > 0) {
                losses.add(new BundleLoss(firstTooLong, tooLong + (tooLong == 1 ? " name is" : " names are") + " longer than "
                        + MAX_NAME + " bytes, as a loop of links followed when the bundle was packed (tar -h) makes them; not read"));
            }
            visitor.linksComplete(links, Collections.unmodifiableSet(stored), Collections.unmodifiableSet(folders));
        }
    }

    /** A member of an archive inside the bundle, placed under the folder holding the archive (unless it already names it). */
    private static String under(String base, String member) {
        if (base.isEmpty() || member.isEmpty() || member.equals(base) || member.startsWith(base + "/")) {
            return member;
        }
        return base + "/" + member;
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
        Reading reading = new Reading(visitor, false, new BundleRoot(), 0);
        // closing what is built on top stops the read-ahead thread; the caller's stream stays open
        BufferedInputStream in = new BufferedInputStream(CloseShieldInputStream.wrap(raw), 1 << 16);
        try (in) {
            BundleReadResult result = read(in, source, reading);
            reading.finish();
            return result;
        }
    }

    private BundleReadResult read(BufferedInputStream in, String source, Reading reading) throws IOException {
        ArchiveFormat format = ArchiveFormat.detect(in);
        if (format == ArchiveFormat.UNKNOWN) {
            reading.losses.add(BundleLoss.damaged("", "not a bundle: neither a folder nor a tar archive "
                    + "(.tar, .tar.gz, .tgz, .tar.xz, .tar.bz2, .tar.zst)"));
            return new BundleReadResult(source, format.label(), "", 0, reading.losses);
        }
        ExpansionGuard.Counted counted = new ExpansionGuard.Counted(in);
        InputStream tarBytes;
        try {
            // Decompression, the costliest part of reading, runs on a thread of its own, a
            // megabyte ahead of the thread that parses: both cores work.
            tarBytes = new BufferedInputStream(format.compressed()
                    ? new DecodeAhead(new ExpansionGuard(format.decode(counted, xz), counted, limits, reading.expanded)) : counted, DETECT);
            if (format.compressed() && ArchiveFormat.detect((BufferedInputStream) tarBytes) != ArchiveFormat.TAR) {
                reading.losses.add(BundleLoss.damaged("", "the " + format.label() + " stream does not start with a tar archive"
                        + " (it holds something else, or is damaged at its start)"));
                return new BundleReadResult(source, format.label(), "", 0, reading.losses);
            }
        } catch (IOException | RuntimeException e) {
            reading.losses.add(BundleLoss.damaged("", "the " + format.label() + " stream cannot be read: " + Failures.describe(e)
                    + ((format == ArchiveFormat.XZ || format == ArchiveFormat.BZIP2) && Failures.cutOff(e)
                    ? "; its first compressed block is incomplete, so nothing can be recovered" : "")));
            return new BundleReadResult(source, format.label(), "", 0, reading.losses);
        }
        try (InputStream tar = tarBytes) {
            reading.archive(tar, "", 1, reading.root);
        }
        String wrapper = reading.root.prefix() == null ? "" : trimSlash(reading.root.prefix());
        return new BundleReadResult(source, format.label() + (format.compressed() ? "+tar" : ""), wrapper, reading.entries,
                reading.losses);
    }

    /** A folder member as the walk met it. */
    private record Member(String path, Path file, BasicFileAttributes attributes) {
    }

    private BundleReadResult readDirectory(Path given, BundleVisitor visitor, ReadProgress progress) throws IOException {
        Path start = wrapped(given);
        // Sorted so that reports do not depend on the file system's order.
        TreeMap<String, Member> members = new TreeMap<>();
        List<String> folders = new ArrayList<>();
        Files.walkFileTree(start, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(start)) {
                    folders.add(relative(start, dir));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String path = relative(start, file);
                members.put(path, new Member(path, file, attrs));
                return members.size() > limits.maxEntries() ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                String path = relative(start, file);
                members.put(path, new Member(path, file, null));
                return FileVisitResult.CONTINUE;
            }
        });
        List<String> regular = new ArrayList<>();
        for (Member m : members.values()) {
            if (m.attributes() == null || !m.attributes().isSymbolicLink()) {
                regular.add(m.path());
            }
        }
        BundleRoot root = BundleRoot.ofFolder("", regular);
        Reading reading = new Reading(visitor, true, root, members.size() + folders.size());
        folders.forEach(f -> reading.folder(root.strip(f)));
        // every link is known before any file is planned: a file is read under its best name
        List<Member> files = new ArrayList<>();
        for (Member m : members.values()) {
            if (!reading.admit()) {
                break;
            }
            if (!reading.fits(m.path())) {
                continue;
            }
            String path = root.strip(m.path());
            if (path.isEmpty()) {
                continue;
            }
            if (m.attributes() != null && m.attributes().isSymbolicLink()) {
                reading.link(path, Files.readSymbolicLink(m.file()).toString(), true);
            } else if (m.attributes() == null || m.attributes().isRegularFile()) {
                reading.storedFile(path);
                files.add(m);
            } else {
                // FIFOs, devices, sockets: never opened (a FIFO would block forever)
                visitor.visit(new BundleEntry(path, EntryType.OTHER, 0, null, null));
            }
        }
        List<Map.Entry<Plan, Path>> plans = new ArrayList<>();
        for (Member m : files) {
            Plan plan = reading.plan(root.strip(m.path()), m.attributes() == null ? 0 : m.attributes().size(), null, true);
            if (plan != null) {
                plans.add(Map.entry(plan, m.file()));
            }
        }
        progress.expect(plans.stream().mapToLong(p -> p.getKey().size()).sum());
        readFiles(plans, reading, progress);
        reading.finish();
        // the two readers finish files in either order: losses are listed by path
        List<BundleLoss> losses = new ArrayList<>(reading.losses);
        losses.sort(Comparator.comparing(BundleLoss::path));
        String wrapper = (relative(given, start).isEmpty() ? "" : relative(given, start) + "/") + (root.prefix() == null ? "" : root.prefix());
        return new BundleReadResult(given.toString(), "directory", trimSlash(wrapper), reading.entries, losses);
    }

    /**
     * Reads a folder's files on two threads when the machine has two cores, largest files
     * first so that both finish together: unlike an archive, whose members come one after
     * the other, a folder's files can be read at the same time. The visitor is told so
     * ({@link BundleVisitor}). The files it would rather see last are read once all others
     * have been.
     */
    private void readFiles(List<Map.Entry<Plan, Path>> files, Reading reading, ReadProgress progress) throws IOException {
        List<Map.Entry<Plan, Path>> first = new ArrayList<>();
        List<Map.Entry<Plan, Path>> last = new ArrayList<>();
        for (Map.Entry<Plan, Path> file : files) {
            (reading.visitor.visitLast(file.getKey().name()) ? last : first).add(file);
        }
        readAtOnce(first, reading, progress);
        readAtOnce(last, reading, progress);
    }

    private void readAtOnce(List<Map.Entry<Plan, Path>> files, Reading reading, ReadProgress progress) throws IOException {
        List<Map.Entry<Plan, Path>> largestFirst = new ArrayList<>(files);
        largestFirst.sort(Comparator.comparingLong((Map.Entry<Plan, Path> f) -> f.getKey().size()).reversed()
                .thenComparing(f -> f.getKey().path()));
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

    private void readFile(Plan plan, Path file, Reading reading, ReadProgress progress) {
        try {
            // the walk met no link on the way here; one put in its place since is not followed
            try (InputStream in = progress.counting(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), plan.size())) {
                reading.read(plan, in, 1, null);
            }
        } catch (IOException e) {
            LimitReached limit = limitIn(e);
            reading.losses.add(limit != null ? BundleLoss.limit(plan.path(), "stopped reading: " + limit.getMessage())
                    : BundleLoss.damaged(plan.path(), "cannot be read: " + Failures.describe(e)));
        }
    }

    /** An extracted sosreport is often passed as the folder that holds it, or inside a case folder: single folders are looked through. */
    private static Path wrapped(Path root) throws IOException {
        Path at = root;
        for (int depth = 0; depth < 8; depth++) {
            List<Path> children;
            try (var list = Files.list(at)) {
                children = list.limit(2).toList();
            }
            if (children.size() != 1 || !Files.isDirectory(children.get(0), LinkOption.NOFOLLOW_LINKS)
                    || BundlePaths.topLevelName(children.get(0).getFileName().toString())) {
                return at;
            }
            at = children.get(0);
        }
        return at;
    }

    private static String relative(Path start, Path p) {
        return start.relativize(p).toString().replace('\\', '/');
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
