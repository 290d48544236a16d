package io.rootline.parse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Tells whether any of a few ASCII words occurs in a line, eight bytes at a time.
 *
 * <p>Fast paths ask this of every line ("does it hold 'Exception' or 'Error'?") and the
 * answer is nearly always no, so it has to cost less than looking at each byte. Each word
 * is found through two neighbouring bytes of it, its anchor pair, chosen around the byte
 * rarest in log text (capitals first, then letters like 'x', 'v', 'b'): "Ex" for Exception,
 * "Er" for Error, so the "E" of every "GET" costs nothing. A word-wide test finds the pair
 * at any of eight positions at once, and only where it occurs is the whole word compared.
 * Whether a word occurs is all it says; the grammar decides what the line means.
 *
 * <p>The word-wide test reads the array past {@code to} (up to its end): a line buffer
 * holds stale bytes there, and a flag among them is dismissed by the comparison, which
 * stays within the range. So no line pays a byte-at-a-time tail.
 */
final class WordSet {

    /** Letters from rarest to commonest in log text; a word's pair is built around the first of these it holds. */
    private static final String RARITY = "QZJXKVYWBGFPMHDCULSNTORIAEqzjxkvywbgfpmhdculsntoriae";

    private final byte[][] words;
    /** For each word, where its anchor pair starts in it. */
    private final int[] pairAt;
    /** The distinct pairs' first and second bytes, each repeated over a long for the word-wide test. */
    private final long[] firsts;
    private final long[] seconds;
    /**
     * When every pair starts with the same byte (the application log's "Ex" and "Er"), the
     * bits on which all their second bytes agree, repeated over a long; 0 otherwise. One test
     * then covers them all (see {@link #foundInSharingFirst}).
     */
    private final long secondsAgree;
    /**
     * For more than four pairs (the kernel message table's anchors): a bit per possible pair of
     * bytes, set for the pairs in use. A byte at a time, each byte one lookup: a test per pair
     * of each eight bytes would cost more once the pairs are many.
     */
    private final long[] pairBits;

    /** Words each found through the pair built around its rarest letter (see {@link #RARITY}). */
    WordSet(String... words) {
        this(words, anchorPairs(words));
    }

    /**
     * Words each found through a pair the caller names, alternately: word, pair, word,
     * pair... For where real logs show a pair rarer than the letter ranking's choice: the
     * ranking picks "pp" for "suppressed", and "pp" stands in 42 % of real kernel lines
     * ("apparmor", "supported", "mapped"), each then compared in vain.
     */
    static WordSet through(String... wordsAndPairs) {
        if (wordsAndPairs.length % 2 != 0) {
            throw new IllegalArgumentException("a pair for each word: " + String.join(", ", wordsAndPairs));
        }
        String[] words = new String[wordsAndPairs.length / 2];
        String[] pairs = new String[words.length];
        for (int k = 0; k < words.length; k++) {
            words[k] = wordsAndPairs[2 * k];
            pairs[k] = wordsAndPairs[2 * k + 1];
        }
        return new WordSet(words, pairs);
    }

    private WordSet(String[] words, String[] pairOfWord) {
        this.words = new byte[words.length][];
        this.pairAt = new int[words.length];
        List<String> pairs = new ArrayList<>();
        for (int k = 0; k < words.length; k++) {
            pairAt[k] = words[k].indexOf(pairOfWord[k]);
            if (pairOfWord[k].length() != 2 || pairAt[k] < 0) {
                throw new IllegalArgumentException("\"" + pairOfWord[k] + "\" is not a pair of \"" + words[k] + "\"");
            }
            this.words[k] = words[k].getBytes(StandardCharsets.US_ASCII);
            if (!pairs.contains(pairOfWord[k])) {
                pairs.add(pairOfWord[k]);
            }
        }
        firsts = new long[pairs.size()];
        seconds = new long[pairs.size()];
        long agree = -1L;
        for (int p = 0; p < pairs.size(); p++) {
            firsts[p] = FastLines.broadcast((byte) pairs.get(p).charAt(0));
            seconds[p] = FastLines.broadcast((byte) pairs.get(p).charAt(1));
            agree = firsts[p] == firsts[0] ? agree & ~(seconds[p] ^ seconds[0]) : 0;
        }
        secondsAgree = pairs.size() > 1 ? agree : 0;
        pairBits = new long[65536 / 64];
        for (String pair : pairs) {
            int index = (pair.charAt(0) & 0xFF) << 8 | (pair.charAt(1) & 0xFF);
            pairBits[index >>> 6] |= 1L << index;
        }
    }

    /** Words each found through the pair built around its rarest letter; an empty set finds nothing. */
    static WordSet of(java.util.Collection<String> words) {
        return new WordSet(words.toArray(String[]::new));
    }

