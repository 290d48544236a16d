package io.rootline.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import io.rootline.support.XzHeaders;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The xz program decodes exactly what XZ for Java decodes, and fails where it fails, in
 * words the report can use: the two are interchangeable (see {@link XzDecoder}).
 */
class XzProgramTest {

    private static byte[] text;
    private static byte[] xz;

    @BeforeAll
    static void compress() throws IOException {
        assumeTrue(XzProgram.installed(), "the xz program (XZ Utils) is not on the PATH: only XZ for Java is tested");
        Random random = new Random(11);
        StringBuilder lines = new StringBuilder();
        while (lines.length() < 3 << 20) {
            lines.append("2024-02-01 08:00:01,220 INFO  [exec-").append(random.nextInt(200)).append("] GET /orders/")
                    .append(Long.toHexString(random.nextLong())).append('\n');
        }
        text = lines.toString().getBytes(StandardCharsets.US_ASCII);
        xz = compress(text);
    }

    private static byte[] compress(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XZCompressorOutputStream encoder = new XZCompressorOutputStream(out)) {
            encoder.write(data);
        }
        return out.toByteArray();
    }

    private static InputStream decoder(XzDecoder which, byte[] compressed) throws IOException {
        return ArchiveFormat.XZ.decode(new ByteArrayInputStream(compressed), which);
    }

    /** What a decoder yields before it fails, and the failure. */
    private record Outcome(byte[] bytes, IOException failure) {
    }

    private static Outcome drain(XzDecoder which, byte[] compressed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = decoder(which, compressed)) {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
            return new Outcome(out.toByteArray(), null);
        } catch (IOException e) {
            return new Outcome(out.toByteArray(), e);
        }
    }

    private static boolean isPrefixOfText(byte[] bytes) {
        return bytes.length <= text.length && Arrays.equals(bytes, Arrays.copyOf(text, bytes.length));
    }

    @Test
    void decodesWhatXzForJavaDecodesIncludingConcatenatedStreams() throws IOException {
        byte[] twice = new byte[xz.length * 2];
        System.arraycopy(xz, 0, twice, 0, xz.length);
        System.arraycopy(xz, 0, twice, xz.length, xz.length);
        Outcome program = drain(XzDecoder.PROGRAM, twice);
        Outcome java = drain(XzDecoder.JAVA, twice);
        assertEquals(null, program.failure());
        assertEquals(null, java.failure());
        assertEquals(text.length * 2, program.bytes().length);
        assertArrayEquals(java.bytes(), program.bytes());
    }

    @Test
    void aCutStreamYieldsWhatItHoldsThenSaysItWasCutOff() throws IOException {
        byte[] cut = Arrays.copyOf(xz, xz.length / 2);
        for (XzDecoder which : XzDecoder.values()) {
            Outcome o = drain(which, cut);
            assertTrue(o.failure() != null, which + " did not fail");
            assertEquals("the data ends early (the file was cut off)", Failures.describe(o.failure()), which.name());
            assertTrue(o.bytes().length > text.length / 4, which + " yielded only " + o.bytes().length + " bytes");
            assertTrue(isPrefixOfText(o.bytes()), which + " yielded bytes that are not the text's");
        }
    }

    /**
     * Damage is found at the end of the block it hits: before that, both decoders yield the
     * same bytes, true up to the damage and garbage after it, as the hostile bundle tests expect.
     */
    @Test
    void aCorruptStreamYieldsTheSameBytesThenFailsInTheSameWords() throws IOException {
        byte[] bad = xz.clone();
        for (int i = bad.length / 2; i < bad.length / 2 + 64; i++) {
            bad[i] ^= 0x5A;
        }
        Outcome program = drain(XzDecoder.PROGRAM, bad);
        Outcome java = drain(XzDecoder.JAVA, bad);
        assertTrue(program.failure() != null && java.failure() != null);
        assertEquals(Failures.describe(java.failure()), Failures.describe(program.failure()));
        int common = Math.min(program.bytes().length, java.bytes().length);
        assertArrayEquals(Arrays.copyOf(java.bytes(), common), Arrays.copyOf(program.bytes(), common));
        assertTrue(common > text.length / 4, "only " + common + " bytes before the damage");
        assertTrue(isPrefixOfText(Arrays.copyOf(program.bytes(), text.length / 4)));
    }

    /**
     * A header asking for a 256 MiB dictionary (a bomb aimed at memory, not at disk) is
     * refused by both, in the same words, before anything is allocated.
     */
    @Test
    void aHugeDictionaryIsRefusedByBoth() throws IOException {
        byte[] greedy = XzHeaders.withDictionary(compress("small\n".getBytes(StandardCharsets.US_ASCII)), 28);
        for (XzDecoder which : XzDecoder.values()) {
            Outcome o = drain(which, greedy);
            assertEquals(0, o.bytes().length, which.name());
            assertEquals(XzProgram.MEMORY_REFUSED, Failures.describe(o.failure()), which.name());
        }
    }

    @Test
    void closingEarlyStopsTheProgram() throws IOException, InterruptedException {
        InputStream in = decoder(XzDecoder.PROGRAM, xz);
        assertEquals(text[0], (byte) in.read());
        in.close();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (xzChildren() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, xzChildren(), "an xz process outlived the stream that was closed");
    }

    private static long xzChildren() {
        return ProcessHandle.current().children()
                .filter(p -> p.info().command().map(c -> c.endsWith("/xz")).orElse(false)).count();
    }

    @Test
    void aFailureReadingTheBundleIsReportedRatherThanXzsView() {
        InputStream failing = new InputStream() {
            private int left = xz.length / 3;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("the upload connection was reset");
                }
                return xz[xz.length / 3 - left - 1] & 0xFF;
            }
        };
        IOException e = assertThrows(IOException.class, () -> {
            try (InputStream in = ArchiveFormat.XZ.decode(failing, XzDecoder.PROGRAM)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        });
        assertEquals("the upload connection was reset", Failures.describe(e));
    }
}
