package io.rootline.model;

import java.math.BigDecimal;

/**
 * One named value read from the bundle: a counter, a setting, an aggregate.
 * Values stay exact: counters beyond 2^63 are kept as {@link BigDecimal}, and
 * settings that are not numbers keep their text.
 *
 * @param key      dotted name rules refer to, e.g. {@code sysctl.net.netfilter.nf_conntrack_max}
 * @param number   the value as a number, or null when it is not one
 * @param text     the value as written
 * @param evidence where it was read (null for aggregates computed over a whole artifact)
 */
public record Fact(String key, BigDecimal number, String text, Evidence evidence) {

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

    public boolean isNumber() {
        return number != null;
    }
}
