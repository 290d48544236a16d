package io.rootline.parse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which application failure a set of Java exception classes stands for, read from
 * {@code exception-kinds.tsv}. Rows are tried in order and the first whose classes
 * all appear in the record wins, so specific rows (a Jedis error caused by a socket
 * timeout) come before general ones (any socket timeout).
 */
final class ExceptionKinds {

    record Match(String kind, String exception) {
    }

    private record Row(String kind, List<String> classes) {
    }

    private static final List<Row> ROWS = load();

    private ExceptionKinds() {
    }

    /** The kind for a record naming these classes, or null when none applies. */
    static Match classify(Collection<String> exceptions) {
        Set<String> present = new LinkedHashSet<>(exceptions);
        for (Row row : ROWS) {
            if (present.containsAll(row.classes)) {
                return new Match(row.kind, row.classes.get(row.classes.size() - 1));
            }
        }
        return null;
    }

    static Set<String> kinds() {
        Set<String> kinds = new LinkedHashSet<>();
        ROWS.forEach(r -> kinds.add(r.kind));
        return kinds;
    }

    private static List<Row> load() {
        List<Row> rows = new ArrayList<>();
        for (String[] cols : TsvResource.rows(ExceptionKinds.class, "exception-kinds.tsv")) {
            List<String> classes = new ArrayList<>();
            for (String c : cols[1].split("\\+")) {
                classes.add(c.trim());
            }
            rows.add(new Row(cols[0].trim(), List.copyOf(classes)));
        }
        return List.copyOf(rows);
    }
}
