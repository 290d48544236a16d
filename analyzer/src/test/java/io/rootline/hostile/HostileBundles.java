package io.rootline.hostile;

import io.rootline.support.BundleBuilder;
import io.rootline.support.BundleBuilder.Container;
import io.rootline.support.XzHeaders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Generators of broken and hostile bundles, one per case of fixtures/hostile/README.md.
 * Large cases are generated at test time and never committed. Every bundle that can still
 * be analysed holds the conntrack incident first, so a test can check that what came
 * before the damage is analysed.
 */
public final class HostileBundles {

    /** Where the incident ends and the damage begins: incompressible, so offsets in the compressed stream land in it. */
    static final String FILLER = "var/log/zz-filler.log";

    private HostileBundles() {
    }

    /**
     * The incident, then 3 MiB of barely compressible log text: enough for several xz
     * chunks (64 KiB compressed) and bzip2 blocks (900 KB), the units those decoders need
     * whole before they yield anything.
     */
    static BundleBuilder incidentWithFiller() {
        Random random = new Random(3);
        StringBuilder filler = new StringBuilder();
        while (filler.length() < 3 * 1024 * 1024) {
            filler.append(Long.toHexString(random.nextLong())).append(Long.toHexString(random.nextLong()))
                    .append(Long.toHexString(random.nextLong())).append('\n');
        }
        return BundleBuilder.conntrackIncident().file(FILLER, filler.toString());
    }

