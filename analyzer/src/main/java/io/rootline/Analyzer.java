package io.rootline;

import io.rootline.bundle.BundleLoss;
import io.rootline.bundle.BundleReadResult;
import io.rootline.bundle.BundleReader;
import io.rootline.bundle.Limits;
import io.rootline.bundle.ReadProgress;
import io.rootline.bundle.XzDecoder;
import io.rootline.clock.BundleClock;
import io.rootline.clock.ClockEvidence;
import io.rootline.combine.BundleArtifacts;
import io.rootline.combine.ClockCombiner;
import io.rootline.combine.HostCombiner;
import io.rootline.combine.KernelLogChoice;
import io.rootline.locate.ArtifactCatalog;
import io.rootline.locate.LogicalArtifact;
import io.rootline.model.Fact;
import io.rootline.model.Numbers;
import io.rootline.model.Table;
import io.rootline.parse.ArtifactStatus;
import io.rootline.parse.ParsedArtifact;
import io.rootline.report.ArtifactEntry;
import io.rootline.report.BundleInfo;
import io.rootline.report.ClockInfo;
import io.rootline.report.KernelLogWindow;
import io.rootline.report.Reach;
import io.rootline.report.Report;
import io.rootline.report.TimelineSelection;
import io.rootline.rules.RuleEngine;
import io.rootline.rules.RuleInput;
import io.rootline.rules.RuleOutcomes;
import io.rootline.rules.RuleSet;
import io.rootline.timeline.Burst;
import io.rootline.timeline.BurstCollapser;
import io.rootline.timeline.Bursts;
import io.rootline.timeline.Gathered;
import io.rootline.timeline.PlacedEvents;
import io.rootline.model.EventLog;
import java.io.IOException;
import java.time.Instant;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The whole engine: {@code analyze(bundle) -> Report}. It reads, parses, combines,
 * decides and assembles, and touches no terminal: the command line, the upload
 * service and multi-host analysis all call this one method.
 */
public final class Analyzer {

    /** Kernel rate-limit notes, whose counts join the burst they belong to. */
    static final String RATELIMIT_KIND = "kernel.ratelimit-suppressed";

    private final Supplier<RuleSet> rules;
    private final io.rootline.parse.ParserContext parsers;
    private final Limits limits;
    private final XzDecoder xz;

    /** An analyzer that decodes xz with the xz program when it is installed. */
    public Analyzer(RuleSet rules, Limits limits) {
        this(rules, limits, XzDecoder.PREFERRED);
    }

    public Analyzer(RuleSet rules, Limits limits, XzDecoder xz) {
        this(() -> rules, new io.rootline.parse.ParserContext(rules::messages), limits, xz);
    }

    /**
     * An analyzer whose rules are asked for only once a bundle has been read, so that a
     * caller can load them meanwhile: loading the bundled rules (YAML, the expression
     * grammar) takes about as long as reading a small bundle.
     */
    public Analyzer(Supplier<RuleSet> rules, Limits limits) {
        this(rules, io.rootline.parse.ParserContext.BUNDLED, limits, XzDecoder.PREFERRED);
    }

    /**
     * @param parsers what parsers are made with: the kernel messages of the rules' packs, which
     *                the reading needs before the rules are asked for (the bundled table's, unless
     *                a pack adds its own)
     */
    public Analyzer(Supplier<RuleSet> rules, io.rootline.parse.ParserContext parsers, Limits limits) {
        this(rules, parsers, limits, XzDecoder.PREFERRED);
    }

    private Analyzer(Supplier<RuleSet> rules, io.rootline.parse.ParserContext parsers, Limits limits, XzDecoder xz) {
        this.rules = rules;
        this.parsers = parsers;
        this.limits = limits;
        this.xz = xz;
    }

    /**
     * Analyses one bundle.
     *
     * @throws IOException when the bundle cannot be opened at all; damage inside it
     *                     is reported in the result instead
     */
    public Report analyze(Path bundle) throws IOException {
        return analyze(bundle, new ReadProgress());
    }

    /**
     * Analyses one bundle, keeping {@code progress} up to date while it is read (a caller
     * may show it; see {@link ReadProgress}).
     *
     * @throws IOException when the bundle cannot be opened at all
     */
    public Report analyze(Path bundle, ReadProgress progress) throws IOException {
        ArtifactCollector collector = new ArtifactCollector(limits, true, parsers);
        return analyze(collector, new BundleReader(limits, xz).read(bundle, collector, progress), deferred -> secondLook(bundle, deferred));
    }

