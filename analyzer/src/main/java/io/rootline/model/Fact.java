package io.rootline.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One named value read from the bundle: a counter, a setting, an aggregate. Values stay
 * exact: counters beyond 2^63 are kept as {@link BigDecimal}, and settings that are not
 * numbers keep their text.
 *
 * <p>A fact may carry labels: the CPU, interface, queue or driver a value is of
 * ({@code softnet.dropped} with {@code cpu=3}), so that per-CPU and per-interface values stay
 * apart under one name and rules aggregate them ({@code any(softnet.dropped > 0)}). The
 * capture it came from is its evidence's path: the same counter from two captures coexists.
 *
 * @param key      dotted name rules refer to, e.g. {@code sysctl.net.netfilter.nf_conntrack_max}
 * @param labels   what the value is of, by label (empty for a name with one value), in label order
 * @param number   the value as a number, or null when it is not one
 * @param text     the value as written
 * @param evidence where it was read (null for aggregates computed over a whole artifact)
 */
public record Fact(String key, Map<String, String> labels, BigDecimal number, String text, Evidence evidence) {

    public Fact {
        labels = labels.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /** A fact with one value. */
    public Fact(String key, BigDecimal number, String text, Evidence evidence) {
        this(key, Map.of(), number, text, evidence);
    }

    public static Fact number(String key, BigDecimal number, Evidence evidence) {
        return new Fact(key, number, number.toPlainString(), evidence);
    }

    public static Fact number(String key, long number, Evidence evidence) {
        return number(key, BigDecimal.valueOf(number), evidence);
    }

    /** A setting as written; it is also a number when its text is one ("262144", " 1 "). */
    public static Fact text(String key, String text, Evidence evidence) {
        return new Fact(key, Numbers.parseDecimal(text), text, evidence);
    }

    /** A value of one CPU, interface, queue ...: {@code labelled("softnet.dropped", Map.of("cpu", "3"), 1234, at)}. */
    public static Fact labelled(String key, Map<String, String> labels, BigDecimal number, Evidence evidence) {
        return new Fact(key, labels, number, number.toPlainString(), evidence);
    }

    /** A text value of one interface, queue ...: {@code iface.flags} of {@code iface=eth0}. */
    public static Fact labelledText(String key, Map<String, String> labels, String text, Evidence evidence) {
        return new Fact(key, labels, Numbers.parseDecimal(text), text, evidence);
    }

    /** This fact with one more label ("source" = "ip-link"). */
    public Fact withLabel(String label, String value) {
        Map<String, String> more = new TreeMap<>(labels);
        more.put(label, value);
        return new Fact(key, more, number, text, evidence);
    }

    public boolean isNumber() {
        return number != null;
    }

    /** "softnet.dropped{cpu=3}", or the key alone. */
    public String display() {
        if (labels.isEmpty()) {
            return key;
        }
        StringBuilder b = new StringBuilder(key).append('{');
        labels.forEach((k, v) -> b.append(b.charAt(b.length() - 1) == '{' ? "" : ", ").append(k).append('=').append(v));
        return b.append('}').toString();
    }
}
