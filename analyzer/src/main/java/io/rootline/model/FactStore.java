package io.rootline.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The facts of one bundle, by name, every value kept: one per label combination (a counter of
 * each CPU), and one per capture (the same counter from netstat -s and /proc/net/netstat),
 * in the order added, the preferred capture first. A name with one value is read with
 * {@link #one}; labelled names are read whole with {@link #all}, as rules aggregate them.
 */
public final class FactStore {

    private final Map<String, List<Fact>> byName = new LinkedHashMap<>();

    public FactStore() {
    }

    public FactStore(Collection<Fact> facts) {
        facts.forEach(this::add);
    }

    /** Adds a value; an earlier one of the same name and labels stays the one {@link #one} gives. */
    public void add(Fact fact) {
        byName.computeIfAbsent(fact.key(), k -> new ArrayList<>(1)).add(fact);
    }

    /** Adds a value unless the name has one already (a combiner's fallback for what the bundle said itself). */
    public void addIfAbsent(Fact fact) {
        if (!byName.containsKey(fact.key())) {
            add(fact);
        }
    }

    /**
     * The value of a name read as one: its first value without labels, from the preferred
     * capture; or, for a labelled name, its value when it has exactly one.
     */
    public Optional<Fact> one(String name) {
        List<Fact> facts = byName.get(name);
        if (facts == null) {
            return Optional.empty();
        }
        for (Fact f : facts) {
            if (f.labels().isEmpty()) {
                return Optional.of(f);
            }
        }
        return facts.size() == 1 ? Optional.of(facts.get(0)) : Optional.empty();
    }

    /** Every value of a name, in the order added. */
    public List<Fact> all(String name) {
        return byName.getOrDefault(name, List.of());
    }

    /**
     * One value per label combination: the first of each (the preferred capture's), so that a
     * counter kept by two captures counts once.
     */
    public List<Fact> distinct(String name) {
        Map<Map<String, String>, Fact> first = new LinkedHashMap<>();
        for (Fact f : all(name)) {
            first.putIfAbsent(f.labels(), f);
        }
        return List.copyOf(first.values());
    }

    public boolean has(String name) {
        return byName.containsKey(name);
    }

    public Set<String> names() {
        return byName.keySet();
    }

    /** Every value, name by name. */
    public List<Fact> values() {
        List<Fact> all = new ArrayList<>();
        byName.values().forEach(all::addAll);
        return all;
    }
}
