package io.rootline.bundle;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a bundle, a tarball (any of the supported compressions) or an extracted
 * folder, and hands each member to a visitor as a stream. Nothing is extracted and
 * nothing is written: links are reported with their target but never followed,
 * because the files they point at inside the bundle are members in their own right.
 *
 * <p>Damage does not stop the analysis: when the archive breaks, what was read before
 * the break stays, and the break is recorded as a {@link BundleLoss}.
 */
public final class BundleReader {

    private final Limits limits;

    public BundleReader(Limits limits) {
        this.limits = limits;
    }

    /**
     * Reads the bundle at {@code source}.
     *
     * @throws IOException when the source cannot be opened at all (missing, unreadable)
     */
    public BundleReadResult read(Path source, BundleVisitor visitor) throws IOException {
        if (Files.isDirectory(source)) {
            return readDirectory(source, visitor);
        }
        return readArchive(source, visitor);
    }

    private BundleReadResult readArchive(Path source, BundleVisitor visitor) throws IOException {
        List<BundleLoss> losses = new ArrayList<>();
        long count = 0;
        String wrapper = null;
        ArchiveFormat format;
        try (InputStream raw = Files.newInputStream(source);
             BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16)) {
            format = ArchiveFormat.detect(buffered);
            String formatLabel = format.label();
            InputStream decoded;
            try {
                decoded = format.decode(buffered);
            } catch (IOException e) {
                losses.add(new BundleLoss("", "the " + formatLabel + " stream cannot be opened: " + e.getMessage()));
                return new BundleReadResult(source.toString(), formatLabel, "", 0, losses);
            }
            BufferedInputStream tarBytes = new BufferedInputStream(decoded, 1 << 16);
            if (format.compressed() && ArchiveFormat.detect(tarBytes) != ArchiveFormat.TAR) {
                losses.add(new BundleLoss("", "the " + formatLabel + " stream does not hold a tar archive"));
                return new BundleReadResult(source.toString(), formatLabel, "", 0, losses);
            }
            if (!format.compressed() && format != ArchiveFormat.TAR) {
                losses.add(new BundleLoss("", "not a bundle: neither a folder nor a tar archive (.tar, .tar.gz, .tgz, .tar.xz, .tar.bz2, .tar.zst)"));
                return new BundleReadResult(source.toString(), formatLabel, "", 0, losses);
            }
            TarArchiveInputStream tar = new TarArchiveInputStream(tarBytes);
            String current = "";
            try {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    count++;
                    if (count > limits.maxEntries()) {
                        losses.add(new BundleLoss("", "stopped after " + limits.maxEntries() + " entries (--max-entries)"));
                        break;
                    }
                    String path = BundlePaths.normalize(entry.getName());
                    if (wrapper == null) {
                        wrapper = BundlePaths.wrapperOf(path);
                    }
                    path = BundlePaths.strip(path, wrapper);
                    if (path.isEmpty()) {
                        continue;
                    }
                    current = path;
                    visitor.visit(toEntry(path, entry, tar));
                }
            } catch (IOException e) {
                losses.add(new BundleLoss(current, "the archive is damaged" + (current.isEmpty() ? "" : " at or after this entry")
                        + ": " + e.getMessage() + "; entries after it are lost"));
            }
            return new BundleReadResult(source.toString(), formatLabel + (format.compressed() ? "+tar" : ""),
                    wrapper == null ? "" : trimSlash(wrapper), count, losses);
        }
    }

    private static BundleEntry toEntry(String path, TarArchiveEntry entry, InputStream tar) {
        if (entry.isSymbolicLink()) {
            return new BundleEntry(path, EntryType.SYMLINK, 0, entry.getLinkName(), null);
        }
        if (entry.isLink()) {
            return new BundleEntry(path, EntryType.HARDLINK, 0, entry.getLinkName(), null);
        }
        if (entry.isDirectory()) {
            return new BundleEntry(path, EntryType.DIRECTORY, 0, null, null);
        }
        if (entry.isFile()) {
            return new BundleEntry(path, EntryType.FILE, entry.getSize(), null, new NonClosingInputStream(tar));
        }
        return new BundleEntry(path, EntryType.OTHER, 0, null, null);
    }

    private BundleReadResult readDirectory(Path root, BundleVisitor visitor) throws IOException {
        Path base = singleSubfolder(root);
        String wrapper = base.equals(root) ? "" : base.getFileName().toString();
        // Sorted so that reports do not depend on the file system's order.
        TreeMap<String, Path> members = new TreeMap<>();
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                members.put(base.relativize(file).toString().replace('\\', '/'), file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                members.put(base.relativize(file).toString().replace('\\', '/'), file);
                return FileVisitResult.CONTINUE;
            }
        });
        List<BundleLoss> losses = new ArrayList<>();
        long count = 0;
        for (var member : members.entrySet()) {
            count++;
            if (count > limits.maxEntries()) {
                losses.add(new BundleLoss("", "stopped after " + limits.maxEntries() + " entries (--max-entries)"));
                break;
            }
            String path = member.getKey();
            Path file = member.getValue();
            if (Files.isSymbolicLink(file)) {
                visitor.visit(new BundleEntry(path, EntryType.SYMLINK, 0, Files.readSymbolicLink(file).toString(), null));
            } else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                try (InputStream in = Files.newInputStream(file)) {
                    visitor.visit(new BundleEntry(path, EntryType.FILE, Files.size(file), null, in));
                } catch (IOException e) {
                    losses.add(new BundleLoss(path, "cannot be read: " + e.getMessage()));
                }
            } else {
                visitor.visit(new BundleEntry(path, EntryType.OTHER, 0, null, null));
            }
        }
        return new BundleReadResult(root.toString(), "directory", wrapper, count, losses);
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

    private static String trimSlash(String wrapper) {
        return wrapper.endsWith("/") ? wrapper.substring(0, wrapper.length() - 1) : wrapper;
    }
}
