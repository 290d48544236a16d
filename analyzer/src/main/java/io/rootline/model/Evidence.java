package io.rootline.model;

/**
 * Where a fact or event was read: the bundle-relative path, the 1-based line and
 * the line's text, so that every claim in a report can be checked by hand.
 */
public record Evidence(String path, int line, String text) {

    /** Evidence longer than this is cut: a report quotes a line, it does not reproduce a file. */
    public static final int MAX_TEXT = 300;

    public Evidence {
        if (text != null) {
            text = printable(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text);
        }
    }

    /**
     * The text with control characters (NUL, ESC, ...) written as {@code \xNN}: quoted lines
     * come from untrusted files and must not drive a terminal or break a report.
     */
    public static String printable(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t') || c == 0x7F || (c >= 0x80 && c < 0xA0);
            if (control && b == null) {
                b = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (b != null) {
                if (control) {
                    b.append(String.format("\\x%02X", (int) c));
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? text : b.toString();
    }

    public String location() {
        return path + ":" + line;
    }
}