    /** Each word's pair around its rarest letter: that letter and the next, or the last two. */
    private static String[] anchorPairs(String... words) {
        String[] pairs = new String[words.length];
        for (int k = 0; k < words.length; k++) {
            if (words[k].length() < 2) {
                throw new IllegalArgumentException("a word of two bytes at least: " + words[k]);
            }
            int anchor = anchorOf(words[k]);
            int at = anchor + 1 < words[k].length() ? anchor : anchor - 1;
            pairs[k] = words[k].substring(at, at + 2);
        }
        return pairs;
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

    /**
     * Whether some word occurs wholly within {@code b[from, to)}. A pair is at a byte when
     * both its bytes match there, that is when {@code (first ^ f) | (second ^ s)} is zero
     * there: one zero-byte test per pair. Pairs that share their first byte need only one test
     * between them (see {@link #foundInSharingFirst}); the set is asked of every line of the
     * largest files.
     */
    boolean foundIn(byte[] b, int from, int to) {
        if (firsts.length == 0) {
            return false;
        }
        return secondsAgree != 0 ? foundInSharingFirst(b, from, to)
                : firsts.length <= 4 ? foundInFour(b, from, to) : foundInMany(b, from, to);
    }

    /**
     * The test for up to four pairs (the kernel log's): each pair's bytes in locals, where
     * the first-tier compiler keeps them in registers, and the four tests written out, the
     * first pair standing in for any missing one. A loop over the pairs' arrays cost two
     * loads and a branch per pair and word.
     */
    private boolean foundInFour(byte[] b, int from, int to) {
        int pairs = firsts.length;
        long f0 = firsts[0];
        long s0 = seconds[0];
        long f1 = firsts[pairs > 1 ? 1 : 0];
        long s1 = seconds[pairs > 1 ? 1 : 0];
        long f2 = firsts[pairs > 2 ? 2 : 0];
        long s2 = seconds[pairs > 2 ? 2 : 0];
        long f3 = firsts[pairs > 3 ? 3 : 0];
        long s3 = seconds[pairs > 3 ? 3 : 0];
        int i = from;
        for (int last = b.length - Long.BYTES - 1; i < to && i <= last; i += Long.BYTES) {
            long first = FastLines.eightBytes(b, i);
            long second = FastLines.eightBytes(b, i + 1);
            long hits = FastLines.zeroBytes((first ^ f0) | (second ^ s0)) | FastLines.zeroBytes((first ^ f1) | (second ^ s1))
                    | FastLines.zeroBytes((first ^ f2) | (second ^ s2)) | FastLines.zeroBytes((first ^ f3) | (second ^ s3));
            if (hits != 0 && wordAtAnyOf(b, from, to, i, hits)) {
                return true;
            }
        }
        return foundInTail(b, from, to, i);
    }

    /**
     * The test for pairs that share their first byte: with {@code s} the first pair's second
     * byte, {@code (second ^ s) & agree} is zero exactly where the second byte matches it on the
     * bits all the pairs' second bytes agree on, so where any of them stands, and a few other bytes ("Ep", "Ez" besides "Er" and
     * "Ex"), which the comparison of the whole word dismisses. The values are in locals: the
     * first-tier compiler keeps them in registers.
     */
    private boolean foundInSharingFirst(byte[] b, int from, int to) {
        long f = firsts[0];
        long s = seconds[0];
        long agree = secondsAgree;
        int i = from;
        // the pair's second bytes are read one further on: 9 bytes from i must be in the array
        for (int last = b.length - Long.BYTES - 1; i < to && i <= last; i += Long.BYTES) {
            long first = FastLines.eightBytes(b, i);
            long second = FastLines.eightBytes(b, i + 1);
            long hits = FastLines.zeroBytes((first ^ f) | ((second ^ s) & agree));
            if (hits != 0 && wordAtAnyOf(b, from, to, i, hits)) {
                return true;
            }
        }
        return foundInTail(b, from, to, i);
    }

    private boolean foundInMany(byte[] b, int from, int to) {
        long[] bits = pairBits;
        int previous = from < to ? b[from] & 0xFF : 0;
        for (int i = from + 1; i < to; i++) {
            int current = b[i] & 0xFF;
            int index = previous << 8 | current;
            if ((bits[index >>> 6] & (1L << index)) != 0 && wordAt(b, from, to, i - 1)) {
                return true;
            }
            previous = current;
        }
        return false;
    }

    /** The last bytes, one at a time, when the array ends too soon for the word-wide test. */
    private boolean foundInTail(byte[] b, int from, int to, int i) {
        for (; i < to; i++) {
            if (wordAt(b, from, to, i)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word has its pair at one of the flagged bytes of the eight from {@code i}. */
    private boolean wordAtAnyOf(byte[] b, int from, int to, int i, long hits) {
        for (; hits != 0; hits &= hits - 1) {
            if (wordAt(b, from, to, i + FastLines.firstFlagged(hits))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a word whose pair starts at {@code at} lies there within the range (a flag may be false: the bytes decide). */
    private boolean wordAt(byte[] b, int from, int to, int at) {
        for (int k = 0; k < words.length; k++) {
            int start = at - pairAt[k];
            if (start >= from && FastLines.startsWith(b, to, start, words[k])) {
                return true;
            }
        }
        return false;
    }
}
