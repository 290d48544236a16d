package io.rootline.rules;

import java.util.List;

/**
 * A text of a rule as one template, or as variants each with a condition: the first variant
 * whose condition holds, and whose text can be computed, is the one said.
 *
 * <pre>
 * summary_facts:
 *   - text: "table at {count} of {max} entries at capture; no kernel log shows whether packets were dropped"
 *     when: "cause.unknown != ''"
 *   - text: "table at {count} of {max} entries at capture; the kernel log shows no drop"
 * </pre>
 */
record Texts(List<Variant> variants) {

    /** One variant: its text, and the condition it is said under (null: always). */
    record Variant(Template text, Expr when) {
    }

    Texts {
        variants = List.copyOf(variants);
    }

    static Texts of(Template text) {
        return new Texts(List.of(new Variant(text, null)));
    }

    /**
     * The first variant whose condition holds, rendered; a variant that needs a value the
     * bundle lacks is passed over, and the first such need is thrown when none could be said.
     */
    String render(Expr.Scope scope) {
        Expr.MissingValue missing = null;
        for (Variant v : variants) {
            try {
                if (v.when() == null || Boolean.TRUE.equals(v.when().eval(scope))) {
                    return v.text().render(scope);
                }
            } catch (Expr.MissingValue e) {
                missing = missing == null ? e : missing;
            }
        }
        if (missing != null) {
            throw missing;
        }
        return null;
    }

    java.util.Set<String> names() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Variant v : variants) {
            names.addAll(v.text().names());
            if (v.when() != null) {
                v.when().collect(names);
            }
        }
        return names;
    }
}
