package io.rootline.support;

import java.util.zip.CRC32;

/** Rewrites the header of an .xz stream, to make the inputs a hostile sender would. */
public final class XzHeaders {

    private XzHeaders() {
    }

    /**
     * The stream with its first block's LZMA2 dictionary size set to 2^{@code log2} bytes
     * (12 to 31) and the block header's CRC32 made right again, so that only the size is
     * wrong. The stream must come from XZ for Java's encoder, whose block header holds no
     * sizes: at offset 12 its length, its flags, filter 0x21, one property byte, the dictionary.
     */
    public static byte[] withDictionary(byte[] xz, int log2) {
        byte[] out = xz.clone();
        if (out[14] != 0x21 || out[15] != 1) {
            throw new IllegalArgumentException("not a single-filter LZMA2 block header without sizes");
        }
        out[16] = (byte) ((log2 - 12) * 2); // dictionary (2 | (b & 1)) << (b / 2 + 11)
        CRC32 crc = new CRC32();
        crc.update(out, 12, 8);
        for (int i = 0; i < 4; i++) {
            out[20 + i] = (byte) (crc.getValue() >>> (8 * i));
        }
        return out;
    }
}
