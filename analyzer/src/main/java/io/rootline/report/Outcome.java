package io.rootline.report;

/** What one path given to analyse came to: a {@link Report}, or a {@link FailedBundle}. */
public sealed interface Outcome permits Report, FailedBundle {

    /** The path as given. */
    String source();
}
