package io.rootline.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A sentence of a rule's text, in parts: prose, and code (a command, a setting, a path) that must
 * reach the engineer exactly as written. A rule marks code with backticks in its own text; a value
 * from the bundle inserted into it is data, never markup, so no bundle can open or close a span.
 * Markdown sets each code part in a code span; the text report prints it plain and never breaks
 * it across lines; JSON gives {@link #plain()}.
 */
public record Phrase(List<Part> parts) {

    /** Prose or code, and its text. */
    public record Part(String text, boolean code) {
    }

    public Phrase {
        // neighbours of one kind are one part
        List<Part> merged = new ArrayList<>();
        for (Part p : parts) {
            if (p.text().isEmpty()) {
                continue;
            }
            if (!merged.isEmpty() && merged.get(merged.size() - 1).code() == p.code()) {
                Part last = merged.remove(merged.size() - 1);
                merged.add(new Part(last.text() + p.text(), p.code()));
            } else {
                merged.add(p);
            }
        }
        parts = List.copyOf(merged);
    }

    public static Phrase prose(String text) {
        return new Phrase(List.of(new Part(text, false)));
    }

    /** The sentence as plain text: what JSON gives and the text report prints. */
    public String plain() {
        StringBuilder b = new StringBuilder();
        parts.forEach(p -> b.append(p.text()));
        return b.toString();
    }

    /** The code parts, in order: what an engineer copies. */
    public List<String> code() {
        return parts.stream().filter(Part::code).map(Part::text).toList();
    }

    @Override
    public String toString() {
        return plain();
    }
}
