package io.rootline.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * WordSet finds words through a pair of their bytes, eight positions at a time; these tests
 * compare it with {@link String#contains} wherever a word may fall: across the eight-byte
 * steps, at the edges of the range and of the array, next to false flags of the word-wide
 * test, and next to stale bytes past the range that would complete a word.
 */
class WordSetTest {

    private static final String[] KERNEL = {"table full", "suppressed", "able overflow", "SYN flooding"};
    private static final String[] APP = {"Exception", "Error"};
    private static final String[] SHARING = {"Exception", "Error", "Epoch"};

    @Test
    void agreesWithContainsOnRandomText() {
        Random random = new Random(9);
        // four pairs, two sharing their first byte (one test covers both), three sharing it, one,
        // the kernel's words through named pairs, two and three pairs (the four-pair test with
        // stand-ins), and five (the loop over the pairs)
        String[] two = {KERNEL[0], KERNEL[1]};
        String[] three = {KERNEL[0], KERNEL[1], KERNEL[2]};
        String[] five = {KERNEL[0], KERNEL[1], KERNEL[2], KERNEL[3], "Exception"};
        // and the kernel message table's anchors: many pairs, found through the table of pairs
        String[] anchors = KernelMessageTable.bundled().rows().stream().map(KernelMessageTable.Row::anchor).distinct()
                .toArray(String[]::new);
        String[][] wordsOfSet = {KERNEL, APP, SHARING, {"Exception"}, KERNEL, two, three, five, anchors};
        WordSet[] sets = {new WordSet(KERNEL), new WordSet(APP), WordSet.through("Exception", "Ex", "Error", "Er", "Epoch", "Ep"),
            new WordSet("Exception"), WordSet.through("table full", "fu", "suppressed", "ss", "able overflow", "fl", "SYN flooding", "YN"),
            new WordSet(two), new WordSet(three), new WordSet(five), new WordSet(anchors)};
        for (int s = 0; s < sets.length; s++) {
            String[] words = wordsOfSet[s];
            WordSet set = sets[s];
            // "Ep" and "Ez" pass the shared test for "Ex" and "Er" and must be dismissed
            String pieces = "abEeNnprsStuvxYlfoz  \u00e9";
            for (int round = 0; round < 20_000; round++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(60);
                while (text.length() < length) {
                    if (random.nextInt(8) == 0) {
                        String word = words[random.nextInt(words.length)];
                        // sometimes a word with a letter changed, which must not be found
                        text.append(random.nextBoolean() ? word : word.substring(0, word.length() - 1));
                    } else {
                        text.append(pieces.charAt(random.nextInt(pieces.length())));
                    }
                }
                // past the range: nothing, "##", or what a longer line left in the buffer
                String after = switch (round % 3) {
                    case 0 -> "";
                    case 1 -> "##";
                    default -> words[random.nextInt(words.length)].substring(1) + "##########";
                };
                byte[] bytes = ("##" + text + after).getBytes(StandardCharsets.ISO_8859_1);
                int from = 2;
                int to = 2 + text.length();
                boolean expected = false;
                for (String word : words) {
                    expected |= text.toString().contains(word);
                }
                assertEquals(expected, set.foundIn(bytes, from, to), "\"" + text + "\" in " + String.join("|", words));
            }
        }
    }

    @Test
    void aWordMustLieWhollyInsideTheRange() {
        WordSet set = new WordSet(APP);
        byte[] line = "xxError: java.lang.OutOfMemoryErr".getBytes(StandardCharsets.US_ASCII);
        assertTrue(set.foundIn(line, 0, line.length));
        assertFalse(set.foundIn(line, 3, line.length), "starts before the range");
        assertFalse(set.foundIn(line, 0, 6), "ends after the range");
        assertTrue(set.foundIn(line, 2, 7));
        WordSet kernel = new WordSet(KERNEL);
        byte[] drop = "nf_conntrack: table full, dropping packet".getBytes(StandardCharsets.US_ASCII);
        assertTrue(kernel.foundIn(drop, 14, drop.length));
        assertFalse(kernel.foundIn(drop, 16, drop.length), "the anchor is inside the range, the word's start is not");
    }

    @Test
    void staleBytesPastTheRangeNeverCompleteAWord() {
        WordSet set = new WordSet(APP);
        // a short line read into the buffer a longer one filled: "...Err" is the line, "or" is stale
        byte[] buffer = "2024-03-01 12:00:00 GET /x Error and more stale bytes".getBytes(StandardCharsets.US_ASCII);
        int to = "2024-03-01 12:00:00 GET /x Err".length();
        assertFalse(set.foundIn(buffer, 0, to));
        assertTrue(set.foundIn(buffer, 0, to + 2));
        byte[] exact = "GET Exceptio".getBytes(StandardCharsets.US_ASCII);
        assertFalse(set.foundIn(exact, 0, exact.length), "the array ends inside the word");
    }

    @Test
    void aWordOfOneByteIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new WordSet("x"));
    }

    @Test
    void aNamedPairMustBeTwoBytesOfItsWord() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> WordSet.through("table full", "fx"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> WordSet.through("table full", "ful"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> WordSet.through("table full"));
        // a pair anywhere in the word, the last two bytes included
        WordSet set = WordSet.through("table full", "ll");
        byte[] line = "nf_conntrack: table full, dropping packet".getBytes(StandardCharsets.US_ASCII);
        assertTrue(set.foundIn(line, 0, line.length));
        assertFalse(set.foundIn(line, 0, 23), "the word is cut before its end");
    }
}
