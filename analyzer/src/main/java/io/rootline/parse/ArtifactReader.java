package io.rootline.parse;

import io.rootline.bundle.Failures;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one artifact's bytes through its parser: line by line, each line numbered,
 * over-long lines cut and reported. When the bytes stop early (a damaged archive)
 * the artifact read so far is kept, marked partial, inside the exception.
 */
public final class ArtifactReader {

    private ArtifactReader() {
    }

    /** Thrown when reading stopped early; {@link #partial()} holds what was read. */
    public static final class Interrupted extends IOException {
        private final transient ParsedArtifact partial;

        Interrupted(ParsedArtifact partial, IOException cause) {
            super(cause.getMessage(), cause);
            this.partial = partial;
        }

        public ParsedArtifact partial() {
            return partial;
        }
    }

    public static ParsedArtifact read(ArtifactBuilder out, ArtifactParser parser, InputStream content, int maxLineBytes)
            throws Interrupted {
        return read(out, parser, content, maxLineBytes, Long.MAX_VALUE);
    }

    /**
     * Reads at most {@code maxBytes} of the artifact. A parser that fails on a line
     * (a bug, or input no test foresaw) costs that line, reported, never the analysis.
     */
    public static ParsedArtifact read(ArtifactBuilder out, ArtifactParser parser, InputStream content, int maxLineBytes,
                                      long maxBytes) throws Interrupted {
        InputStream decoded;
        try {
            decoded = Encodings.decodeToUtf8(content, out);
        } catch (IOException e) {
            out.cutShort("reading stopped before the first line: " + Failures.describe(e));
            throw new Interrupted(out.build(), e);
        }
        LineReader lines = new LineReader(decoded, maxLineBytes, maxBytes);
        try {
            while (true) {
                int length;
                try {
                    length = parser.fastLines(lines, out);
                } catch (RuntimeException e) {
                    out.lineRead();
                    unusable(lines, e, out);
                    continue;
                }
                if (length < 0) {
                    break;
                }
                out.lineRead();
                boolean cut = lines.lastLineCut();
                if (cut) {
                    out.problem(lines.lineNumber(), "line longer than " + maxLineBytes + " bytes; the rest was skipped (--max-line-bytes)");
                }
                try {
                    // a line that was not cut has already been refused by the fast path
                    if (!cut || !parser.fastLine(lines.lineNumber(), lines.bytes(), length, out)) {
                        parser.line(lines.lineNumber(), LineReader.decode(lines.bytes(), length), out);
                    }
                } catch (RuntimeException e) {
                    unusable(lines, e, out);
                }
            }
            if (lines.exhausted()) {
                out.cutShort("stopped after " + maxBytes + " bytes (--max-artifact-bytes); the rest of this artifact is not read");
            }
        } catch (IOException e) {
            out.cutShort("reading stopped at line " + (lines.lineNumber() + 1) + ": " + Failures.describe(e));
            finish(parser, out);
            throw new Interrupted(out.build(), e);
        }
        finish(parser, out);
        if (lines.lineNumber() == 0 && !lines.exhausted() && !parser.emptyIsValid()) {
            out.failed("the file is empty");
        }
        return out.build();
    }

    /** A parser failed on the current line (a bug, or input no test foresaw): it costs that line. */
    private static void unusable(LineReader lines, RuntimeException e, ArtifactBuilder out) {
        out.problem(lines.lineNumber(), "this line could not be used (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }

    private static void finish(ArtifactParser parser, ArtifactBuilder out) {
        try {
            parser.finish(out);
        } catch (RuntimeException e) {
            out.cutShort("the totals of this artifact could not be computed (" + e.getClass().getSimpleName() + ")");
        }
    }
}
