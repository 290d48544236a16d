package io.rootline.bundle;

/**
 * Bounds on what one bundle may cost to read. The defaults fit real sosreports,
 * which reach several GB expanded; hitting a bound stops the artifact concerned
 * and is reported, the rest of the bundle is still analysed.
 *
 * @param maxLineBytes   longest line kept whole; longer lines are cut and reported
 * @param maxEntries     most archive entries looked at
 */
public record Limits(int maxLineBytes, long maxEntries) {

    public static final Limits DEFAULTS = new Limits(1 << 20, 2_000_000);
}
