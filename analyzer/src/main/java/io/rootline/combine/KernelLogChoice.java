package io.rootline.combine;

import io.rootline.locate.Location;
import io.rootline.parse.ParsedArtifact;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which copies of the kernel log stand for it, and which copies need not be read at all.
 *
 * <p>A sosreport keeps the kernel's messages up to four times: raw {@code dmesg},
 * {@code dmesg -T}, and in syslog files ({@code var/log/messages}) and the journal; on a busy
 * host each is a million lines. The <em>primary</em> copy is the best-placed one
 * ({@link io.rootline.locate.ArtifactCatalog}'s order) that is usable: a ring buffer whose
 * stamps can be placed on the wall clock (raw dmesg needs the boot time), or a syslog copy that
 * holds kernel lines (found by its content, only when its host names are this host's). A ring
 * buffer that does not begin at boot has wrapped (when no copy can be placed, the best ring
 * buffer is used all the same, its times relative to boot): the best-placed usable syslog copy below it,
 * the <em>filler</em>, supplies the time before its first line, and only that time, so that no
 * line counts twice.
 *
 * <p>Reading can often tell early that a copy will not be used, and skip it: a better-placed
 * copy has been read that will be chosen whatever else the bundle holds (and that holds the
 * whole boot, or has a filler above this copy). When that better copy is raw dmesg whose boot
 * time is not yet known, the copy is <em>deferred</em>: not read now, and read by a second look
 * at the bundle only if the boot time never turns up. The choice made at the end is the same
 * whether or not a copy was skipped; so that the report is too, every copy not used is listed
 * as skipped, read or not ({@link BundleArtifacts#skipBelowChosen}).
 *
 * <p>An instance follows the reading of one bundle: it is told of every artifact read, in the
 * order they are kept, and asked before a copy is parsed.
 */
public final class KernelLogChoice {

    public static final String LOGICAL = "kernel-log";

    /** What reading should do with a copy of the kernel log. */
    public enum Decision {
        /** Parse it. */
        READ,
        /** It will not be used whatever else the bundle holds. */
        SKIP,
        /** It will not be used if the boot time turns up; read it again later if it does not. */
        DEFER
    }

    /** The copies used: the primary one, and the filler of the time before it when it wrapped (or null). */
    public record Choice(ParsedArtifact primary, ParsedArtifact before) {
    }

    /**
     * The copies that stand for the kernel log, of {@code copies} (every copy read, best-placed first).
     *
     * @param host this host's name, to tell a log of another host's found by content (null when unknown)
     */
    public static Optional<Choice> choose(List<ParsedArtifact> copies, boolean bootTimeKnown, String host) {
        return choose(copies, bootTimeKnown, host, c -> false);
    }

    /**
     * The copies that would stand for the kernel log were every {@code pending} copy (deferred,
     * not read yet) usable: when the choice falls on one, it must be read before choosing.
     */
    public static Optional<Choice> choose(List<ParsedArtifact> copies, boolean bootTimeKnown, String host,
                                          java.util.function.Predicate<ParsedArtifact> pending) {
        ParsedArtifact primary = copies.stream().filter(c -> pending.test(c) || usable(c, bootTimeKnown, host)).findFirst()
                // no copy can be placed on the wall clock: the best ring buffer, its times relative to boot
                .or(() -> copies.stream().filter(c -> !io.rootline.format.Format.is(c.kind(), "syslog") && c.status().usable()).findFirst())
                .orElse(null);
        if (primary == null) {
            return Optional.empty();
        }
        ParsedArtifact before = null;
        if (io.rootline.format.Format.is(primary.kind(), "kernel-log") && !pending.test(primary) && !fromBoot(primary)) {
            before = copies.stream().filter(c -> io.rootline.format.Format.is(c.kind(), "syslog") && c.preference() > primary.preference()
                    && (pending.test(c) || usable(c, bootTimeKnown, host))).findFirst().orElse(null);
        }
        return Optional.of(new Choice(primary, before));
    }

    /**
     * Whether a copy can stand for the kernel log: read without failure; a ring buffer whose
     * stamps can be placed (it carries wall-clock stamps, or the boot time is known); a syslog
     * copy that holds kernel lines, and when found by content only this host's names.
     */
    public static boolean usable(ParsedArtifact copy, boolean bootTimeKnown, String host) {
        if (!copy.status().usable()) {
            return false;
        }
        if (!io.rootline.format.Format.is(copy.kind(), "syslog")) {
            return bootTimeKnown || clockStamps(copy) > 0;
        }
        return number(copy, "syslog.kernel_lines") > 0 && ("path".equals(copy.located()) || thisHosts(copy, host));
    }

    /** Whether a syslog copy's host names are all this host's (short names compared, case aside), or it names none. */
    static boolean thisHosts(ParsedArtifact copy, String host) {
        String names = copy.facts().stream().filter(f -> f.key().equals("syslog.hosts")).map(f -> f.text()).findFirst().orElse("");
        if (names.isEmpty() || host == null) {
            return true;
        }
        String self = shortName(host);
        for (String name : names.split(" ")) {
            if (!shortName(name).equals(self) && !name.equals("localhost")) {
                return false;
            }
        }
        return true;
    }

    private static String shortName(String host) {
        int dot = host.indexOf('.');
        return (dot > 0 ? host.substring(0, dot) : host).toLowerCase(Locale.ROOT);
    }

    /** Whether a ring buffer holds the whole boot (its parser judged by its first line). Syslog copies do not wrap. */
    public static boolean fromBoot(ParsedArtifact copy) {
        return !io.rootline.format.Format.is(copy.kind(), "kernel-log") || number(copy, "kernel-log.from_boot") > 0;
    }

    /** The stamps a copy wrote in wall-clock time ({@code dmesg -T}), as its parser counted them. */
    public static long clockStamps(ParsedArtifact copy) {
        return number(copy, "kernel-log.clock_stamps");
    }

    private static long number(ParsedArtifact copy, String key) {
        return copy.facts().stream().filter(f -> f.key().equals(key)).mapToLong(f -> f.number().longValue()).findFirst().orElse(0);
    }

    /**
     * Whether a copy at this place might be skipped: a kernel-log copy with a better place
     * above it. A folder's reader reads such files after all others, when most is known.
     */
    public static boolean mayBeSkipped(Location location) {
        return location.artifact().name().equals(LOGICAL) && location.preference() > 0;
    }

    /** The least preference of the ring buffers read that are usable whatever comes: wall-clock stamps of their own. */
    private int bestClockedWhole = Integer.MAX_VALUE;
    private int bestClockedWrapped = Integer.MAX_VALUE;
    /** The least preference of the raw ring buffers read, usable once the boot time is known. */
    private int bestRawWhole = Integer.MAX_VALUE;
    private int bestRawWrapped = Integer.MAX_VALUE;
    /** Preferences of the syslog copies read at a known path that hold kernel lines. */
    private final TreeSet<Integer> syslogCopies = new TreeSet<>();
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
        if (LOGICAL.equals(a.logical()) && "path".equals(a.located())) {
            int p = a.preference();
            if (io.rootline.format.Format.is(a.kind(), "syslog")) {
                if (usable(a, false, null)) {
                    syslogCopies.add(p);
                }
            } else if (clockStamps(a) > 0) {
                if (fromBoot(a)) {
                    bestClockedWhole = Math.min(bestClockedWhole, p);
                } else {
                    bestClockedWrapped = Math.min(bestClockedWrapped, p);
                }
            } else if (fromBoot(a)) {
                bestRawWhole = Math.min(bestRawWhole, p);
            } else {
                bestRawWrapped = Math.min(bestRawWrapped, p);
            }
        } else if ("proc-stat".equals(a.logical()) && a.preference() == 0 && !procStatRead) {
            // the catalog's one place for /proc/stat; of two copies there (one in an archive
            // inside the bundle) the clock is read from the first read, as this one is
            procStatRead = true;
            bootTimeKnown = ClockCombiner.bootTimeOf(a).isPresent();
        }
    }

    /**
     * What to do with the copy at {@code location}, given the artifacts read so far.
     *
     * @param mayDefer whether the bundle can be looked at again (a file or folder, not a stream)
     */
    public synchronized Decision decide(Location location, boolean mayDefer) {
        if (!mayBeSkipped(location)) {
            return Decision.READ;
        }
        int p = location.preference();
        int sure = bootTimeKnown ? Math.min(bestClockedWhole, bestRawWhole) : bestClockedWhole;
        int sureWrapped = bootTimeKnown ? Math.min(bestClockedWrapped, bestRawWrapped) : bestClockedWrapped;
        if (sure < p || filledAbove(sureWrapped, p)) {
            return Decision.SKIP;
        }
        if (mayDefer && !bootTimeKnown && (bestRawWhole < p || filledAbove(bestRawWrapped, p))) {
            return Decision.DEFER;
        }
        return Decision.READ;
    }

    /** Whether a wrapped ring buffer placed at {@code wrapped} has a syslog copy to fill it placed above {@code p}. */
    private boolean filledAbove(int wrapped, int p) {
        Integer filler = wrapped == Integer.MAX_VALUE ? null : syslogCopies.higher(wrapped);
        return filler != null && filler < p;
    }
}
