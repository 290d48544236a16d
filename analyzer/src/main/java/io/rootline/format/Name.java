package io.rootline.format;

import java.util.List;
import java.util.Set;

/**
 * A name a rule may read, as something declares it: a format, the kernel message table, a
 * combiner. Rules are checked against these: a name nothing declares is an error at its
 * place in the rule file, never a fact that is silently absent.
 */
public sealed interface Name {

    /** Whether {@code name} is this name (or one of this family's). */
    boolean covers(String name);

    /** The names a misspelling may be compared with ("did you mean ...?"). */
    Set<String> spellings();

    /** The labels each value carries (cpu, iface, queue, ...): empty for a name with one value. */
    default List<String> labels() {
        return List.of();
    }

    /** What it is, for the documentation. */
    String describe();

    /** A fact with one value, or one per combination of its labels. */
    static Name fact(String name, String... labels) {
        return new Fact(name, List.of(labels), "");
    }

    /** An event kind. */
    static Name event(String kind) {
        return new Event(kind);
    }

    /** A table rules iterate with {@code for_each:}, rows with these columns. */
    static Name table(String name, String... columns) {
        return new Table(name, List.of(columns));
    }

    /**
     * Facts under a prefix whose last parts are the bundle's own ("sysctl." then any key sysctl
     * prints): any name that starts with the prefix and matches {@code rest} is declared.
     */
    static Name open(String prefix, String rest, String description, String... labels) {
        return new Open(prefix, java.util.regex.Pattern.compile(rest), description, List.of(labels));
    }

    /** Facts under a prefix, each named: a misspelt one is not among them. */
    static Name closed(String prefix, Set<String> names, String description) {
        return new Closed(prefix, Set.copyOf(names), description);
    }

    record Fact(String name, List<String> labels, String description) implements Name {
        public boolean covers(String n) {
            return name.equals(n);
        }

        public Set<String> spellings() {
            return Set.of(name);
        }

        public String describe() {
            return name + (labels.isEmpty() ? "" : " (by " + String.join(", ", labels) + ")");
        }
    }

    record Event(String kind) implements Name {
        public boolean covers(String n) {
            return kind.equals(n);
        }

        public Set<String> spellings() {
            return Set.of(kind);
        }

        public String describe() {
            return kind;
        }
    }

    record Table(String name, List<String> columns) implements Name {
        public boolean covers(String n) {
            return name.equals(n);
        }

        public Set<String> spellings() {
            return Set.of(name);
        }

        public String describe() {
            return name + " (rows: " + String.join(", ", columns) + ")";
        }
    }

    record Open(String prefix, java.util.regex.Pattern rest, String description, List<String> labels) implements Name {
        public boolean covers(String n) {
            return n.startsWith(prefix) && rest.matcher(n.substring(prefix.length())).matches();
        }

        public Set<String> spellings() {
            return Set.of();
        }

        public String describe() {
            return prefix + "<" + description + ">";
        }
    }

    record Closed(String prefix, Set<String> names, String description) implements Name {
        public boolean covers(String n) {
            return names.contains(n);
        }

        public Set<String> spellings() {
            return names;
        }

        public String describe() {
            return prefix + "<" + description + ">";
        }
    }
}
