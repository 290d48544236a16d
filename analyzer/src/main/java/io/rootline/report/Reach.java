package io.rootline.report;

import io.rootline.model.Evidence;
import io.rootline.rules.PassedRule;
import java.util.List;

/**
 * How far the analysis reached, so that no report reads as healthy by omission: the rules that
 * passed and what they checked, and the evidence the bundle holds that no rule examined.
 *
 * @param passed       the rules decided that did not fire, with the artifacts their decisions read
 * @param notExamined  files of network evidence (sos_commands/networking, conntrack, firewall_tables,
 *                     kernel, logs; proc/net) that no format rootline reads: listed one by one
 * @param notRead      every other file nothing reads, counted by folder (sys/, proc/, sos_commands/apt, ...)
 * @param readByNoRule artifacts read (a format knows them) that no rule nor the clock and host reading uses
 * @param unchecked    counters of drops and errors, not zero, that no rule checks (the largest first)
 */
public record Reach(List<PassedRule> passed, List<File> notExamined, List<Folder> notRead, List<File> readByNoRule,
                    List<Counter> unchecked) {

    public static final Reach NONE = new Reach(List.of(), List.of(), List.of(), List.of(), List.of());

    public Reach {
        passed = List.copyOf(passed);
        notExamined = List.copyOf(notExamined);
        notRead = List.copyOf(notRead);
        readByNoRule = List.copyOf(readByNoRule);
        unchecked = List.copyOf(unchecked);
    }

    /** A file, and what was (or was not) done with it: "sos-version", "no format rootline reads". */
    public record File(String path, String what) {
    }

    /** A folder's files that nothing reads, counted. */
    public record Folder(String folder, long files) {
    }

    /** A counter no rule checks: its name, its value, and where it was read. */
    public record Counter(String name, String value, Evidence evidence) {
    }

    /** Files counted in {@link #notRead}. */
    public long notReadFiles() {
        return notRead.stream().mapToLong(Folder::files).sum();
    }
}
