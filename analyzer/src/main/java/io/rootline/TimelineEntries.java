package io.rootline;

import io.rootline.model.Evidence;
import io.rootline.report.TimelineEntry;
import io.rootline.rules.Finding;
import io.rootline.rules.SymptomMatch;
import io.rootline.timeline.Burst;
import java.time.Instant;
import java.util.AbstractList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The report's timeline before selection: each burst as an entry, with the finding it
 * belongs to. Entries are made as the selection reads them, and making one allocates only
 * the entry and its parts: a long log has tens of thousands of bursts, each read twice.
 */
final class TimelineEntries {

    private final List<Finding> findings;
    /**
     * The lines findings quote, by path: a few dozen, though their numbers run to the tens of
     * millions in a long log (a set of bits up to them would grow with the log).
     */
    private final Map<String, Set<Integer>> quotedLines = new HashMap<>();

    TimelineEntries(List<Finding> findings) {
        this.findings = findings;
        for (Finding f : findings) {
            for (Evidence e : f.evidence()) {
                if (e.line() >= 0) {
                    quotedLines.computeIfAbsent(e.path(), p -> new HashSet<>()).add(e.line());
                }
            }
        }
    }

    /** Each kind's bursts as entries, in the bursts' order. */
    List<List<TimelineEntry>> byKind(Map<String, List<Burst>> bursts) {
        return bursts.values().stream().map(this::entries).toList();
    }

    /** Whether a finding quotes the entry's first line. */
    Predicate<TimelineEntry> quoted() {
        return t -> quoted(t.path(), t.line());
    }

    private boolean quoted(String path, int line) {
        Set<Integer> lines = quotedLines.get(path);
        return lines != null && lines.contains(line);
    }

    /**
     * Whether the finding quotes this line. Compared by place, which decides the text too,
     * rather than by {@link Evidence#equals}: a record's equals is linked through method
     * handles on its first call, at a cost of milliseconds.
     */
    private static boolean quotes(Finding f, String path, int line) {
        for (Evidence e : f.evidence()) {
            if (e.line() == line && e.path().equals(path)) {
                return true;
            }
        }
        return false;
    }

    private List<TimelineEntry> entries(List<Burst> kind) {
        return new AbstractList<>() {
            @Override
            public TimelineEntry get(int i) {
                Burst b = kind.get(i);
                Instant first = b.first();
                return new TimelineEntry(first, b.last(), b.firstBoot(), b.kind(), b.printed(), b.suppressed(),
                        b.text(), b.path(), b.line(), anchor(b, first));
            }

            @Override
            public int size() {
                return kind.size();
            }
        };
    }

    /**
     * The finding a burst belongs to: as cause (a burst of its cause's kinds inside its span, or
     * one whose first line it quotes) or as an aligned symptom.
     */
    private String anchor(Burst b, Instant first) {
        String path = b.path();
        int line = b.line();
        boolean quoted = quoted(path, line);
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            if (quoted && quotes(f, path, line)) {
                return f.rule();
            }
            if (first != null && f.firstSeen() != null && f.causeKinds().contains(b.kind())
                    && !first.isBefore(f.firstSeen()) && !first.isAfter(f.lastSeen())) {
                return f.rule();
            }
            for (int j = 0; j < f.symptoms().size(); j++) {
                SymptomMatch s = f.symptoms().get(j);
                if (s.kind().equals(b.kind()) && first != null && !first.isBefore(s.firstSeen())
                        && !first.isAfter(s.lastSeen())) {
                    return f.rule();
                }
            }
        }
        return null;
    }
}
