package io.rootline.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * rootline reads tar streams with its own {@link TarStream}: commons-compress cost more than
 * half the reading of a real tree. Here the two are held to the same entries (name, kind,
 * size, link target) and the same bytes, on the real trees, on every format GNU tar writes,
 * on Python's tarfile (which sos writes with), and on commons-compress's own writer.
 */
class TarStreamTest {

    @TempDir
    Path dir;

    /** An entry as both readers see it. */
    private record Seen(String name, String kind, long size, String link, byte[] bytes) {
        @Override
        public String toString() {
            return kind + " " + name + " " + size + (link.isEmpty() ? "" : " -> " + link);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Seen s && s.toString().equals(toString()) && java.util.Arrays.equals(s.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return toString().hashCode();
        }
    }

    private static List<Seen> ours(byte[] tar) throws IOException {
        List<Seen> seen = new ArrayList<>();
        TarStream in = new TarStream(new BufferedInputStream(new ByteArrayInputStream(tar)));
        TarStream.Entry e;
        while ((e = in.next()) != null) {
            String kind = e.isDirectory() ? "dir" : e.isSymbolicLink() ? "symlink" : e.isHardLink() ? "hardlink"
                    : e.isFile() ? "file" : "other";
            byte[] bytes = e.isFile() ? in.content().readAllBytes() : new byte[0];
            seen.add(new Seen(e.name(), kind, e.isFile() ? e.size() : 0, e.isSymbolicLink() || e.isHardLink() ? e.linkName() : "", bytes));
        }
        return seen;
    }

