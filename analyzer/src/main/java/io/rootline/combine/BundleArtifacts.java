package io.rootline.combine;

import io.rootline.parse.ArtifactStatus;
import io.rootline.parse.ParsedArtifact;
import io.rootline.model.Fact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every artifact read from one bundle, and which one stands for each logical
 * artifact. When sos kept the same evidence twice (dmesg and dmesg -T, a file and its
 * tailed copy) only one is used, so that nothing is counted twice.
 */
public final class BundleArtifacts {

    private final List<ParsedArtifact> all;
    private final Map<String, ParsedArtifact> chosen = new HashMap<>();
    /** The copy of the kernel log that fills the time before a wrapped ring buffer, or null. */
    private ParsedArtifact kernelLogBefore;

    public BundleArtifacts(List<ParsedArtifact> all) {
        this.all = new ArrayList<>(all);
    }

    public List<ParsedArtifact> all() {
        return List.copyOf(all);
    }

    /** Every artifact read for a logical name, best path first. */
    public List<ParsedArtifact> every(String logical) {
        List<ParsedArtifact> list = new ArrayList<>();
        for (ParsedArtifact a : all) {
            if (logical.equals(a.logical())) {
                list.add(a);
            }
        }
        list.sort(Comparator.comparingInt(ParsedArtifact::preference));
        return list;
    }

    /**
     * Chooses the artifact that stands for {@code logical}: the best-placed one that
     * was not a failure and that {@code usable} accepts, else the best-placed one.
     */
    public Optional<ParsedArtifact> choose(String logical, Predicate<ParsedArtifact> usable) {
        List<ParsedArtifact> candidates = every(logical);
        Optional<ParsedArtifact> pick = candidates.stream()
                .filter(a -> a.status().usable() && usable.test(a)).findFirst()
                .or(() -> candidates.stream().filter(a -> a.status().usable()).findFirst());
        pick.ifPresent(a -> chosen.put(logical, a));
        return pick;
    }

    /**
     * Lists every copy of {@code logical} placed below the chosen one as {@link ArtifactStatus#SKIPPED},
     * parsed or not. Such copies are the ones reading may skip (see {@link KernelLogChoice}), and
     * whether it did depends on the order an archive holds its members in; listed alike, they
     * make the report the same for every order and for the folder the archive came from.
     */
    public void skipBelowChosen(String logical) {
        ParsedArtifact used = chosen.get(logical);
        if (used == null) {
            return;
        }
        all.replaceAll(a -> logical.equals(a.logical()) && a.preference() > used.preference() ? a.asSkipped() : a);
    }

    /** Puts artifacts read by a second look at the bundle in place of the placeholders at their paths. */
    public void replace(List<ParsedArtifact> read) {
        Map<String, ParsedArtifact> byPath = new HashMap<>();
        read.forEach(a -> byPath.put(a.path(), a));
        all.replaceAll(a -> byPath.getOrDefault(a.path(), a));
    }

    /**
     * Uses the copies of the kernel log chosen: the primary one, and the one that fills the time
     * before it when the ring buffer wrapped. Every other copy placed below the primary is
     * listed as {@link ArtifactStatus#SKIPPED}, as {@link #skipBelowChosen} does.
     */
    public void useKernelLog(KernelLogChoice.Choice choice) {
        ParsedArtifact primary = choice.primary();
        chosen.put(KernelLogChoice.LOGICAL, primary);
        kernelLogBefore = choice.before();
        all.replaceAll(a -> KernelLogChoice.LOGICAL.equals(a.logical()) && a != primary && a != kernelLogBefore
                && a.preference() > primary.preference() ? a.asSkipped() : a);
    }

    /** The copy of the kernel log that fills the time before the primary one, if its ring buffer wrapped. */
    public Optional<ParsedArtifact> kernelLogBefore() {
        return Optional.ofNullable(kernelLogBefore);
    }

    public Optional<ParsedArtifact> choose(String logical) {
        return choose(logical, a -> true);
    }

    /** The artifact chosen for a logical name (after {@link #choose}). */
    public Optional<ParsedArtifact> chosen(String logical) {
        return Optional.ofNullable(chosen.get(logical));
    }

    /**
     * Whether the bundle holds a usable copy of this logical artifact. An empty or
     * unreadable file is not collected: reading it as "nothing wrong" would be a false healthy.
     */
    public boolean collected(String logical) {
        if (KernelLogChoice.LOGICAL.equals(logical)) {
            // only a copy the choice took: another host's log, or a journal without a kernel line, is none
            return chosen.containsKey(logical);
        }
        return all.stream().anyMatch(a -> logical.equals(a.logical()) && a.status().usable());
    }

    /** The artifact used instead of this one, if another was chosen for its logical name. */
    public Optional<ParsedArtifact> supersededBy(ParsedArtifact artifact) {
        ParsedArtifact used = chosen.get(artifact.logical());
        return used == null || used == artifact || artifact == kernelLogBefore ? Optional.empty() : Optional.of(used);
    }

    /** A fact from the chosen artifact of a logical name. */
    public Optional<Fact> fact(String logical, String key) {
        return chosen(logical).flatMap(a -> a.facts().stream().filter(f -> f.key().equals(key)).findFirst());
    }

    /**
     * Facts of every chosen artifact (and of every artifact of "many" kinds), every value kept:
     * the artifacts are taken in the catalog's order of logical artifacts, so that a counter
     * netstat -s words comes first, and is quoted, rather than /proc/net/netstat's row of numbers.
     */
    public io.rootline.model.FactStore facts(List<String> manyLogicals) {
        io.rootline.model.FactStore facts = new io.rootline.model.FactStore();
        List<String> order = io.rootline.locate.ArtifactCatalog.all().stream().map(io.rootline.locate.LogicalArtifact::name).toList();
        List<ParsedArtifact> used = new ArrayList<>(used(manyLogicals));
        used.sort(Comparator.comparingInt(a -> a.logical() == null ? Integer.MAX_VALUE : order.indexOf(a.logical())));
        for (ParsedArtifact a : used) {
            a.facts().forEach(facts::add);
        }
        return facts;
    }

    /** The artifacts whose facts and events are used: the chosen ones and all of the "many" kinds. */
    public List<ParsedArtifact> used(List<String> manyLogicals) {
        List<ParsedArtifact> used = new ArrayList<>();
        for (ParsedArtifact a : all) {
            boolean many = manyLogicals.contains(a.logical()) && a.status().usable();
            if (many || chosen.get(a.logical()) == a || a == kernelLogBefore) {
                used.add(a);
            }
        }
        return used;
    }
}
