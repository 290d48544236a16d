package io.rootline.parse;

/**
 * Character tests the hand-written fast paths share. Each fast path takes only lines
 * whose every token it can classify exactly as the grammar's lexer would, and hands
 * every other line to the grammar; FastPathAgreementTest proves the two agree.
 */
final class FastLines {

    private FastLines() {
    }

    static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Whether the line holds a character no lexer rule accepts mid-line (a carriage return). */
    static boolean hasStrayControl(String line) {
        return line.indexOf('\r') >= 0;
    }

    /** Whether {@code s} has {@code n} digits from {@code at}. */
    static boolean digits(String s, int at, int n) {
        if (at + n > s.length()) {
            return false;
        }
        for (int i = at; i < at + n; i++) {
            if (!digit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
