package io.rootline.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What goes through {@link DecodeAhead} comes out whole and in order, however the source
 * and the reader cut it, through buffers it reuses; a failure comes after every byte
 * read before it.
 */
class DecodeAheadTest {

    /** Hands out {@code data} in random small pieces, then fails if {@code failAtEnd}. */
    private static InputStream source(byte[] data, long seed, boolean failAtEnd) {
        Random random = new Random(seed);
        return new InputStream() {
            private int at;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (at == data.length) {
                    if (failAtEnd) {
                        throw new IOException("Compressed data is corrupt");
                    }
                    return -1;
                }
                int n = Math.min(Math.min(len, data.length - at), 1 + random.nextInt(100_000));
                System.arraycopy(data, at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    private static byte[] data(int size) {
        byte[] data = new byte[size];
        new Random(5).nextBytes(data);
        return data;
    }

    /** Reads everything in random-sized reads, single bytes among them. */
    private static byte[] readAll(InputStream in, ByteArrayOutputStream out, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] buffer = new byte[200_000];
        while (true) {
            if (random.nextInt(10) == 0) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                out.write(b);
            } else {
                int n = in.read(buffer, 0, 1 + random.nextInt(buffer.length));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    @Test
    void everyByteComesOutOnceAndInOrder() throws IOException {
        byte[] data = data(20 << 20); // far more than the chunks in flight: buffers are reused many times
        for (long seed = 1; seed <= 3; seed++) {
            try (DecodeAhead in = new DecodeAhead(source(data, seed, false))) {
                assertArrayEquals(data, readAll(in, new ByteArrayOutputStream(), seed));
            }
        }
    }

    @Test
    void aFailureComesAfterEveryByteBeforeIt() {
        byte[] data = data(3 << 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IOException e = assertThrows(IOException.class, () -> {
            try (DecodeAhead in = new DecodeAhead(source(data, 9, true))) {
                readAll(in, out, 9);
            }
        });
        assertEquals("Compressed data is corrupt", e.getMessage());
        assertArrayEquals(data, out.toByteArray());
    }
}
