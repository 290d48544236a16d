package io.rootline.support;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream;

/** Writes small bundles for tests, as folders or as tarballs in any supported compression. */
public final class BundleBuilder {

    public enum Container { FOLDER, TAR, TAR_GZ, TAR_BZ2, TAR_XZ, TAR_ZST }

    private final String top;
    private final Map<String, byte[]> files = new TreeMap<>();
    private final Map<String, String> links = new TreeMap<>();
    private final Map<String, String> hardLinks = new TreeMap<>();
    private boolean linksFirst;

    /** @param top the wrapper folder, as sos names it ("sosreport-host-2021-05-08-abc"); "" for none (an archive inside a bundle) */
    public BundleBuilder(String top) {
        this.top = top;
    }

    public BundleBuilder file(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public BundleBuilder bytes(String path, byte[] content) {
        files.put(path, content.clone());
        return this;
    }

    /** An archive inside the bundle (sos_commands/logs.xz): {@code inner} written as {@code container}. */
    public BundleBuilder archive(String path, BundleBuilder inner, Container container) throws IOException {
        Path dir = Files.createTempDirectory("rootline-nested");
        try {
            Path written = inner.write(dir, "inner", container);
            return bytes(path, Files.readAllBytes(written));
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A symbolic link (in tarballs; folders get it too where the file system allows). */
    public BundleBuilder link(String path, String target) {
        links.put(path, target);
        return this;
    }

    /**
     * A hard link to another file of the bundle, as {@code tar -h} stores a file it met before
     * under another name: in a tarball its target keeps the wrapper folder, as tar writes it.
     */
    public BundleBuilder hardLink(String path, String target) {
        hardLinks.put(path, target);
        return this;
    }

    /**
     * Whether a tarball holds its links before the files (GNU tar's order on some file systems)
     * or after them (sos's, Python's tarfile sorting "96008" before "net" and "self"); after by default.
     */
    public BundleBuilder linksFirst(boolean first) {
        linksFirst = first;
        return this;
    }

    /** Copies this bundle's files and links into {@code other} (under its own wrapper folder). */
    public BundleBuilder copyInto(BundleBuilder other) {
        files.forEach(other.files::put);
        links.forEach(other.links::put);
        hardLinks.forEach(other.hardLinks::put);
        return other;
    }

    public Path write(Path dir, String name, Container container) throws IOException {
        return write(dir, name, container, List.of());
    }

    private String named(String path) {
        return top.isEmpty() ? path : top + "/" + path;
    }

    /**
     * Writes the bundle with the members named in {@code first} at the head of a tarball, in
     * that order, and the rest after them by path: real archives hold their members in
     * whatever order the file system listed them.
     */
    public Path write(Path dir, String name, Container container, List<String> first) throws IOException {
        if (container == Container.FOLDER) {
            Path root = dir.resolve(name);
            Path base = top.isEmpty() ? root : root.resolve(top);
            Files.createDirectories(base);
            for (var f : files.entrySet()) {
                Path p = base.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
            for (var l : links.entrySet()) {
                Path p = base.resolve(l.getKey());
                Files.createDirectories(p.getParent());
                Files.createSymbolicLink(p, Path.of(l.getValue()));
            }
            for (var l : hardLinks.entrySet()) {
                Path p = base.resolve(l.getKey());
                Files.createDirectories(p.getParent());
                Files.createLink(p, base.resolve(l.getValue()));
            }
            return root;
        }
        Path archive = dir.resolve(name);
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(archive));
             OutputStream compressed = compress(raw, container);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
            Map<String, byte[]> ordered = new LinkedHashMap<>();
            for (String path : first) {
                if (!files.containsKey(path)) {
                    throw new IllegalArgumentException("no file " + path + " in this bundle");
                }
                ordered.put(path, files.get(path));
            }
            files.forEach(ordered::putIfAbsent);
            if (linksFirst) {
                writeLinks(tar);
            }
            for (var f : ordered.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(named(f.getKey()));
                entry.setSize(f.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
            if (!linksFirst) {
                writeLinks(tar);
            }
        }
        return archive;
    }

    private void writeLinks(TarArchiveOutputStream tar) throws IOException {
        for (var l : links.entrySet()) {
            TarArchiveEntry entry = new TarArchiveEntry(named(l.getKey()), TarArchiveEntry.LF_SYMLINK);
            entry.setLinkName(l.getValue());
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        }
        for (var l : hardLinks.entrySet()) {
            TarArchiveEntry entry = new TarArchiveEntry(named(l.getKey()), TarArchiveEntry.LF_LINK);
            entry.setLinkName(named(l.getValue()));
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        }
    }

    private static OutputStream compress(OutputStream raw, Container container) throws IOException {
        return switch (container) {
            case TAR -> raw;
            case TAR_GZ -> new GzipCompressorOutputStream(raw);
            case TAR_BZ2 -> new BZip2CompressorOutputStream(raw);
            case TAR_XZ -> new XZCompressorOutputStream(raw);
            case TAR_ZST -> new ZstdCompressorOutputStream(raw);
            case FOLDER -> throw new IllegalArgumentException();
        };
    }

    /** A sos 4.x bundle with the seed-000 incident reduced to its essentials. */
    public static BundleBuilder conntrackIncident() {
        return new BundleBuilder("sosreport-host1-2021-05-08-abc")
                .file("sos_reports/manifest.json", "{}\n")
                .file("sos_commands/host/hostname", "host1\n")
                .file("sos_commands/date/date", "Sat May  8 12:45:10 CST 2021\n")
                .file("sos_commands/date/date_--utc", "Sat May  8 04:45:10 UTC 2021\n")
                // boot at 2021-05-08 12:00:00 +08:00 = 1620446400
                .file("proc/stat", "cpu  1 2 3 4\nbtime 1620446400\n")
                .file("sos_commands/kernel/dmesg", """
                        [    0.000000] Linux version 3.10.0-957.el7.x86_64 (mockbuild@x86-040.build.eng.bos.redhat.com)
                        [ 2451.118203] net_ratelimit: 2699 callbacks suppressed
                        [ 2451.118211] nf_conntrack: table full, dropping packet
                        [ 2452.020511] nf_conntrack: table full, dropping packet
                        [ 2457.064310] net_ratelimit: 2189 callbacks suppressed
                        [ 2457.064318] nf_conntrack: table full, dropping packet
                        """)
                .file("sos_commands/kernel/sysctl_-a", """
                        net.netfilter.nf_conntrack_buckets = 65536
                        net.netfilter.nf_conntrack_count = 1200
                        net.netfilter.nf_conntrack_max = 262144
                        """)
                .file("var/log/app/app.log", """
                        2021-05-08 12:40:52,004 ERROR [main] Client - lookup failed
                        java.net.UnknownHostException: db.internal: Name or service not known
                        \tat java.net.InetAddress.getAllByName(InetAddress.java:1193)
                        """);
    }
}
