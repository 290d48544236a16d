package io.rootline.parse;

import java.nio.charset.StandardCharsets;

/**
 * Tells whether any of a few ASCII words occurs in a line, looking at only some of its bytes.
 *
 * <p>Fast paths ask this of every line ("does it hold 'Exception' or 'Error'?"), and the
 * answer is nearly always no, so the search is Horspool's, extended to a set of words: a
 * window as long as the shortest word slides along the line, and the byte under its last
 * position says how far it can jump without passing a possible match. On log text a
 * five-letter set looks at about one byte in four. Whether a word occurs is all it says;
 * the grammar decides what the line means.
 */
final class WordSet {

    private final byte[][] words;
    /** The length of the shortest word: the window. */
    private final int window;
    /** How far the window may move when this byte is under its last position. */
    private final int[] shift = new int[256];
    /** Whether this byte, under the window's last position, can end a word's first {@link #window} bytes. */
    private final boolean[] lastOfWindow = new boolean[256];

    WordSet(String... words) {
        this.words = new byte[words.length][];
        int shortest = Integer.MAX_VALUE;
        for (int i = 0; i < words.length; i++) {
            this.words[i] = words[i].getBytes(StandardCharsets.US_ASCII);
            shortest = Math.min(shortest, this.words[i].length);
        }
        window = shortest;
        java.util.Arrays.fill(shift, window);
        for (byte[] word : this.words) {
            for (int i = 0; i < window - 1; i++) {
                shift[word[i] & 0xff] = Math.min(shift[word[i] & 0xff], window - 1 - i);
            }
            lastOfWindow[word[window - 1] & 0xff] = true;
        }
    }

    /** Whether some word occurs wholly within {@code b[from, to)}. */
    boolean foundIn(byte[] b, int from, int to) {
        for (int last = from + window - 1; last < to; ) {
            int c = b[last] & 0xff;
            if (lastOfWindow[c] && startsAt(b, to, last - window + 1)) {
                return true;
            }
            last += shift[c];
        }
        return false;
    }

    private boolean startsAt(byte[] b, int to, int at) {
        for (byte[] word : words) {
            if (FastLines.startsWith(b, to, at, word)) {
                return true;
            }
        }
        return false;
    }
}
