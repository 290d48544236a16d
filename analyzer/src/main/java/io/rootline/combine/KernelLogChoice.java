package io.rootline.combine;

import io.rootline.locate.Location;
import io.rootline.parse.ParsedArtifact;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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
 */
public final class KernelLogChoice {

    public static final String LOGICAL = "kernel-log";

    private KernelLogChoice() {
    }

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

    /**
     * Whether the copy at {@code location} will surely not be used, given the artifacts read so
     * far (in the order they were read): a better-placed copy has been read, and it is usable
     * now, so it stays usable whatever comes later.
     */
    public static boolean surelyUnused(Location location, List<ParsedArtifact> readSoFar) {
        if (!mayBeSkipped(location)) {
            return false;
        }
        boolean bootTimeKnown = bootTimeKnown(readSoFar);
        return readSoFar.stream().anyMatch(a -> LOGICAL.equals(a.logical()) && a.preference() < location.preference()
                && a.status().usable() && usable(a, bootTimeKnown));
    }

    /**
     * Whether the bundle surely tells the boot time. Only the copy of /proc/stat that will be
     * chosen counts: the first usable one at the catalog's only place for it (preference 0). A
     * later copy at the same path comes after it; one found by content ranks below it.
     */
    private static boolean bootTimeKnown(List<ParsedArtifact> readSoFar) {
        Optional<ParsedArtifact> procStat = readSoFar.stream()
                .filter(a -> "proc-stat".equals(a.logical()) && a.status().usable())
                .min(Comparator.comparingInt(ParsedArtifact::preference));
        return procStat.filter(a -> a.preference() == 0).flatMap(ClockCombiner::bootTimeOf).isPresent();
    }
}