    /** Reads again, of the bundle at {@code bundle}, the copies deferred on the first reading (name to stored file). */
    private List<ParsedArtifact> secondLook(Path bundle, Map<String, String> deferred) {
        Map<String, String> storedToName = new TreeMap<>();
        deferred.forEach((name, stored) -> storedToName.put(stored, name));
        ArtifactCollector look = ArtifactCollector.secondLook(limits, storedToName, parsers);
        try {
            new BundleReader(limits, xz).read(bundle, look);
        } catch (IOException e) {
            // the bundle went away since the first reading: what the second look read stays
        }
        return look.artifacts();
    }

    /**
     * Analyses a bundle archive arriving as a stream (an upload); {@code source} names it
     * in the report. Folders can only be analysed from a path.
     *
     * @throws IOException when the stream fails before anything could be read from it
     */
    public Report analyze(InputStream archive, String source) throws IOException {
        ArtifactCollector collector = new ArtifactCollector(limits, false, parsers);
        return analyze(collector, new BundleReader(limits, xz).read(archive, source, collector), deferred -> List.of());
    }

    /**
     * @param secondLook reads the copies of the kernel log deferred on the first reading (name to
     *                   stored file), when the choice needs one of them after all
     */
    private Report analyze(ArtifactCollector collector, BundleReadResult read,
                           java.util.function.Function<Map<String, String>, List<ParsedArtifact>> secondLook) {
        List<BundleLoss> losses = new ArrayList<>(read.losses());
        losses.addAll(collector.linkLosses());
        BundleArtifacts artifacts = new BundleArtifacts(collector.artifacts());

        List<String> many = ArtifactCatalog.all().stream().filter(LogicalArtifact::many).map(LogicalArtifact::name).toList();
        for (LogicalArtifact logical : ArtifactCatalog.all()) {
            if (!logical.many() && !logical.name().equals(KernelLogChoice.LOGICAL)) {
                artifacts.choose(logical.name());
            }
        }
        List<String> assumptions = new ArrayList<>();
        ClockEvidence clockEvidence;
        try {
            clockEvidence = ClockCombiner.combine(artifacts, collector.links());
        } catch (RuntimeException e) {
            // values no parser foresaw (an uptime of centuries): the boot time from btime survives,
            // as reading counted on it when it skipped copies of the kernel log (KernelLogChoice)
            clockEvidence = ClockCombiner.bootTimeOnly(artifacts);
            assumptions.add("the bundle's clock evidence is unusable (" + e.getMessage() + "): times stay as written");
        }
        ClockEvidence clockUsed = clockEvidence;
        BundleClock clock = new BundleClock(clockEvidence);
        // Raw dmesg is preferred, but only if the bundle lets its stamps become wall-clock times;
        // syslog files come last, their stamps wall-clock times too.
        String host = artifacts.fact("hostname", "hostname").map(Fact::text).orElse(null);
        Map<String, String> deferred = collector.deferred();
        var choice = KernelLogChoice.choose(artifacts.every(KernelLogChoice.LOGICAL), clockUsed.hasBootTime(), host,
                a -> deferred.containsKey(a.path()));
        if (choice.isPresent() && (deferred.containsKey(choice.get().primary().path())
                || choice.get().before() != null && deferred.containsKey(choice.get().before().path()))) {
            artifacts.replace(secondLook.apply(deferred));
            choice = KernelLogChoice.choose(artifacts.every(KernelLogChoice.LOGICAL), clockUsed.hasBootTime(), host);
        }
        choice.ifPresent(artifacts::useKernelLog);
        for (ParsedArtifact a : artifacts.every(KernelLogChoice.LOGICAL)) {
            if (io.rootline.format.Format.is(a.kind(), "syslog") && a.located().equals("content") && a.status().usable()
                    && !KernelLogChoice.usable(a, true, host)) {
                assumptions.add(a.path() + " is a log of another host (its kernel lines name "
                        + a.facts().stream().filter(f -> f.key().equals("syslog.hosts")).map(Fact::text).findFirst().orElse("")
                        + "): not used as this host's kernel log");
            }
        }
        artifacts.chosen(KernelLogChoice.LOGICAL).filter(a -> io.rootline.format.Format.is(a.kind(), "syslog") && yearlessStamps(a) > 0).ifPresent(a ->
                assumptions.add(a.path() + " writes dates without a year: each took the latest year that puts it at or before"
                        + " the capture"));

        collector.otherHosts().forEach((folder, files) -> assumptions.add(folder + "/ holds other hosts' data (" + files
                + (files == 1 ? " file" : " files") + "): none of it is used as this host's evidence"));
        io.rootline.model.FactStore facts = artifacts.facts(many);
        HostCombiner.combine(artifacts, clockEvidence, assumptions).forEach(facts::addIfAbsent);
        if (!clockEvidence.hasOffset()) {
            assumptions.add("the bundle does not tell its timezone: UTC assumed for times written without an offset");
        }

        Map<String, Table> tables = new LinkedHashMap<>();
        List<PlacedEvents> placed = new ArrayList<>();
        List<Bursts> bursts = new ArrayList<>();
        Map<String, Long> pastLimit = new TreeMap<>();
        BurstCollapser collapser = new BurstCollapser(RATELIMIT_KIND);
        Optional<Instant> ringStarts = artifacts.kernelLogBefore().flatMap(b -> artifacts.chosen(KernelLogChoice.LOGICAL))
                .flatMap(primary -> Optional.ofNullable(primary.firstStamp()).flatMap(clock::resolve))
                .map(t -> t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        for (ParsedArtifact artifact : artifacts.used(many)) {
            artifact.tables().forEach(t -> tables.putIfAbsent(t.key(), t));
            artifact.pastLimit().forEach((kind, n) -> pastLimit.merge(kind, n, Numbers::saturatedSum));
            EventLog log = artifact.events();
            if (artifacts.kernelLogBefore().orElse(null) == artifact) {
                // the filler's lines before the ring buffer's first second only: none is counted twice
                log = before(artifact, ringStarts.orElse(Instant.MIN), clock);
            }
            PlacedEvents events = PlacedEvents.place(log, clock::resolve);
            placed.add(events);
            bursts.add(collapser.collapse(events));
        }

        Map<String, List<Burst>> burstsByKind = Gathered.burstsByKind(bursts);
        RuleInput input = new RuleInput(facts, tables, Gathered.eventsByKind(placed), burstsByKind, pastLimit,
                artifacts::collected, clock);
        RuleSet ruleSet = rules.get();
        RuleOutcomes outcomes = new RuleEngine().evaluate(ruleSet, input);

        TimelineEntries entries = new TimelineEntries(outcomes.findings());
        TimelineSelection timeline = TimelineSelection.of(entries.byKind(burstsByKind), entries.quoted());
        Reach reach = Coverage.reach(outcomes, artifacts, many, facts, collector.notExamined());
        List<ArtifactEntry> listed = entries(artifacts, many);
        // the evidence no format reads, listed with the artifacts as the schema promises: status unrecognized
        reach.notExamined().forEach(f -> listed.add(new ArtifactEntry(f.path(), null, null, "path", "unrecognized", 0, 0, false,
                List.of(), List.of(f.what()))));
        listed.sort(Comparator.comparing(ArtifactEntry::path));
        return new Report(bundleInfo(read, collector, facts, clockEvidence), clockInfo(clockEvidence, clock, artifacts),
                clock.offset(), listed, outcomes.findings(), outcomes.notEvaluated(),
                outcomes.passed().stream().map(io.rootline.rules.PassedRule::rule).toList(),
                timeline.shown(), timeline.omitted(), losses, ruleSet.ids(), assumptions, reach);
    }

    /** The events of {@code artifact} placed before {@code end}. */
    private static EventLog before(ParsedArtifact artifact, Instant end, BundleClock clock) {
        List<io.rootline.model.Event> kept = new ArrayList<>();
        for (io.rootline.model.Event e : artifact.events()) {
            if (clock.resolve(e.stamp()).filter(t -> t.isBefore(end)).isPresent()) {
                kept.add(e);
            }
        }
        return EventLog.of(artifact.path(), kept);
    }

    private static long yearlessStamps(ParsedArtifact a) {
        return number(a, "syslog.yearless_stamps");
    }

    private static long number(ParsedArtifact a, String key) {
        return a.facts().stream().filter(f -> f.key().equals(key)).mapToLong(f -> f.number().longValue()).findFirst().orElse(0);
    }

    private static BundleInfo bundleInfo(BundleReadResult read, ArtifactCollector collector, io.rootline.model.FactStore facts,
                                         ClockEvidence clock) {
        Fact host = facts.one("host.name").orElse(null);
        return new BundleInfo(read.source(), read.format(), layout(collector, facts), host == null ? null : host.text(),
                clock.capturedAt());
    }

    /** sos's generation, as version.txt says, else as the layout shows: sos 4 writes sos_reports/, sos 3 does not. */
    private static String layout(ArtifactCollector collector, io.rootline.model.FactStore facts) {
        Fact major = facts.one("sos.major").orElse(null);
        if (major != null && major.isNumber()) {
            return major.number().intValue() >= 4 ? "sos-4" : "sos-3";
        }
        if (collector.holdsSosReports()) {
            return "sos-4";
        }
        if (collector.holdsSosCommands()) {
            return "sos-3";
        }
        return "plain";
    }

    private static ClockInfo clockInfo(ClockEvidence e, BundleClock clock, BundleArtifacts artifacts) {
        String kernelTimes;
        Optional<ParsedArtifact> kernel = artifacts.chosen(KernelLogChoice.LOGICAL);
        if (kernel.isEmpty()) {
            kernelTimes = "no kernel log in the bundle";
        } else if (io.rootline.format.Format.is(kernel.get().kind(), "syslog")) {
            kernelTimes = kernel.get().path() + " stamps (syslog wall clock) read in the host's zone"
                    + (e.capturedAt() == null && yearlessStamps(kernel.get()) > 0 ? "; no capture date to give them a year" : "");
        } else if (KernelLogChoice.clockStamps(kernel.get()) > 0) {
            kernelTimes = kernel.get().path() + " stamps (dmesg -T wall clock) read in the host's zone";
        } else if (e.hasBootTime()) {
            kernelTimes = kernel.get().path() + " seconds since boot + boot time from " + e.bootSource();
        } else {
            kernelTimes = kernel.get().path() + " seconds since boot; no boot time in the bundle, so kernel events stay relative";
        }
        return new ClockInfo(clock.offset().getId().equals("Z") ? "+00:00" : clock.offset().getId(), e.zoneName(),
                e.zoneSource(), e.bootedAt() == null ? null : clock.iso(e.bootedAt()), e.bootSource(), kernelTimes,
                windows(e, clock, artifacts));
    }

    /** The time each copy of the kernel log used covers: the primary one to the capture, the filler up to the primary's start. */
    private static List<KernelLogWindow> windows(ClockEvidence e, BundleClock clock, BundleArtifacts artifacts) {
        Optional<ParsedArtifact> primary = artifacts.chosen(KernelLogChoice.LOGICAL);
        if (primary.isEmpty()) {
            return List.of();
        }
        Instant starts = Optional.ofNullable(primary.get().firstStamp()).flatMap(clock::resolve).orElse(null);
        Double afterBoot = null;
        if (!KernelLogChoice.fromBoot(primary.get()) && primary.get().firstStamp() instanceof io.rootline.model.Stamp.SinceBoot b) {
            afterBoot = b.seconds();
        } else if (!KernelLogChoice.fromBoot(primary.get()) && starts != null && e.bootedAt() != null) {
            afterBoot = (starts.toEpochMilli() - e.bootedAt().toEpochMilli()) / 1000.0;
        }
        List<KernelLogWindow> windows = new ArrayList<>();
        windows.add(new KernelLogWindow(primary.get().path(), KernelLogWindow.PRIMARY, starts,
                e.capturedAt() == null ? null : e.capturedAt().toInstant(), afterBoot));
        artifacts.kernelLogBefore().ifPresent(before -> windows.add(new KernelLogWindow(before.path(), KernelLogWindow.BEFORE,
                Optional.ofNullable(before.firstStamp()).flatMap(clock::resolve).orElse(null),
                starts == null ? null : starts.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), null)));
        return windows;
    }

    private static List<ArtifactEntry> entries(BundleArtifacts artifacts, List<String> many) {
        // by identity: an artifact is used or not, and a record's equals would be linked
        // through method handles on its first call, at a cost of milliseconds
        Set<ParsedArtifact> used = Collections.newSetFromMap(new IdentityHashMap<>());
        used.addAll(artifacts.used(many));
        List<ArtifactEntry> entries = new ArrayList<>();
        for (ParsedArtifact a : artifacts.all()) {
            List<String> notes = new ArrayList<>(a.notes());
            artifacts.supersededBy(a).ifPresent(other -> notes.add((a.status() == ArtifactStatus.SKIPPED ? "not read: "
                    : "not used: ") + other.path() + " is preferred"));
            entries.add(new ArtifactEntry(a.path(), a.kind() == null ? null : a.kind().name(), a.logical(), a.located(),
                    a.status().label(), a.lines(), a.unknownLines(), used.contains(a), a.problems(), notes));
        }
        entries.sort(Comparator.comparing(ArtifactEntry::path));
        return entries;
    }
}
