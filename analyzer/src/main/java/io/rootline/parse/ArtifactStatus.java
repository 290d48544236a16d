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
    UNRECOGNIZED,
    /**
     * A copy of evidence the bundle holds in a better place too (dmesg -T beside raw dmesg):
     * not parsed, so nothing of it is used or counted.
     */
    SKIPPED;

    /** Whether the artifact's content was read and may stand for its logical artifact. */
    public boolean usable() {
        return this != FAILED && this != SKIPPED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
