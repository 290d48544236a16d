package io.rootline.parse;

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
        LineReader lines = new LineReader(content, maxLineBytes);
        try {
            String line;
            while ((line = lines.next()) != null) {
                out.lineRead();
                if (lines.lastLineCut()) {
                    out.problem(lines.lineNumber(), "line longer than " + maxLineBytes + " bytes; the rest was cut (--max-line-bytes)");
                }
                parser.line(lines.lineNumber(), line, out);
            }
        } catch (IOException e) {
            out.cutShort("reading stopped at line " + (lines.lineNumber() + 1) + ": " + e.getMessage());
            parser.finish(out);
            throw new Interrupted(out.build(), e);
        }
        parser.finish(out);
        return out.build();
    }
}
