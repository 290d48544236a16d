package io.rootline.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Exact number handling shared by parsers, rules and renderers. */
public final class Numbers {

    private Numbers() {
    }

    /** The decimal value of a trimmed text, or null when it is not a plain decimal number. */
    public static BigDecimal parseDecimal(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (t.isEmpty() || t.length() > 60) {
            return null;
        }
        int start = (t.charAt(0) == '-' || t.charAt(0) == '+') ? 1 : 0;
        boolean digit = false;
        boolean dot = false;
        for (int i = start; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return null;
            }
        }
        return digit ? new BigDecimal(t) : null;
    }

    /** "4908", "0.95", "12.35": integers without a fraction, others to at most two places. */
    public static String format(BigDecimal value) {
        if (value == null) {
            return "?";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return stripped.toBigInteger().toString();
        }
        return value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /**
     * The sum of two counts that are not negative, or Long.MAX_VALUE where it would overflow:
     * counts read from untrusted lines ("N callbacks suppressed") may be as large as a long,
     * and a count that large is best shown as the largest there is.
     */
    public static long saturatedSum(long a, long b) {
        return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }
}
