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
