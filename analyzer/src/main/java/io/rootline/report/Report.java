package io.rootline.report;

import io.rootline.bundle.BundleLoss;
import io.rootline.model.Severity;
import io.rootline.rules.Finding;
import io.rootline.rules.NotEvaluated;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Everything one analysis found, as one immutable value that every renderer (text,
 * markdown, JSON) reads. Times are instants; {@link #offset()} is the host's offset
 * they are shown in.
 *
 * @param timeline        the bursts shown, in time order ({@link TimelineSelection} says which)
 * @param timelineOmitted per kind, the bursts left out of the timeline
 * @param rulesLoaded     ids of the rules evaluated
 * @param assumptions what the analysis had to assume ("64-bit host assumed")
 * @param passed      ids of the rules that passed ({@code reach} says what each checked)
 * @param reach       what the analysis reached: the rules that passed and what they checked, the evidence no rule examined
 */
public record Report(BundleInfo bundle, ClockInfo clock, ZoneOffset offset, List<ArtifactEntry> artifacts,
                     List<Finding> findings, List<NotEvaluated> notEvaluated, List<String> passed,
                     List<TimelineEntry> timeline, List<TimelineOmission> timelineOmitted, List<BundleLoss> losses,
                     List<String> rulesLoaded, List<String> assumptions, Reach reach) implements Outcome {

    public static final String SCHEMA = "rootline.report/1";

    private static final DateTimeFormatter ISO = io.rootline.clock.BundleClock.ISO;
    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    public Report {
        artifacts = List.copyOf(artifacts);
        findings = List.copyOf(findings);
        notEvaluated = List.copyOf(notEvaluated);
        passed = List.copyOf(passed);
        timeline = List.copyOf(timeline);
        timelineOmitted = List.copyOf(timelineOmitted);
        losses = List.copyOf(losses);
        rulesLoaded = List.copyOf(rulesLoaded);
        assumptions = List.copyOf(assumptions);
    }

    @Override
    public String source() {
        return bundle.source();
    }

    /** "2021-05-08T12:40:51+08:00", or null. */
    public String iso(Instant instant) {
        return instant == null ? null : ISO.format(OffsetDateTime.ofInstant(instant, offset));
    }

    public static String iso(OffsetDateTime time) {
        return time == null ? null : ISO.format(time);
    }

    /** "2021-05-08 12:40:51" on the host's clock. */
    public String wall(Instant instant) {
        return WALL.format(OffsetDateTime.ofInstant(instant, offset));
    }

    /** "12:40:51" on the host's clock. */
    public String clockTime(Instant instant) {
        return CLOCK.format(OffsetDateTime.ofInstant(instant, offset));
    }

    /** The paths the report names as the bundle's files: its artifacts and its lost files. */
    public java.util.Set<String> paths() {
        java.util.Set<String> paths = new java.util.HashSet<>();
        artifacts.forEach(a -> paths.add(a.path()));
        losses.forEach(l -> paths.add(l.path()));
        paths.remove("");
        return paths;
    }

    /** The most severe finding, or null when nothing fired. */
    public Severity worst() {
        return findings.stream().map(Finding::severity).max(Severity::compareTo).orElse(null);
    }

    /** The first loss that damaged the bundle or stopped its reading (not one entry's), or null. */
    public BundleLoss damage() {
        return losses.stream().filter(l -> l.kind() != BundleLoss.Kind.ENTRY).findFirst().orElse(null);
    }

    /** Whether no rule could decide: none fired, none passed (every one lacked its input), or none was loaded. */
    public boolean evaluatedNothing() {
        return findings.isEmpty() && passed.isEmpty();
    }

    /** Whether anything usable was read at all. */
    public boolean readAnything() {
        return artifacts.stream().anyMatch(a -> a.used() && !a.status().equals("failed") && !a.status().equals("unrecognized"));
    }
}
