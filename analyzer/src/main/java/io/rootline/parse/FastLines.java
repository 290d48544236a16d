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
    private static final long HIGHS = 0x8080808080808080L;

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
