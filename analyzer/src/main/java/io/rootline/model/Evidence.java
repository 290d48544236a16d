package io.rootline.model;

/**
 * Where a fact or event was read: the bundle-relative path, the 1-based line and
 * the line's text, so that every claim in a report can be checked by hand.
 */
public record Evidence(String path, int line, String text) {

    /** Evidence longer than this is cut: a report quotes a line, it does not reproduce a file. */
    public static final int MAX_TEXT = 300;

    public Evidence {
        if (text != null && text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT) + "…";
        }
    }

    public String location() {
        return path + ":" + line;
    }
}
