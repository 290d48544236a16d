package io.rootline.report;

/**
 * A path given to analyse that gave no report, and why in one line: "no such file or folder",
 * "no known artifact found ...". JSON gives it its place among the reports
 * ({@code {"source": ..., "error": ...}}); text and markdown leave it to stderr.
 */
public record FailedBundle(String source, String error) implements Outcome {
}
