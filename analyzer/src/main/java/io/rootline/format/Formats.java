package io.rootline.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The formats registered with {@link ServiceLoader}, each once, checked as they load: names
 * unique, each logical artifact declared by one format, each source and supply naming a
 * declared one. A misdeclared format stops the program at start-up, not a bundle later.
 */
public final class Formats {

    private static final Formats INSTALLED = load();

    private final List<Format> all;
    private final Map<String, Format> byName = new HashMap<>();
    private final Map<String, Format.Artifact> artifacts = new LinkedHashMap<>();
    private final Map<String, Format> declaredBy = new HashMap<>();

    /** The formats given, checked; {@link #installed} is what this build registers. */
    public Formats(List<Format> formats) {
        List<Format> sorted = new ArrayList<>(formats);
        sorted.sort(Comparator.comparing(Format::name));
        this.all = List.copyOf(sorted);
        for (Format f : all) {
            if (byName.put(f.name(), f) != null) {
                throw new IllegalStateException("two formats are named " + f.name());
            }
            for (Format.Artifact a : f.artifacts()) {
                if (artifacts.put(a.name(), a) != null) {
                    throw new IllegalStateException("logical artifact " + a.name() + " is declared by " + declaredBy.get(a.name())
                            + " and " + f.name());
                }
                declaredBy.put(a.name(), f);
            }
        }
        for (Format f : all) {
            for (Format.Source s : f.sources()) {
                if (!artifacts.containsKey(s.artifact())) {
                    throw new IllegalStateException(f.name() + " keeps " + s.path() + " for " + s.artifact() + ", which no format declares");
                }
            }
            for (Format.Supply s : f.supplies()) {
                if (!artifacts.containsKey(s.artifact())) {
                    throw new IllegalStateException(f.name() + " supplies names for " + s.artifact() + ", which no format declares");
                }
            }
        }
    }

    private static Formats load() {
        List<Format> found = new ArrayList<>();
        ServiceLoader.load(Format.class, Format.class.getClassLoader()).forEach(found::add);
        if (found.isEmpty()) {
            throw new IllegalStateException("no format is registered (META-INF/services/io.rootline.format.Format is missing)");
        }
        return new Formats(found);
    }

    /** The formats this build registers. */
    public static Formats installed() {
        return INSTALLED;
    }

    /** Every format, by name. */
    public List<Format> all() {
        return all;
    }

    public Optional<Format> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The format of this name; it must be registered. */
    public Format get(String name) {
        Format f = byName.get(name);
        if (f == null) {
            throw new IllegalArgumentException("no format is named " + name + " (known: " + byName.keySet() + ")");
        }
        return f;
    }

    /** Every logical artifact, in the order of the formats that declare them. */
    public List<Format.Artifact> artifacts() {
        return List.copyOf(artifacts.values());
    }

    /** The format that declares a logical artifact. */
    public Format declaring(String artifact) {
        return declaredBy.get(artifact);
    }

    /** The formats judged by content at unknown paths, most distinctive first. */
    public List<Format> sniffed() {
        return all.stream().filter(f -> f.sniffRank() >= 0).sorted(Comparator.comparingInt(Format::sniffRank)
                .thenComparing(Format::name)).toList();
    }
}
