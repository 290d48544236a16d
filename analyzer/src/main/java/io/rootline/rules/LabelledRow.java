package io.rootline.rules;

import io.rootline.model.Fact;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A row of a {@code for_each} over a labelled fact: its labels (grouped by {@code by:}) and
 * the fields a text reads as {@code row.<label>} and {@code row.value} (the group's sum).
 */
record LabelledRow(Map<String, String> labels, BigDecimal value) {

    /** The rows of a labelled fact's values grouped by {@code by} (every label when empty), the largest value first. */
    static List<LabelledRow> of(List<Fact> facts, List<String> by) {
        Map<Map<String, String>, BigDecimal> groups = new LinkedHashMap<>();
        for (Fact f : facts) {
            Map<String, String> group = new TreeMap<>();
            if (by.isEmpty()) {
                group.putAll(f.labels());
            } else {
                by.forEach(label -> {
                    String v = f.labels().get(label);
                    if (v != null) {
                        group.put(label, v);
                    }
                });
            }
            groups.merge(group, f.number() == null ? BigDecimal.ZERO : f.number(), BigDecimal::add);
        }
        List<LabelledRow> rows = new ArrayList<>();
        groups.forEach((labels, value) -> rows.add(new LabelledRow(labels, value)));
        rows.sort(Comparator.comparing(LabelledRow::value).reversed());
        return rows;
    }

    /** {@code row.iface = eth0}, {@code row.value = 2300000}, as texts read them. */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>(labels);
        fields.put("value", value.toPlainString());
        return fields;
    }
}
