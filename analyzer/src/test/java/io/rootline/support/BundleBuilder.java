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
    private final Map<String, String> files = new TreeMap<>();
    private final Map<String, String> links = new TreeMap<>();

    public BundleBuilder(String top) {
        this.top = top;
    }

    public BundleBuilder file(String path, String content) {
        files.put(path, content);
        return this;
    }

    /** A symbolic link (in tarballs; folders get it too where the file system allows). */
    public BundleBuilder link(String path, String target) {
        links.put(path, target);
        return this;
    }

    public Path write(Path dir, String name, Container container) throws IOException {
        return write(dir, name, container, List.of());
    }

    /**
     * Writes the bundle with the members named in {@code first} at the head of a tarball, in
     * that order, and the rest after them by path: real archives hold their members in
     * whatever order the file system listed them.
     */
    public Path write(Path dir, String name, Container container, List<String> first) throws IOException {
        if (container == Container.FOLDER) {
            Path root = dir.resolve(name);
            for (var f : files.entrySet()) {
                Path p = root.resolve(top).resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue());
            }
            for (var l : links.entrySet()) {
                Path p = root.resolve(top).resolve(l.getKey());
                Files.createDirectories(p.getParent());
                Files.createSymbolicLink(p, Path.of(l.getValue()));
            }
            return root;
        }
        Path archive = dir.resolve(name);
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(archive));
             OutputStream compressed = compress(raw, container);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(compressed)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
            Map<String, String> ordered = new LinkedHashMap<>();
            for (String path : first) {
                if (!files.containsKey(path)) {
                    throw new IllegalArgumentException("no file " + path + " in this bundle");
                }
                ordered.put(path, files.get(path));
            }
            files.forEach(ordered::putIfAbsent);
            for (var f : ordered.entrySet()) {
                byte[] data = f.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(top + "/" + f.getKey());
                entry.setSize(data.length);
                tar.putArchiveEntry(entry);
                tar.write(data);
                tar.closeArchiveEntry();
            }
            for (var l : links.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(top + "/" + l.getKey(), TarArchiveEntry.LF_SYMLINK);
                entry.setLinkName(l.getValue());
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
        }
        return archive;
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
