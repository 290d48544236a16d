package io.rootline.bundle;

/**
 * Bounds on what one bundle may cost to read. The defaults fit real sosreports, which
 * reach several GB expanded and compress 5 to 50 times; a decompression bomb expands
 * hundreds or thousands of times. Hitting a bound stops what it concerns (one line,
 * one artifact, or the archive) and is reported; what was read still counts.
 *
 * @param maxLineBytes     longest line kept whole; the rest of a longer line is skipped and reported
 * @param maxEntries       most archive entries looked at
 * @param maxArtifactBytes most bytes read from one artifact; the rest of it is skipped and reported
 * @param maxTotalBytes    most bytes expanded from one archive (all entries together)
 * @param maxRatio         most expanded bytes per compressed byte, checked once
 *                         {@link #RATIO_GRACE_BYTES} have been expanded
 * @param maxDepth         archives inside archives read this deep (1: the bundle only)
 * @param maxEvents        most events kept from one artifact; later ones are counted by kind, not kept (a kept
 *                         event costs memory until the report is made: about 35 bytes for an application
 *                         log's failure, 150 for a kernel line, whose text is its own)
 */
public record Limits(int maxLineBytes, long maxEntries, long maxArtifactBytes, long maxTotalBytes, long maxRatio,
                     int maxDepth, long maxEvents) {

    /** Expanded bytes before the ratio is judged: small archives of text compress very well. */
    public static final long RATIO_GRACE_BYTES = 64L << 20;

    public static final Limits DEFAULTS = new Limits(1 << 20, 2_000_000, 8L << 30, 64L << 30, 1000, 3, 500_000);

    public Limits withMaxLineBytes(int n) {
        return new Limits(n, maxEntries, maxArtifactBytes, maxTotalBytes, maxRatio, maxDepth, maxEvents);
    }

    public Limits withMaxEntries(long n) {
        return new Limits(maxLineBytes, n, maxArtifactBytes, maxTotalBytes, maxRatio, maxDepth, maxEvents);
    }

    public Limits withMaxArtifactBytes(long n) {
        return new Limits(maxLineBytes, maxEntries, n, maxTotalBytes, maxRatio, maxDepth, maxEvents);
    }

    public Limits withMaxTotalBytes(long n) {
        return new Limits(maxLineBytes, maxEntries, maxArtifactBytes, n, maxRatio, maxDepth, maxEvents);
    }

    public Limits withMaxRatio(long n) {
        return new Limits(maxLineBytes, maxEntries, maxArtifactBytes, maxTotalBytes, n, maxDepth, maxEvents);
    }

    public Limits withMaxEvents(long n) {
        return new Limits(maxLineBytes, maxEntries, maxArtifactBytes, maxTotalBytes, maxRatio, maxDepth, n);
    }
}
