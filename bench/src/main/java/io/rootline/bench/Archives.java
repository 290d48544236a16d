package io.rootline.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/**
 * Packs a generated folder as .tar.xz and .tar.zst, its members in the order sos writes them
 * ({@link #members}). Uses the tar, xz and zstd programs when the machine has them (much faster
 * for gigabytes), single-threaded xz like sos itself, else Java.
 */
final class Archives {

    private Archives() {
    }

    private interface Compressor {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    static Path tarXz(Path folder, Path out) throws IOException, InterruptedException {
        return pack(folder, out, "xz", "xz -T1 -3 > " + q(out), o -> new XZCompressorOutputStream(o, 3));
    }

    static Path tarZst(Path folder, Path out) throws IOException, InterruptedException {
        return pack(folder, out, "zstd", "zstd -q -f -T2 -3 -o " + q(out), o -> new ZstdCompressorOutputStream(o, 3));
    }

    private static Path pack(Path folder, Path out, String program, String pipeInto, Compressor java)
            throws IOException, InterruptedException {
        List<String> members = members(folder);
        if (Commands.available(program) && Commands.available("tar")) {
            Path list = Files.writeString(out.resolveSibling(out.getFileName() + ".members"), String.join("\n", members) + "\n");
            try {
                Commands.shell("tar -C " + q(folder) + " --no-recursion -T " + q(list) + " -cf - | " + pipeInto);
            } finally {
                Files.delete(list);
            }
        } else {
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out)); OutputStream c = java.wrap(o)) {
                tar(folder, members, c);
            }
        }
        return out;
    }

    /**
     * The folder's files and folders, relative to it, in the order sos 4 puts them in its
     * tarball ({@code TarFileArchive._build_archive} in sos/archive.py): {@code version.txt},
     * {@code sos_reports} and {@code sos_logs} first, then the rest of the tree through Python's
     * {@code tarfile}, which adds a folder, then its entries in sorted order. A reader of such a
     * tarball meets {@code proc/stat} and raw {@code dmesg} before {@code dmesg_-T} and
     * {@code var/log/messages}; GNU tar's own order follows the file system's, an order no
     * report has.
     */
    static List<String> members(Path folder) throws IOException {
        List<String> early = List.of("version.txt", "sos_reports", "sos_logs");
        // what sos adds first ranks by that list, the rest after; then folder by folder, as Python sorts names
        Comparator<String[]> order = Comparator.comparingInt((String[] n) -> n.length > 1 && early.contains(n[1])
                ? early.indexOf(n[1]) : early.size()).thenComparing(Arrays::compare);
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> !p.equals(folder))
                    .map(p -> folder.relativize(p).toString().replace('\\', '/').split("/"))
                    .sorted(order).map(n -> String.join("/", n)).toList();
        }
    }

    private static void tar(Path folder, List<String> members, OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (String name : members) {
                Path file = folder.resolve(name);
                TarArchiveEntry entry = new TarArchiveEntry(file.toFile(), name);
                tar.putArchiveEntry(entry);
                if (Files.isRegularFile(file)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        in.transferTo(tar);
                    }
                }
                tar.closeArchiveEntry();
            }
        }
    }

    static String q(Path p) {
        return "'" + p.toString().replace("'", "'\\''") + "'";
    }
}