    /** The compressed archive cut at {@code fraction} of its length, as an interrupted transfer leaves it. */
    static Path truncated(Path dir, Container container, double fraction) throws IOException {
        Path whole = incidentWithFiller().write(dir, "whole-" + container, container);
        byte[] bytes = Files.readAllBytes(whole);
        return Files.write(dir.resolve("cut-" + container), Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
    }

    /** The compressed archive with 64 bytes overwritten at {@code fraction} of its length. */
    static Path corrupted(Path dir, Container container, double fraction) throws IOException {
        Path whole = incidentWithFiller().write(dir, "whole-" + container, container);
        byte[] bytes = Files.readAllBytes(whole);
        int at = (int) (bytes.length * fraction);
        for (int i = at; i < Math.min(bytes.length, at + 64); i++) {
            bytes[i] = (byte) (bytes[i] ^ 0x5A);
        }
        return Files.write(dir.resolve("bad-" + container), bytes);
    }

    /** A support case tarball holding the sosreport (.tar.xz) between two notes. */
    static Path nested(Path dir) throws IOException {
        byte[] inner = Files.readAllBytes(BundleBuilder.conntrackIncident().write(dir, "inner.tar.xz", Container.TAR_XZ));
        return tar(dir.resolve("case-1234.tar"), tar -> {
            add(tar, "case-1234/notes.txt", "customer says DNS fails at noon\n".getBytes(StandardCharsets.UTF_8));
            add(tar, "case-1234/sosreport-host1-2021-05-08-abc.tar.xz", inner);
            add(tar, "case-1234/zz-after.txt", "engineer: conntrack table full, raised nf_conntrack_max\n".getBytes(StandardCharsets.UTF_8));
        });
    }

    /** The incident as .tar.xz whose header asks for a 256 MiB dictionary. */
    static Path hugeDictionary(Path dir) throws IOException {
        byte[] xz = Files.readAllBytes(BundleBuilder.conntrackIncident().write(dir, "plain.tar.xz", Container.TAR_XZ));
        return Files.write(dir.resolve("greedy.tar.xz"), XzHeaders.withDictionary(xz, 28));
    }

    /** Archives inside archives inside archives, deeper than rootline reads. */
    static Path nestedTooDeep(Path dir) throws IOException {
        byte[] level = Files.readAllBytes(BundleBuilder.conntrackIncident().write(dir, "l0.tar.gz", Container.TAR_GZ));
        for (int i = 1; i <= 3; i++) {
            byte[] inner = level;
            level = Files.readAllBytes(tar(dir.resolve("l" + i + ".tar"), tar -> add(tar, "wrap/inner.tar.gz", inner)));
        }
        return Files.write(dir.resolve("deep.tar"), level);
    }

    /** An archive of sos paths that hold nothing (the disk filled while sos wrote). */
    static Path zeroByteArtifacts(Path dir) throws IOException {
        return BundleBuilder.conntrackIncident()
                .file("sos_commands/kernel/dmesg", "")
                .file("sos_commands/networking/netstat_-s", "")
                .file("proc/net/nf_conntrack", "")
                .write(dir, "zero-byte.tar.gz", Container.TAR_GZ);
    }

    /** Names that climb out of the bundle, and absolute ones. */
    static Path unsafeNames(Path dir) throws IOException {
        return tar(dir.resolve("unsafe.tar"), tar -> {
            add(tar, "sosreport-h/sos_commands/host/hostname", "host1\n".getBytes(StandardCharsets.UTF_8));
            add(tar, "sosreport-h/../../../../tmp/rootline-escape", "owned\n".getBytes(StandardCharsets.UTF_8));
            add(tar, "../sos_commands/kernel/dmesg", "[ 1.0] nf_conntrack: table full, dropping packet\n".getBytes(StandardCharsets.UTF_8));
            add(tar, "/etc/cron.d/evil", "* * * * * root true\n".getBytes(StandardCharsets.UTF_8));
        });
    }

    /** Links that point outside the bundle, at each other in a loop, and a hard link to /etc/shadow. */
    static Path links(Path dir) throws IOException {
        return tar(dir.resolve("links.tar"), tar -> {
            add(tar, "sosreport-h/sos_commands/host/hostname", "host1\n".getBytes(StandardCharsets.UTF_8));
            link(tar, "sosreport-h/sos_commands/kernel/dmesg", "../../../../../../etc/passwd", TarArchiveEntry.LF_SYMLINK);
            link(tar, "sosreport-h/proc/net/nf_conntrack", "/proc/net/nf_conntrack", TarArchiveEntry.LF_SYMLINK);
            link(tar, "sosreport-h/a", "b", TarArchiveEntry.LF_SYMLINK);
            link(tar, "sosreport-h/b", "a", TarArchiveEntry.LF_SYMLINK);
            link(tar, "sosreport-h/sos_commands/kernel/sysctl_-a", "/etc/shadow", TarArchiveEntry.LF_LINK);
        });
    }

    /**
     * Links standing where artifacts are expected that loop, lead to a folder, or chain past
     * any sane depth, among 10,000 links: beside the incident, which must still be found.
     */
    static Path linkMaze(Path dir) throws IOException {
        BundleBuilder b = BundleBuilder.conntrackIncident()
                .link("proc/net", "net")                                   // a loop: proc/net/* is expected here
                .link("sos_commands/networking/netstat_-s", "../kernel")   // a folder where a file is expected
                .link("sos_commands/networking/ip_-s_-d_link", "../../chain/link-0");
        for (int i = 0; i < 10_000; i++) {
            b.link("chain/link-" + i, "link-" + (i + 1));
        }
        return b.write(dir, "maze.tar.gz", Container.TAR_GZ);
    }

    /** Device files and a FIFO as tar entries. */
    static Path devices(Path dir) throws IOException {
        return tar(dir.resolve("devices.tar"), tar -> {
            add(tar, "sosreport-h/sos_commands/host/hostname", "host1\n".getBytes(StandardCharsets.UTF_8));
            special(tar, "sosreport-h/dev/sda", TarArchiveEntry.LF_BLK);
            special(tar, "sosreport-h/sos_commands/kernel/dmesg", TarArchiveEntry.LF_CHR);
            special(tar, "sosreport-h/var/log/app/app.log", TarArchiveEntry.LF_FIFO);
        });
    }

    /** The same name twice: the second copy would double every count if it were read. */
    static Path duplicates(Path dir) throws IOException {
        byte[] dmesg = "[ 2451.118211] nf_conntrack: table full, dropping packet\n".getBytes(StandardCharsets.UTF_8);
        return tar(dir.resolve("duplicates.tar"), tar -> {
            add(tar, "sosreport-h/sos_commands/kernel/dmesg", dmesg);
            add(tar, "sosreport-h/sos_commands/kernel/dmesg", dmesg);
        });
    }

    /** Names in Latin-1 and broken UTF-8 (PAX headers are not used, as old tools do). */
    static Path nonUtf8Names(Path dir) throws IOException {
        Path out = dir.resolve("names.tar");
        try (OutputStream raw = Files.newOutputStream(out);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(raw, "ISO-8859-1")) {
            add(tar, "sosreport-h/sos_commands/host/hostname", "host1\n".getBytes(StandardCharsets.UTF_8));
            add(tar, "sosreport-h/var/log/caf\u00e9/app\u00ff.log", "2021-05-08 12:40:52,004 ERROR x\njava.net.UnknownHostException: db\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /** A few MiB of gzip that expand to {@code bytes} of zeros, after the incident. */
    static Path bomb(Path dir, long bytes) throws IOException {
        return tarGz(dir.resolve("bomb.tar.gz"), tar -> {
            writeIncident(tar);
            TarArchiveEntry entry = new TarArchiveEntry("sosreport-host1-2021-05-08-abc/var/log/zeros.log");
            entry.setSize(bytes);
            tar.putArchiveEntry(entry);
            byte[] zeros = new byte[1 << 20];
            for (long left = bytes; left > 0; left -= zeros.length) {
                tar.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
            tar.closeArchiveEntry();
        });
    }

    /** A kernel log whose first line is {@code bytes} long, then the incident's drop lines. */
    static Path longLine(Path dir, long bytes) throws IOException {
        Path bundle = BundleBuilder.conntrackIncident().write(dir, "long-line", Container.FOLDER);
        Path dmesg = bundle.resolve("sosreport-host1-2021-05-08-abc/sos_commands/kernel/dmesg");
        String rest = Files.readString(dmesg);
        try (OutputStream out = Files.newOutputStream(dmesg)) {
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            out.write("[    0.000000] ".getBytes(StandardCharsets.US_ASCII));
            for (long left = bytes; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            out.write('\n');
            out.write(rest.getBytes(StandardCharsets.US_ASCII));
        }
        return bundle;
    }

    /**
     * The incident, then {@code lines} drop messages a millisecond apart that no rate limit
     * thinned: a kernel log of events enough to fill the heap if each were kept.
     */
    static Path kernelFlood(Path dir, int lines) throws IOException {
        Path bundle = BundleBuilder.conntrackIncident().write(dir, "kernel-flood", Container.FOLDER);
        Path dmesg = bundle.resolve("sosreport-host1-2021-05-08-abc/sos_commands/kernel/dmesg");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(dmesg, StandardOpenOption.APPEND), 1 << 16)) {
            for (int i = 0; i < lines; i++) {
                long micros = 3_000_000_000L + i * 1000L;
                out.write(String.format("[%5d.%06d] nf_conntrack: table full, dropping packet%n", micros / 1_000_000, micros % 1_000_000)
                        .getBytes(StandardCharsets.US_ASCII));
            }
        }
        return bundle;
    }

    /** netstat -s made of NUL bytes. */
    static Path nulBytes(Path dir, int bytes) throws IOException {
        Path bundle = BundleBuilder.conntrackIncident().write(dir, "nul", Container.FOLDER);
        Path netstat = bundle.resolve("sosreport-host1-2021-05-08-abc/sos_commands/networking/netstat_-s");
        Files.createDirectories(netstat.getParent());
        Files.write(netstat, new byte[bytes]);
        return bundle;
    }

    /** The incident followed by {@code count} tiny files. */
    static Path manyFiles(Path dir, int count) throws IOException {
        return tarGz(dir.resolve("many.tar.gz"), tar -> {
            writeIncident(tar);
            byte[] one = {'x'};
            for (int i = 0; i < count; i++) {
                add(tar, "sosreport-host1-2021-05-08-abc/sys/tiny/" + i, one);
            }
        });
    }

    /** Each artifact's lines replaced by random bytes, except the kernel log (seed 4). */
    static Path garbage(Path dir) throws IOException {
        Random random = new Random(4);
        BundleBuilder b = BundleBuilder.conntrackIncident();
        for (String path : new String[] {"sos_commands/kernel/sysctl_-a", "sos_commands/date/date", "proc/stat",
                "sos_commands/networking/netstat_-s", "sos_commands/networking/ip_-s_-d_link", "proc/net/nf_conntrack",
                "proc/meminfo", "sos_commands/host/uptime"}) {
            byte[] noise = new byte[2048];
            random.nextBytes(noise);
            b.file(path, new String(noise, StandardCharsets.ISO_8859_1));
        }
        return b.write(dir, "garbage", Container.FOLDER);
    }

    private interface TarWriter {
        void write(TarArchiveOutputStream tar) throws IOException;
    }

    private static Path tar(Path out, TarWriter writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
            writer.write(tar);
        }
        return Files.write(out, bytes.toByteArray());
    }

    /** A gzip-compressed tar streamed to a file, for the cases too large to build in memory. */
    private static Path tarGz(Path out, TarWriter writer) throws IOException {
        try (OutputStream raw = Files.newOutputStream(out);
             GzipCompressorOutputStream gz = new GzipCompressorOutputStream(raw);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            writer.write(tar);
        }
        return out;
    }

    private static void writeIncident(TarArchiveOutputStream tar) throws IOException {
        Path tmp = Files.createTempDirectory("incident");
        Path folder = BundleBuilder.conntrackIncident().write(tmp, "f", Container.FOLDER);
        try (var files = Files.walk(folder)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                add(tar, folder.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
    }

    static void add(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    private static void link(TarArchiveOutputStream tar, String name, String target, byte type) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        entry.setLinkName(target);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    private static void special(TarArchiveOutputStream tar, String name, byte type) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }
}
