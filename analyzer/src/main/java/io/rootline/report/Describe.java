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

    /**
     * Where a finding stands in time, once: "2021-05-08 12:40:51" (its first cause event, on the
     * host's clock), or for a counter that grew since boot, how fast: "174286 a day"; "" when neither
     * is known.
     */
    static String when(Report r, Finding f) {
        if (f.firstSeen() != null) {
            return r.wall(f.firstSeen());
        }
        if (f.perDay() != null) {
            java.math.BigDecimal perDay = f.perDay();
            java.math.BigDecimal shown = perDay.abs().compareTo(java.math.BigDecimal.TEN) >= 0
                    ? perDay.setScale(0, java.math.RoundingMode.HALF_UP) : perDay.round(new java.math.MathContext(2));
            return io.rootline.model.Numbers.format(shown) + " a day";
        }
        return "";
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

    /** Files of one folder listed at most; the rest of the folder is counted. */
    static final int FILES_PER_FOLDER = 6;

    /** The passed rules, grouped by the artifacts their decisions read, in the order first met. */
    static java.util.Map<java.util.List<String>, java.util.List<io.rootline.rules.PassedRule>> passedByChecked(Report r) {
        java.util.Map<java.util.List<String>, java.util.List<io.rootline.rules.PassedRule>> groups = new java.util.LinkedHashMap<>();
        for (io.rootline.rules.PassedRule p : r.reach().passed()) {
            groups.computeIfAbsent(p.checked(), k -> new java.util.ArrayList<>()).add(p);
        }
        return groups;
    }

    /** What a group of passed rules read, with the kernel log's window where they read it: the time "passed" covers. */
    static String checked(Report r, java.util.List<String> artifacts) {
        if (artifacts.isEmpty()) {
            return "facts of no artifact";
        }
        String read = String.join(", ", artifacts);
        String window = kernelLogLine(r);
        return artifacts.contains("kernel-log") && window != null ? read + " (kernel log: " + window + ")" : read;
    }

    /**
     * The first line of what the reach says, and what "no findings" must be read with: "3 rules
     * decided: 2 passed, 1 not evaluated; 14 files of network evidence not examined, 2 counters of
     * drops or errors not zero that no rule checks".
     */
    static String reachSummary(Report r) {
        int rules = r.rulesLoaded().size();
        StringBuilder b = new StringBuilder();
        b.append(rules).append(rules == 1 ? " rule: " : " rules: ").append(r.findings().size()).append(" fired, ")
                .append(r.passed().size()).append(" passed, ").append(r.notEvaluated().size()).append(" not evaluated");
        Reach reach = r.reach();
        if (!reach.notExamined().isEmpty()) {
            b.append("; ").append(reach.notExamined().size()).append(reach.notExamined().size() == 1 ? " file" : " files")
                    .append(" of network evidence in this bundle not examined");
        }
        if (!reach.unchecked().isEmpty()) {
            b.append("; ").append(reach.unchecked().size()).append(reach.unchecked().size() == 1 ? " counter" : " counters")
                    .append(" of drops or errors not zero that no rule checks");
        }
        return b.toString();
    }

    /** The files of {@link Reach#notExamined}, a folder's first {@link #FILES_PER_FOLDER} by path, the rest counted. */
    static java.util.List<String> notExaminedLines(Report r, java.util.function.Function<String, String> path) {
        java.util.Map<String, java.util.List<Reach.File>> byFolder = new java.util.LinkedHashMap<>();
        for (Reach.File f : r.reach().notExamined()) {
            int slash = f.path().lastIndexOf('/');
            byFolder.computeIfAbsent(slash < 0 ? "" : f.path().substring(0, slash + 1), k -> new java.util.ArrayList<>()).add(f);
        }
        java.util.List<String> lines = new java.util.ArrayList<>();
        byFolder.forEach((folder, files) -> {
            files.stream().limit(FILES_PER_FOLDER).forEach(f -> lines.add(path.apply(f.path())));
            if (files.size() > FILES_PER_FOLDER) {
                lines.add("… and " + (files.size() - FILES_PER_FOLDER) + " more in " + path.apply(folder));
            }
        });
        return lines;
    }

    /** "19502 files: sys 13547, proc 2876, sos_commands/apt 40, ... and 12 more folders" */
    static String notReadLine(Report r, java.util.function.Function<String, String> path) {
        Reach reach = r.reach();
        StringBuilder b = new StringBuilder(reach.notReadFiles() + (reach.notReadFiles() == 1 ? " file" : " files")
                + " nothing rootline reads can be: ");
        int shown = 0;
        for (Reach.Folder f : reach.notRead()) {
            if (shown == 8) {
                b.append(", and ").append(reach.notRead().size() - shown).append(" more folders");
                break;
            }
            b.append(shown++ == 0 ? "" : ", ").append(path.apply(f.folder())).append(' ').append(f.files());
        }
        return b.toString();
    }

    /**
     * A line of the report's own prose with the bundle's paths in it marked as code: every
     * word that is the path of a file the report lists (an artifact, a lost file), so that
     * markdown sets it in a code span and no renderer turns its "--" into a dash.
     */
    static io.rootline.model.Phrase marked(java.util.Set<String> paths, String text) {
        java.util.List<io.rootline.model.Phrase.Part> parts = new java.util.ArrayList<>();
        int prose = 0;
        int i = 0;
        while (i < text.length()) {
            int end = i;
            while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            int from = i;
            int to = end;
            while (from < to && "(\"'".indexOf(text.charAt(from)) >= 0) {
                from++;
            }
            while (to > from && ",;:.)\"'".indexOf(text.charAt(to - 1)) >= 0 && !paths.contains(text.substring(from, to))) {
                to--;
            }
            if (to > from && paths.contains(text.substring(from, to))) {
                parts.add(new io.rootline.model.Phrase.Part(text.substring(prose, from), false));
                parts.add(new io.rootline.model.Phrase.Part(text.substring(from, to), true));
                prose = to;
            }
            i = end + 1;
        }
        parts.add(new io.rootline.model.Phrase.Part(text.substring(Math.min(prose, text.length())), false));
        return new io.rootline.model.Phrase(parts);
    }

    static String clockLine(Report r) {
        ClockInfo c = r.clock();
        String zone = c.timezone() + (c.zoneName() == null ? "" : " (" + c.zoneName() + ")")
                + (c.zoneSource() == null ? ", assumed" : " from " + c.zoneSource());
        return "times in " + zone + "; kernel times: " + c.kernelTimes();
    }
}
