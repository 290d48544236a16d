package io.rootline.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/**
 * Packs a generated folder as .tar.xz and .tar.zst. Uses the xz and zstd programs when the
 * machine has them (much faster for gigabytes), single-threaded xz like sos itself, else Java.
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
        if (Commands.available(program)) {
            Commands.shell("tar -C " + q(folder) + " -cf - " + BundleGenerator.TOP + " | " + pipeInto);
        } else {
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out)); OutputStream c = java.wrap(o)) {
                tar(folder, c);
            }
        }
        return out;
    }

    private static void tar(Path folder, OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out); Stream<Path> walk = Files.walk(folder)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            for (Path file : files) {
                TarArchiveEntry entry = new TarArchiveEntry(file.toFile(), folder.relativize(file).toString());
                tar.putArchiveEntry(entry);
                try (InputStream in = Files.newInputStream(file)) {
                    in.transferTo(tar);
                }
                tar.closeArchiveEntry();
            }
        }
    }

    static String q(Path p) {
        return "'" + p.toString().replace("'", "'\\''") + "'";
    }
}
