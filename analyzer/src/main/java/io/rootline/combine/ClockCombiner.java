package io.rootline.combine;

import io.rootline.clock.ClockEvidence;
import io.rootline.model.Fact;
import io.rootline.parse.ParsedArtifact;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Combines the clock artifacts of a bundle into {@link ClockEvidence}.
 *
 * <ul>
 *   <li>Zone: timedatectl's offset; else the difference between {@code date} and
 *       {@code date --utc}; else the Olson zone named by /etc/timezone or by the target
 *       of the /etc/localtime link, with the tz database's offset at capture time (DST
 *       included); else a zone abbreviation that is unambiguous (UTC, GMT). An
 *       abbreviation alone such as CST is never trusted.</li>
 *   <li>Capture time: {@code date} (or timedatectl's local time) with that offset.</li>
 *   <li>Boot time: /proc/stat btime, to the fraction of a second that capture time minus
 *       /proc/uptime gives when the two agree ({@link #withinBtime}); else capture time minus
 *       /proc/uptime; else capture time minus {@code uptime} (to the minute).</li>
 * </ul>
 */
public final class ClockCombiner {

    /** The logical artifacts the clock is read from. */
    public static final java.util.List<String> READS = java.util.List.of("date", "date-utc", "timedatectl", "timezone", "uptime",
            "proc-uptime", "proc-stat");

    private static final Set<String> UTC_NAMES = Set.of("UTC", "GMT", "Z", "UCT");
    private static final String BTIME = "proc.stat.btime";

    private ClockCombiner() {
    }

    /** @param links the bundle's symbolic links (path to target), for etc/localtime */
    public static ClockEvidence combine(BundleArtifacts artifacts, Map<String, String> links) {
        Optional<LocalDateTime> local = artifacts.fact("date", "date.datetime").map(f -> LocalDateTime.parse(f.text()));
        Optional<LocalDateTime> utc = artifacts.fact("date-utc", "date.datetime").map(f -> LocalDateTime.parse(f.text()));
        Optional<String> abbreviation = artifacts.fact("date", "date.zone").map(Fact::text);
        Optional<String> olson = artifacts.fact("timedatectl", "timedatectl.zone").map(Fact::text);
        Optional<String> tdOffset = artifacts.fact("timedatectl", "timedatectl.offset").map(Fact::text);
        Optional<LocalDateTime> tdLocal = artifacts.fact("timedatectl", "timedatectl.local").map(f -> LocalDateTime.parse(f.text()));

        Optional<String> etcTimezone = artifacts.fact("timezone", "timezone.name").map(Fact::text);
        Optional<String> localtimeLink = Optional.ofNullable(links.get("etc/localtime")).flatMap(ClockCombiner::zoneFromLink);

        ZoneOffset offset = null;
        String zoneName = olson.or(() -> etcTimezone).or(() -> localtimeLink).or(() -> abbreviation).orElse(null);
        String zoneSource = null;
        Optional<ZoneOffset> tdZone = tdOffset.flatMap(ClockCombiner::parseOffset);
        if (tdZone.isPresent()) {
            offset = tdZone.get();
            zoneSource = artifacts.chosen("timedatectl").orElseThrow().path();
        } else if (local.isPresent() && utc.isPresent()) {
            long minutes = Math.round(Duration.between(utc.get(), local.get()).getSeconds() / 900.0) * 15;
            if (Math.abs(minutes) <= 18 * 60) {
                offset = ZoneOffset.ofTotalSeconds((int) minutes * 60);
                zoneSource = artifacts.chosen("date").orElseThrow().path() + " and " + artifacts.chosen("date-utc").orElseThrow().path();
            }
        } else if (local.isPresent() && rules(etcTimezone.or(() -> localtimeLink)).isPresent()) {
            offset = rules(etcTimezone.or(() -> localtimeLink)).get().getOffset(local.get());
            zoneSource = etcTimezone.isPresent() ? artifacts.chosen("timezone").orElseThrow().path()
                    : "etc/localtime -> " + links.get("etc/localtime");
        } else if (abbreviation.isPresent() && UTC_NAMES.contains(abbreviation.get())) {
            offset = ZoneOffset.UTC;
            zoneSource = artifacts.chosen("date").orElseThrow().path();
        }

        OffsetDateTime capturedAt = null;
        String captureSource = null;
        if (offset != null && local.isPresent()) {
            capturedAt = local.get().atOffset(offset);
            captureSource = artifacts.chosen("date").orElseThrow().path();
        } else if (offset != null && tdLocal.isPresent()) {
            capturedAt = tdLocal.get().atOffset(offset);
            captureSource = artifacts.chosen("timedatectl").orElseThrow().path();
        } else if (utc.isPresent()) {
            capturedAt = utc.get().atOffset(ZoneOffset.UTC);
            captureSource = artifacts.chosen("date-utc").orElseThrow().path();
        }

        Instant bootedAt = null;
        String bootSource = null;
        Optional<Instant> btime = artifacts.chosen("proc-stat").flatMap(ClockCombiner::bootTimeOf);
        Optional<Fact> procUptime = artifacts.fact("proc-uptime", "proc.uptime.seconds");
        Optional<Fact> uptime = artifacts.fact("uptime", "uptime.seconds");
        if (btime.isPresent()) {
            bootedAt = btime.get();
            bootSource = artifacts.chosen("proc-stat").orElseThrow().path() + " btime";
            if (capturedAt != null && procUptime.isPresent()) {
                Optional<Instant> finer = withinBtime(bootedAt, capturedAt.toInstant(), procUptime.get().number());
                if (finer.isPresent() && finer.get().isAfter(bootedAt)) {
                    bootSource += " (whole seconds), to the fraction by " + captureSource + " minus " + procUptime.get().evidence().path();
                    bootedAt = finer.get();
                } else if (finer.isEmpty()) {
                    bootSource += " (whole seconds: " + captureSource + " minus " + procUptime.get().evidence().path()
                            + " falls outside its second, the two taken apart, so it cannot give the fraction; kernel times may be up to a second early)";
                }
            }
        } else if (capturedAt != null && procUptime.isPresent()) {
            bootedAt = minus(capturedAt.toInstant(), procUptime.get().number());
            bootSource = captureSource + " minus " + procUptime.get().evidence().path();
        } else if (capturedAt != null && uptime.isPresent()) {
            bootedAt = minus(capturedAt.toInstant(), uptime.get().number());
            bootSource = captureSource + " minus " + uptime.get().evidence().path() + " (to the minute)";
        }
        return new ClockEvidence(capturedAt, captureSource, offset, zoneName, zoneSource, bootedAt, bootSource);
    }

    /**
     * The earliest boot time both bounds allow, when they agree. btime is whole seconds, the
     * kernel's boot time cut down: the boot lies in [btime, btime + 1). {@code date} is whole
     * seconds too and /proc/uptime hundredths, both cut down, so the boot lies in
     * (date - uptime - 0.01, date + 1 - uptime]. Where these overlap, the overlap's start is the
     * earliest time consistent with both, and a kernel stamp placed from it is never early by the
     * fraction btime drops (a drop at 09:17:42.1 shown as 09:17:41). Empty when they do not
     * overlap: the two files were captured too far apart to tell the fraction.
     */
    static Optional<Instant> withinBtime(Instant btime, Instant date, BigDecimal uptime) {
        Instant low = minus(date, uptime.add(new BigDecimal("0.01")));
        Instant high = minus(date.plusSeconds(1), uptime);
        boolean overlap = low.isBefore(btime.plusSeconds(1)) && !high.isBefore(btime);
        return overlap ? Optional.of(low.isAfter(btime) ? low : btime) : Optional.empty();
    }

    /**
     * The boot time a bundle holding {@code procStat} as its chosen /proc/stat is sure to
     * have, whatever else it holds: a plausible btime is taken before any other evidence,
     * and nothing else can take it away. Reading decides with this which copies of the
     * kernel log it need not parse ({@link KernelLogChoice}).
     */
    public static Optional<Instant> bootTimeOf(ParsedArtifact procStat) {
        return procStat.facts().stream().filter(f -> f.key().equals(BTIME)).findFirst()
                .filter(f -> plausibleEpoch(f.number())).map(f -> Instant.ofEpochSecond(f.number().longValueExact()));
    }

    /**
     * The clock evidence that survives when {@link #combine} fails on values no parser
     * foresaw: the boot time from btime, which needs nothing else.
     */
    public static ClockEvidence bootTimeOnly(BundleArtifacts artifacts) {
        return artifacts.chosen("proc-stat").flatMap(procStat -> bootTimeOf(procStat)
                        .map(boot -> new ClockEvidence(null, null, null, null, null, boot, procStat.path() + " btime")))
                .orElse(ClockEvidence.NONE);
    }

    /** "../usr/share/zoneinfo/Asia/Shanghai" names Asia/Shanghai. */
    private static Optional<String> zoneFromLink(String target) {
        int at = target.indexOf("zoneinfo/");
        return at < 0 ? Optional.empty() : Optional.of(target.substring(at + "zoneinfo/".length()));
    }

    /** The tz database's rules for a zone name, when it is one Java knows. */
    private static Optional<ZoneRules> rules(Optional<String> name) {
        try {
            return name.map(n -> ZoneId.of(n).getRules());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Between 1990 and 2100: a boot time outside is a damaged or forged file. */
    private static boolean plausibleEpoch(BigDecimal seconds) {
        return seconds.compareTo(BigDecimal.valueOf(631_152_000L)) > 0 && seconds.compareTo(BigDecimal.valueOf(4_102_444_800L)) < 0;
    }

    private static Instant minus(Instant instant, BigDecimal seconds) {
        return instant.minusNanos(seconds.movePointRight(9).longValue());
    }

    /** "+0800" as an offset; empty beyond what an offset can be ("+9900"). */
    private static Optional<ZoneOffset> parseOffset(String text) {
        int sign = text.charAt(0) == '-' ? -1 : 1;
        int hours = Integer.parseInt(text.substring(1, 3));
        int minutes = Integer.parseInt(text.substring(3, 5));
        try {
            return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
