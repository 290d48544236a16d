package io.rootline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The word-wide tests of {@link FastLines} against the byte-at-a-time reading they replace:
 * every byte value in every position of a shape, and blanks wherever they may fall, the
 * array's end and stale bytes past the range included.
 */
class FastLinesTest {

    private static final String[] SHAPES = {"dddd-dd-", "dd?dd:dd", "d:dd:dd?", "[ddd.dd]"};

    @Test
    void everyByteValueInEveryPositionOfAShape() {
        for (String pattern : SHAPES) {
            FastLines.Shape shape = new FastLines.Shape(pattern);
            byte[] fitting = fitting(pattern);
            for (int k = 0; k < 8; k++) {
                for (int v = 0; v < 256; v++) {
                    byte[] b = fitting.clone();
                    b[k] = (byte) v;
                    assertEquals(bytewise(pattern, b), shape.at(b, 0), pattern + " with byte " + k + " = " + v);
                }
            }
        }
    }

    @Test
    void randomBytesNearAShape() {
        Random random = new Random(17);
        String alphabet = "0123456789:-.[] T/a\u00ff\u0000\u0039\u003a\u002f";
        for (String pattern : SHAPES) {
            FastLines.Shape shape = new FastLines.Shape(pattern);
            for (int round = 0; round < 50_000; round++) {
                byte[] b = fitting(pattern);
                for (int changes = random.nextInt(3); changes > 0; changes--) {
                    b[random.nextInt(8)] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
                }
                byte[] padded = new byte[9];
                System.arraycopy(b, 0, padded, 1, 8);
                assertEquals(bytewise(pattern, b), shape.at(padded, 1), pattern + " on " + new String(b, java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
    }

    @Test
    void firstFlaggedIsTheLowestFlaggedByte() {
        Random random = new Random(23);
        for (int round = 0; round < 100_000; round++) {
            long flags = random.nextLong() & 0x8080808080808080L;
            if (flags == 0) {
                continue;
            }
            assertEquals(Long.numberOfTrailingZeros(flags) >>> 3, FastLines.firstFlagged(flags), Long.toHexString(flags));
        }
        for (int k = 0; k < 8; k++) {
            long alone = 0x80L << (8 * k);
            assertEquals(k, FastLines.firstFlagged(alone), "byte " + k + " alone");
            assertEquals(k, FastLines.firstFlagged(alone | 0x8000000000000000L), "byte " + k + " and the top byte");
            assertEquals(k, FastLines.firstFlagged(-alone & 0x8080808080808080L), "byte " + k + " and all above");
        }
    }

    private static byte[] fitting(String pattern) {
        byte[] b = new byte[8];
        for (int k = 0; k < 8; k++) {
            char c = pattern.charAt(k);
            b[k] = (byte) (c == 'd' ? '7' : c == '?' ? 'x' : c);
        }
        return b;
    }

    private static boolean bytewise(String pattern, byte[] b) {
        for (int k = 0; k < 8; k++) {
            char c = pattern.charAt(k);
            if (c == 'd' ? !FastLines.digit(b[k]) : c != '?' && b[k] != (byte) c) {
                return false;
            }
        }
        return true;
    }
}
