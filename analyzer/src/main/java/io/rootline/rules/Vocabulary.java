package io.rootline.rules;

import io.rootline.format.Format;
import io.rootline.format.Formats;
import io.rootline.format.Name;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * Every name a rule may read and what supplies it: the formats' facts, events and tables,
 * the combiners' views, and the kernel messages of the packs loaded. Rules are checked against
 * it when they load, and "not evaluated: needs X" names the artifacts it says supply a name.
 */
public final class Vocabulary {

    /** A declared name and the logical artifacts, any one of which supplies it, best first. */
    public record Entry(Name name, List<String> providers) {
        public Entry {
            providers = List.copyOf(providers);
        }
    }

    private static final Vocabulary INSTALLED = of(Formats.installed(), combiners())
            .withMessages(io.rootline.parse.KernelMessageTable.bundled());

    private final List<Entry> entries;

    private Vocabulary(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The names of what this build registers. */
    public static Vocabulary installed() {
        return INSTALLED;
    }

    static Vocabulary of(Formats formats, List<io.rootline.combine.Combiner> combiners) {
        List<Entry> entries = new ArrayList<>();
        for (Format f : formats.all()) {
            for (Format.Supply s : f.supplies()) {
                s.names().forEach(n -> entries.add(new Entry(n, List.of(s.artifact()))));
            }
        }
        for (io.rootline.combine.Combiner c : combiners) {
            c.writes().forEach(o -> entries.add(new Entry(o.name(), o.from())));
        }
        return new Vocabulary(entries);
    }

    private static List<io.rootline.combine.Combiner> combiners() {
        List<io.rootline.combine.Combiner> found = new ArrayList<>();
        ServiceLoader.load(io.rootline.combine.Combiner.class, Vocabulary.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparing(io.rootline.combine.Combiner::name));
        return found;
    }

    /** This vocabulary and the event kinds of a table of kernel messages, which the kernel log supplies. */
    public Vocabulary withMessages(io.rootline.parse.KernelMessageTable messages) {
        List<Entry> kinds = new ArrayList<>();
        for (String kind : messages.kinds()) {
            if (!isEvent(kind)) {
                kinds.add(new Entry(Name.event(kind), List.of("kernel-log")));
            }
        }
        return kinds.isEmpty() ? this : with(kinds);
    }

    /** This vocabulary and more names (the event kinds of a pack's own kernel messages). */
    public Vocabulary with(List<Entry> more) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(more);
        return new Vocabulary(all);
    }

    /** The declarations that cover a name, first declared first. */
    public List<Entry> find(String name) {
        List<Entry> found = new ArrayList<>();
        for (Entry e : entries) {
            if (e.name().covers(name)) {
                found.add(e);
            }
        }
        return found;
    }

    public boolean declares(String name) {
        return entries.stream().anyMatch(e -> e.name().covers(name));
    }

    /** Whether an event kind of this name is declared. */
    public boolean isEvent(String kind) {
        return entries.stream().anyMatch(e -> e.name() instanceof Name.Event && e.name().covers(kind));
    }

    /** The table of this name, if one is declared. */
    public Optional<Name.Table> table(String name) {
        return entries.stream().map(Entry::name).filter(n -> n instanceof Name.Table && n.covers(name)).map(n -> (Name.Table) n)
                .findFirst();
    }

    /** The labels a name's values carry (empty for a name with one value). */
    public List<String> labels(String name) {
        return entries.stream().filter(e -> e.name().covers(name)).map(e -> e.name().labels()).filter(l -> !l.isEmpty())
                .findFirst().orElse(List.of());
    }

    /**
     * The logical artifacts that supply a name, in the order declared (any one will do); empty
     * for a name nothing declares.
     */
    public List<String> providers(String name) {
        Set<String> providers = new LinkedHashSet<>();
        for (Entry e : entries) {
            if (e.name().covers(name)) {
                providers.addAll(e.providers());
            }
        }
        return List.copyOf(providers);
    }

    /** The declared name nearest to a misspelt one, when one is near enough to be meant. */
    public Optional<String> nearest(String name, boolean events) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Entry e : entries) {
            if ((e.name() instanceof Name.Event) != events) {
                continue;
            }
            for (String candidate : e.name().spellings()) {
                int d = distance(name, candidate, Math.min(bestDistance, name.length() + candidate.length()));
                if (d < bestDistance) {
                    best = candidate;
                    bestDistance = d;
                }
            }
        }
        // near enough to be meant: a letter or two, or under two fifths of the longer name
        return best != null && bestDistance <= Math.max(2, Math.max(name.length(), best.length()) * 2 / 5)
                ? Optional.of(best) : Optional.empty();
    }

    /** Every declared name's spelling of a kind, for documentation and checks. */
    public List<Entry> entries() {
        return entries;
    }

    /** Levenshtein distance, giving up (returning {@code cap}) once it cannot be below it. */
    private static int distance(String a, String b, int cap) {
        if (Math.abs(a.length() - b.length()) >= cap) {
            return cap;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= cap) {
                return cap;
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
