package io.rootline.parse;

import java.io.IOException;
import java.util.List;

/**
 * Turns the lines of one artifact into facts, events and tables. One implementation
 * per artifact format; each drives its own ANTLR grammar one line at a time.
 * Implementations are not thread-safe: create one per artifact.
 */
public interface ArtifactParser {

    /** Called for every line, in order, with its 1-based number. */
    void line(int number, String text, ArtifactBuilder out);

    /**
     * A fast path: takes a line as raw bytes (the first {@code length} of {@code bytes}) when
     * it fully understands it, with exactly the effect {@link #line} would have, and returns
     * true; returns false to have the line decoded and given to {@link #line}.
     */
    default boolean fastLine(int number, byte[] bytes, int length, ArtifactBuilder out) {
        return false;
    }

    /**
     * Reads lines, counting each, for as long as {@link #fastLine} takes them; returns the
     * length of the first line it did not take (still current in {@code lines}: one
     * {@link #fastLine} refused, or a cut line, which it did not offer), or -1 at the end.
     *
     * <p>A parser with a fast path overrides this with the same four lines, on purpose: in
     * its own copy of the loop the JIT sees one receiver for {@code fastLine}, inlines it and
     * keeps it compiled, where a loop shared by every parser is thrown away and recompiled
     * each time a parser of another class meets it (seconds, on a big bundle).
     */
    default int fastLines(LineReader lines, ArtifactBuilder out) throws IOException {
        return lines.nextRaw();
    }

    /** Called once after the last line, for aggregates computed over the whole artifact. */
    default void finish(ArtifactBuilder out) {
    }

    /**
     * Whether an empty file is a valid capture of this format: an empty conntrack
     * table is, an empty {@code netstat -s} is a failed command.
     */
    default boolean emptyIsValid() {
        return false;
    }

    /**
     * Whether the first lines of a file at an unknown path look like this format.
     * Used to sniff content ("netstat.txt" that really is {@code netstat -s}).
     */
    boolean recognizes(List<String> head);
}
