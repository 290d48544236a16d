package io.rootline.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte tests the hand-written fast paths share. A fast path looks at a line's raw bytes
 * and takes only lines whose every token it can classify exactly as the grammar's lexer
 * would; every other line is decoded and handed to the grammar. Non-ASCII bytes never
 * look like ASCII punctuation in UTF-8 or Latin-1, so judging the bytes is judging the text.
 * FastPathAgreementTest proves the two ways agree.
 */
final class FastLines {

    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    /** The high bit of each byte: where {@link #zeroBytes} and the like flag a byte. */
    static final long HIGHS = 0x8080808080808080L;

    private FastLines() {
    }

    /** The eight bytes from {@code at}, the first in the lowest bits. */
    static long eightBytes(byte[] b, int at) {
        return (long) EIGHT_BYTES.get(b, at);
    }

    /** {@code c} in each of a long's eight bytes, to find it with {@link #zeroBytes}. */
    static long broadcast(byte c) {
        return ONES * (c & 0xff);
    }

    /**
     * Flags (high bit) the bytes of {@code eight} that are zero; {@code zeroBytes(eight ^ broadcast(c))}
     * flags the bytes equal to c. Bytes above a flagged byte may be flagged falsely, but the
     * lowest flag (the first byte in memory) is always exact.
     */
    static long zeroBytes(long eight) {
        return (eight - ONES) & ~eight & HIGHS;
    }

    /** Each byte's index, in the byte that {@link #firstFlagged}'s product brings to the top. */
    private static final long BYTE_INDICES = 0x0001020304050607L;

    /**
     * The index (0-7) of the lowest byte whose high bit is set in {@code flags}, which must
     * not be 0: where {@link #zeroBytes} found its first byte. {@code Long.numberOfTrailingZeros}
     * would do, but the first-tier compiler calls it out of line (it is no intrinsic there,
     * and too long to inline), once for every line of a bundle. Here the lowest flag,
     * isolated and moved to bit 8k, multiplies a constant whose byte 7-k holds k, which the
     * product's top byte then shows.
     */
    static int firstFlagged(long flags) {
        return (int) ((((flags & -flags) >>> 7) * BYTE_INDICES) >>> 56);
    }

    /**
     * A fixed pattern of eight bytes, judged in one go: 'd' stands for an ASCII digit, '?' for
     * any byte, any other character for itself. Stamps are checked this way: "dddd-dd-" is
     * a date's first eight bytes.
     */
    static final class Shape {
        private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;
        private final long digits;
        private final long digitHighs;
        private final long toCarry;
        private final long marked;
        private final long marks;

        Shape(String pattern) {
            if (pattern.length() != Long.BYTES) {
                throw new IllegalArgumentException("a shape is eight bytes: " + pattern);
            }
            long d = 0;
            long m = 0;
            long v = 0;
            for (int k = 0; k < Long.BYTES; k++) {
                char c = pattern.charAt(k);
                if (c == 'd') {
                    d |= 0xFFL << (8 * k);
                } else if (c != '?') {
                    m |= 0xFFL << (8 * k);
                    v |= (long) (c & 0xFF) << (8 * k);
                }
            }
            digits = d;
            digitHighs = 0x3030303030303030L & d;
            toCarry = 0x0606060606060606L & d;
            marked = m;
            marks = v;
        }

        /**
         * Whether the eight bytes from {@code at} (which must be in the array) fit. A digit is
         * a byte 0x30-0x3F whose value plus 6 stays below 0x40; the first test keeps the
         * addition from carrying into a neighbouring byte.
         */
        boolean at(byte[] b, int at) {
            long eight = eightBytes(b, at);
            return (eight & marked) == marks && (eight & HIGH_NIBBLES & digits) == digitHighs
                    && ((eight + toCarry) & HIGH_NIBBLES & digits) == digitHighs;
        }
    }

    static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** What the fast-path grammars skip as SPACE: blanks, and a carriage return inside a line. */
    static boolean blank(byte c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    /** An ASCII letter. */
    static boolean letter(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Whether {@code b} has {@code count} digits from {@code at} (within {@code n}). */
    static boolean digits(byte[] b, int n, int at, int count) {
        if (at + count > n) {
            return false;
        }
        for (int i = at; i < at + count; i++) {
            if (!digit(b[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether java.time accepts this date and time of day, decided without building one
     * (Stamps would throw for exactly the others): fast paths give impossible stamps to the
     * grammar path, which reports them.
     */
    static boolean validDateTime(int year, int month, int day, int hour, int minute, int second) {
        return month >= 1 && month <= 12 && day >= 1 && day <= java.time.Month.of(month).length(java.time.Year.isLeap(year))
                && hour <= 23 && minute <= 59 && second <= 59;
    }

    private static final byte[] MONTHS = ascii("JanFebMarAprMayJunJulAugSepOctNovDec");

    /** Which month's English abbreviation stands at {@code at} (0 for January), or -1; the caller checked the length. */
    static int monthAt(byte[] b, int at) {
        for (int m = 0; m < 12; m++) {
            if (b[at] == MONTHS[3 * m] && b[at + 1] == MONTHS[3 * m + 1] && b[at + 2] == MONTHS[3 * m + 2]) {
                return m;
            }
        }
        return -1;
    }

    /** The two-digit number at {@code at}. */
    static int two(byte[] b, int at) {
        return (b[at] - '0') * 10 + b[at + 1] - '0';
    }

    static boolean startsWith(byte[] b, int n, int at, byte[] word) {
        if (at + word.length > n) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            if (b[at + k] != word[k]) {
                return false;
            }
        }
        return true;
    }

    static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
