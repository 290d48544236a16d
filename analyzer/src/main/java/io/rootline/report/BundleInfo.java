package io.rootline.report;

import java.time.OffsetDateTime;

/**
 * What the bundle is and when and where it was captured.
 *
 * @param source     the path given
 * @param format     "xz+tar", "gzip+tar", "directory", ...
 * @param layout     "sos-4", "sos-3" or "plain" (a folder of captures)
 * @param host       host name (null when the bundle does not say)
 * @param capturedAt capture time with the host's offset (null when unknown)
 */
public record BundleInfo(String source, String format, String layout, String host, OffsetDateTime capturedAt) {
}
