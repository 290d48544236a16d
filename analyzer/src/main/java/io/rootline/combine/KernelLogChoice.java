package io.rootline.combine;

import io.rootline.locate.Location;
import io.rootline.parse.ParsedArtifact;

/**
 * Which copy of the kernel log stands for it, and which copies need not be read at all.
 *
 * <p>A sosreport keeps the kernel's messages up to four times: raw {@code dmesg},
 * {@code dmesg -T}, and in syslog files ({@code var/log/messages}); on a busy host each is a
 * million lines. One is used, so that nothing is counted twice: the best-placed copy
 * ({@link io.rootline.locate.ArtifactCatalog}'s order) whose stamps can be placed on the
 * wall clock, which for raw dmesg needs the boot time.
 *
 * <p>Reading can often tell early that a copy will not be used, and skip it: a better-placed
 * copy has been read, it is usable whatever else the bundle holds, and so it, or one placed
 * better still, will be chosen. The choice made at the end is the same whether or not a copy
 * was skipped. What the report lists differs, unless every copy placed below the chosen one
 * is listed as skipped, read or not; {@link BundleArtifacts#skipBelowChosen} does that.
 *
 * <p>An instance follows the reading of one bundle: it is told of every artifact read, in the
 * order they are kept, and asked before a copy is parsed.
 */
public final class KernelLogChoice {

    public static final String LOGICAL = "kernel-log";

    /** Whether a copy's stamps can be placed: it carries wall-clock stamps, or the bundle tells the boot time. */
    public static boolean usable(ParsedArtifact copy, boolean bootTimeKnown) {
        return bootTimeKnown || clockStamps(copy) > 0;
    }

    /** The stamps a copy wrote in wall-clock time ({@code dmesg -T}), as its parser counted them. */
    public static long clockStamps(ParsedArtifact copy) {
        return copy.facts().stream().filter(f -> f.key().equals("kernel-log.clock_stamps"))
                .mapToLong(f -> f.number().longValue()).findFirst().orElse(0);
    }

    /**
     * Whether a copy at this place might be skipped: a kernel-log copy with a better place
     * above it. A folder's reader reads such files after all others, when most is known.
     */
    public static boolean mayBeSkipped(Location location) {
        return location.artifact().name().equals(LOGICAL) && location.preference() > 0;
    }

    /** The least preference among the copies read that carry their own clock; MAX_VALUE for none. */
    private int bestWithClock = Integer.MAX_VALUE;
    /** The least preference among the copies read that were not failures. */
    private int bestRead = Integer.MAX_VALUE;
    private boolean procStatRead;
    private boolean bootTimeKnown;

    /**
     * Takes note of an artifact read (any kind; from either of a folder's reading threads).
     * Only what decides a skip is kept, so that each decision costs the same however many
     * files came before.
     */
    public synchronized void read(ParsedArtifact a) {
        if (!a.status().usable()) {
            return;
        }
        if (LOGICAL.equals(a.logical())) {
            bestRead = Math.min(bestRead, a.preference());
            if (clockStamps(a) > 0) {
                bestWithClock = Math.min(bestWithClock, a.preference());
            }
        } else if ("proc-stat".equals(a.logical()) && a.preference() == 0 && !procStatRead) {
            // the catalog's one place for /proc/stat; of two copies there (one in an archive
            // inside the bundle) the clock is read from the first read, as this one is
            procStatRead = true;
            bootTimeKnown = ClockCombiner.bootTimeOf(a).isPresent();
        }
    }

    /**
     * Whether the copy at {@code location} will surely not be used, given the artifacts read so
     * far: a better-placed copy has been read and it is usable now (it carries its own clock,
     * or /proc/stat gave the boot time), so it stays usable whatever comes later.
     */
    public synchronized boolean surelyUnused(Location location) {
        return mayBeSkipped(location)
                && (bestWithClock < location.preference() || bootTimeKnown && bestRead < location.preference());
    }
}
