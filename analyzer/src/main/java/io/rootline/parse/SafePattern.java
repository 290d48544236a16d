package io.rootline.parse;

import java.util.regex.Pattern;

/**
 * A rule's (or a kernel message row's) regular expression, protected against catastrophic backtracking. Java's
 * engine backtracks exponentially on patterns such as {@code (a+)+$}; a rule file is
 * user input, and a bundle line is hostile input, so every match runs under a step
 * budget. At load time the pattern is tried on inputs that make such patterns explode,
 * and refused if it exceeds the budget there.
 */
public final class SafePattern {

    /** Characters the engine may read for one match: ample for a 300-character line. */
    public static final long BUDGET = 2_000_000;

    private static final String[] PROBES = {
        "a".repeat(32), "a".repeat(32) + "!", "1".repeat(32) + "x", " ".repeat(32) + "x", "ab".repeat(16) + "!",
        "word ".repeat(12) + "!", "a.".repeat(16) + "!", "x=".repeat(16) + "\n",
    };

    private final Pattern pattern;

    private SafePattern(Pattern pattern) {
        this.pattern = pattern;
    }

    /** @throws IllegalArgumentException when the pattern backtracks catastrophically */
    public static SafePattern compile(String regex) {
        Pattern p = Pattern.compile(regex);
        for (String probe : PROBES) {
            try {
                p.matcher(new Budgeted(probe)).find();
            } catch (Budgeted.Exhausted e) {
                throw new IllegalArgumentException("the pattern backtracks catastrophically (it took over " + BUDGET
                        + " steps on \"" + probe.strip() + "\"); avoid nested repetition such as ((a+)+b)+");
            }
        }
        return new SafePattern(p);
    }

    /**
     * Whether the text contains a match. A line that exhausts the budget (one the load-time
     * probes did not foresee) counts as no match: a hostile line cannot stall the analysis.
     */
    public boolean find(String text) {
        try {
            return pattern.matcher(new Budgeted(text)).find();
        } catch (Budgeted.Exhausted e) {
            return false;
        }
    }

    /**
     * The named groups of the first match in the text ({@code iface} to "eth0"), those that took
     * part; null when there is no match (or the budget ran out on it).
     */
    public java.util.Map<String, String> groups(String text, java.util.List<String> names) {
        try {
            java.util.regex.Matcher m = pattern.matcher(new Budgeted(text));
            if (!m.find()) {
                return null;
            }
            java.util.Map<String, String> groups = new java.util.TreeMap<>();
            for (String name : names) {
                String value = m.group(name);
                if (value != null) {
                    groups.put(name, value);
                }
            }
            return groups;
        } catch (Budgeted.Exhausted e) {
            return null;
        }
    }

    /** The names of the pattern's named groups, in the order they open. */
    public java.util.List<String> groupNames() {
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.regex.Matcher m = Pattern.compile("\\(\\?<([A-Za-z][A-Za-z0-9]*)>").matcher(pattern.pattern());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Override
    public String toString() {
        return pattern.pattern();
    }

    /** A string whose characters may be read only so many times in all. */
    private static final class Budgeted implements CharSequence {
        static final class Exhausted extends RuntimeException {
            Exhausted() {
                super(null, null, false, false);
            }
        }

        private final String text;
        private final long[] left;

        Budgeted(String text) {
            this(text, new long[] {BUDGET});
        }

        private Budgeted(String text, long[] left) {
            this.text = text;
            this.left = left;
        }

        @Override
        public char charAt(int index) {
            if (--left[0] < 0) {
                throw new Exhausted();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Budgeted(text.substring(start, end), left);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
