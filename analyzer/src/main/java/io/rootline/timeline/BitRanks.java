package io.rootline.timeline;

import java.util.BitSet;

/**
 * A fixed set of positions, each numbered by its rank (how many of the set come before it),
 * at a cost of a bit per position and an int per 64. Columns indexed by rank then hold a
 * value for the positions in the set only: the bursts of an artifact, or the few of them
 * that are more than one event, kept at the positions of their first events.
 */
final class BitRanks {

    private final long[] words;
    /** The set positions in the words before each word. */
    private final int[] before;
    private final int count;

    BitRanks(BitSet positions) {
        words = positions.toLongArray();
        before = new int[words.length];
        for (int w = 1; w < words.length; w++) {
            before[w] = before[w - 1] + Long.bitCount(words[w - 1]);
        }
        count = positions.cardinality();
    }

    /** How many positions are in the set. */
    int count() {
        return count;
    }

    boolean contains(int position) {
        int w = position >>> 6;
        return position >= 0 && w < words.length && (words[w] & (1L << position)) != 0;
    }

    /**
     * The rank of a position in the set: 0 for the first, {@code count() - 1} for the last.
     *
     * @throws IllegalArgumentException when the position is not in the set
     */
    int rank(int position) {
        if (!contains(position)) {
            throw new IllegalArgumentException("position " + position + " is not in the set");
        }
        int w = position >>> 6;
        return before[w] + Long.bitCount(words[w] & ((1L << position) - 1));
    }
}
