package io.rootline.report;

import io.rootline.rules.Finding;

/** Phrases the text and markdown renderers share, so both say the same thing the same way. */
final class Describe {

    private Describe() {
    }

    /** "DNS UnknownHostException aligned with conntrack table full at 12:40:51 (20 kernel drops + 4888 suppressed, app.log 37 failures)" */
    static String headline(Finding f) {
        return f.summary() + (f.effect() == null ? "" : " (" + f.effect() + ")");
    }

    /** "10 (+2699 suppressed)" */
    static String count(TimelineEntry t) {
        return t.count() + (t.suppressed() > 0 ? " (+" + t.suppressed() + " suppressed)" : "");
    }

    /**
     * "23977 more bursts of app.dns-failure (24100 events) from 2024-02-01 08:03:37 to
     * 2024-02-12 00:19:28, not shown"
     */
    static String omission(Report r, TimelineOmission o) {
        return o.bursts() + " more burst" + (o.bursts() == 1 ? "" : "s") + " of " + o.kind() + " (" + o.count() + " events"
                + (o.suppressed() > 0 ? " +" + o.suppressed() + " suppressed" : "") + ")"
                + (o.first() == null ? "" : " from " + r.wall(o.first()) + " to " + r.wall(o.last()))
                + ", not shown: the timeline shows " + TimelineSelection.PER_KIND + " bursts of each kind, those of findings and the largest first";
    }

    /** The time of a timeline entry on the host's clock, or its seconds since boot. */
    static String when(Report r, TimelineEntry t) {
        if (t.time() == null) {
            return t.sinceBoot() == null ? "(no time)" : String.format(java.util.Locale.ROOT, "+%.6fs after boot", t.sinceBoot());
        }
        String start = r.wall(t.time());
        if (t.end() != null && !r.clockTime(t.end()).equals(r.clockTime(t.time()))) {
            return start + "–" + r.clockTime(t.end());
        }
        return start;
    }

    /** A line summing up the artifacts: "14 artifacts: 13 parsed, 1 partial". */
    static String artifactSummary(Report r) {
        java.util.Map<String, Long> byStatus = new java.util.TreeMap<>();
        r.artifacts().forEach(a -> byStatus.merge(a.status(), 1L, Long::sum));
        StringBuilder b = new StringBuilder(r.artifacts().size() + " artifacts");
        String sep = ": ";
        for (var e : byStatus.entrySet()) {
            b.append(sep).append(e.getValue()).append(' ').append(e.getKey());
            sep = ", ";
        }
        return b.toString();
    }

    /**
     * What time the kernel log covers, or null without one: "sos_commands/kernel/dmesg from
     * 2022-02-11 18:58:06 (boot) to the capture"; for a wrapped ring buffer, its start after boot
     * and the syslog copy used for the time before it.
     */
    static String kernelLogLine(Report r) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (KernelLogWindow w : r.clock().kernelLog()) {
            String from = w.from() == null ? "its first line (no time)" : r.wall(w.from());
            if (w.role().equals(KernelLogWindow.PRIMARY)) {
                parts.add(w.path() + " from " + from + (w.afterBoot() == null ? (w.from() == null ? "" : " (boot)")
                        : " (" + afterBoot(w.afterBoot()) + " after boot: the ring buffer wrapped)")
                        + (w.to() == null ? "" : " to the capture"));
            } else {
                parts.add(w.path() + " from " + from + " to " + (w.to() == null ? "the ring buffer's first line" : r.wall(w.to()))
                        + ", the time before it");
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** "72 minutes", "3 hours", "41 seconds". */
    private static String afterBoot(double seconds) {
        if (seconds >= 2 * 3600) {
            return Math.round(seconds / 3600) + " hours";
        }
        if (seconds >= 120) {
            return Math.round(seconds / 60) + " minutes";
        }
        return Math.round(seconds) + " seconds";
    }

    static String clockLine(Report r) {
        ClockInfo c = r.clock();
        String zone = c.timezone() + (c.zoneName() == null ? "" : " (" + c.zoneName() + ")")
                + (c.zoneSource() == null ? ", assumed" : " from " + c.zoneSource());
        return "times in " + zone + "; kernel times: " + c.kernelTimes();
    }
}
