package io.rootline.rules;

import io.rootline.model.Numbers;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A compiled rule expression. Values are exact decimals, text or true/false.
 * Evaluating a name the bundle does not supply throws {@link MissingValue}, which
 * the engine reports as "not evaluated: needs X" rather than reading it as zero.
 */
sealed interface Expr {

    Object eval(Scope scope);

    /** Names this expression reads, for reporting what a rule needs. */
    default Set<String> names() {
        Set<String> names = new TreeSet<>();
        collect(names);
        return names;
    }

    void collect(Set<String> names);

    /** A name the bundle did not supply. */
    final class MissingValue extends RuntimeException {
        private final String name;

        MissingValue(String name) {
            super("needs " + name, null, false, false);
            this.name = name;
        }

        String name() {
            return name;
        }
    }

    /** Where expressions find names. */
    interface Scope {
        /** The value of a name, or null when the bundle lacks it. */
        Object lookup(String name);

        /** The values of a labelled name, one per label combination; empty for a name with one value or none. */
        default List<io.rootline.model.Fact> rows(String name) {
            return List.of();
        }

        /** This scope inside one row of an aggregate or a for_each: its labels read by name, labelled names at them. */
        default Scope at(java.util.Map<String, String> labels) {
            return new RowScope(this, labels);
        }
    }

    /**
     * A scope at one combination of labels ({@code cpu=3}): a label's name gives its value, and
     * a labelled name gives the sum of its values whose labels agree with the row's (so a row
     * of an interface reads a per-queue counter summed over the queues).
     */
    record RowScope(Scope parent, java.util.Map<String, String> labels) implements Scope {
        public Object lookup(String name) {
            String label = labels.get(name);
            if (label != null) {
                return label;
            }
            List<io.rootline.model.Fact> matching = rows(name);
            if (!matching.isEmpty()) {
                if (matching.size() == 1) {
                    io.rootline.model.Fact f = matching.get(0);
                    return f.number() != null ? f.number() : f.text();
                }
                BigDecimal sum = BigDecimal.ZERO;
                for (io.rootline.model.Fact f : matching) {
                    if (f.number() == null) {
                        throw new IllegalArgumentException(name + " has " + matching.size() + " texts at " + labels + ": not a number to add");
                    }
                    sum = sum.add(f.number());
                }
                return sum;
            }
            return parent.rows(name).isEmpty() ? parent.lookup(name) : null;
        }

        public List<io.rootline.model.Fact> rows(String name) {
            List<io.rootline.model.Fact> all = parent.rows(name);
            if (all.isEmpty()) {
                return all;
            }
            List<io.rootline.model.Fact> matching = new java.util.ArrayList<>();
            for (io.rootline.model.Fact f : all) {
                if (agrees(f.labels(), labels)) {
                    matching.add(f);
                }
            }
            return matching;
        }

        public Scope at(java.util.Map<String, String> more) {
            java.util.Map<String, String> merged = new java.util.TreeMap<>(labels);
            merged.putAll(more);
            return new RowScope(parent, merged);
        }

