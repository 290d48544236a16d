package io.rootline.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The real sosreport trees beside the checkout ({@code ../shared/real-sosreports/}), and their
 * extraction for tests: files, folders, symbolic links as sos wrote them ({@code proc/net ->
 * self/net}) and hard links.
 */
public final class RealTrees {

    public static final Path DIR = Path.of("../shared/real-sosreports");

    private RealTrees() {
    }

    /** The tree's .tar.xz; the calling test is skipped, with a message, when it is absent. */
    public static Path archive(String name) {
        Path archive = DIR.resolve(name);
        assumeTrue(Files.isRegularFile(archive), "skipped: ../shared/real-sosreports/" + name + " is not present beside this checkout");
        return archive;
    }

    /** Extracts a .tar.xz under {@code into}; returns its one top folder. Names that climb out are refused. */
    public static Path extract(Path archive, Path into) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path to = into.resolve(e.getName()).normalize();
                if (!to.startsWith(into)) {
                    throw new IOException("refused: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                } else if (e.isSymbolicLink()) {
                    Files.createDirectories(to.getParent());
                    Files.createSymbolicLink(to, Path.of(e.getLinkName()));
                } else if (e.isLink()) {
                    Files.createDirectories(to.getParent());
                    Files.createLink(to, into.resolve(e.getLinkName()).normalize());
                } else if (e.isFile()) {
                    Files.createDirectories(to.getParent());
                    Files.copy(tar, to);
                }
            }
        }
        try (Stream<Path> top = Files.list(into)) {
            List<Path> all = top.toList();
            return all.size() == 1 ? all.get(0) : into;
        }
    }

    /**
     * Whether {@code path} names a regular file of the extracted tree at {@code root}, its links
     * followed only while they stay inside the tree (an absolute link names the host's root,
     * which the tree is a copy of).
     */
    public static boolean holdsFile(Path root, String path) throws IOException {
        Path at = root;
        String[] parts = path.split("/");
        for (int hops = 0, i = 0; i < parts.length; i++) {
            at = at.resolve(parts[i]).normalize();
            while (Files.isSymbolicLink(at)) {
                if (++hops > 40) {
                    return false;
                }
                Path target = Files.readSymbolicLink(at);
                at = (target.isAbsolute() ? root.resolve(root.getRoot().relativize(target)) : at.getParent().resolve(target)).normalize();
            }
            if (!at.startsWith(root)) {
                return false;
            }
        }
        return Files.isRegularFile(at, LinkOption.NOFOLLOW_LINKS);
    }
}
