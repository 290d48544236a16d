package io.rootline;

import io.rootline.combine.BundleArtifacts;
import io.rootline.combine.ClockCombiner;
import io.rootline.combine.HostCombiner;
import io.rootline.locate.ArtifactCatalog;
import io.rootline.model.Fact;
import io.rootline.parse.ParsedArtifact;
import io.rootline.report.Reach;
import io.rootline.rules.RuleOutcomes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What one analysis reached ({@link Reach}): the rules that passed and what they checked, and
 * the evidence no rule examined, so that "no findings" is never read as health. A support
 * engineer at 3 am must see that conntrack -S, softnet_stat or a UDP error counter was in the
 * bundle and that nothing looked at it.
 */
final class Coverage {

    /** Logical artifacts read by rootline itself rather than by rules: the clock, the host's facts, the layout. */
    private static final Set<String> READ_FOR_THE_REPORT = new HashSet<>();

    static {
        READ_FOR_THE_REPORT.addAll(ClockCombiner.READS);
        READ_FOR_THE_REPORT.addAll(HostCombiner.READS);
        READ_FOR_THE_REPORT.add("sos-version");
    }

    /** Counters of loss and failure: a non-zero one no rule checks is worth a line. */
    private static final Pattern TROUBLE = Pattern.compile("(?i).*(drop|err|fail|overflow|overrun|prune|discard|collaps|missed).*");

    /** Counters listed at most, the largest first. */
    static final int UNCHECKED = 10;

    private Coverage() {
    }

    static Reach reach(RuleOutcomes outcomes, BundleArtifacts artifacts, List<String> many, io.rootline.model.FactStore facts,
                       List<ArtifactCollector.NotExamined> unread) {
        List<Reach.File> notExamined = new ArrayList<>();
        Map<String, Long> counted = new TreeMap<>();
        for (ArtifactCollector.NotExamined n : unread) {
            if (ArtifactCatalog.evidenceArea(n.path())) {
                notExamined.add(new Reach.File(n.path(), n.why()));
            } else {
                counted.merge(ArtifactCatalog.countedUnder(n.path()), 1L, Long::sum);
            }
        }
        // by folder, and in a folder the drop evidence first: a list cut short still shows conntrack -S and softnet_stat
        notExamined.sort(Comparator.comparing((Reach.File f) -> f.path().substring(0, f.path().lastIndexOf('/') + 1))
                .thenComparingInt(f -> ArtifactCatalog.listingRank(f.path())).thenComparing(Reach.File::path));
        List<Reach.Folder> notRead = new ArrayList<>();
        counted.forEach((folder, files) -> notRead.add(new Reach.Folder(folder, files)));
        notRead.sort(Comparator.comparingLong(Reach.Folder::files).reversed().thenComparing(Reach.Folder::folder));

        Set<String> readByRules = new HashSet<>();
        for (String name : outcomes.namesRead()) {
            readByRules.addAll(io.rootline.rules.Vocabulary.installed().providers(name));
        }
        List<Reach.File> readByNoRule = new ArrayList<>();
        for (ParsedArtifact a : artifacts.used(many)) {
            if (a.logical() != null && !readByRules.contains(a.logical()) && !READ_FOR_THE_REPORT.contains(a.logical())) {
                readByNoRule.add(new Reach.File(a.path(), a.logical()));
            }
        }
        readByNoRule.sort(Comparator.comparing(Reach.File::path));

        List<Fact> trouble = new ArrayList<>();
        for (String name : facts.names()) {
          for (Fact f : facts.distinct(name)) {
            String key = f.key();
            if (f.evidence() != null && f.isNumber() && f.number().compareTo(BigDecimal.ZERO) > 0
                    && (key.startsWith("netstat.") || key.startsWith("iface."))
                    && TROUBLE.matcher(key.substring(key.lastIndexOf('.') + 1)).matches() && !outcomes.namesRead().contains(key)) {
                trouble.add(f);
            }
          }
        }
        trouble.sort(Comparator.comparing((Fact f) -> f.number()).reversed().thenComparing(Fact::key));
        List<Reach.Counter> unchecked = trouble.stream().limit(UNCHECKED)
                .map(f -> new Reach.Counter(f.display(), f.text(), f.evidence())).toList();
        return new Reach(outcomes.passed(), notExamined, notRead, readByNoRule, unchecked);
    }
}
