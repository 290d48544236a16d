package io.rootline.report;

import java.time.Instant;

/**
 * The time one copy of the kernel log covers in the report: a ring buffer from its first line
 * to the capture, and, when it wrapped, the syslog copy that fills the time before it.
 *
 * @param path         the copy
 * @param role         "primary" (the copy used), or "before" (the syslog copy used for the time before it)
 * @param from         its first line's time (null when it cannot be placed)
 * @param to           where its use ends: the capture for the primary copy, the primary's first second for the other
 * @param afterBoot    seconds between boot and a wrapped ring buffer's first line (null when it holds the whole boot)
 */
public record KernelLogWindow(String path, String role, Instant from, Instant to, Double afterBoot) {

    public static final String PRIMARY = "primary";
    public static final String BEFORE = "before";
}
