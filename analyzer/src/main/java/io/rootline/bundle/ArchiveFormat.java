package io.rootline.bundle;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * The container formats a bundle arrives in, recognised by their magic bytes rather
 * than by the file name: customers rename files, and a ".tar.gz" is sometimes xz.
 */
public enum ArchiveFormat {
    XZ("xz"), GZIP("gzip"), BZIP2("bzip2"), ZSTD("zstd"), TAR("tar"), UNKNOWN("unknown");

    private final String label;

    ArchiveFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Reads (and resets) enough of a mark-supporting stream to tell the format. */
    public static ArchiveFormat detect(BufferedInputStream in) throws IOException {
        byte[] head = new byte[512];
        in.mark(head.length);
        int n = in.readNBytes(head, 0, head.length);
        in.reset();
        if (startsWith(head, n, 0xFD, '7', 'z', 'X', 'Z', 0x00)) {
            return XZ;
        }
        if (startsWith(head, n, 0x1F, 0x8B)) {
            return GZIP;
        }
        if (startsWith(head, n, 'B', 'Z', 'h')) {
            return BZIP2;
        }
        if (startsWith(head, n, 0x28, 0xB5, 0x2F, 0xFD)) {
            return ZSTD;
        }
        if (n >= 262 && "ustar".equals(new String(head, 257, 5, StandardCharsets.US_ASCII))) {
            return TAR;
        }
        return UNKNOWN;
    }

    /** The xz memory limit of both decoders, in KiB: {@value XzProgram#MEMORY_LIMIT}. */
    private static final int XZ_MEMORY_LIMIT_KIB = 100 * 1024;

    /** Wraps a compressed stream in its decoder; TAR and UNKNOWN pass through. */
    public InputStream decode(InputStream in, XzDecoder xz) throws IOException {
        return switch (this) {
            case XZ -> xz.runsProgram() ? XzProgram.decode(in) : new XZCompressorInputStream(in, true, XZ_MEMORY_LIMIT_KIB);
            case GZIP -> new GzipCompressorInputStream(in, true);
            case BZIP2 -> new BZip2CompressorInputStream(in, true);
            case ZSTD -> new ZstdCompressorInputStream(in);
            case TAR, UNKNOWN -> in;
        };
    }

    public boolean compressed() {
        return this == XZ || this == GZIP || this == BZIP2 || this == ZSTD;
    }

    private static boolean startsWith(byte[] head, int n, int... magic) {
        if (n < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
