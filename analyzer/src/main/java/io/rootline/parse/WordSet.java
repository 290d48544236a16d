package io.rootline.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells whether any of a few ASCII words occurs in a line, eight bytes at a time.
 *
 * <p>Fast paths ask this of every line ("does it hold 'Exception' or 'Error'?") and the
 * answer is nearly always no, so it has to cost less than looking at each byte. Each word
 * is found through one of its bytes, its anchor, chosen to be rare in log text (capitals
 * first, then letters like 'x', 'v', 'b'); a word-wide test finds that byte in eight bytes
 * at once, and only where it occurs is the whole word compared. Whether a word occurs is
 * all it says; the grammar decides what the line means.
 */
final class WordSet {

    /** Letters from rarest to commonest in log text; an anchor is the first of these a word holds. */
    private static final String RARITY = "QZJXKVYWBGFPMHDCULSNTORIAEqzjxkvywbgfpmhdculsntoriae";

    private final byte[][] words;
    /** For each word, where its anchor is. */
    private final int[] anchorAt;
    /** The distinct anchor bytes, each repeated over a long for the word-wide test. */
    private final long[] anchorWords;
    private final byte[] anchors;
    /** For each distinct anchor, the words it finds. */
    private final int[][] wordsOf;

    WordSet(String... words) {
        this.words = new byte[words.length][];
        this.anchorAt = new int[words.length];
        List<Byte> distinct = new ArrayList<>();
        List<List<Integer>> found = new ArrayList<>();
        for (int k = 0; k < words.length; k++) {
            byte[] word = words[k].getBytes(StandardCharsets.US_ASCII);
            this.words[k] = word;
            anchorAt[k] = anchorOf(words[k]);
            byte anchor = word[anchorAt[k]];
            int index = distinct.indexOf(anchor);
            if (index < 0) {
                distinct.add(anchor);
                found.add(new ArrayList<>());
                index = distinct.size() - 1;
            }
            found.get(index).add(k);
        }
        anchors = new byte[distinct.size()];
        anchorWords = new long[distinct.size()];
        wordsOf = new int[distinct.size()][];
        for (int a = 0; a < anchors.length; a++) {
            anchors[a] = distinct.get(a);
            anchorWords[a] = FastLines.broadcast(anchors[a]);
            wordsOf[a] = found.get(a).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    private static int anchorOf(String word) {
        for (int r = 0; r < RARITY.length(); r++) {
            int at = word.indexOf(RARITY.charAt(r));
            if (at >= 0) {
                return at;
            }
        }
        return 0;
    }

    /** Whether some word occurs wholly within {@code b[from, to)}. */
    boolean foundIn(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long eight = FastLines.eightBytes(b, i);
            long hits = FastLines.zeroBytes(eight ^ anchorWords[0]);
            for (int a = 1; a < anchorWords.length; a++) {
                hits |= FastLines.zeroBytes(eight ^ anchorWords[a]);
            }
            if (hits != 0 && wordAtAnyOf(b, from, to, i, hits)) {
                return true;
            }
        }
        for (; i < to; i++) {
            if (wordAt(b, from, to, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word has its anchor at one of the flagged bytes of the eight from {@code i}. */
    private boolean wordAtAnyOf(byte[] b, int from, int to, int i, long hits) {
        for (; hits != 0; hits &= hits - 1) {
            if (wordAt(b, from, to, i + (Long.numberOfTrailingZeros(hits) >>> 3))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word has its anchor at {@code at} (flags may be false: the byte itself decides). */
    private boolean wordAt(byte[] b, int from, int to, int at) {
        for (int a = 0; a < anchors.length; a++) {
            if (b[at] == anchors[a] && wordAround(a, b, from, to, at)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word anchored by anchor {@code a} has its anchor at {@code at}. */
    private boolean wordAround(int a, byte[] b, int from, int to, int at) {
        for (int k : wordsOf[a]) {
            int start = at - anchorAt[k];
            if (start >= from && FastLines.startsWith(b, to, start, words[k])) {
                return true;
            }
        }
        return false;
    }
}
