package io.rootline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The line scanner reads eight bytes at a time, so its corners are where a line end falls
 * against those words and against the reads that fill its buffer. These tests compare it
 * with the plain definition, a split on '\n', over many random texts read in random pieces.
 */
class LineReaderTest {

    @Test
    void agreesWithASplitOnNewlinesWhereverLineEndsFall() throws IOException {
        Random random = new Random(4);
        byte[] alphabet = {'\n', '\r', 'a', ' ', (byte) 0xC3, (byte) 0xA9, 0, (byte) 0xFF};
        for (int round = 0; round < 2_000; round++) {
            byte[] text = new byte[random.nextInt(300)];
            for (int i = 0; i < text.length; i++) {
                text[i] = random.nextInt(3) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) ('b' + random.nextInt(20));
            }
            int maxLine = 1 + random.nextInt(80);
            List<String> expected = split(text, maxLine);
            List<String> actual = new ArrayList<>();
            LineReader reader = new LineReader(new Pieces(text, random), maxLine);
            while (reader.nextRaw() >= 0) {
                byte[] line = Arrays.copyOf(reader.bytes(), reader.length());
                actual.add(show(line) + (reader.lastLineCut() ? " (cut)" : ""));
            }
            assertEquals(expected, actual, "text " + show(text) + ", lines cut at " + maxLine);
        }
    }

    @Test
    void aCarriageReturnEndingTheLineIsPartOfItsTerminator() throws IOException {
        LineReader reader = new LineReader(new ByteArrayInputStream("one\r\ntw\ro\r\n\r\r\nlast\r".getBytes(StandardCharsets.US_ASCII)), 100);
        assertEquals("one", reader.next());
        assertEquals("tw\ro", reader.next());
        assertEquals("\r", reader.next());
        assertEquals("last", reader.next());
        assertNull(reader.next());
    }

    /**
     * The definition: split on '\n'; keep the first maxLine bytes (the line is then cut);
     * a '\r' ending what is kept is the terminator's.
     */
    private static List<String> split(byte[] text, int maxLine) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length) {
            int end = start;
            while (end < text.length && text[end] != '\n') {
                end++;
            }
            byte[] kept = Arrays.copyOfRange(text, start, Math.min(end, start + maxLine));
            boolean cut = end - start > maxLine;
            if (kept.length > 0 && kept[kept.length - 1] == '\r') {
                kept = Arrays.copyOf(kept, kept.length - 1);
            }
            lines.add(show(kept) + (cut ? " (cut)" : ""));
            start = end + 1;
        }
        return lines;
    }

    private static String show(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (byte c : bytes) {
            b.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\x%02x", c & 0xff));
        }
        return b.toString();
    }

    /** Hands out the text in random pieces, as a decompressor does. */
    private static final class Pieces extends InputStream {
        private final byte[] text;
        private final Random random;
        private int at;

        Pieces(byte[] text, Random random) {
            this.text = text;
            this.random = random;
        }

        @Override
        public int read() {
            return at < text.length ? text[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at == text.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 1 + random.nextInt(40)), text.length - at);
            System.arraycopy(text, at, b, off, n);
            at += n;
            return n;
        }
    }
}