    private static List<Seen> theirs(byte[] tar) throws IOException {
        List<Seen> seen = new ArrayList<>();
        TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar));
        TarArchiveEntry e;
        while ((e = in.getNextEntry()) != null) {
            String kind = e.isDirectory() ? "dir" : e.isSymbolicLink() ? "symlink" : e.isLink() ? "hardlink"
                    : e.isFile() && !e.isSparse() ? "file" : "other";
            byte[] bytes = kind.equals("file") ? in.readAllBytes() : new byte[0];
            seen.add(new Seen(e.getName(), kind, kind.equals("file") ? e.getSize() : 0,
                    e.isSymbolicLink() || e.isLink() ? e.getLinkName() : "", bytes));
        }
        return seen;
    }

    private static void agree(byte[] tar, String what) throws IOException {
        List<Seen> expected = theirs(tar);
        List<Seen> actual = ours(tar);
        assertEquals(expected.size(), actual.size(), what + ": entries");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).toString(), actual.get(i).toString(), what + ": entry " + i);
            assertArrayEquals(expected.get(i).bytes(), actual.get(i).bytes(), what + ": bytes of " + expected.get(i));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hotsos-kubernetes.tar.xz", "hotsos-vault.tar.xz"})
    void realTreesReadAlike(String name) throws IOException {
        Path tree = Path.of("../shared/real-sosreports").resolve(name);
        assumeTrue(Files.exists(tree), "skipped: ../shared/real-sosreports/" + name + " is not present beside this checkout");
        byte[] tar;
        try (InputStream in = new XZCompressorInputStream(new BufferedInputStream(Files.newInputStream(tree)))) {
            tar = in.readAllBytes();
        }
        agree(tar, name);
        assertTrue(ours(tar).size() > 10_000, "a real tree holds thousands of entries");
    }

    /** A small tree with what archives find hard: long names and link targets, links, odd sizes, non-ASCII names. */
    private Path tree() throws IOException {
        Path root = Files.createDirectories(dir.resolve("tree/sosreport-host-2021"));
        String deep = "sos_commands/networking/" + "namespaces/cni-0123456789abcdef0123456789abcdef/".repeat(3);
        Files.createDirectories(root.resolve(deep));
        Files.writeString(root.resolve(deep + "ip_netns_exec_cni-0123456789abcdef0123456789abcdef_netstat_-s"), "Ip:\n    1 total\n");
        Files.createDirectories(root.resolve("proc/96008/net"));
        for (int size : new int[] {0, 1, 511, 512, 513, 10240, 70_000}) {
            byte[] data = new byte[size];
            new Random(size).nextBytes(data);
            Files.write(root.resolve("proc/96008/net/file-" + size), data);
        }
        Files.createSymbolicLink(root.resolve("proc/self"), Path.of("96008"));
        Files.createSymbolicLink(root.resolve("proc/net"), Path.of("self/net"));
        Files.createSymbolicLink(root.resolve("proc/long-link"), Path.of("../" + deep + "x".repeat(40)));
        Files.createLink(root.resolve("proc/hard"), root.resolve("proc/96008/net/file-513"));
        Files.writeString(root.resolve("proc/96008/net/dév-ünïcode"), "é\n");
        return root;
    }

    @ParameterizedTest
    @ValueSource(strings = {"gnu", "oldgnu", "posix", "ustar"})
    void everyFormatGnuTarWritesReadsAlike(String format) throws Exception {
        Path root = tree();
        Path out = dir.resolve(format + ".tar");
        Process tar;
        try {
            tar = new ProcessBuilder("tar", "--format=" + format, "-cf", out.toString(), "-C", root.getParent().toString(),
                    root.getFileName().toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "skipped: no tar program on this machine");
            return;
        }
        String said = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(tar.waitFor(60, TimeUnit.SECONDS));
        // ustar cannot hold the longest names: GNU tar says so and leaves them out
        assumeTrue(tar.exitValue() == 0 || format.equals("ustar"), said);
        agree(Files.readAllBytes(out), "tar --format=" + format);
    }

    @Test
    void pythonsTarfileAsSosWritesReadsAlike() throws Exception {
        Path root = tree();
        Path out = dir.resolve("python.tar");
        String script = "import tarfile,sys\nwith tarfile.open(sys.argv[1],'w') as t: t.add(sys.argv[2], arcname='sosreport-host-2021')\n";
        Process python;
        try {
            python = new ProcessBuilder("python3", "-c", script, out.toString(), root.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "skipped: no python3 on this machine");
            return;
        }
        String said = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, python.exitValue(), said);
        agree(Files.readAllBytes(out), "python tarfile");
    }

    @ParameterizedTest
    @ValueSource(ints = {TarArchiveOutputStream.LONGFILE_GNU, TarArchiveOutputStream.LONGFILE_POSIX})
    void commonsCompressesOwnArchivesReadAlike(int longNames) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(longNames);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            add(tar, "top/" + "a".repeat(150) + "/b".repeat(60), "long\n");
            add(tar, "top/ÿ-latin-and-ünïcode", "x");
            TarArchiveEntry link = new TarArchiveEntry("top/link", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("../" + "t".repeat(200));
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            add(tar, "top/empty", "");
        }
        agree(bytes.toByteArray(), "commons-compress, long names " + longNames);
    }

    private static void add(TarArchiveOutputStream tar, String name, String content) throws IOException {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(data.length);
        tar.putArchiveEntry(entry);
        tar.write(data);
        tar.closeArchiveEntry();
    }

    @Test
    void damageStopsTheReadingWhereItStrikes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            add(tar, "a", "first\n");
            add(tar, "b", "second\n");
        }
        byte[] whole = bytes.toByteArray();
        byte[] cut = java.util.Arrays.copyOf(whole, 512 + 512 + 100); // inside b's header
        TarStream in = new TarStream(new ByteArrayInputStream(cut));
        assertEquals("a", in.next().name());
        assertEquals("first\n", new String(in.content().readAllBytes(), StandardCharsets.UTF_8));
        assertThrows(IOException.class, in::next, "a header cut short is damage, not the end");

        byte[] flipped = whole.clone();
        flipped[1024] ^= 0x20; // b's name ("b" becomes "B"): its checksum no longer matches
        TarStream damaged = new TarStream(new ByteArrayInputStream(flipped));
        assertEquals("a", damaged.next().name());
        IOException e = assertThrows(IOException.class, damaged::next);
        assertEquals("a tar header's checksum does not match its bytes", e.getMessage());

        byte[] inside = java.util.Arrays.copyOf(whole, 512 + 3); // inside a's bytes
        TarStream short1 = new TarStream(new ByteArrayInputStream(inside));
        short1.next();
        assertThrows(IOException.class, () -> short1.content().readAllBytes());
    }

    /** Mutated archives give entries or an IOException, nothing else, and never hang. */
    @Test
    void mutatedArchivesFailCleanly() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            add(tar, "top/" + "n".repeat(120), "content\n".repeat(100));
            add(tar, "top/small", "x");
        }
        byte[] base = bytes.toByteArray();
        Random random = new Random(23);
        for (int round = 0; round < 2_000; round++) {
            byte[] mutated = base.clone();
            for (int k = 0; k < 1 + random.nextInt(8); k++) {
                mutated[random.nextInt(Math.min(mutated.length, 4096))] = (byte) random.nextInt(256);
            }
            try {
                ours(mutated);
            } catch (IOException expected) {
                // damage, said so
            }
        }
    }
}
