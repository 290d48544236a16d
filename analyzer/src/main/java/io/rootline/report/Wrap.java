package io.rootline.report;

import io.rootline.model.Phrase;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines of a phrase for the terminal: prose breaks at blanks, a code part (a command) is never
 * broken, and one longer than the width stands on a line of its own, whole, to be copied.
 */
final class Wrap {

    /** Columns when stdout is not a terminal, or the launcher did not tell its width. */
    static final int DEFAULT_COLUMNS = 100;

    private Wrap() {
    }

    /** The width to wrap at: the terminal's, as the launcher tells it ({@code -Drootline.columns}), else 100. */
    static int columns() {
        Integer told = Integer.getInteger("rootline.columns");
        return told == null || told < 40 ? DEFAULT_COLUMNS : told;
    }

    /**
     * The phrase broken at blanks of its prose only: a command's own blanks never break it, and
     * the prose that touches a command ("(now 4096)") stays with it.
     *
     * @param first  what the first line starts with ("  - ")
     * @param indent what the lines after it start with
     */
    static List<String> lines(Phrase phrase, int width, String first, String indent) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (Phrase.Part part : phrase.parts()) {
            for (int i = 0; i < part.text().length(); i++) {
                char c = part.text().charAt(i);
                if (c == ' ' && !part.code()) {
                    if (word.length() > 0) {
                        words.add(word.toString());
                        word.setLength(0);
                    }
                } else {
                    word.append(c);
                }
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        int start = first.length();
        for (String w : words) {
            boolean empty = line.length() == start;
            if (!empty && line.length() + 1 + w.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
                start = indent.length();
                empty = true;
            }
            line.append(empty ? "" : " ").append(w);
        }
        lines.add(line.toString());
        return lines;
    }
}