        /** Whether two label sets agree on every label they share. */
        static boolean agrees(java.util.Map<String, String> a, java.util.Map<String, String> b) {
            for (var e : b.entrySet()) {
                String v = a.get(e.getKey());
                if (v != null && !v.equals(e.getValue())) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * An aggregate over the rows of the labelled facts its argument reads: {@code any},
     * {@code all}, {@code count} (rows where it holds), {@code sum}, {@code max}, {@code min} and
     * {@code top} (the labels of the row with the largest value). The rows are the label
     * combinations of the first labelled name read, grouped by {@code by} when given, kept where
     * {@code where} holds. A row whose value cannot be computed is passed over. An argument
     * that reads no labelled name is one row.
     */
    record Aggregate(String function, Expr arg, List<String> by, Expr where) implements Expr {

        static final Set<String> FUNCTIONS = Set.of("any", "all", "count", "sum", "max", "min", "top");

        public Object eval(Scope scope) {
            List<java.util.Map<String, String>> rows = rows(scope);
            BigDecimal best = null;
            String bestRow = null;
            BigDecimal sum = BigDecimal.ZERO;
            long count = 0;
            long seen = 0;
            MissingValue missing = null;
            for (java.util.Map<String, String> row : rows) {
                Scope in = row.isEmpty() ? scope : scope.at(row);
                Object value;
                try {
                    if (where != null && !bool(where.eval(in))) {
                        continue;
                    }
                    value = arg.eval(in);
                } catch (MissingValue e) {
                    missing = missing == null ? e : missing;
                    continue;
                }
                seen++;
                switch (function) {
                    case "any", "all", "count" -> count += bool(value) ? 1 : 0;
                    default -> {
                        BigDecimal n = number(value);
                        sum = sum.add(n);
                        if (best == null || (function.equals("min") ? n.compareTo(best) < 0 : n.compareTo(best) > 0)) {
                            best = n;
                            bestRow = describe(row);
                        }
                    }
                }
            }
            if (seen == 0 && missing != null && !function.equals("count") && !function.equals("sum")) {
                throw missing;
            }
            return switch (function) {
                case "any" -> count > 0;
                case "all" -> count == seen;
                case "count" -> BigDecimal.valueOf(count);
                case "sum" -> sum;
                case "max", "min" -> {
                    if (best == null) {
                        throw new MissingValue(firstName());
                    }
                    yield best;
                }
                case "top" -> {
                    if (bestRow == null) {
                        throw new MissingValue(firstName());
                    }
                    yield bestRow;
                }
                default -> throw new IllegalStateException(function);
            };
        }

        /** The label combinations to range over, grouped by {@code by}. */
        private List<java.util.Map<String, String>> rows(Scope scope) {
            Set<String> names = new java.util.LinkedHashSet<>();
            arg.collect(names);
            if (where != null) {
                where.collect(names);
            }
            for (String name : names) {
                List<io.rootline.model.Fact> facts = scope.rows(name);
                if (facts.isEmpty() || facts.get(0).labels().isEmpty()) {
                    continue;
                }
                java.util.Set<java.util.Map<String, String>> rows = new java.util.LinkedHashSet<>();
                for (io.rootline.model.Fact f : facts) {
                    if (by.isEmpty()) {
                        rows.add(f.labels());
                    } else {
                        java.util.Map<String, String> group = new java.util.TreeMap<>();
                        for (String label : by) {
                            String v = f.labels().get(label);
                            if (v != null) {
                                group.put(label, v);
                            }
                        }
                        rows.add(group);
                    }
                }
                return List.copyOf(rows);
            }
            return List.of(java.util.Map.of());
        }

        private String firstName() {
            Set<String> names = new java.util.TreeSet<>();
            arg.collect(names);
            return names.isEmpty() ? function + "()" : names.iterator().next();
        }

        /** "eth0", or "iface=eth0, queue=3" when the row has several labels. */
        private static String describe(java.util.Map<String, String> row) {
            if (row.size() == 1) {
                return row.values().iterator().next();
            }
            StringBuilder b = new StringBuilder();
            row.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(v));
            return b.toString();
        }

        public void collect(Set<String> names) {
            arg.collect(names);
            if (where != null) {
                where.collect(names);
            }
        }
    }

    record Literal(Object value) implements Expr {
        public Object eval(Scope scope) {
            return value;
        }

        public void collect(Set<String> names) {
        }
    }

    record Name(String name) implements Expr {
        public Object eval(Scope scope) {
            Object v = scope.lookup(name);
            if (v == null) {
                throw new MissingValue(name);
            }
            return v;
        }

        public void collect(Set<String> names) {
            names.add(name);
        }
    }

    record Unary(String op, Expr operand) implements Expr {
        public Object eval(Scope scope) {
            Object v = operand.eval(scope);
            return op.equals("-") ? number(v).negate() : !bool(v);
        }

        public void collect(Set<String> names) {
            operand.collect(names);
        }
    }

    record Binary(String op, Expr left, Expr right) implements Expr {
        public Object eval(Scope scope) {
            if (op.equals("and")) {
                return bool(left.eval(scope)) && bool(right.eval(scope));
            }
            if (op.equals("or")) {
                return bool(left.eval(scope)) || bool(right.eval(scope));
            }
            Object l = left.eval(scope);
            Object r = right.eval(scope);
            return switch (op) {
                case "+" -> number(l).add(number(r));
                case "-" -> number(l).subtract(number(r));
                case "*" -> number(l).multiply(number(r));
                case "/" -> divide(number(l), number(r));
                case "%" -> number(r).signum() == 0 ? BigDecimal.ZERO : number(l).remainder(number(r));
                case "==" -> compare(l, r) == 0;
                case "!=" -> compare(l, r) != 0;
                case "<" -> compare(l, r) < 0;
                case "<=" -> compare(l, r) <= 0;
                case ">" -> compare(l, r) > 0;
                case ">=" -> compare(l, r) >= 0;
                default -> throw new IllegalStateException(op);
            };
        }

        public void collect(Set<String> names) {
            left.collect(names);
            right.collect(names);
        }
    }

    record Call(String function, List<Expr> args) implements Expr {

        static final Set<String> FUNCTIONS = Set.of("min", "max", "round", "floor", "ceil", "round_pow2",
                "exists", "default", "percent", "bytes");

        public Object eval(Scope scope) {
            switch (function) {
                case "exists" -> {
                    try {
                        args.get(0).eval(scope);
                        return true;
                    } catch (MissingValue e) {
                        return false;
                    }
                }
                case "default" -> {
                    try {
                        return args.get(0).eval(scope);
                    } catch (MissingValue e) {
                        return args.get(1).eval(scope);
                    }
                }
                default -> {
                    List<Object> values = args.stream().map(a -> a.eval(scope)).toList();
                    return apply(values);
                }
            }
        }

        private Object apply(List<Object> v) {
            return switch (function) {
                case "min" -> v.stream().map(Expr::number).min(BigDecimal::compareTo).orElseThrow();
                case "max" -> v.stream().map(Expr::number).max(BigDecimal::compareTo).orElseThrow();
                case "round" -> number(v.get(0)).setScale(0, RoundingMode.HALF_UP);
                case "floor" -> number(v.get(0)).setScale(0, RoundingMode.FLOOR);
                case "ceil" -> number(v.get(0)).setScale(0, RoundingMode.CEILING);
                case "round_pow2" -> roundPow2(number(v.get(0)));
                case "percent" -> divide(number(v.get(0)).multiply(BigDecimal.valueOf(100)), number(v.get(1)))
                        .setScale(1, RoundingMode.HALF_UP);
                case "bytes" -> humanBytes(number(v.get(0)));
                default -> throw new IllegalStateException(function);
            };
        }

        public void collect(Set<String> names) {
            args.forEach(a -> a.collect(names));
        }
    }

    static BigDecimal number(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof String s) {
            BigDecimal d = Numbers.parseDecimal(s);
            if (d != null) {
                return d;
            }
        }
        throw new IllegalArgumentException("not a number: " + v);
    }

    static boolean bool(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("not true/false: " + v);
    }

    private static int compare(Object l, Object r) {
        if (l instanceof String ls && r instanceof String rs) {
            return ls.compareTo(rs);
        }
        return number(l).compareTo(number(r));
    }

    private static BigDecimal divide(BigDecimal l, BigDecimal r) {
        if (r.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        return l.divide(r, MathContext.DECIMAL64);
    }

    /** The power of two nearest to x on a log scale: 1024363 becomes 1048576. */
    private static BigDecimal roundPow2(BigDecimal x) {
        if (x.signum() <= 0) {
            return BigDecimal.ONE;
        }
        double log = Math.log(x.doubleValue()) / Math.log(2);
        return BigDecimal.valueOf(2).pow((int) Math.round(log));
    }

    /** "32 GiB", "512 MiB" */
    private static String humanBytes(BigDecimal bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
        BigDecimal v = bytes;
        int i = 0;
        BigDecimal k = BigDecimal.valueOf(1024);
        while (v.compareTo(k) >= 0 && i < units.length - 1) {
            v = v.divide(k, MathContext.DECIMAL64);
            i++;
        }
        return Numbers.format(v.setScale(1, RoundingMode.HALF_UP)) + " " + units[i];
    }
}
