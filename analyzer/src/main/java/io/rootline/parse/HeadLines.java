package io.rootline.parse;

import java.util.List;
import java.util.function.Predicate;

/**
 * The first lines of a file at an unknown path, as the log formats judge them when
 * sniffing: blank lines say nothing, and a log is recognized by the share of the other
 * lines its grammar reads as its own (a log has lines of free text too).
 */
final class HeadLines {

    private HeadLines() {
    }

    /** Whether more than half of the non-blank lines fit. */
    static boolean mostFit(List<String> head, Predicate<String> fits) {
        long[] counts = counts(head, fits);
        return counts[1] > 0 && counts[0] * 2 > counts[1];
    }

    /** Whether at least a third of the non-blank lines fit. */
    static boolean aThirdFit(List<String> head, Predicate<String> fits) {
        long[] counts = counts(head, fits);
        return counts[1] > 0 && counts[0] * 3 >= counts[1];
    }

    /** How many non-blank lines fit, and how many there are. */
    private static long[] counts(List<String> head, Predicate<String> fits) {
        List<String> nonBlank = head.stream().filter(text -> !text.isBlank()).toList();
        return new long[] {nonBlank.stream().filter(fits).count(), nonBlank.size()};
    }
}
