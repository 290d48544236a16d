package io.rootline.parse;

import java.util.Locale;

/** How well an artifact was read. */
public enum ArtifactStatus {
    /** Every line fit the grammar. */
    PARSED,
    /** Some lines did not fit, or the artifact was cut short; what fit is used. */
    PARTIAL,
    /** Nothing usable was read. */
    FAILED,
    /** The file sits where artifacts are expected, but its content matched no known format. */
    UNRECOGNIZED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
